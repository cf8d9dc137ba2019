/**
 * Search benchmark: index size, and what a visitor's first query downloads (our search
 * script + Pagefind's JS, WebAssembly and index chunks, compressed as a server sends them),
 * plus query time in Chromium — on the demo content and on a generated corpus.
 *
 *   npm run bench                   — demo content and a 5,000-entry corpus
 *   npm run bench -- --size 20000   — another corpus size
 * Goal (issue 5): at most 150 KB for a first query on the 5,000-entry corpus.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../../tests/helpers/serve.ts';
import { generateCorpus } from './corpus.ts';

const root = process.cwd();
const { values } = parseArgs({ options: { size: { type: 'string', default: '5000' } } });
const size = Number(values.size);
const work = join(root, '.cache/bench');
const QUERIES = ['наставник', 'молодой педагог', 'анкетирование обучающихся'];
const BUDGET = 150 * 1024;

function build(label: string, env: Record<string, string>) {
  const started = performance.now();
  const result = spawnSync('npx', ['astro', 'build'], { cwd: root, env: { ...process.env, ...env, BUILD_DATE: '2026-11-23' }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${label}: сборка не удалась\n${(result.stdout + result.stderr).slice(-3000)}`);
  return (performance.now() - started) / 1000;
}

function dirSize(dir: string): { bytes: number; files: number } {
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

/** What goes over the wire: JS and JSON gzipped by the server; Pagefind's chunks and wasm are gzipped already. */
const wireSize = (dist: string, path: string) => {
  const body = readFileSync(join(dist, path));
  return /\.(js|json|css)$/.test(path) ? gzipSync(body).length : body.length;
};

async function measure(label: string, dist: string) {
  const index = dirSize(join(dist, 'pagefind'));
  const site = await serve(dist, '/');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const rows: string[] = [];
  let worst = 0;
  for (const query of QUERIES) {
    const page = await browser.newPage();
    await page.goto(`${site.url}poisk/`);
    const fetched = new Set<string>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes('/pagefind/') || path.includes('/_astro/')) fetched.add(path);
    });
    const before = new Set(fetched);
    const started = Date.now();
    await page.fill('#search-q', query);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Найдено|Ничего/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 60_000 });
    const firstMs = Date.now() - started;
    await page.waitForLoadState('networkidle');
    const files = [...fetched].filter((p) => !before.has(p) && !p.endsWith('.css') && !p.endsWith('.woff2'));
    const bytes = files.reduce((sum, p) => sum + wireSize(dist, p.slice(1)), 0);
    worst = Math.max(worst, bytes);
    // A second, warm query: the engine and chunks are loaded.
    const warm = await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      const t = performance.now();
      const s = await pf.search(${JSON.stringify(query)});
      await Promise.all(s.results.slice(0, 20).map((r) => r.data()));
      return performance.now() - t;
    })()`);
    const status = await page.locator('[data-search-status]').textContent();
    rows.push(`  «${query}»: первый запрос ${(bytes / 1024).toFixed(1)} КБ в ${files.length} файлах, ${firstMs} мс до результатов; повторный ${(warm as number).toFixed(0)} мс; ${status}`);
    await page.close();
  }
  await browser.close();
  await site.close();
  console.log(`\n${label}`);
  console.log(`  индекс: ${(index.bytes / 1024).toFixed(0)} КБ в ${index.files} файлах`);
  rows.forEach((r) => console.log(r));
  return worst;
}

console.log('Сборка демонстрационного содержимого…');
const demoDist = join(work, 'dist-demo');
const demoSeconds = build('демо', { OUT_DIR: demoDist });
console.log(`  собрано за ${demoSeconds.toFixed(1)} с`);
await measure('Демонстрационное содержимое', demoDist);

console.log(`\nСоздание корпуса из ${size} записей…`);
const content = join(work, `content-${size}`);
const counts = generateCorpus(root, content, size);
console.log(`  ${Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
const corpusDist = join(work, `dist-${size}`);
const corpusSeconds = build(`корпус ${size}`, { CONTENT_ROOT: relative(root, content), OUT_DIR: corpusDist });
console.log(`  собрано за ${corpusSeconds.toFixed(1)} с`);
const worst = await measure(`Корпус из ${size} записей`, corpusDist);
const verdict = worst <= BUDGET ? 'в пределах' : 'ПРЕВЫШАЕТ';
console.log(`\nПервый запрос на корпусе: до ${(worst / 1024).toFixed(1)} КБ — ${verdict} цели 150 КБ.`);
if (size === 5000 && worst > BUDGET) process.exitCode = 1;
