/**
 * The editor's Russian without a browser (issue 17, finding 8): Decap's phrases as we register
 * them, the word forms of every list, and the tables that put hard-coded English into Russian.
 * The browser check of what the editor shows is tests/editor-locale.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { defaultAnnouncements, defaultScreenReaderInstructions } from '@dnd-kit/core';
// @ts-expect-error decap-cms-locales ships no types; its main file is a browser bundle, so the modules themselves
import en from 'decap-cms-locales/dist/esm/en/index.js';
// @ts-expect-error see above
import ru from 'decap-cms-locales/dist/esm/ru/index.js';
import { buildCmsConfig } from '../cms/config.ts';
import { countedForm, countPhrase, LIST_WORDS, listWords } from '../cms/wording.ts';
import { HARD_CODED_ATTRIBUTES, HARD_CODED_TEXT } from '../src/admin/dom-words.ts';
import { phrase, RU_PHRASES, russianPhrases, type Phrases } from '../src/admin/phrases-ru.ts';
import { optionsCount, RUSSIAN_ARIA_LIVE } from '../src/admin/select-words.ts';

const merged = russianPhrases(ru);

/** Every phrase of a locale tree, by its dotted key. */
function leaves(tree: Phrases, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}
const placeholders = (text: string) => new Set(text.match(/%\{\w+\}/g) ?? []);

/** Names that stay Latin in Russian: sign-in services, the format, the shortcut's keys, an internationalisation term. */
const NAMES =
  /^(GitHub|GitLab|Gitea|Forgejo|Azure|Bitbucket|Netlify|Identity|Git|Gateway|git|gateway|service|config|yml|Markdown|Ctrl|Enter|Esc|Tab|Backspace|i18n)$/;
const englishIn = (text: string) => (text.replace(/%\{\w+\}/g, '').match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((word) => !NAMES.test(word));

describe("Decap's phrases in Russian", () => {
  it('has every phrase of the English locale, so Decap never falls back to English', () => {
    const russian = new Map(leaves(merged));
    const missing = leaves(en)
      .map(([key]) => key)
      .filter((key) => !russian.has(key));
    expect(missing).toEqual([]);
  });

  it('has no English words left in any phrase (service names aside)', () => {
    const english = leaves(merged)
      // A date pattern for dayjs («D MMMM»), not words.
      .filter(([key]) => !key.endsWith('.dateFormat'))
      .filter(([, text]) => englishIn(text).length > 0)
      .map(([key, text]) => `${key}: ${text}`);
    expect(english).toEqual([]);
  });

  it('mixes no Latin letter into a Russian word («Cтатус» with a Latin C)', () => {
    const mixed = leaves(merged)
      .filter(([, text]) => /[а-яё][a-z]|[a-z][а-яё]/i.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(mixed).toEqual([]);
  });

  it('fixes the typos of decap-cms-locales', () => {
    const texts = leaves(merged).map(([, text]) => text);
    // The originals are there to be fixed: if decap-cms-locales fixes them itself, these lines can go.
    expect(leaves(ru).map(([, text]) => text)).toContain('Полужиный');
    for (const typo of ['Полужиный', 'По убывания', 'медифайлов', 'содежрит'])
      expect(
        texts.some((text) => text.includes(typo)),
        typo,
      ).toBe(false);
    expect(phrase(merged, 'editor.editorWidgets.markdown.bold')).toBe('Полужирный');
  });

  it('keeps the placeholders Decap fills in: none invented, none lost where the English needs it', () => {
    const english = new Map(leaves(en));
    const wrong = leaves(RU_PHRASES as Phrases).flatMap(([key, text]) => {
      const original = english.get(key);
      if (original === undefined) return []; // our own phrase
      const [ours, theirs] = [placeholders(text), placeholders(original)];
      const invented = [...ours].filter((p) => !theirs.has(p));
      // A phrase may drop a value only on purpose (widgetLabel: an empty name).
      const lost = text === '' ? [] : [...theirs].filter((p) => !ours.has(p));
      return invented.length || lost.length ? [`${key}: ${[...invented, ...lost].join(' ')}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('gives phrases with a count the three Russian forms polyglot chooses from', () => {
    const counted = leaves(merged).filter(([, text]) => text.includes('%{smart_count}') && text.includes('||||'));
    expect(counted.length).toBeGreaterThan(0);
    for (const [key, text] of counted) expect(text.split('||||'), key).toHaveLength(3);
  });

  it('uses an «optional» mark that agrees with any label', () => {
    expect(phrase(merged, 'editor.editorControl.field.optional')).toBe('необязательно');
  });
});

describe('word forms of the lists', () => {
  type Field = {
    name: string;
    label: string;
    widget: string;
    fields?: Field[];
    field?: Field;
    label_singular?: string;
    label_counted?: Record<string, string>;
  };
  const config = buildCmsConfig() as { collections: { name: string; fields?: Field[]; files?: { fields: Field[] }[] }[] };
  const lists: { path: string; field: Field }[] = [];
  const walk = (fields: Field[], path: string) => {
    for (const field of fields) {
      if (field.widget === 'list') lists.push({ path: `${path}.${field.name}`, field });
      if (field.fields) walk(field.fields, `${path}.${field.name}`);
      if (field.field) walk([field.field], `${path}.${field.name}[]`);
    }
  };
  for (const c of config.collections) walk(c.fields ?? c.files!.flatMap((f) => f.fields), c.name);

  it('finds the lists of every depth (a roadmap item in an item)', () => {
    expect(lists.map((l) => l.path)).toContain('roadmaps.stages.items.items.responsible');
    expect(lists.length).toBeGreaterThan(20);
  });

  it('every list has its accusative for «Добавить …» and its forms after a number', () => {
    const missing = lists.filter(({ field }) => !field.label_singular || !field.label_counted).map(({ path, field }) => `${path} «${field.label}»`);
    expect(missing, 'списки без словоформ: добавьте их в LIST_WORDS (cms/wording.ts)').toEqual([]);
    for (const { field } of lists) {
      const words = listWords(field.label)!;
      expect(field.label_singular).toBe(words.add);
      expect(field.label_counted).toEqual({ one: words.one, few: words.few, many: words.many });
    }
  });

  it('has no forms for a list that is gone', () => {
    const labels = new Set(lists.map(({ field }) => field.label.toLocaleLowerCase('ru')));
    expect(Object.keys(LIST_WORDS).filter((label) => !labels.has(label))).toEqual([]);
  });

  it('takes the form the number asks for, by Intl.PluralRules', () => {
    const awards = LIST_WORDS['награды'];
    expect([0, 1, 2, 4, 5, 11, 12, 21, 22, 25, 111].map((n) => countPhrase(n, awards))).toEqual([
      '0 наград',
      '1 награда',
      '2 награды',
      '4 награды',
      '5 наград',
      '11 наград',
      '12 наград',
      '21 награда',
      '22 награды',
      '25 наград',
      '111 наград',
    ]);
    expect(countPhrase(7, LIST_WORDS['разделы (этапы)'])).toBe('7 разделов (этапов)');
    expect(countPhrase(1, LIST_WORDS['годы реализации'])).toBe('1 год реализации');
    expect(countedForm(0, LIST_WORDS['достижения'])).toBe('достижений');
    expect(optionsCount(3)).toBe('3 варианта');
  });
});

describe('hard-coded English', () => {
  it("puts dnd-kit's own instructions and announcements into Russian", () => {
    const translate = (text: string) => HARD_CODED_TEXT.find(([english]) => english.test(text))?.[1];
    const item = { id: 'item-1', data: { current: undefined }, rect: { current: { initial: null, translated: null } } } as never;
    const area = { id: 'list', data: { current: undefined }, rect: null, disabled: false } as never;
    const said = [
      defaultScreenReaderInstructions.draggable,
      defaultAnnouncements.onDragStart({ active: item }),
      defaultAnnouncements.onDragOver!({ active: item, over: area }),
      defaultAnnouncements.onDragOver!({ active: item, over: null }),
      defaultAnnouncements.onDragEnd({ active: item, over: area }),
      defaultAnnouncements.onDragEnd({ active: item, over: null }),
      defaultAnnouncements.onDragCancel({ active: item, over: null }),
    ];
    const untranslated = said.filter((text) => text && translate(text) === undefined);
    expect(untranslated).toEqual([]);
    for (const text of said) if (text) expect(englishIn(translate(text)!), text).toEqual([]);
  });

  it('names the attributes it translates, in Russian', () => {
    for (const rules of Object.values(HARD_CODED_ATTRIBUTES)) for (const [, russian] of rules) expect(englishIn(russian)).toEqual([]);
  });

  it("gives react-select's screen-reader messages in Russian", () => {
    const option = { label: 'МОУ «СШ № 2»', value: 'x' };
    const base = { isSearchable: true, isMulti: true, tabSelectsValue: true, isInitialFocus: true, 'aria-label': undefined } as never;
    const messages = [
      ...(['menu', 'input', 'value'] as const).map((context) => RUSSIAN_ARIA_LIVE.guidance!({ ...(base as object), context } as never)),
      ...(['deselect-option', 'clear', 'initial-input-focus', 'select-option'] as const).map((action) =>
        RUSSIAN_ARIA_LIVE.onChange!({ action, label: option.label, labels: [option.label], isDisabled: false } as never),
      ),
      RUSSIAN_ARIA_LIVE.onFocus!({ context: 'menu', focused: option, options: [option], label: option.label, selectValue: [], isAppleDevice: true } as never),
      RUSSIAN_ARIA_LIVE.onFilter!({ inputValue: 'щ', resultsMessage: `В списке ${optionsCount(0)}` } as never),
    ];
    expect(messages.every(Boolean)).toBe(true);
    for (const message of messages) expect(englishIn(message), message).toEqual([]);
  });
});
