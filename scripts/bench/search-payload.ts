/**
 * What search costs: the Pagefind index on disk, and what a visitor's first query downloads
 * (our search script, Pagefind's JS, WebAssembly and index chunks, compressed as a server
 * sends them), with the time to results in Chromium.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../../tests/helpers/serve.ts';

export const QUERIES = ['наставник', 'молодой педагог', 'анкетирование обучающихся'];

export function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) {
      const inner = dirSize(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += stat.size;
      files++;
    }
  }
  return { bytes, files };
}

/** JS and JSON are gzipped by the server; Pagefind's chunks and wasm are compressed already. */
const wireSize = (dist: string, path: string) => {
  const body = readFileSync(join(dist, path));
  return /\.(js|json|css)$/.test(path) ? gzipSync(body).length : body.length;
};

export interface QueryCost {
  query: string;
  bytes: number;
  files: number;
  firstMs: number;
  warmMs: number;
  status: string;
}

export async function searchCost(
  dist: string,
  chromiumPath: string,
  queries = QUERIES,
): Promise<{ index: { bytes: number; files: number }; queries: QueryCost[] }> {
  const index = dirSize(join(dist, 'pagefind'));
  const site = await serve(dist, '/');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const costs: QueryCost[] = [];
  try {
    for (const query of queries) {
      const page = await browser.newPage();
      await page.goto(`${site.url}poisk/`);
      const fetched = new Set<string>();
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.includes('/pagefind/') || path.includes('/_astro/')) fetched.add(path);
      });
      const started = Date.now();
      await page.fill('#search-q', query);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Найдено|Ничего/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 60_000 });
      const firstMs = Date.now() - started;
      await page.waitForLoadState('networkidle');
      const files = [...fetched].filter((p) => !p.endsWith('.css') && !p.endsWith('.woff2'));
      // A second, warm query: the engine and chunks are loaded.
      const warmMs = (await page.evaluate(`(async () => {
        const pf = await import('/pagefind/pagefind.js');
        const t = performance.now();
        const s = await pf.search(${JSON.stringify(query)});
        await Promise.all(s.results.slice(0, 20).map((r) => r.data()));
        return performance.now() - t;
      })()`)) as number;
      const status = (await page.locator('[data-search-status]').textContent()) ?? '';
      costs.push({ query, bytes: files.reduce((sum, p) => sum + wireSize(dist, p.slice(1)), 0), files: files.length, firstMs, warmMs, status });
      await page.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return { index, queries: costs };
}
