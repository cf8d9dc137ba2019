/**
 * Renders a share card to a 1200×630 PNG: satori lays it out into SVG with the PT Sans
 * font from npm (Cyrillic and Latin in one file), sharp encodes the PNG. Timings of the
 * two steps are returned for the benchmark.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp, { type PngOptions } from 'sharp';
import type { Card } from './card.ts';
import { HEIGHT, templates, WIDTH } from './templates.ts';

const require = createRequire(import.meta.url);
const font = (path: string) => readFileSync(require.resolve(`@expo-google-fonts/pt-sans/${path}`));
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
export const loadFonts = () =>
  (fonts ??= [
    { name: 'PT Sans', data: font('400Regular/PTSans_400Regular.ttf'), weight: 400, style: 'normal' },
    { name: 'PT Sans', data: font('700Bold/PTSans_700Bold.ttf'), weight: 700, style: 'normal' },
  ]);

/** The PNG setting, chosen by `npm run bench:og`'s table of CPU against size (BENCHMARKS.md). */
export const PNG_OPTIONS: PngOptions = { compressionLevel: 6 };

export interface LaidOutNode {
  key?: string | number;
  type: string;
  left: number;
  top: number;
  width: number;
  height: number;
  textContent?: string;
}

export async function cardSvg(card: Card, onNode?: (node: LaidOutNode) => void): Promise<string> {
  return satori(templates[card.kind](card) as never, { width: WIDTH, height: HEIGHT, fonts: loadFonts(), onNodeDetected: onNode });
}

export async function renderCard(card: Card): Promise<{ png: Buffer; layoutMs: number; encodeMs: number }> {
  const t0 = performance.now();
  const svg = await cardSvg(card);
  const t1 = performance.now();
  const png = await sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
  return { png, layoutMs: t1 - t0, encodeMs: performance.now() - t1 };
}
