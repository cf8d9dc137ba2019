/**
 * An independent reading of the seed roadmaps, for the tests only.
 *
 * It is deliberately simpler than a converter: it only has to say which events a
 * document holds and which deadline, responsible and result text belongs to each,
 * so that the tests can check that the published roadmap carries every one of them.
 * Each seed has its own small reader because each has its own layout (seeds/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS } from './project.ts';

export interface SeedEvent {
  number?: string;
  /** The event as written (for 001: one listed activity of a stage's cell). */
  text: string;
  deadline: string;
  responsible: string;
  result: string;
}

export interface SeedRoadmap {
  seed: string;
  /** The content entry the seed became. */
  roadmapId: string;
  /** Stage rows: their text must survive as well. */
  stages: string[];
  events: SeedEvent[];
}

/**
 * Comparison key: letters and digits only. The site typesets text (quotes, dashes,
 * non-breaking spaces) and may split a cell into title and description; none of
 * that may change the words, and the words are what this key keeps.
 */
export const wordsKey = (text: string) =>
  text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^0-9a-zа-я]/g, '');

const stripTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const seedText = (prefix: string) => {
  const file = ['000_92cfe020492d1e8c.txt', '001_aa8843fff351d2b5.txt', '003_d4ef5299309bf860.txt'].find((f) => f.startsWith(prefix))!;
  return { file, text: readFileSync(join(SEEDS, file), 'utf8') };
};

/** Seed 000: tab-separated rows «№ · мероприятие · сроки · ответственные»; stage rows are «N <p>…</p>». */
export function readSeed000(): SeedRoadmap {
  const { file, text } = seedText('000');
  const stages: string[] = [];
  const events: SeedEvent[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    if (cells.length < 2 || !/^\d+(\.\d+)*$/.test(cells[0].trim())) continue;
    const [number, what, deadline = '', responsible = ''] = cells.map((c) => c.trim());
    if (what.startsWith('<p>')) stages.push(stripTags(what));
    else events.push({ number, text: what, deadline, responsible, result: '' });
  }
  return { seed: file, roadmapId: 'kayalinskaya-sosh-2023-2024', stages, events };
}

/**
 * Seed 001: one row per stage «№ · этап · содержание · срок»; the content cell is HTML
 * listing several activities; a row with empty first cells continues the row above.
 */
export function readSeed001(): SeedRoadmap {
  const { file, text } = seedText('001');
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    if (cells.length < 4 || /^-+$/.test(cells[0].trim())) continue;
    if (/^\d+\.$/.test(cells[0].trim())) rows.push(cells.map((c) => c.trim()));
    else if (!cells[0].trim() && !cells[1].trim() && rows.length) {
      const last = rows[rows.length - 1];
      last[2] = `${last[2]} ${cells[2].trim()}`;
      if (cells[3].trim()) last[3] = `${last[3]} ${cells[3].trim()}`.trim();
    }
  }
  const stages: string[] = [];
  const events: SeedEvent[] = [];
  for (const [, stage, content, deadline] of rows) {
    stages.push(stage);
    // Activities are separated by paragraphs, list markers «1)», or dashes that open a list item.
    const parts = content
      .replace(/<\/?(p|ul|ol|li)[^>]*>/g, '\n')
      .replace(/(^|[.;:]\s*|\n\s*)[–-]\s*/g, '$1\n')
      .split(/\n|(?=\s\d\)\s)/)
      .map((part) => stripTags(part))
      .filter((part) => wordsKey(part.replace(/^\d\)\s*/, '')).length > 0);
    // «1)», «2)» number the activities within their stage: the events keep those numbers.
    for (const part of parts) {
      const number = /^(\d)\)\s*/.exec(part)?.[1];
      events.push({ ...(number ? { number } : {}), text: part.replace(/^\d\)\s*/, ''), deadline, responsible: '', result: '' });
    }
  }
  return { seed: file, roadmapId: 'selivanovskaya-sh-28-2022-2023', stages, events };
}

/**
 * Seed 003 (its second half): one table cell per line, a cell opened by a tab and
 * continued by untabbed lines; a cell that is only a number opens a new row.
 */
export function readSeed003(): SeedRoadmap {
  const { file, text } = seedText('003');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('План мероприятий (дорожная карта)'));
  const header = lines.findIndex((l, i) => i > start && l.trim() === '№ п/п');
  const cells: string[] = [];
  for (const line of lines.slice(header)) {
    if (!line.trim() && !line.startsWith('\t')) continue;
    if (line.startsWith('\t')) cells.push(line.slice(1).trim());
    else cells[cells.length - 1] = `${cells[cells.length - 1]} ${line.trim()}`.trim();
  }
  const rows: string[][] = [];
  for (const cell of cells) {
    if (/^\d+(\.\d+)*\.?$/.test(cell)) rows.push([cell]);
    else if (rows.length) rows[rows.length - 1].push(cell);
  }
  const stages: string[] = [];
  const events: SeedEvent[] = [];
  // The first rows are the column header and the «1 2 3 4 5» numbering row.
  for (const [number, what = '', deadline = '', responsible = '', result = ''] of rows.filter((r) => r.length > 1)) {
    if (/^\d+\.?$/.test(number)) stages.push(what);
    else events.push({ number: number.replace(/\.$/, ''), text: what, deadline, responsible, result });
  }
  return { seed: file, roadmapId: 'ustyuzhna-sh-2-2020', stages, events };
}

export const seedRoadmaps = (): SeedRoadmap[] => [readSeed000(), readSeed001(), readSeed003()];
