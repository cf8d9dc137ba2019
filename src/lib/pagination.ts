/**
 * Long lists are split into pages so that a page stays light however much content a
 * district has: /praktiki/, /praktiki/2/, /praktiki/3/ …
 */
export const PAGE_SIZE = 24;

export interface ListPage<T> {
  items: T[];
  /** 1-based. */
  number: number;
  count: number;
  /** Items in the whole list. */
  total: number;
  /** The address of any page of this list. */
  url: (n: number) => string;
}

/** The list's pages; an empty list still has its one (empty) page. */
export function splitPages<T>(items: T[], listUrl: string, size = PAGE_SIZE): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const url = (n: number) => (n === 1 ? listUrl : `${listUrl}${n}/`);
  return Array.from({ length: count }, (_, i) => ({ items: items.slice(i * size, (i + 1) * size), number: i + 1, count, total: items.length, url }));
}

/** The page numbers a pager shows: the first, the last and two either side of the current; null is a gap. */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, count, ...[-2, -1, 0, 1, 2].map((d) => current + d)])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? [null, n] : [n]));
}

/** The rest parameter of a paginated route for page n of a list at `path` ('' for the section's own list). */
export const pageParam = (path: string, n: number) => [path, n > 1 ? String(n) : ''].filter(Boolean).join('/') || undefined;

/** How many cards a page shows of a related list before it links to the whole list. */
export const PREVIEW_SIZE = 6;
