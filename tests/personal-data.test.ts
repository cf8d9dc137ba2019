/**
 * Personal data in the built site: a minor (surname and photo withheld), adults' and the
 * minor's photos carrying EXIF with GPS. Nowhere in dist/ — pages, JSON, RSS, sitemap, the
 * search index, share-card text — is the minor's surname; no image in dist/ keeps EXIF.
 * (A person without consent does not get this far: the build refuses them, see integrity.test.ts.)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { astroBuild, fixtureCopy, listFiles, projectRelative, TMP } from './helpers/project.ts';

const out = join(TMP, 'dist-personal');
const SURNAME = 'Секретов';

/** A camera JPEG: EXIF with the maker and GPS coordinates of the place it was taken. */
const cameraPhoto = (colour: string) =>
  sharp({ create: { width: 640, height: 640, channels: 3, background: colour } })
    .withExif({ IFD0: { Make: 'Камера', Model: 'GPS-1', Artist: SURNAME }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 56/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 18/1 0/1' } })
    .jpeg()
    .toBuffer();

describe('personal data in dist/', () => {
  let build: { status: number | null; output: string };
  beforeAll(async () => {
    const content = fixtureCopy('personal');
    mkdirSync(join(content, 'mentors/photos'), { recursive: true });
    mkdirSync(join(content, 'practices/covers'), { recursive: true });
    writeFileSync(join(content, 'mentors/photos/anna.jpg'), await cameraPhoto('#88aacc'));
    writeFileSync(join(content, 'mentors/photos/artem.jpg'), await cameraPhoto('#cc8888'));
    writeFileSync(join(content, 'practices/covers/cover.jpg'), await cameraPhoto('#88cc88'));
    const add = (file: string, line: string, before: RegExp) => writeFileSync(join(content, file), readFileSync(join(content, file), 'utf8').replace(before, `${line}\n$&`));
    add('mentors/ivanova-anna.yaml', 'photo: ./photos/anna.jpg\nphotoAlt: Анна Петровна у доски', /^position:/m);
    add('mentors/uchenik-artem.yaml', 'photo: ./photos/artem.jpg\nphotoAlt: Артём на олимпиаде', /^position:/m);
    add('practices/test-practice.md', 'cover: ./covers/cover.jpg\ncoverAlt: Семинар', /^summary:/m);
    expect(readFileSync(join(content, 'mentors/uchenik-artem.yaml'), 'utf8')).toContain(SURNAME);
    build = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: out });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds', () => expect(build.status, build.output.slice(-3000)).toBe(0));

  it('the minor’s surname is nowhere: pages, JSON, RSS, sitemap, search index', () => {
    const files = listFiles(out, (p) => /\.(html|json|xml|txt|csv|ics|js)$/.test(p));
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('rss.xml'))).toBe(true);
    const found = files.filter((f) => readFileSync(f, 'utf8').includes(SURNAME));
    const fragments = listFiles(join(out, 'pagefind'), (p) => /\.pf_(fragment|meta|index)$/.test(p));
    expect(fragments.length).toBeGreaterThan(0);
    for (const f of fragments) if (gunzipSync(readFileSync(f)).toString('utf8').includes(SURNAME)) found.push(f);
    expect(found.map((f) => f.slice(out.length))).toEqual([]);
  });

  it('the minor is shown by first name, without photo; the adult with hers', () => {
    const minor = readFileSync(join(out, 'nastavniki/uchenik-artem/index.html'), 'utf8');
    expect(minor).toContain('Артём');
    expect(minor).not.toMatch(/<img[^>]+artem/);
    expect(listFiles(join(out, '_astro'), (p) => /artem[^/]*\.(webp|jpg|jpeg|png|avif)$/.test(p))).toEqual([]);
    expect(readFileSync(join(out, 'nastavniki/ivanova-anna/index.html'), 'utf8')).toMatch(/<img[^>]+anna[^>]+\.webp/);
  });

  it('no image in dist/ keeps EXIF (so no GPS, camera or author)', async () => {
    const images = listFiles(out, (p) => /\.(webp|jpe?g|png|avif)$/.test(p));
    expect(images.length).toBeGreaterThan(5);
    const withExif: string[] = [];
    for (const image of images) {
      const meta = await sharp(image).metadata();
      if (meta.exif || meta.xmp) withExif.push(image.slice(out.length));
    }
    expect(withExif).toEqual([]);
  });
});
