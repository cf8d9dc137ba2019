/**
 * Issue 17, finding 4: an image whose file name is not plain Latin (Decap keeps the name as
 * uploaded: Cyrillic, spaces, «+», upper case) must reach the built site. The unused-image step
 * read only Latin names in the pages, took the URL-encoded name for unused and deleted every
 * variant, and the build ended green.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, fixtureCopy, listFiles, projectRelative, TMP } from './helpers/project.ts';

const out = join(TMP, 'dist-image-names');
const NAMES = { cover: 'Фото обложки+1 ИТОГ.JPG', photo: 'фото-ивановой-на-уроке 2025.jpg' };

/** A page's URL of a file, as the static server finds it: decoded, below dist/. */
const existsInDist = (dist: string, url: string) => existsSync(join(dist, decodeURIComponent(url.split(/[?#]/)[0]).replace(/^\/+/, '')));

const picture = (color: string) =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

describe('images with any file name reach the built site', () => {
  let build: { status: number | null; output: string };
  beforeAll(async () => {
    const content = fixtureCopy('image-names');
    mkdirSync(join(content, 'practices/covers'), { recursive: true });
    mkdirSync(join(content, 'mentors/photos'), { recursive: true });
    writeFileSync(join(content, 'practices/covers', NAMES.cover), await picture('#88cc88'));
    writeFileSync(join(content, 'mentors/photos', NAMES.photo), await picture('#8888cc'));
    const add = (file: string, line: string, before: RegExp) =>
      writeFileSync(join(content, file), readFileSync(join(content, file), 'utf8').replace(before, `${line}\n$&`));
    add('practices/test-practice.md', `cover: './covers/${NAMES.cover}'\ncoverAlt: Семинар`, /^summary:/m);
    add('mentors/ivanova-anna.yaml', `photo: './photos/${NAMES.photo}'\nphotoAlt: Анна Петровна у доски`, /^position:/m);
    build = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: out });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the build succeeds', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  it.each([
    ['the practice cover', 'praktiki/test-practice/index.html'],
    ['the mentor photo', 'nastavniki/ivanova-anna/index.html'],
  ])('%s: every src and srcset of the page exists in dist/', (_what, page) => {
    const html = parse(readFileSync(join(out, page), 'utf8'));
    const urls = html
      .querySelectorAll('main img, main source')
      .flatMap((el) => [el.getAttribute('src'), ...(el.getAttribute('srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0])])
      .filter((url): url is string => Boolean(url) && url!.includes('/_astro/'));
    expect(urls.length, 'на странице нет картинки').toBeGreaterThan(0);
    for (const url of urls) expect(existsInDist(out, url), url).toBe(true);
  });

  it('no published file or page keeps the uploaded name (it is as public as the page)', () => {
    const names = listFiles(out).map((file) => file.slice(out.length));
    for (const upload of Object.values(NAMES)) {
      const stem = upload.replace(/\.[^.]+$/, '');
      expect(names.filter((name) => name.includes(stem) || name.includes(encodeURIComponent(stem)))).toEqual([]);
      for (const page of ['praktiki/test-practice/index.html', 'nastavniki/ivanova-anna/index.html']) {
        const html = readFileSync(join(out, page), 'utf8');
        expect(html.includes(encodeURIComponent(stem)) || html.includes(stem), `${page}: ${stem}`).toBe(false);
      }
    }
  });
});
