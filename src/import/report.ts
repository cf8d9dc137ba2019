/** Warnings and word coverage: how an import tells the editor what it did with every word. */
import { plainTools } from '../schemas/common.ts';
import { schemaFor, type CollectionName } from '../schemas/collections.ts';
import { fieldMetaAt } from '../schemas/field-names.ts';
import { plural } from '../lib/format.ts';

export type Warn = (line: number, message: string) => void;

/**
 * A field as the import's warnings name it: the schema's name, which the editor shows, and the
 * key the file holds — «поле «примечания импорта» (notes)».
 */
export function fieldCalled(collection: CollectionName, ...path: string[]): string {
  const label = fieldMetaAt(schemaFor(collection, plainTools), path).at(-1)?.label;
  return label ? `поле «${label}» (${path.join('.')})` : `поле «${path.join('.')}»`;
}

export interface ImportWarning {
  line: number;
  message: string;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .match(/[a-zа-я0-9]+/g) ?? [];

/** Every string inside a value (an entry), for counting its words. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  // A target's value «100» is held as a number: still the source's word.
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).flatMap(stringsOf);
  return [];
}

/** A piece of the source as the reader produced it: a paragraph or a cell's part. */
export interface CoverageUnit {
  line: number;
  text: string;
  /**
   * Words of the unit the entry holds as its structure rather than as text: a table's
   * header row («Мероприятие», «Срок»), a lone «УТВЕРЖДАЮ», «Задачи:» above the list of tasks.
   * They are not in the entry, so not counted as carried; but they are no loss to list.
   */
  layout?: string;
  /** In the part the entry was made from: matched first, so that a word the entry holds once is credited there. */
  imported?: boolean;
}

/** A run of the source that the entry does not hold. */
export interface Passage {
  from: number;
  to: number;
  /** How many of its words are missing. */
  words: number;
  /** Its text (shortened), or the missing words where only some of a line is missing. */
  text: string;
}

export interface Coverage {
  /** Words of the whole source found in the entry. */
  covered: number;
  /** Every word of the source: all the blocks the reader produced, not only the part imported. */
  total: number;
  /**
   * Of the words not found, those the entry holds as its structure rather than as text
   * (see CoverageUnit.layout): not listed as passages, but not counted as carried either
   * (unless the entry holds the same word elsewhere, as a plain count of words would credit it).
   */
  layout: number;
  /** The distinct words not found. */
  missing: string[];
  /** What was not carried over, in the order of the source. */
  passages: Passage[];
}

/**
 * How much of the source the entry holds, counted over every word of every unit (with
 * repeats). A unit found whole in the entry takes its words first, so that a common word
 * («и», «в») missing from a left-out passage is not credited to a passage that was carried.
 */
export function documentCoverage(units: CoverageUnit[], entry: string[]): Coverage {
  const available = new Map<string, number>();
  const entryWords = entry.flatMap(words);
  for (const word of entryWords) available.set(word, (available.get(word) ?? 0) + 1);
  const take = (word: string) => {
    const left = available.get(word) ?? 0;
    if (left > 0) available.set(word, left - 1);
    return left > 0;
  };
  const letters = ` ${entryWords.join(' ')} `;
  const content = units.map((u) => words(u.text));
  const found = content.map((ws) => ws.map(() => false));
  const order = [...units.keys()].sort((a, b) => Number(!!units[b].imported) - Number(!!units[a].imported));
  for (const u of order) {
    const ws = content[u];
    if (ws.length >= 3 && letters.includes(` ${ws.join(' ')} `)) ws.forEach((w, i) => (found[u][i] = take(w)));
  }
  for (const u of order) content[u].forEach((w, i) => (found[u][i] ||= take(w)));
  // A word the import rejoined across a page break («наставляе» + «мых») is still there: the
  // entry holds a word the source lacks, made of two pieces the source has and the entry lacks.
  const pieces = new Map<string, [number, number][]>();
  content.forEach((ws, u) => ws.forEach((w, i) => found[u][i] || pieces.set(w, [...(pieces.get(w) ?? []), [u, i]])));
  for (const [word, count] of available) {
    if (!/^[a-zа-я]{4,}$/.test(word)) continue; // «12» is not «1» and «2» rejoined
    for (let n = count, k = 2; n > 0 && k < word.length - 1; k++) {
      const head = pieces.get(word.slice(0, k));
      const tail = pieces.get(word.slice(k));
      while (n > 0 && head?.length && tail?.length && head !== tail) {
        for (const [u, i] of [head.pop()!, tail.pop()!]) found[u][i] = true;
        n--;
      }
    }
  }

  let covered = 0;
  let total = 0;
  let layout = 0;
  const missing = new Set<string>();
  const lost: { line: number; text: string; missing: string[]; words: number }[] = [];
  units.forEach((unit, u) => {
    // Structure words the entry happens to hold elsewhere are credited last, as a plain count of words would.
    const structural = words(unit.layout ?? '');
    const unheld = structural.filter((w) => !take(w)).length;
    layout += unheld;
    covered += structural.length - unheld;
    total += structural.length + content[u].length;
    const gone = content[u].filter((_, i) => !found[u][i]);
    covered += content[u].length - gone.length;
    gone.forEach((w) => missing.add(w));
    lost.push({ line: unit.line, text: unit.text, missing: gone, words: content[u].length });
  });
  return { covered, total, layout, missing: [...missing], passages: passagesOf(lost) };
}

/**
 * What was left out, as runs of lines: a line mostly missing is shown by its text, a line
 * with a word or two missing by those words. Runs are joined across a few carried words
 * between them (a number or a phrase the entry happens to hold elsewhere).
 */
function passagesOf(units: { line: number; text: string; missing: string[]; words: number }[]): Passage[] {
  type Run = { from: number; to: number; words: number; texts: string[]; carriedBefore: number };
  let runs: Run[] = [];
  let carried = 0;
  for (const unit of units) {
    carried += unit.words - unit.missing.length;
    if (!unit.missing.length) continue;
    const text = unit.missing.length * 2 >= unit.words ? unit.text : unit.missing.join(' … ');
    runs.push({ from: unit.line, to: unit.line, words: unit.missing.length, texts: [text], carriedBefore: carried });
    carried = 0;
  }
  // Joined while a gap is small beside what it separates: first the lines next to each other, then larger runs.
  for (let joined = true; joined; ) {
    joined = false;
    const next: Run[] = [];
    for (const run of runs) {
      const last = next.at(-1);
      if (last && run.carriedBefore <= Math.max(5, (last.words + run.words) / 5)) {
        Object.assign(last, { to: run.to, words: last.words + run.words, texts: [...last.texts, ...run.texts] });
        joined = true;
      } else next.push(run);
    }
    runs = next;
  }
  return runs.map(({ from, to, words, texts }) => ({ from, to, words, text: shorten(texts.join(' ')) }));
}

const shorten = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 80 ? flat : `${flat.slice(0, 50).trim()} … ${flat.slice(-25).trim()}`;
};

/** The report's lines on what was not carried over: the largest passages in the source's order, and a count of the rest. */
export function passageLines(coverage: Coverage, limit = 5): string[] {
  const largest = new Set([...coverage.passages].sort((a, b) => b.words - a.words).slice(0, limit));
  const shown = coverage.passages.filter((p) => largest.has(p));
  const lines = shown.map((p) => {
    const where = p.from === p.to ? `строка ${p.from}` : `строки ${p.from}–${p.to}`;
    return `не перенесено: ${where} «${p.text}» (${p.words} ${plural(p.words, ['слово', 'слова', 'слов'])})`;
  });
  const rest = coverage.passages.filter((p) => !largest.has(p));
  if (rest.length) {
    const n = rest.reduce((sum, p) => sum + p.words, 0);
    lines.push(`не перенесено: ещё ${rest.length} ${plural(rest.length, ['место', 'места', 'мест'])}, ${n} ${plural(n, ['слово', 'слова', 'слов'])}`);
  }
  return lines;
}

/** How often each word occurs in a document, for telling a word split by a page break from two words. */
export function vocabularyOf(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of texts.flatMap(words)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}
