/**
 * Share image benchmark: ms per image for layout (satori) and encoding (sharp: rasterising
 * and PNG) separately, images per second, and whether a warm rebuild renders none.
 * Goal (issue 6): at most 45 ms per image end to end; a warm rebuild renders none.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { renderCard } from '../../src/og/render.ts';
import { encoderLines, encoderTable, sampleCards } from './og-encoders.ts';

const root = process.cwd();
const cards = sampleCards(root);

// Warm-up: the first render loads fonts and compiles the layout engine.
await renderCard(cards[0]);
const rounds = 3;
let layout = 0;
let encode = 0;
const started = performance.now();
for (let r = 0; r < rounds; r++)
  for (const card of cards) {
    const t = await renderCard({ ...card, title: `${card.title} ${r}` });
    layout += t.layoutMs;
    encode += t.encodeMs;
  }
const wall = performance.now() - started;
const count = rounds * cards.length;
console.log(`Картинки для ссылок: ${count} картинок (${cards.length} карточек × ${rounds})`);
console.log(`  раскладка (satori): ${(layout / count).toFixed(1)} мс на картинку`);
console.log(`  кодирование (sharp: растр и PNG): ${(encode / count).toFixed(1)} мс на картинку`);
console.log(`  всего: ${(wall / count).toFixed(1)} мс на картинку, ${((count * 1000) / wall).toFixed(1)} картинок в секунду (цель — не больше 45 мс)`);

console.log('\nНастройки кодирования (одни и те же карточки, раскладка один раз):');
const encoders = await encoderTable(cards);
console.log(`  раскладка satori: ${encoders.layoutMs.toFixed(1)} мс процессора на картинку`);
for (const line of encoderLines(encoders.rows)) console.log(`  ${line}`);

// A warm rebuild: the second build of unchanged content must render no image.
const cache = join(root, '.cache/bench/og-cache');
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
const build = () => {
  const t = performance.now();
  const result = spawnSync('npx', ['astro', 'build'], {
    cwd: root,
    env: { ...process.env, OG_CACHE_DIR: cache, OUT_DIR: join(root, '.cache/bench/dist-og'), BUILD_DATE: '2026-11-23' },
    encoding: 'utf8',
  });
  const line = /картинки для ссылок: [^\n]*/.exec(result.stdout + result.stderr)?.[0] ?? 'нет отчёта о картинках';
  return { seconds: (performance.now() - t) / 1000, line };
};
const cold = build();
const warm = build();
console.log(`  сборка с пустым кэшем: ${cold.seconds.toFixed(1)} с — ${cold.line}`);
console.log(`  повторная сборка: ${warm.seconds.toFixed(1)} с — ${warm.line}`);
if (wall / count > 45 || !/отрисовано 0,/.test(warm.line)) process.exitCode = 1;
