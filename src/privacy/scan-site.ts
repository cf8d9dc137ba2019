/** The leak scan of a built site, from the content: used at the end of a build and by `npm run check:leaks`. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDate } from '../lib/build-date.ts';
import { OG_TEXT_LOG } from '../og/cache.ts';
import { checkContent, type CheckedEntry } from '../integrity/check.ts';
import { collectionSpec, contentRoot } from '../schemas/collections.ts';
import { scanDist, type ScanResult } from './scan-dist.ts';
import { withheldOf } from './withheld.ts';

/** The text drawn on each share image, as this build's pages logged it. */
export function readCardTexts(log = OG_TEXT_LOG): Record<string, string> {
  if (!existsSync(log)) return {};
  const texts: Record<string, string> = {};
  for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const { output, text } = JSON.parse(line) as { output: string; text: string };
    texts[output] = text;
  }
  return texts;
}

/**
 * What a build leaves for a later `npm run check:leaks` of the same folder (outside dist/, since
 * it names uploaded files): what each image was made from and the texts on the share images.
 */
export interface BuildRecord {
  dist: string;
  origins: Record<string, string>;
  cardTexts: Record<string, string>;
}
export const buildRecordFile = (cacheDir: string) => join(cacheDir, 'published-build.json');
export function readBuildRecord(cacheDir: string, dist: string): BuildRecord | undefined {
  const file = buildRecordFile(cacheDir);
  if (!existsSync(file)) return undefined;
  const record = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  return resolve(record.dist) === resolve(dist) ? record : undefined;
}

export async function scanBuiltSite(options: {
  root: string;
  dist: string;
  entries?: CheckedEntry[];
  origins?: Record<string, string>;
  cardTexts?: Record<string, string>;
}): Promise<{ result: ScanResult; details: number }> {
  const entries = options.entries ?? checkContent(options.root).entries;
  const withheld = withheldOf(entries, resolve(options.root, contentRoot(), collectionSpec('mentors').dir), buildDate());
  const result = await scanDist(options.dist, withheld, { imageOrigins: options.origins, cardTexts: options.cardTexts });
  return { result, details: withheld.details.length + withheld.photos.length };
}

export const defaultDist = (root: string) => join(root, process.env.OUT_DIR || 'dist');
