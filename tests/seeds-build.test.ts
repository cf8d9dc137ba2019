/**
 * The seed documents on the published site: each roadmap page shows every event of its source
 * document with its deadline, responsible and result in the same table row. The source side is
 * read by tests/helpers/seed-events.ts, independently of how the entries were made
 * (tests/seeds.test.ts checks the readers, and the entries against the documents).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from './helpers/html.ts';
import { OUT } from './helpers/project.ts';
import { seedRoadmaps, wordsKey, type SeedRoadmap } from './helpers/seed-events.ts';
import { builtSite } from './helpers/site.ts';

beforeAll(() => {
  builtSite('root');
});

describe.each(seedRoadmaps().map((s) => [s.roadmapId, s] as const))('published page of %s', (_id, seed: SeedRoadmap) => {
  it('shows every event in a table row together with its deadline, responsible and result', () => {
    const page = load(join(OUT.root, 'dorozhnye-karty', seed.roadmapId, 'index.html'));
    const rows = page.querySelectorAll('.roadmap-table tr').map((tr) => wordsKey(tr.text));
    const stageRows = page.querySelectorAll('.roadmap-table tr.stage-row').map((tr) => wordsKey(tr.text));
    for (const event of seed.events) {
      const needed = [event.text, event.deadline, event.responsible, event.result].map(wordsKey).filter(Boolean);
      const inRow = rows.some((row) => needed.every((k) => row.includes(k)));
      const introInStage = event.text.trim().endsWith(':') && stageRows.some((row) => row.includes(wordsKey(event.text)));
      expect(inRow || introInStage, `${seed.roadmapId}: ${event.number ?? ''} ${event.text.slice(0, 80)}`).toBe(true);
    }
  });
});
