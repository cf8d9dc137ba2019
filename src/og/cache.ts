/**
 * Share images are rendered once per distinct content: the key is a hash of the card's
 * data and the template version, so a rebuild with unchanged content renders nothing and
 * a changed practice re-renders only its own card. Each build appends what it did to a
 * log that the og-report integration sums up at the end.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { shareImageCacheDir } from '../schemas/collections.ts';
import type { Card } from './card.ts';
import { renderCard } from './render.ts';
import { TEMPLATE_VERSION } from './templates.ts';

export const OG_CACHE_DIR = resolve(process.cwd(), shareImageCacheDir());
export const OG_BUILD_LOG = join(OG_CACHE_DIR, 'build-log.jsonl');
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

export async function cachedCardPng(card: Card, output?: string): Promise<Buffer> {
  if (!cacheDirReady) mkdirSync(OG_CACHE_DIR, { recursive: true });
  cacheDirReady = true;
  if (output) appendFileSync(OG_TEXT_LOG, `${JSON.stringify({ output, text: cardText(card) })}\n`);
  const file = join(OG_CACHE_DIR, `${cardKey(card)}.png`);
  if (existsSync(file)) {
    appendFileSync(OG_BUILD_LOG, `${JSON.stringify({ reused: true })}\n`);
    // Read without blocking, so that the pages rendered alongside go on meanwhile.
    return readFile(file);
  }
  const { png, layoutMs, encodeMs } = await renderCard(card);
  writeFileSync(file, png);
  appendFileSync(OG_BUILD_LOG, `${JSON.stringify({ reused: false, layoutMs, encodeMs })}\n`);
  return png;
}
