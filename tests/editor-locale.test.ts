/**
 * The editor speaks Russian (issue 17, finding 8), checked as a curator sees it: `npm run cms` on a
 * copy of the content, Chromium, every collection's list, a new entry of every collection (with an
 * item added to each of its lists) and an existing one (mentor with achievements, practice,
 * roadmap with nested lists, regulation with the Markdown toolbar, organisation, form, settings),
 * every list expanded, the drop-down menus and the media library opened, a reference field searched.
 *
 * From all that it takes every text on the screen, every aria-label, title, placeholder, alt and
 * role description, the hidden texts screen readers read (aria-describedby, live regions) and the
 * browser's dialogs, and fails on:
 * - an English word: Latin words are allowed only where they are the content itself (the copy's
 *   files and their names) or in the short list below, each with its reason;
 * - a count with the wrong word form («0 достижения», «1 годы реализации», «7 разделы (этапы)»): a
 *   number before a list's word must take the form Intl.PluralRules('ru') asks for, the forms being
 *   those of cms/wording.ts; and the run must meet all three forms (one, few, many);
 * - «Добавить награды»: the add buttons must name one item, in the accusative of cms/wording.ts;
 * - capitals set by styles («ФОТОГРАФИЯ (НЕОБЯЗАТЕЛЬНЫЙ)»), double parentheses in a label,
 *   «(необязательный)» that does not agree with the label;
 * - «Изменения сохранены» on a new entry nothing of which is saved;
 * - a preview that shows a reference's Latin id instead of the entry's name.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { parse } from 'yaml';
// @ts-expect-error decap-cms-locales ships no types; its main file is a browser bundle, so the module itself
import ru from 'decap-cms-locales/dist/esm/ru/index.js';
import { chromiumPath } from './helpers/browser.ts';
import { field, settling, startEditor, type Editor } from './helpers/editor.ts';
import { countedForm, LIST_WORDS } from '../cms/wording.ts';
import { phrase, russianPhrases } from '../src/admin/phrases-ru.ts';
import { COLLECTIONS, collectionSpec, type CollectionName } from '../src/schemas/index.ts';

const SITE_PORT = 4396;
const DECAP_PORT = 8196;
const PHRASES = russianPhrases(ru);
const t = (key: string) => phrase(PHRASES, key);

/**
 * Latin words that are not English to a Russian reader. Everything else Latin must come from the
 * content (a title, a file name) or it is Decap talking English.
 */
const ALLOWED_LATIN = new Set([
  // The text format's name, in Decap's mode switch and our hints («Разметка Markdown: …»).
  'markdown',
  // Our hint on photos: «сведения EXIF (в том числе место съёмки) удаляются».
  'exif',
  // Keys as they are labelled on the keyboard, in screen-reader instructions.
  'esc',
  'enter',
  'tab',
  'backspace',
]);

/** Existing entries to open: lists with items (nested in a roadmap), the Markdown toolbar, a reference to name. */
const EXISTING: Record<string, string> = {
  organizations: 'lesnogorsk-sosh-1',
  forms: 'uchitel-uchitel',
  regulations: 'ustyuzhna-sh-2',
  roadmaps: 'selivanovskaya-sh-28-2022-2023',
  practices: 'shkola-molodogo-pedagoga',
  mentors: 'smirnova-elena',
  settings: 'site',
};

interface Shown {
  kind: string;
  text: string;
  /** Where it was seen: the screen's address and what was open. */
  where: string;
}

/** Everything the page shows or reads out, plus texts set in capitals by styles. */
async function shownOn(page: Page): Promise<{ kind: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { kind: string; text: string }[] = [];
    const add = (kind: string, value: string | null | undefined) => {
      const text = (value ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push({ kind, text });
    };
    // Shown, or only clipped for screen readers (live regions): not display:none.
    const shown = (el: Element) => el.checkVisibility();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, noscript') || !shown(el)) continue;
      add('текст', node.nodeValue);
      if (getComputedStyle(el).textTransform === 'uppercase' && /[а-яё]/i.test(node.nodeValue ?? '')) add('прописными', node.nodeValue);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (!shown(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-description', 'aria-valuetext'])
        add(name, el.getAttribute(name));
      // Read out by screen readers even when hidden (dnd-kit's instructions are display:none).
      for (const name of ['aria-describedby', 'aria-labelledby']) {
        for (const id of (el.getAttribute(name) ?? '').split(/\s+/).filter(Boolean)) add(name, document.getElementById(id)?.textContent);
      }
      if (el.tagName === 'LABEL') add('подпись поля', el.textContent);
    }
    return out;
  });
}

/** Roles a screen reader announces as something to press or toggle: each needs a name. */
const PRESSABLE = new Set(['button', 'switch', 'menuitem', 'link', 'checkbox', 'radio', 'tab']);

/** Controls without an accessible name, as Chromium computes it for screen readers (its accessibility tree). */
async function unnamedOn(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[];
    };
    const unnamed = nodes.filter((n) => !n.ignored && PRESSABLE.has(n.role?.value ?? '') && !n.name?.value?.trim());
    return Promise.all(
      unnamed.map(async (n) => {
        const { node } = (await cdp.send('DOM.describeNode', { backendNodeId: n.backendDOMNodeId })) as { node: { nodeName: string; attributes?: string[] } };
        return `${n.role!.value} <${node.nodeName.toLowerCase()} ${(node.attributes ?? []).join(' ').slice(0, 160)}>`;
      }),
    );
  } finally {
    await cdp.detach();
  }
}

/** Every Latin word of the content copy: its texts and its file names. */
function contentLatin(dir: string, words = new Set<string>()): Set<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    for (const word of name.match(/[a-z]{2,}/gi) ?? []) words.add(word.toLowerCase());
    if (statSync(path).isDirectory()) contentLatin(path, words);
    else if (/\.(ya?ml|md)$/.test(name)) for (const word of readFileSync(path, 'utf8').match(/[a-z]{2,}/gi) ?? []) words.add(word.toLowerCase());
  }
  return words;
}

const plural = new Intl.PluralRules('ru');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every word a list's count can stand before: its label and its three forms, each with its list's forms. */
const COUNTED = Object.entries(LIST_WORDS).flatMap(([label, words]) =>
  [...new Set([label, words.one, words.few, words.many])].map((word) => ({
    word,
    words,
    pattern: new RegExp(`(?<![\\p{L}\\d.,])(\\d+)\\s+${escapeRegExp(word)}(?![\\p{L}])`, 'giu'),
  })),
);

interface Count {
  text: string;
  count: number;
  word: string;
  expected: string;
}
/** «<number> <list word>» pairs in a text, with the form the number asks for. */
function countsIn(text: string): Count[] {
  return COUNTED.flatMap(({ words, pattern }) =>
    [...text.matchAll(pattern)].map((m) => {
      const count = Number(m[1]);
      return { text, count, word: m[0].slice(m[1].length).trim().toLowerCase(), expected: countedForm(count, words) };
    }),
  );
}

describe.skipIf(!chromiumPath)('the editor in Russian', () => {
  let editor: Editor;
  let page: Page;
  /** Waits for the screen to stop changing, at most as long as given (tests/helpers/editor.ts). */
  let settle: (atMostMs: number) => Promise<void>;
  const seen: Shown[] = [];
  let where = '';
  /** The status under «К списку …» on each new entry before anything is typed, and on each existing entry. */
  const statusOfNew = new Map<string, string>();
  const statusOfExisting = new Map<string, string>();
  /** Each preview's text, by collection. */
  const previews = new Map<string, string>();
  let latinOfContent = new Set<string>();

  const record = async (what: string) => {
    const at = `${where}${what ? ` (${what})` : ''}`;
    for (const item of await shownOn(page)) seen.push({ ...item, where: at });
    for (const control of await unnamedOn(page)) seen.push({ kind: 'без названия', text: control, where: at });
  };
  const go = async (hash: string) => {
    where = hash;
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
  };
  /**
   * Opens an entry as a curator does, from its collection's list: Decap does not load another
   * entry when the address changes from one entry straight to another (it keeps the form it has).
   */
  const openEntry = async (collection: string, path: string) => {
    await go(`#/collections/${collection}`);
    await page
      .getByText(collectionSpec(collection as CollectionName).label)
      .first()
      .waitFor({ timeout: 60_000 });
    await settle(500);
    await go(`#/collections/${collection}/${path}`);
    await field(page, collectionSpec(collection as CollectionName).singleFile ? 'title' : 'id').waitFor({ timeout: 60_000 });
    await settle(1500);
  };
  /** Expands every list, nested ones as they appear: clicks each shown «Развернуть» once. */
  const expandAll = async () => {
    for (let round = 0; round < 8; round++) {
      const clicked = await page.evaluate((label) => {
        const buttons = [...document.querySelectorAll<HTMLElement>(`button[aria-label="${label}"]:not([data-test-clicked])`)].filter((b) =>
          b.checkVisibility(),
        );
        for (const button of buttons) {
          button.dataset.testClicked = '';
          button.click();
        }
        return buttons.length;
      }, t('editor.editorWidgets.object.expand'));
      if (!clicked) return;
      await settle(500);
    }
  };
  /** Opens a drop-down by a button, records what it shows, closes it. */
  const recordMenu = async (what: string, button: ReturnType<Page['locator']>) => {
    if (!(await button.count())) return;
    await button.first().click();
    await page.waitForTimeout(300);
    await record(what);
    await page.keyboard.press('Escape');
    await page.mouse.click(5, 300);
  };
  /** A content file's fields (YAML, or the front matter of Markdown). */
  const fields = (collection: string, id: string) => {
    const yaml = join(editor.content, collection, `${id}.yaml`);
    return parse(existsSync(yaml) ? readFileSync(yaml, 'utf8') : readFileSync(join(editor.content, collection, `${id}.md`), 'utf8').split(/^---$/m)[1]);
  };
  /** What the preview of an existing entry must show (the referenced entries' names, as the pages do) and must not (their ids). */
  const expectedPreview = (collection: string): { names: string[]; ids: string[] } | undefined => {
    const d = fields(collection, EXISTING[collection]);
    const organization = (id: string, short = false) => fields('organizations', id)[short ? 'shortName' : 'name'] as string;
    const forms = (list: string[]) => list.map((f) => fields('forms', f).title as string);
    switch (collection) {
      case 'practices':
        return {
          names: [organization(d.organization), ...forms(d.forms), ...d.mentors.map((m: string) => fields('mentors', m).name.last)],
          ids: [d.organization, ...d.forms, ...d.mentors],
        };
      case 'mentors':
        return { names: [organization(d.organization, true), ...forms(d.forms)], ids: [d.organization, ...d.forms] };
      case 'roadmaps':
      case 'regulations':
        return { names: [organization(d.organization)], ids: [d.organization] };
      case 'organizations':
        // Decap's own preview (no template of ours): the reference to the parent organisation.
        return { names: [organization(d.parent)], ids: [d.parent] };
      default:
        return undefined;
    }
  };
  const status = () => page.locator('a[href^="#/collections/"]').filter({ hasText: '←' }).locator('div > div').last().innerText();
  const previewFrame = (): Frame | undefined => page.frames().find((f) => f !== page.mainFrame());

  beforeAll(async () => {
    editor = await startEditor({ name: 'editor-locale', sitePort: SITE_PORT, decapPort: DECAP_PORT });
    latinOfContent = contentLatin(editor.content);
    page = await editor.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    settle = settling(page);
    page.on('dialog', (dialog) => {
      seen.push({ kind: 'окно', text: dialog.message(), where });
      void dialog.accept();
    });
    // Logs in (and survives the dev server's one reload) on a new practice.
    await editor.open(page, 'practices/new', 'id');
    try {
      await walk();
    } catch (error) {
      await page.screenshot({ path: join(editor.project, '..', 'editor-locale-failure.png') }).catch(() => {});
      throw new Error(`${(error as Error).message}\nгде: ${where}`, { cause: error });
    }
  }, 900_000);

  /** Every screen the test looks at, recording what each shows. */
  async function walk() {
    // A reference field searched for what is not there, with its screen-reader messages.
    where = '#/collections/practices/new';
    await field(page, 'organization').click();
    await page.keyboard.type('щщщщ');
    // A fixed pause: the field searches after a pause of its own in typing, with nothing in flight meanwhile.
    await page.waitForTimeout(1500);
    await record('поиск в поле «Организация»');
    await page.keyboard.press('Escape');

    // Lists of entries, the header's menus, the sorting menu.
    for (const collection of COLLECTIONS) {
      await go(`#/collections/${collection}`);
      await page.getByText(collectionSpec(collection).label).first().waitFor({ timeout: 60_000 });
      await settle(1500);
      await record('');
      await recordMenu('сортировка', page.getByText(t('collection.collectionTop.sortBy'), { exact: true }));
    }
    await recordMenu('меню «Создать»', page.getByText(t('app.header.quickAdd'), { exact: true }));
    await recordMenu('меню учётной записи', page.getByRole('button', { name: t('ui.settingsDropdown.account') }));

    // A new entry of every collection that has them: as opened, then with an item added to each list.
    for (const collection of COLLECTIONS.filter((c) => !collectionSpec(c).singleFile)) {
      await openEntry(collection, 'new');
      statusOfNew.set(collection, await status());
      await record('новая запись');
      await recordMenu('меню «Опубликовать»', page.getByRole('button', { name: t('editor.editorToolbar.publish'), exact: true }));
      // Every list's add button shown on opening (not those of the items it adds), pressed once.
      const adding = t('editor.editorWidgets.list.add').split('%{item}')[0].trim();
      await page.evaluate((prefix) => {
        const buttons = [...document.querySelectorAll('button')].filter((b) => !b.disabled && b.checkVisibility() && b.textContent!.trim().startsWith(prefix));
        for (const button of buttons) button.click();
      }, adding);
      await settle(500);
      await expandAll();
      await record('новая запись, по элементу в каждом списке');
    }

    // The media library, opened from a photo.
    await openEntry('mentors', 'new');
    const choose = page.getByRole('button', { name: t('editor.editorWidgets.image.choose') });
    if (await choose.count()) {
      await choose.first().click();
      await settle(2000);
      await record('медиатека');
      await page.keyboard.press('Escape');
    }

    // Existing entries, every list expanded; their previews.
    for (const [collection, id] of Object.entries(EXISTING)) {
      await openEntry(collection, `entries/${id}`);
      statusOfExisting.set(collection, await status());
      await expandAll();
      await record('');
      const frame = previewFrame();
      const expected = expectedPreview(collection);
      if (frame && expected) {
        // The names arrive as the reference fields load the entries they name.
        for (const name of expected.names)
          await frame
            .getByText(name)
            .first()
            .waitFor({ timeout: 30_000 })
            .catch(() => {});
        previews.set(collection, await frame.locator('body').innerText());
      }
    }
  }

  afterAll(async () => {
    // What was seen, for reading when a check fails.
    if (editor) writeFileSync(join(editor.project, '..', 'editor-locale-seen.json'), JSON.stringify(seen, null, 1));
    await editor?.stop();
  });

  const latin = (text: string) => (text.match(/[a-z]{2,}/gi) ?? []).filter((w) => !ALLOWED_LATIN.has(w.toLowerCase()) && !latinOfContent.has(w.toLowerCase()));
  const report = (items: Shown[]) => [...new Set(items.map((s) => `${s.kind}: «${s.text}» — ${s.where}`))];

  it('sees every screen it meant to', () => {
    // Not an empty pass: lists, new and existing entries of every collection were seen.
    for (const collection of COLLECTIONS) expect(seen.some((s) => s.where === `#/collections/${collection}`)).toBe(true);
    expect(statusOfExisting.size).toBe(Object.keys(EXISTING).length);
    expect(seen.filter((s) => s.kind === 'aria-label').length).toBeGreaterThan(20);
  });

  it('shows and reads out no English', () => {
    const english = seen.filter((s) => s.kind !== 'без названия' && s.kind !== 'прописными' && latin(s.text).length > 0);
    expect(report(english)).toEqual([]);
  });

  it('names every button for screen readers', () => {
    expect(report(seen.filter((s) => s.kind === 'без названия'))).toEqual([]);
  });

  it('puts every count of a list in the form the number asks for, and meets all three forms', () => {
    const counts = seen.filter((s) => s.kind === 'текст').flatMap((s) => countsIn(s.text).map((c) => ({ ...c, where: s.where })));
    const wrong = counts.filter((c) => c.word !== c.expected).map((c) => `«${c.text}»: после ${c.count} — «${c.expected}» (${c.where})`);
    expect([...new Set(wrong)]).toEqual([]);
    expect([...new Set(counts.map((c) => plural.select(c.count)))].sort()).toEqual(['few', 'many', 'one']);
  });

  it('adds one item, named in the accusative: «Добавить награду»', () => {
    const [before, after] = t('editor.editorWidgets.list.add').split('%{item}');
    const adding = new RegExp(`^${escapeRegExp(before)}(.+)${escapeRegExp(after)}$`);
    const accusatives = new Set(Object.values(LIST_WORDS).map((w) => w.add));
    const buttons = seen.filter((s) => s.kind === 'текст' && adding.test(s.text));
    expect(buttons.length).toBeGreaterThan(10);
    const wrong = buttons.filter((s) => !accusatives.has(s.text.match(adding)![1].trim().toLowerCase()));
    expect(report(wrong)).toEqual([]);
  });

  it('sets nothing in capitals by styles; labels with one pair of parentheses and an «optional» that agrees with them', () => {
    expect(report(seen.filter((s) => s.kind === 'прописными'))).toEqual([]);
    const labels = seen.filter((s) => s.kind === 'подпись поля');
    expect(labels.length).toBeGreaterThan(50);
    expect(report(labels.filter((s) => /\)\s*\(/.test(s.text)))).toEqual([]);
    // The mark is the same for every label, whatever its gender: an adverb, not «необязательный/-ая».
    const optional = t('editor.editorControl.field.optional');
    expect(optional).toMatch(/о$/);
    expect(labels.some((s) => s.text.endsWith(`(${optional})`))).toBe(true);
    expect(report(labels.filter((s) => /необязательн(ый|ая|ое|ые)\b/.test(s.text)))).toEqual([]);
  });

  it('does not call a new entry saved', () => {
    // Before anything is typed; a new entry whose widgets fill something in on opening is «not saved» either way.
    const unsaved = [t('editor.editorToolbar.notSavedYet'), t('editor.editorToolbar.unsavedChanges')];
    for (const [collection, text] of statusOfNew) expect(unsaved, collection).toContain(text);
    expect([...statusOfNew.values()]).toContain(t('editor.editorToolbar.notSavedYet'));
    expect(statusOfNew.size).toBe(COLLECTIONS.filter((c) => !collectionSpec(c).singleFile).length);
    for (const [collection, text] of statusOfExisting) expect(text, collection).toBe(t('editor.editorToolbar.changesSaved'));
  });

  it('previews name the entries a reference points to, not their ids', () => {
    for (const collection of ['practices', 'mentors', 'roadmaps', 'regulations', 'organizations']) {
      const { names, ids } = expectedPreview(collection)!;
      const text = previews.get(collection) ?? '';
      for (const name of names) expect(text, `${collection}: нет «${name}»`).toContain(name);
      for (const id of ids) expect(text, `${collection}: показан идентификатор ${id}`).not.toContain(id);
    }
  });
});
