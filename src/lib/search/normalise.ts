/**
 * One word to the search however its dashes, quotes and «ё» are typed: «ученик-ученик»,
 * «ученик – ученик» and «ученик—ученик» are the same query.
 *
 * Pagefind lowercases a query, drops its punctuation and folds diacritics («ё» to «е»), so a
 * dash between two words glues them into one («ученикученик»), which only a page with that very
 * hyphenated word matches, while «ученик – ученик» looks for both words. Here every dash
 * becomes a space and every quote goes, before Pagefind sees the query.
 *
 * The index has the mirror problem: Pagefind indexes a hyphenated word whole and by its parts,
 * but it splits words only at ASCII punctuation (pagefind/src/fossick/splitting.rs), so
 * «2026–2028», «учитель‑ученик» (a non-breaking hyphen) or «коллега»–совместная could not be
 * found by their parts. The text Pagefind indexes (not the page) carries each such character as
 * an ASCII mark in backticks («–» as «`%`»): a place Pagefind splits at, no space added, so word
 * positions and row anchors stay as on the page. `fromIndex` puts the characters back in what
 * the reader sees (excerpts, row titles).
 */

/** Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign. */
export const DASHES = '-‐‑‒–—―−';
/** «Ёлочки», „лапки“, “English”, ‘single’, ‹angle› and the straight ones. */
export const QUOTES = '«»„“”‟‘’‚‛‹›"\'';

/**
 * The word joiner typography puts after the hyphen of «273-ФЗ» to keep it on one line: no part of
 * a word, marked in the index like a dash, a space in a query.
 */
export const JOINERS = '\u2060';

/** Lower case, «ё» as «е»: Pagefind folds both in the index and the query; the row ranking does the same. */
export const fold = (text: string) => text.toLowerCase().replaceAll('ё', 'е');

/**
 * The query as the index has its words: dashes are spaces, no quotes, «ё» is «е», lower case.
 * «№» is a space too: Pagefind keeps no symbol, so «№ 273-ФЗ» would look for an empty word.
 */
export const normaliseQuery = (query: string) =>
  fold(query)
    // U+2010–2015: ‐ ‑ ‒ – — ―; U+2018–201F: ‘ ’ ‚ ‛ “ ” „ ‟; U+2060, the word joiner.
    .replace(/[-‐-―−№\u2060]/g, ' ')
    .replace(/[«»‘-‟‹›"']/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The non-ASCII dashes and quotes, and at the same place in MARKS the ASCII mark each stands
 * for in the index: no character HTML escapes (& < > " '), no letter or digit (Pagefind would
 * index it). Literal copies of both in the patterns below keep the page's script small.
 */
export const MARKED = '‐‑‒–—―−«»„“”‟‘’‚‛‹›\u2060';
export const MARKS = '!#$%*+=()[{}^:;,~/?|';

/** Text as Pagefind should index it: each dash or typographic quote as its mark in backticks. */
export const toIndex = (text: string) => text.replace(/[‐-―−«»‘-‟‹›\u2060]/g, (c) => `\`${MARKS[MARKED.indexOf(c)]}\``);

/** Text from the index (an excerpt, a page's words) with the page's own dashes and quotes. */
export const fromIndex = (text: string) => text.replace(/`([!#$%*+=()[{}^:;,~/?|])`/g, (_, mark: string) => MARKED[MARKS.indexOf(mark)]);
