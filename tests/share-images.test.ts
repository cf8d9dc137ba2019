/**
 * The share images of a build (src/og/pool.ts): rendered once per distinct card on a worker pool,
 * taken from the cache otherwise, placed at every output that shows the card.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { Card } from '../src/og/card.ts';
import { cardKey } from '../src/og/cache.ts';
import { makeShareImages } from '../src/og/pool.ts';
import { HEIGHT, WIDTH } from '../src/og/templates.ts';
import { TMP } from './helpers/project.ts';

const dir = join(TMP, 'share-images-unit');
const cache = join(dir, 'cache');
const dist = join(dir, 'dist');
const card = (title: string): Card => ({ kind: 'practice', eyebrow: 'Лучшая практика', title, lines: ['Учитель — учитель'], site: 'Наставничество · СОШ № 5' });

describe('share images on a worker pool', () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders each distinct card once, in parallel, and places it at every output that shows it', async () => {
    const jobs = [
      { output: 'og/praktiki/a.png', card: card('Школа молодого педагога') },
      { output: 'og/praktiki/b.png', card: card('Цифровая мастерская') },
      { output: 'og/index.png', card: card('Школа молодого педагога') },
    ];
    const report = await makeShareImages(jobs, cache, dist, 2);
    expect(report).toMatchObject({ rendered: 2, reused: 1, threads: 2 });
    expect(report.cpuMsPerImage).toBeGreaterThan(0);
    for (const job of jobs) {
      const meta = await sharp(join(dist, job.output)).metadata();
      expect([meta.format, meta.width, meta.height], job.output).toEqual(['png', WIDTH, HEIGHT]);
    }
    expect(readFileSync(join(dist, 'og/index.png'))).toEqual(readFileSync(join(dist, 'og/praktiki/a.png')));
    // Only finished images in the cache: no partial file left behind.
    expect(readdirSync(cache).sort()).toEqual([`${cardKey(jobs[0].card)}.png`, `${cardKey(jobs[1].card)}.png`].sort());
  });

  it('renders nothing when the cache has every card, and gives the cached bytes', async () => {
    const job = { output: 'og/praktiki/a.png', card: card('Школа молодого педагога') };
    rmSync(join(dist, job.output));
    const report = await makeShareImages([job], cache, dist);
    expect(report).toMatchObject({ rendered: 0, reused: 1, threads: 0 });
    expect(readFileSync(join(dist, job.output))).toEqual(readFileSync(join(cache, `${cardKey(job.card)}.png`)));
  });

  it('replaces a stale file in dist/ and never writes through it into the cache', async () => {
    const job = { output: 'og/praktiki/b.png', card: card('Цифровая мастерская') };
    const cached = join(cache, `${cardKey(job.card)}.png`);
    const before = readFileSync(cached);
    rmSync(join(dist, job.output));
    writeFileSync(join(dist, job.output), 'stale');
    await makeShareImages([job], cache, dist);
    expect(readFileSync(join(dist, job.output))).toEqual(before);
    expect(statSync(join(dist, job.output)).size).toBe(before.length);
    expect(existsSync(cached)).toBe(true);
  });
});
