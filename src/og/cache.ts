/**
 * Share images are rendered once per distinct content: the key is a hash of the card's
 * data and the template version, so a rebuild with unchanged content renders nothing and
 * a changed practice re-renders only its own card (a build: src/og/pool.ts; the dev server:
 * cachedCardPng below).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { shareImageCacheDir } from '../schemas/collections.ts';
import type { Card } from './card.ts';
import { renderCard } from './render.ts';
import { TEMPLATE_VERSION } from './templates.ts';

export const OG_CACHE_DIR = resolve(process.cwd(), shareImageCacheDir());
/**
 * The text drawn on each share image of this build, one JSON line per image: the leak scan at
 * the build's end reads it. Per process, so that two builds at once keep their logs apart.
 */
export const OG_TEXT_LOG = join(OG_CACHE_DIR, `card-texts-${process.pid}.jsonl`);

/** Everything a card draws as text, in one string. */
export const cardText = (card: Card) =>
  [card.eyebrow, card.title, ...card.lines, card.highlight ?? '', card.progress?.text ?? '', card.site].filter(Boolean).join('\n');

export const cardKey = (card: Card) =>
  createHash('sha256')
    .update(JSON.stringify({ v: TEMPLATE_VERSION, card }))
    .digest('hex')
    .slice(0, 32);

let cacheDirReady = false;

/** One image on the dev server: from the cache, or rendered here and kept. */
export async function cachedCardPng(card: Card): Promise<Buffer> {
  if (!cacheDirReady) mkdirSync(OG_CACHE_DIR, { recursive: true });
  cacheDirReady = true;
  const file = join(OG_CACHE_DIR, `${cardKey(card)}.png`);
  // Read without blocking, so that the pages rendered alongside go on meanwhile.
  if (existsSync(file)) return readFile(file);
  const { png } = await renderCard(card);
  writeFileSync(file, png);
  return png;
}
