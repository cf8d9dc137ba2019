/**
 * Search results that land on the row: «анкетирование наставников» opens the roadmap at
 * #p-2-1, not at its top.
 *
 * Pagefind's own sub-results split a page only on headings (h1–h6) with an id. A roadmap's
 * items are rows of a table, and turning each into a heading would break the table (and give a
 * screen reader thirty headings). But Pagefind also returns, with every result, each element
 * with an id and the word position it starts at (`anchors`), the positions of the matching words
 * (`locations`) and the page's text (`content`): the documented way to compute one's own
 * sub-results (https://pagefind.app/docs/sub-results/). A roadmap row is a <tr> with its anchor
 * (item-anchors.ts); a regulation's clause is a <p id="p-2-3-1"> (clause-anchors.ts).
 */
import { fold, fromIndex, normaliseQuery } from './normalise.ts';

export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

export interface FragmentWithAnchors {
  url: string;
  /** The page's text, words as Pagefind counts them (whitespace-separated). */
  content: string;
  /** Word positions of the matches. */
  locations: number[];
  anchors: PagefindAnchor[];
}

export interface RowResult {
  /** The page's address with the row's anchor. */
  url: string;
  id: string;
  /** The row's opening words (its number and the start of its title), matches marked. */
  words: { text: string; match: boolean }[];
  /** Whether the row's text goes on beyond the words shown. */
  cut: boolean;
  matches: number;
}

/** An element a result may link to: a roadmap's row, a regulation's clause. */
export const isRowAnchor = (anchor: PagefindAnchor) => anchor.element === 'tr' || (anchor.element === 'p' && /^p-/.test(anchor.id));

/** A word as compared with a query's terms: lower case, «ё» as «е», no punctuation around it. */
const bare = (word: string) => fold(word).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The query's words as the search has them (normaliseQuery: any dash splits, quotes go), each once. */
export const queryTerms = (query: string) => [
  ...new Set(
    normaliseQuery(query)
      .split(/[\s/]+/u)
      .map(bare)
      .filter(Boolean),
  ),
];

const sharedStart = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/**
 * Which of the query's terms a matched word stands for. Pagefind says where the matches are, not
 * which term each one matched (it compares stems: «анкетирования» matches «анкетирование»), so the
 * term is the one sharing the longest start with the word.
 */
export function termOf(word: string, terms: string[]): number {
  const found = bare(word);
  let best = -1;
  let longest = 2;
  terms.forEach((term, i) => {
    const shared = sharedStart(found, term);
    if (shared > longest) [best, longest] = [i, shared];
  });
  return best;
}

/**
 * Every term a word of the page stands for: a word joined by a dash or a quote stands for each
 * of its parts, as the index has it («учитель–ученик» matches both «учитель» and «ученик»).
 */
export const termsOf = (word: string, terms: string[]) => [...new Set(word.split(/[^\p{L}\p{N}.]+/u).map((part) => termOf(part, terms)))].filter((t) => t >= 0);

/**
 * The rows holding the matches, at most `limit`; each ends where the next element with an id
 * begins. Rows holding more of the query's different words come first, and where some row holds
 * them all only such rows are shown: «анкетирование наставников» lands on «3.1 Анкетирование
 * потенциальных наставников», not on every row that names a mentor. Among equals, more matches
 * first, then document order.
 */
export function rowResults(fragment: FragmentWithAnchors, { limit = 3, words = 14, terms = [] as string[] } = {}): RowResult[] {
  const anchors = [...fragment.anchors].sort((a, b) => a.location - b.location);
  // The page's own dashes and quotes (the index marks them); no word boundary moves.
  const text = fromIndex(fragment.content).split(/[\r\n\s]+/g);
  const matched = new Set(fragment.locations);
  const rows = new Map<PagefindAnchor, { matches: number; terms: Set<number> }>();
  for (const location of fragment.locations) {
    const owner = anchors.findLast((a) => a.location <= location);
    if (!owner || !isRowAnchor(owner)) continue;
    const row = rows.get(owner) ?? { matches: 0, terms: new Set<number>() };
    row.matches++;
    for (const term of termsOf(text[location] ?? '', terms)) row.terms.add(term);
    rows.set(owner, row);
  }
  const most = Math.max(0, ...[...rows.values()].map((row) => row.terms.size));
  return [...rows]
    .filter(([, row]) => terms.length < 2 || most < terms.length || row.terms.size === most)
    .sort(([a, x], [b, y]) => y.terms.size - x.terms.size || y.matches - x.matches || a.location - b.location)
    .slice(0, limit)
    .map(([anchor, { matches }]) => {
      const end = anchors.find((a) => a.location > anchor.location)?.location ?? text.length;
      const last = Math.min(end, anchor.location + words);
      return {
        url: `${fragment.url.replace(/#.*$/, '')}#${anchor.id}`,
        id: anchor.id,
        words: text.slice(anchor.location, last).map((word, i) => ({ text: word, match: matched.has(anchor.location + i) })),
        cut: last < end,
        matches,
      };
    });
}
