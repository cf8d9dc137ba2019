/** The search page used as a visitor uses it: the address with the query, then «Показать ещё» until every result is shown. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface SearchAnswer {
  /** The status line («Найдено …» or «Ничего не найдено»). */
  status: string;
  /** Every result: its link and its text as shown. */
  results: { url: string; text: string }[];
}

export async function searchThroughPage(page: Page, siteUrl: string, params: Record<string, string>): Promise<SearchAnswer> {
  await page.goto(`${siteUrl}poisk/?${new URLSearchParams(params)}`);
  const status = page.locator('[data-search-status]');
  await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 60_000 }).toMatch(/Найдено|Ничего не найдено/);
  const more = page.locator('.search-more');
  const shown = page.locator('.search-result');
  while (await more.isVisible()) {
    const count = await shown.count();
    await more.click();
    await expect.poll(() => shown.count()).toBeGreaterThan(count);
  }
  const results = await shown.evaluateAll((items) =>
    items.map((item) => ({ url: item.querySelector('.search-result__title a')!.getAttribute('href')!, text: (item as HTMLElement).innerText })),
  );
  return { status: (await status.textContent())!, results };
}
