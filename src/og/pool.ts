/**
 * The share images of a build, made after the pages (src/integrations/share-images.ts): each card
 * is looked up in the cache by its key; the missing ones are rendered on every core by a worker
 * pool (tinypool); then every image is linked (or copied) from the cache into dist/. Astro's page
 * pipeline never carries them: a warm build only links files.
 */
import { availableParallelism } from 'node:os';
import { copyFileSync, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Tinypool } from 'tinypool';
import type { Card } from './card.ts';
import { cardKey } from './cache.ts';
import type { RenderDone, RenderJob } from './worker.ts';

export interface ShareImageJob {
  /** Where the image goes, relative to dist/ («og/praktiki/x.png»). */
  output: string;
  card: Card;
}

export interface ShareImageReport {
  rendered: number;
  reused: number;
  /** Wall time of the whole step. */
  seconds: number;
  /** CPU of this process and its workers per rendered image. */
  cpuMsPerImage: number;
  /** satori and sharp inside the workers, averaged per rendered image. */
  layoutMs: number;
  encodeMs: number;
  threads: number;
}

/** Every core: the build's own thread only waits while they work. */
export const poolSize = () => availableParallelism();

/** Hard link where the file system allows it (same disk), otherwise a copy. */
function place(from: string, to: string) {
  mkdirSync(dirname(to), { recursive: true });
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export async function makeShareImages(jobs: ShareImageJob[], cacheDir: string, dist: string, threads = poolSize()): Promise<ShareImageReport> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  mkdirSync(cacheDir, { recursive: true });
  const byFile = new Map<string, ShareImageJob[]>();
  for (const job of jobs) {
    const file = join(cacheDir, `${cardKey(job.card)}.png`);
    byFile.set(file, [...(byFile.get(file) ?? []), job]);
  }
  const missing = [...byFile].filter(([file]) => !existsSync(file));
  const timings: RenderDone[] = [];
  const used = Math.min(threads, missing.length);
  if (missing.length) {
    const pool = new Tinypool({ filename: new URL('./worker.ts', import.meta.url).href, minThreads: used, maxThreads: used, idleTimeout: 1000 });
    try {
      timings.push(...(await Promise.all(missing.map(([file, [first]]) => pool.run({ card: first.card, file } satisfies RenderJob) as Promise<RenderDone>))));
    } finally {
      await pool.destroy();
    }
  }
  for (const [file, sharing] of byFile) for (const job of sharing) place(file, join(dist, job.output));
  const spent = process.cpuUsage(cpu);
  const average = (pick: (t: RenderDone) => number) => (timings.length ? timings.reduce((sum, t) => sum + pick(t), 0) / timings.length : 0);
  return {
    rendered: missing.length,
    reused: jobs.length - missing.length,
    seconds: (performance.now() - started) / 1000,
    cpuMsPerImage: missing.length ? (spent.user + spent.system) / 1000 / missing.length : 0,
    layoutMs: average((t) => t.layoutMs),
    encodeMs: average((t) => t.encodeMs),
    threads: used,
  };
}
