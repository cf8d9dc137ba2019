/**
 * The seed documents as content: the entries made from them pass the schemas and
 * carry every event of their source. That the published roadmap pages show each event
 * with its deadline, responsible and result in the same table row is checked in
 * tests/seeds-build.test.ts.
 *
 * The source side is read by tests/helpers/seed-events.ts, independently of how
 * the entries were made.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '../src/integrity/check.ts';
import { ROOT } from './helpers/project.ts';
import { readSeed000, readSeed001, readSeed003, seedRoadmaps, wordsKey, type SeedRoadmap } from './helpers/seed-events.ts';

interface Item {
  number?: string;
  title: string;
  description?: string;
  deadline: { text: string };
  responsible: string[];
  result?: string;
  documents?: string[];
  items?: Item[];
}
interface Stage {
  number?: string;
  title: string;
  description?: string;
  items: Item[];
}

let entries: CheckedEntry[];
beforeAll(() => {
  entries = checkContent(ROOT).entries;
});
const roadmap = (id: string) => entries.find((e) => e.collection === 'roadmaps' && e.id === id)?.data as { stages: Stage[] } | undefined;
const flat = (stages: Stage[]) => stages.flatMap((s) => s.items.flatMap((i) => [i, ...(i.items ?? [])]));
const itemKey = (i: Item) => wordsKey(`${i.title} ${i.description ?? ''}`);

describe('the seed readers (test helpers) read what the documents hold', () => {
  it('seed 000: seven stage rows and the events 2.1 … 7.8 with deadlines', () => {
    const seed = readSeed000();
    expect(seed.stages).toHaveLength(7);
    expect(seed.events.map((e) => e.number)).toContain('2.1');
    expect(seed.events.at(-1)).toMatchObject({ number: '7.8', deadline: 'Декабрь 2024' });
    expect(seed.events.every((e) => e.text.length > 10 && !e.text.includes('<'))).toBe(true);
  });

  it('seed 001: one stage per row, its listed activities split, the page-break row merged', () => {
    const seed = readSeed001();
    expect(seed.stages).toHaveLength(7);
    expect(seed.events.filter((e) => e.deadline === 'до 30.04.2022').length).toBeGreaterThan(4);
    expect(seed.events.some((e) => e.text.startsWith('заключение дополнительных соглашений'))).toBe(true);
    expect(seed.events.at(-1)!.deadline).toBe('в течение всего периода');
  });

  it('seed 003: its roadmap in one-cell-per-line layout, with 6.1.1 under 6.1 and no invented 1.1', () => {
    const seed = readSeed003();
    const numbers = seed.events.map((e) => e.number);
    expect(numbers).toContain('6.1.1');
    expect(numbers).not.toContain('1.1');
    expect(seed.events.find((e) => e.number === '1.5')).toMatchObject({ deadline: 'до 10 сентября 2020', responsible: 'Директор' });
    expect(seed.stages).toHaveLength(6);
  });
});

describe.each(seedRoadmaps().map((s) => [s.roadmapId, s] as const))('content entry %s', (_id, seed: SeedRoadmap) => {
  it('exists and passes the schemas', () => {
    expect(roadmap(seed.roadmapId), `нет записи src/content/roadmaps/${seed.roadmapId}.yaml`).toBeDefined();
  });

  it('keeps every numbered event of the source under its own number, and invents none', () => {
    const numbered = seed.events.filter((e) => e.number);
    if (!numbered.length) return;
    const items = flat(roadmap(seed.roadmapId)!.stages);
    expect(
      items
        .map((i) => i.number)
        .filter(Boolean)
        .sort(),
    ).toEqual(numbered.map((e) => e.number).sort());
  });

  it('keeps the text of every event, and its deadline text verbatim', () => {
    const data = roadmap(seed.roadmapId)!;
    const items = flat(data.stages);
    const stageText = data.stages.map((s) => wordsKey(`${s.title} ${s.description ?? ''}`));
    for (const event of seed.events) {
      const key = wordsKey(event.text);
      const holders = items.filter((i) => itemKey(i).includes(key));
      if (!holders.length && event.text.trim().endsWith(':')) {
        // A sentence that only introduces a list may live in the stage's description.
        expect(
          stageText.some((s) => s.includes(key)),
          event.text,
        ).toBe(true);
        continue;
      }
      expect(holders.length, `нет события: ${event.text}`).toBeGreaterThan(0);
      expect(
        holders.some((i) => wordsKey(i.deadline.text) === wordsKey(event.deadline)),
        `срок «${event.deadline}» у события «${event.text.slice(0, 60)}»`,
      ).toBe(true);
    }
  });

  it('keeps the text of every stage row', () => {
    const stages = roadmap(seed.roadmapId)!.stages.map((s) => wordsKey(`${s.number ?? ''} ${s.title} ${s.description ?? ''}`));
    for (const stage of seed.stages)
      expect(
        stages.some((s) => s.includes(wordsKey(stage))),
        stage,
      ).toBe(true);
  });
});
