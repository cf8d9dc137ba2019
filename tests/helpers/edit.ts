/** Small edits of a content copy, the way a test breaks one thing in a fixture. */
import { readFileSync, writeFileSync } from 'node:fs';

export const read = (file: string) => readFileSync(file, 'utf8');

/** Replaces text in a file; a pattern that no longer matches fails loudly instead of testing nothing. */
export function replaceIn(file: string, from: string | RegExp, to: string) {
  const text = read(file);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`в ${file} нечего заменить: ${from}`);
  writeFileSync(file, next);
}

export const append = (file: string, text: string) => writeFileSync(file, read(file) + text);
