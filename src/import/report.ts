/** Warnings and word coverage: how an import tells the editor what it did with every word. */
import { plainTools } from '../schemas/common.ts';
import { schemaFor, type CollectionName } from '../schemas/collections.ts';
import { fieldMetaAt } from '../schemas/field-names.ts';

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
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).flatMap(stringsOf);
  return [];
}

/**
 * The share of the source's words (counted with repeats) that the entry holds: 1 means
 * every word of the source is somewhere in the entry.
 */
export function wordCoverage(source: string[], entry: string[]): { covered: number; total: number; missing: string[] } {
  const available = new Map<string, number>();
  for (const word of entry.flatMap(words)) available.set(word, (available.get(word) ?? 0) + 1);
  let covered = 0;
  let total = 0;
  const missing = new Set<string>();
  // A word the import rejoined across a page break («наставляе» + «мых») is still there,
  // inside a longer word: found by letters when no whole word matches.
  const letters = entry.flatMap(words).join(' ');
  for (const word of source.flatMap(words)) {
    total++;
    const left = available.get(word) ?? 0;
    if (left > 0) {
      covered++;
      available.set(word, left - 1);
    } else if (word.length > 1 && letters.includes(word)) covered++;
    else missing.add(word);
  }
  return { covered, total, missing: [...missing] };
}

/** How often each word occurs in a document, for telling a word split by a page break from two words. */
export function vocabularyOf(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of texts.flatMap(words)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}
