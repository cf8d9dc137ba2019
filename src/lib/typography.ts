/**
 * Russian typography by Typograf, applied only where it cannot change what a document says:
 * a space may become non-breaking, a dash may change its kind, a straight quote the editor typed
 * may become a «ёлочка» — and nothing else. The texts are official documents: a space inserted
 * into «приказ(ы)», a comma added before «а», «3.5» turned into «3,5» or «как то» into «как-то»
 * would put words into a school's mouth. One configured instance for the whole build.
 */
import Typograf from 'typograf';

/**
 * The rules kept, out of Typograf's list for ru (node_modules/typograf/docs/RULES.ru.md). Each
 * only changes the kind of a space or of a dash, or turns straight quotes into «ёлочки»; where
 * one would also insert or remove a space (a rule's optional space in its pattern), faithful()
 * below puts the text's own spacing back. Every other rule is off, among them the ones enabled by
 * default that rewrite wording: spaces inserted after punctuation and before brackets
 * (common/space/*), commas before «а»/«но» (ru/punctuation/ano), «!!» → «!», «...» → «…»,
 * «1/2» → «½», «(c)» → «©», «3.5%» → «3,5%», «5-ый» → «5-й», ISO dates rewritten, hyphens put into
 * «из за», «как то», «кое что», Latin letters swapped for Cyrillic, phone numbers regrouped,
 * «№№» → «№», «м2» → «м²», «з.ы.» → «P. S.», a dot added to «XX в».
 */
export const KEPT_RULES = [
  // Non-breaking spaces: after short words and prepositions, before a short last word or number.
  'common/nbsp/afterShortWord',
  'common/nbsp/afterShortWordByList',
  'common/nbsp/beforeShortLastNumber',
  'common/nbsp/beforeShortLastWord',
  // Non-breaking spaces in abbreviations, addresses, dates, initials, «им.», «см.», «ст. 5», «2020 г.».
  'ru/nbsp/abbr',
  'ru/nbsp/addr',
  'ru/nbsp/beforeParticle',
  'ru/nbsp/dayMonth',
  'ru/nbsp/initials',
  'ru/nbsp/mln',
  'ru/nbsp/ooo',
  'ru/nbsp/page',
  'ru/nbsp/rubleKopek',
  'ru/nbsp/see',
  'ru/nbsp/year',
  // Dashes: a spaced hyphen between words becomes «—»; ranges of years, months, days, times «–».
  'ru/dash/main',
  'ru/dash/directSpeech',
  'ru/dash/centuries',
  'ru/dash/daysMonth',
  'ru/dash/decade',
  'ru/dash/month',
  'ru/dash/time',
  'ru/dash/weekday',
  'ru/dash/years',
  // «ёлочки» for straight quotes (typed «ёлочки» and “лапки” stay as typed: see faithful()).
  'common/punctuation/quote',
];

const typograf = new Typograf({ locale: ['ru', 'en-US'], htmlEntity: { type: 'default' } });
typograf.disableRule('*');
typograf.enableRule(KEPT_RULES);
// Typograf drops a quote doubled at a nesting boundary («школа «Лидер»» → «школа «Лидер»): a
// document's own punctuation, kept.
typograf.setSetting('common/punctuation/quote', 'ru', { left: '«„', right: '»“', removeDuplicateQuotes: false });

const isSpace = (c: string) => /\s/.test(c);
const isDash = (c: string) => /[-\u2010-\u2015\u2212]/.test(c);
const isQuote = (c: string) => /["«»„“”‟‹›]/.test(c);

/**
 * The typeset text held to the source: walking both, a space or dash that changed kind (also «--»
 * made one dash) and a straight quote that became a typographic one are taken from Typograf; a
 * space it inserted is dropped, a space it removed is put back, a typed typographic quote it
 * reshaped is restored. Anything else (a changed letter, digit or sign) means a rule did more than
 * typography: the source is kept as it is.
 */
function faithful(source: string, typeset: string): string {
  let i = 0;
  let j = 0;
  let result = '';
  while (i < source.length || j < typeset.length) {
    const a = source[i];
    const b = typeset[j];
    if (a !== undefined && b !== undefined) {
      const sameKind = a === b || (isSpace(a) && isSpace(b)) || (isDash(a) && isDash(b)) || (a === '"' && isQuote(b));
      if (sameKind || (isQuote(a) && isQuote(b))) {
        result += sameKind ? b : a;
        i++;
        j++;
        continue;
      }
    }
    // «--», a dash typed in two hyphens, became one dash.
    if (a !== undefined && isDash(a) && isDash(source[i - 1] ?? '') && isDash(result.at(-1) ?? '') && !isDash(b ?? '')) i++;
    else if (b !== undefined && isSpace(b)) j++;
    else if (a !== undefined && isSpace(a)) result += source[i++];
    else return source;
  }
  return result;
}

/**
 * Numbers of laws and orders read as one unit: «№ 273-ФЗ» never leaves «№» or «ФЗ» at the start
 * of the next line. After «№» (or «N», as some documents write it) the space becomes
 * non-breaking; a hyphen followed by a letter in a token with a digit («273-ФЗ», «5-й») gets a
 * WORD JOINER after it (U+2060: no line break on either side). The hyphen stays the ordinary one,
 * so the text copies and is searched for as typed (Pagefind and the browser's find ignore the
 * joiner). A hyphen before a digit («Р-145», «МР-42/02», «2023-2024») and a date («29.12.2012»)
 * never break in the first place (Unicode line breaking keeps numbers whole). An address (a link or
 * an e-mail written out) is left alone: it must copy exactly.
 */
const bindNumbers = (text: string) =>
  text
    .replace(/(^|[\s(«„"])(№|N)[ \u00a0\u202f\u2009](?=\S*\d)/g, '$1$2\u00a0')
    .replace(/\S+/g, (token) =>
      /\d/.test(token) && !/:\/\/|www\.|@/.test(token) ? token.replace(/(?<=[0-9A-ZА-ЯЁ])-(?=[A-Za-zА-ЯЁа-яё])/g, '-\u2060') : token,
    );

const typeset = (text: string) => bindNumbers(faithful(text, typograf.execute(text)));

const cache = new Map<string, string>();

/** Where a build puts the memo of the last build's results (src/integrations/typography-memo.ts). */
export const TYPOGRAPHY_MEMO = Symbol.for('nastavnichestvo.typography-memo');
type Memo = { of(text: string, compute: () => string): string };

/** A text as the site shows it, trimmed (a text node keeps its own neighbouring spaces: src/lib/markdown/typography.ts). */
export function typo(text: string | undefined | null): string {
  const trimmed = text?.trim();
  if (!trimmed) return '';
  let result = cache.get(trimmed);
  if (result === undefined) {
    const memo = (globalThis as Record<symbol, Memo | undefined>)[TYPOGRAPHY_MEMO];
    result = memo ? memo.of(trimmed, () => typeset(trimmed)) : typeset(trimmed);
    cache.set(trimmed, result);
  }
  return result;
}

/** A phone number that never wraps: spaces and hyphens become their non-breaking forms. */
export const unbreakablePhone = (phone: string) => phone.replace(/ /g, '\u00A0').replace(/-/g, '\u2011');
