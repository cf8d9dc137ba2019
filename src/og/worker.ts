/**
 * One share image in a worker thread (src/og/pool.ts): laid out by satori, encoded by sharp,
 * written into the cache under its key. Fonts are read once per worker (render.ts keeps them).
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { Card } from './card.ts';
import { renderCard } from './render.ts';

export interface RenderJob {
  card: Card;
  /** The cache file to write. */
  file: string;
}

export interface RenderDone {
  layoutMs: number;
  encodeMs: number;
}

export default async function render({ card, file }: RenderJob): Promise<RenderDone> {
  const { png, layoutMs, encodeMs } = await renderCard(card);
  // Written whole under another name, then renamed: a build stopped halfway leaves no half image in the cache.
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return { layoutMs, encodeMs };
}
