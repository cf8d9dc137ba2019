/**
 * Share image benchmark: ms per image for layout (satori) and encoding (sharp: rasterising
 * and PNG) separately, images per second, and whether a warm rebuild renders none.
 * Goal (issue 6): at most 45 ms per image end to end; a warm rebuild renders none.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../src/integrity/check.ts';
import type { Card, CardKind } from '../../src/og/card.ts';
import { renderCard } from '../../src/og/render.ts';

const root = process.cwd();
const { entries } = checkContent(root);
const site = 'Наставничество · Управление образования Лесногорского округа';
const KIND: Record<string, CardKind> = {
  practices: 'practice',
  mentors: 'mentor',
  roadmaps: 'roadmap',
  regulations: 'regulation',
  forms: 'form',
  organizations: 'organization',
};
const cards: Card[] = entries
  .filter((e) => KIND[e.collection])
  .map((e) => {
    const d = e.data as Record<string, any>;
    const title = e.collection === 'mentors' ? `${d.name.last} ${d.name.first}` : e.collection === 'organizations' ? d.shortName : d.title;
    return {
      kind: KIND[e.collection],
      eyebrow: 'Материал раздела',
      title,
      lines: [d.summary ?? d.position ?? 'строка под заголовком', 'МБОУ «СОШ № 1 г. Лесногорска»'],
      highlight: d.summary,
      progress: e.collection === 'roadmaps' ? { text: 'Выполнено 5 из 12 мероприятий — 42 %', share: 5 / 12 } : undefined,
      site,
      demo: d.demo,
    };
  });

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
