/**
 * The roadmap rows' anchors (src/lib/item-anchors.ts): a link to «п. 6.5» from search, a report or a
 * letter must land on its row and keep landing there when the plan is edited around it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itemAnchors } from '../src/lib/item-anchors.ts';

interface Sub {
  number?: string;
  title?: string;
}
interface Item extends Sub {
  items?: Sub[];
}
interface Stage {
  number?: string;
  items: Item[];
}

/** Every roadmap the project ships or tests with: the seeds and the fixtures. */
function roadmapFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name) && /^stages:/m.test(readFileSync(path, 'utf8'))) found.push(path);
    }
  };
  walk('src/content/roadmaps');
  walk('tests/fixtures');
  return found;
}

const stage = (number: string | undefined, ...items: Item[]): Stage => ({ number, items });
const numbered = (...numbers: string[]): Item[] => numbers.map((number) => ({ number }));
/** The anchor of the item titled `title`, wherever it stands. */
const anchorOf = (stages: Stage[], title: string) => {
  const flat = stages.flatMap((s) => s.items.flatMap((i) => [i, ...(i.items ?? [])]));
  return itemAnchors(stages)[flat.findIndex((i) => i.title === title)];
};

describe('roadmap row anchors', () => {
  const files = roadmapFiles();

  it('are unique and well-formed in every seed and fixture roadmap', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const { stages } = parse(readFileSync(file, 'utf8')) as { stages: Stage[] };
      const anchors = itemAnchors(stages);
      const rows = stages.reduce((n, s) => n + s.items.reduce((m, i) => m + 1 + (i.items?.length ?? 0), 0), 0);
      expect(anchors.length, file).toBe(rows);
      expect(new Set(anchors).size, file).toBe(anchors.length);
      // An id a fragment can carry as it is, and one that cannot clash with the page's own ids.
      for (const id of anchors) expect(id, file).toMatch(/^[pm]-[0-9a-zа-яё]+(-[0-9a-zа-яё]+)*$/);
    }
  });

  it('take the document’s own number: «6.5» is #p-6-5, a sub-item «3.1.1» is #p-3-1-1', () => {
    const stages = [stage('3', { number: '3.1', items: numbered('3.1.1', '3.1.2') }), stage('6', ...numbered('6.4', '6.5'))];
    expect(itemAnchors(stages)).toEqual(['p-3-1', 'p-3-1-1', 'p-3-1-2', 'p-6-4', 'p-6-5']);
  });

  it('put the stage before numbers that start again in every stage', () => {
    const stages = [stage('1', ...numbered('1', '2')), stage('2', ...numbered('1', '2')), stage(undefined, ...numbered('1'))];
    expect(itemAnchors(stages)).toEqual(['p-1-1', 'p-1-2', 'p-2-1', 'p-2-2', 'p-3-1']);
  });

  it('keep «6.5» as #p-6-5 when only sub-items number again under every item («1)», «2)»)', () => {
    const stages = [stage('5', { number: '5.1', items: numbered('1)', '2)') }), stage('6', { number: '6.5', title: 'target', items: numbered('1)', '2)') })];
    const anchors = itemAnchors(stages);
    expect(anchorOf(stages, 'target')).toBe('p-6-5');
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors).toEqual(['p-5-1', 'p-5-1-1', 'p-5-1-2', 'p-6-5', 'p-6-5-1', 'p-6-5-2']);
  });

  it('give an unnumbered item its stage and place: #m-2-4, a sub-item #m-2-4-1', () => {
    const plain = (title: string, items?: Item[]): Item => ({ title, items });
    const stages = [stage(undefined, plain('a')), stage(undefined, plain('b'), plain('c'), plain('d'), plain('e', [plain('f')]))];
    expect(itemAnchors(stages)).toEqual(['m-1-1', 'm-2-1', 'm-2-2', 'm-2-3', 'm-2-4', 'm-2-4-1']);
  });

  it('do not move when an unnumbered item is inserted into another stage before them', () => {
    const before = [stage('1', { number: '1.1' }), stage('2', { title: 'x' }, { number: '2.1', title: 'y' }, { title: 'z' })];
    const after = [stage('1', { title: 'new' }, { number: '1.1' }), ...before.slice(1)];
    for (const title of ['x', 'y', 'z']) expect(anchorOf(after, title), title).toBe(anchorOf(before, title));
    // The same in a plan whose numbers start again in every stage.
    const restarting = [stage('1', ...numbered('1', '2')), stage('2', { number: '1', title: 'y' }, { title: 'z' })];
    const inserted = [stage('1', { title: 'new' }, ...numbered('1', '2')), ...restarting.slice(1)];
    for (const title of ['y', 'z']) expect(anchorOf(inserted, title), title).toBe(anchorOf(restarting, title));
  });

  it('keep a true number’s anchor when another number repeats: the repeat yields, not the original', () => {
    // «1» repeated in stage 1 (a typo in the document) must not take #p-1-2 from the real «1.2».
    const stages = [stage(undefined, ...numbered('1', '1', '1.2'))];
    const anchors = itemAnchors(stages);
    expect(anchors[2]).toBe('p-1-2');
    expect(new Set(anchors).size).toBe(3);
  });
});
