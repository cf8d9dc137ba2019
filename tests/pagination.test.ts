/**
 * Long lists are split into pages: the page arithmetic. A generated corpus built into several
 * pages of each list is in tests/pagination-build.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { pageParam, pagerNumbers, splitPages, PAGE_SIZE } from '../src/lib/pagination.ts';

describe('page arithmetic', () => {
  it('splits a list into pages of PAGE_SIZE, the first at the list’s own address', () => {
    const items = Array.from({ length: PAGE_SIZE * 2 + 1 }, (_, i) => i);
    const pages = splitPages(items, '/praktiki/');
    expect(pages.map((p) => p.items.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 1]);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect([1, 2, 3].map((n) => pages[0].url(n))).toEqual(['/praktiki/', '/praktiki/2/', '/praktiki/3/']);
    expect(pages.every((p) => p.count === 3 && p.total === items.length)).toBe(true);
  });

  it('gives an empty list one empty page', () => {
    expect(splitPages([], '/x/')).toEqual([expect.objectContaining({ items: [], number: 1, count: 1, total: 0 })]);
  });

  it('shows the first, the last and two pages either side of the current, with gaps', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerNumbers(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });

  it('names the route parameter of each page', () => {
    expect(pageParam('', 1)).toBeUndefined();
    expect(pageParam('', 2)).toBe('2');
    expect(pageParam('forma/uchitel-uchitel', 1)).toBe('forma/uchitel-uchitel');
    expect(pageParam('forma/uchitel-uchitel', 3)).toBe('forma/uchitel-uchitel/3');
  });
});
