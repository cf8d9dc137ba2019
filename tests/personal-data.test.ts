/**
 * Personal data in the built site (issue 15). A fixture with every kind of person the rules know:
 * a minor (minor: true), a pupil and a student whose parents consented but who are not marked
 * «minor», an adult whose photo was uploaded under her own name, a person whose consent was
 * withdrawn but whom a practice still lists, and a camera photo with GPS under public/. Then:
 * nowhere in dist/ — pages, JSON, RSS, sitemap, search index, file names, share-card text — is a
 * withheld detail, and no image keeps metadata. Planted leaks fail the build (and the scan alone),
 * naming the output file and the source entry.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { crc32, gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { checkContent } from '../src/integrity/check.ts';
import { scanDist } from '../src/privacy/scan-dist.ts';
import { withheldOf } from '../src/privacy/withheld.ts';
import { writeDocx } from './helpers/write-docx.ts';
import { astroBuild, fixtureCopy, listFiles, projectRelative, ROOT, TEST_BUILD_DATE, TMP } from './helpers/project.ts';

const out = join(TMP, 'dist-personal');
const SURNAME = 'Секретов';
/** Withheld surnames of the two minors who are not marked «minor». */
const HIDDEN = ['Тайнова', 'Скрытникова'];
const WITHDRAWN = { id: 'ushedshiy-oleg', name: 'Олег Ушедший' };

/** A camera JPEG: EXIF with the maker and GPS coordinates of the place it was taken. */
const cameraPhoto = (colour: string) =>
  sharp({ create: { width: 640, height: 640, channels: 3, background: colour } })
    .withExif({
      IFD0: { Make: 'Камера', Model: 'GPS-1', Artist: SURNAME },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 56/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '30/1 18/1 0/1' },
    })
    .jpeg()
    .toBuffer();

/** A JPEG with a comment segment, a PNG with a text chunk, an SVG with RDF metadata: what editors' tools leave in files. */
async function annotatedImages() {
  const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#abc' } })
    .jpeg()
    .toBuffer();
  const comment = Buffer.from(`Фото: ${SURNAME} Артём, 10 Б`);
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([(comment.length + 2) >> 8, (comment.length + 2) & 0xff]), comment]);
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#cba' } })
    .png()
    .toBuffer();
  const text = Buffer.from('Author\0Artem Sekretov, 10B');
  const chunk = Buffer.alloc(12 + text.length);
  chunk.writeUInt32BE(text.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  text.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + text.length)) >>> 0, 8 + text.length);
  return {
    jpeg: Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]),
    png: Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]),
    svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description about="59.9,30.3" /></rdf:RDF></metadata><rect width="10" height="10"/></svg>`,
  };
}

/** A photo with something in it (shapes, a gradient): a flat colour proves nothing about likeness. */
const texturedPhoto = (other = false) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><defs><linearGradient id="g"><stop offset="0" stop-color="${other ? '#204080' : '#f0c080'}"/><stop offset="1" stop-color="${other ? '#f0f0a0' : '#402010'}"/></linearGradient></defs><rect width="800" height="600" fill="url(#g)"/>` +
        (other
          ? '<rect x="500" y="50" width="250" height="500" fill="#111"/><circle cx="150" cy="450" r="120" fill="#fff"/>'
          : '<circle cx="400" cy="250" r="160" fill="#fff"/><rect x="80" y="420" width="640" height="120" fill="#223"/><circle cx="650" cy="120" r="60" fill="#c33"/>') +
        '</svg>',
    ),
  )
    .jpeg({ quality: 85 })
    .toBuffer();

const mentor = (fields: string) => `position: обучающаяся\norganization: uo-test\nsphere: химия\nforms: [uchitel-uchitel]\nsince: 2025\n${fields}\n`;

/** The fixture with every kind of person; `publicDir` is a copy of public/ with a GPS photo added. */
async function personalFixture(name: string) {
  const content = fixtureCopy(name);
  mkdirSync(join(content, 'mentors/photos'), { recursive: true });
  mkdirSync(join(content, 'practices/covers'), { recursive: true });
  writeFileSync(join(content, 'mentors/photos/sidorova-mariya.jpg'), await cameraPhoto('#88aacc'));
  writeFileSync(join(content, 'mentors/photos/artem.jpg'), await cameraPhoto('#cc8888'));
  writeFileSync(join(content, 'mentors/photos/tainova.jpg'), await cameraPhoto('#aa88cc'));
  writeFileSync(join(content, 'practices/covers/cover.jpg'), await cameraPhoto('#88cc88'));
  const add = (file: string, line: string, before: RegExp) =>
    writeFileSync(join(content, file), readFileSync(join(content, file), 'utf8').replace(before, `${line}\n$&`));
  add('mentors/ivanova-anna.yaml', 'photo: ./photos/sidorova-mariya.jpg\nphotoAlt: Анна Петровна у доски', /^position:/m);
  add('mentors/uchenik-artem.yaml', 'photo: ./photos/artem.jpg\nphotoAlt: Артём на олимпиаде', /^position:/m);
  add('practices/test-practice.md', 'cover: ./covers/cover.jpg\ncoverAlt: Семинар', /^summary:/m);
  // Finding 2: a pupil and a student with a parent's consent, neither marked «minor».
  writeFileSync(
    join(content, 'mentors/masha-t4k2.yaml'),
    `name: {last: ${HIDDEN[0]}, first: Мария, middle: Ильинична}\nphoto: ./photos/tainova.jpg\nphotoAlt: Мария в лаборатории\n${mentor('category: pupil\nconsent: {publication: true, date: 2025-09-03, document: согласие № 3 от 03.09.2025, givenBy: parent}')}`,
  );
  writeFileSync(
    join(content, 'mentors/vera-x9p3.yaml'),
    `name: {last: ${HIDDEN[1]}, first: Вера}\n${mentor('category: student\nconsent: {publication: true, date: 2025-09-04, document: согласие № 4 от 04.09.2025, givenBy: parent}')}`,
  );
  // Item 4: a consent withdrawn before the build date; a practice still lists the person.
  writeFileSync(
    join(content, `mentors/${WITHDRAWN.id}.yaml`),
    `name: {last: Ушедший, first: Олег}\n${mentor('category: teacher\nconsent: {publication: true, date: 2025-09-05, document: согласие № 5 от 05.09.2025, withdrawn: 2026-10-01}')}`,
  );
  writeFileSync(
    join(content, 'practices/test-practice.md'),
    readFileSync(join(content, 'practices/test-practice.md'), 'utf8').replace(
      'mentors: [ivanova-anna, uchenik-artem]',
      `mentors: [ivanova-anna, uchenik-artem, masha-t4k2, ${WITHDRAWN.id}]`,
    ),
  );
  const publicDir = join(TMP, `${name}-public`);
  rmSync(publicDir, { recursive: true, force: true });
  cpSync(join(ROOT, 'public'), publicDir, { recursive: true });
  writeFileSync(join(publicDir, 'files/event-photo.jpg'), await cameraPhoto('#cccc88'));
  // Told by their bytes, not their names: a «.jfif» with GPS, a JPEG comment, PNG text, SVG metadata.
  writeFileSync(join(publicDir, 'files/vstrecha.jfif'), await cameraPhoto('#88cccc'));
  const annotated = await annotatedImages();
  writeFileSync(join(publicDir, 'files/gramota.jpg'), annotated.jpeg);
  writeFileSync(join(publicDir, 'files/plakat.png'), annotated.png);
  writeFileSync(join(publicDir, 'files/emblema.svg'), annotated.svg);
  return { content, publicDir };
}

describe('personal data in dist/', () => {
  let build: { status: number | null; output: string };
  let content: string;
  beforeAll(async () => {
    const fixture = await personalFixture('personal');
    content = fixture.content;
    expect(checkContent(ROOT, projectRelative(content)).problems).toEqual([]);
    build = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: out, PUBLIC_DIR: projectRelative(fixture.publicDir) });
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds, with the leak scan as its last step and the consent listed', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(build.output).toMatch(/персональные данные: утечек нет/);
    expect(build.output).toMatch(/ushedshiy-oleg\.yaml: согласие отозвано 01\.10\.2026/);
  });

  const textOutputs = () => {
    const files = listFiles(out, (p) => /\.(html|json|xml|txt|csv|ics|js)$/.test(p)).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
    for (const f of listFiles(join(out, 'pagefind'), (p) => /\.pf_(fragment|meta|index|filter)$/.test(p)))
      files.push({ f, text: gunzipSync(readFileSync(f)).toString('utf8') });
    return files;
  };

  it('no minor’s surname anywhere — pages, JSON, RSS, sitemap, search index — the unmarked ones included', () => {
    const files = textOutputs();
    expect(files.some(({ f }) => f.endsWith('api/mentors.json'))).toBe(true);
    expect(files.some(({ f }) => f.endsWith('rss.xml'))).toBe(true);
    expect(files.some(({ f }) => /\.pf_fragment$/.test(f))).toBe(true);
    for (const surname of [SURNAME, ...HIDDEN, 'Ильинична'])
      expect(
        files.filter(({ text }) => text.includes(surname)).map(({ f }) => f.slice(out.length)),
        surname,
      ).toEqual([]);
  });

  it('a pupil and a parent-consented student without «minor» are shown by first name, without photo (finding 2)', () => {
    const page = readFileSync(join(out, 'nastavniki/masha-t4k2/index.html'), 'utf8');
    expect(page).toContain('Мария');
    expect(page).not.toContain('Мария в лаборатории');
    expect(page).not.toMatch(/<div class="avatar[^"]*">\s*<img/);
    const json = JSON.parse(readFileSync(join(out, 'api/mentors.json'), 'utf8')) as { id: string; name: string; photo?: string }[];
    const masha = json.find((m) => m.id === 'masha-t4k2')!;
    expect(masha.name).toBe('Мария');
    expect(masha.photo).toBeUndefined();
    expect(json.find((m) => m.id === 'vera-x9p3')).toMatchObject({ name: 'Вера' });
  });

  it('no published file name carries an uploaded name (finding 3)', () => {
    const names = listFiles(out).map((f) => f.slice(out.length));
    expect(names.filter((n) => /sidorova|mariya|artem|tainova|cover/i.test(n) && !/^\/(nastavniki|og|praktiki|api)\//.test(n))).toEqual([]);
    const adult = readFileSync(join(out, 'nastavniki/ivanova-anna/index.html'), 'utf8');
    expect(adult).toMatch(/<img[^>]+src="[^"]*_astro\/[A-Za-z0-9_-]{16}\.webp/);
    expect(adult).not.toMatch(/sidorova/);
  });

  it('a person whose consent was withdrawn is nowhere: no page, not in the practice, not in any output', () => {
    expect(listFiles(out).filter((f) => f.includes(WITHDRAWN.id))).toEqual([]);
    expect(
      textOutputs()
        .filter(({ text }) => text.includes(WITHDRAWN.id) || text.includes('Ушедш'))
        .map(({ f }) => f.slice(out.length)),
    ).toEqual([]);
    expect(readFileSync(join(out, 'praktiki/test-practice/index.html'), 'utf8')).toContain('ivanova-anna');
  });

  it('no image in dist/ keeps metadata, those from public/ included (finding 5)', async () => {
    const images = listFiles(out, (p) => /\.(webp|jpe?g|jfif|png|avif)$/.test(p));
    for (const name of ['event-photo.jpg', 'vstrecha.jfif', 'gramota.jpg', 'plakat.png'])
      expect(
        images.some((i) => i.endsWith(`files/${name}`)),
        name,
      ).toBe(true);
    const withMeta: string[] = [];
    for (const image of images) {
      const meta = await sharp(image).metadata();
      if (meta.exif || meta.xmp || meta.iptc || meta.comments?.length) withMeta.push(image.slice(out.length));
      const bytes = readFileSync(image);
      if (bytes.includes(Buffer.from(SURNAME)) || bytes.includes(Buffer.from('Sekretov'))) withMeta.push(`${image.slice(out.length)} (текст)`);
    }
    expect(withMeta).toEqual([]);
    expect(readFileSync(join(out, 'files/emblema.svg'), 'utf8')).not.toMatch(/metadata|59\.9/);
    expect((await sharp(join(out, 'files/event-photo.jpg')).metadata()).width).toBe(640);
  });

  describe('the leak scan over the finished site (planted into a copy of it)', () => {
    const planted = join(TMP, 'dist-personal-planted');
    let leaks: { output: string; where?: string; message: string }[];
    beforeAll(async () => {
      rmSync(planted, { recursive: true, force: true });
      cpSync(out, planted, { recursive: true });
      const page = join(planted, 'nastavniki/uchenik-artem/index.html');
      writeFileSync(page, readFileSync(page, 'utf8').replace('</main>', `<blockquote>Я — Артём ${SURNAME}</blockquote></main>`));
      const json = join(planted, 'api/mentors.json');
      writeFileSync(json, readFileSync(json, 'utf8').replace('"position":', '"note":"согласие № 1","position":'));
      mkdirSync(join(planted, 'pagefind/fragment'), { recursive: true });
      writeFileSync(
        join(planted, 'pagefind/fragment/ru_planted.pf_fragment'),
        gzipSync(Buffer.from(`pagefind_dcd{"content":"вёл занятия Артём ${SURNAME}ым"}`)),
      );
      writeFileSync(
        join(planted, '_astro/sekretov-artem.Ab12.webp'),
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
          .webp()
          .toBuffer(),
      );
      writeFileSync(join(planted, 'files/gps.jpg'), await cameraPhoto('#123456'));
      writeFileSync(
        join(planted, '_astro/abcdefabcdefabcd.webp'),
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
          .webp()
          .toBuffer(),
      );
      // The word index: each word after its CBOR length byte («p» before an 8-letter Cyrillic word).
      mkdirSync(join(planted, 'pagefind/index'), { recursive: true });
      writeFileSync(
        join(planted, 'pagefind/index/ru_planted.pf_index'),
        gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x82, 0x70]), Buffer.from('секретов')])),
      );
      // The child's photo saved again under another name, resized and re-encoded (as a practice's cover would be).
      writeFileSync(join(content, 'mentors/photos/artem.jpg'), await texturedPhoto());
      writeFileSync(
        join(planted, '_astro/resavedcover00000.webp'),
        await sharp(join(content, 'mentors/photos/artem.jpg')).resize(480).webp({ quality: 70 }).toBuffer(),
      );
      writeFileSync(
        join(planted, '_astro/otherpicture00000.webp'),
        await sharp(await texturedPhoto(true))
          .resize(480)
          .webp()
          .toBuffer(),
      );
      const entries = checkContent(ROOT, projectRelative(content)).entries;
      const withheld = withheldOf(entries, join(content, 'mentors'), new Date(`${TEST_BUILD_DATE}T00:00:00Z`));
      ({ leaks } = await scanDist(planted, withheld, {
        cardTexts: { 'og/nastavniki/uchenik-artem.png': `Доска почёта\nАртём ${SURNAME}` },
        imageOrigins: { '_astro/abcdefabcdefabcd.webp': 'artem', '_astro/resavedcover00000.webp': 'nagrazhdenie', '_astro/otherpicture00000.webp': 'drugoe' },
      }));
    }, 120_000);
    afterAll(() => rmSync(planted, { recursive: true, force: true }));

    const leakOf = (output: string) =>
      leaks
        .filter((l) => l.output === output)
        .map((l) => `${l.where ?? ''} ${l.message}`)
        .join('\n');
    it('a minor’s surname in a page, in the search index, on a share image, in a file name', () => {
      expect(leakOf('nastavniki/uchenik-artem/index.html')).toMatch(
        /фамилия несовершеннолетнего «Секретов» из .*mentors\/uchenik-artem\.yaml → поле «name\.last»/,
      );
      expect(leakOf('pagefind/fragment/ru_planted.pf_fragment')).toMatch(/поисковый индекс.*фамилия несовершеннолетнего «Секретовым»/);
      expect(leakOf('og/nastavniki/uchenik-artem.png')).toMatch(/текст на картинке для ссылок.*«Секретов»/);
      expect(leakOf('_astro/sekretov-artem.Ab12.webp')).toMatch(/имя файла.*«sekretov»/);
    });
    it('a consent’s number in a JSON field', () =>
      expect(leakOf('api/mentors.json')).toMatch(/номер документа о согласии «согласие № 1» из .*ivanova-anna\.yaml → поле «consent\.document»/));
    it('a GPS photo and a withheld photo published under a hashed name', () => {
      expect(leakOf('files/gps.jpg')).toMatch(/метаданные изображения.*EXIF/);
      expect(leakOf('_astro/abcdefabcdefabcd.webp')).toMatch(/сделано из файла «artem»: фотография несовершеннолетнего без разрешения родителей/);
    });
    it('the surname in the search index’s word list, after its length byte', () =>
      expect(leakOf('pagefind/index/ru_planted.pf_index')).toMatch(/поисковый индекс.*фамилия несовершеннолетнего/));
    it('a withheld photo saved again under another name, by its likeness; another picture is not taken for it', () => {
      expect(leakOf('_astro/resavedcover00000.webp')).toMatch(
        /та же фотография, что «artem» \(загружена как «nagrazhdenie»\): фотография несовершеннолетнего без разрешения родителей/,
      );
      expect(leakOf('_astro/otherpicture00000.webp')).toBe('');
    });
    it('nothing else: the unplanted outputs stay clean', () => {
      const expected = [
        'nastavniki/uchenik-artem/index.html',
        'api/mentors.json',
        'pagefind/fragment/ru_planted.pf_fragment',
        'pagefind/index/ru_planted.pf_index',
        '_astro/sekretov-artem.Ab12.webp',
        '_astro/resavedcover00000.webp',
        'files/gps.jpg',
        '_astro/abcdefabcdefabcd.webp',
        'og/nastavniki/uchenik-artem.png',
      ];
      expect([...new Set(leaks.map((l) => l.output))].sort()).toEqual(expected.sort());
    });
    it('`npm run check:leaks` says the same and exits 1', () => {
      const run = spawnSync('npm', ['run', '--silent', 'check:leaks', '--', planted], {
        cwd: ROOT,
        env: { ...process.env, CONTENT_ROOT: projectRelative(content), BUILD_DATE: TEST_BUILD_DATE },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Персональные данные попали в собранный сайт/);
      expect(run.stderr).toMatch(/nastavniki\/uchenik-artem\/index\.html: фамилия несовершеннолетнего «Секретов» из .*uchenik-artem\.yaml → поле «name\.last»/);
    });
  });
});

describe('planted leaks fail the build, naming the output file and the source entry', () => {
  let build: { status: number | null; output: string };
  const failedOut = join(TMP, 'dist-personal-leak');
  beforeAll(async () => {
    const { content, publicDir } = await personalFixture('personal-leak');
    const add = (file: string, line: string, before: RegExp) =>
      writeFileSync(join(content, file), readFileSync(join(content, file), 'utf8').replace(before, `${line}\n$&`));
    // Into content: a minor's surname in the quote and in a practice's text, a consent's number in a field.
    add('mentors/uchenik-artem.yaml', `quote: Я Артём ${SURNAME}, и мне нравится объяснять`, /^minor:/m);
    writeFileSync(
      join(content, 'practices/test-practice.md'),
      `${readFileSync(join(content, 'practices/test-practice.md'), 'utf8')}\nЗанятия вёл Артём ${SURNAME}.\n`,
    );
    writeFileSync(
      join(content, 'mentors/ivanova-anna.yaml'),
      readFileSync(join(content, 'mentors/ivanova-anna.yaml'), 'utf8').replace('учитель математики', 'учитель математики (согласие № 1)'),
    );
    // Into public/, which no content check reads: a list with the surname, a file named after the child.
    writeFileSync(join(publicDir, 'files/spisok-10a.txt'), `Список наставников: Артём ${SURNAME}\n`);
    writeFileSync(join(publicDir, 'files/sekretov-artem-gramota.txt'), 'Грамота\n');
    // A Word document under public/: its text is read from the archive.
    writeFileSync(
      join(publicDir, 'files/esse.docx'),
      await writeDocx({ file: 'esse.docx', blocks: [{ kind: 'paragraph', text: `Эссе: ${SURNAME} Артём, 10 «Б»`, line: 1 }] }),
    );
    build = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: failedOut, PUBLIC_DIR: projectRelative(publicDir) });
  }, 300_000);
  afterAll(() => rmSync(failedOut, { recursive: true, force: true }));

  const source = (file: string, field: string) => new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} → поле «${field.replace(/[.[\]]/g, '\\$&')}»`);
  const leak = (output: string, what: string, file: string, field: string) =>
    expect(build.output).toMatch(new RegExp(`${output.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\n]*: ${what}[^\n]*${source(file, field).source}`));

  it('fails, and removes what it built', () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/Персональные данные попали в собранный сайт/);
    expect(build.output).toMatch(/Собранный сайт удалён/);
    expect(listFiles(failedOut)).toEqual([]);
  });
  it('a minor’s surname in the quote: the card, the JSON record, the search index', () => {
    leak('nastavniki/uchenik-artem/index.html', 'фамилия несовершеннолетнего «Секретов»', 'mentors/uchenik-artem.yaml', 'name.last');
    leak('api/mentors.json', 'фамилия несовершеннолетнего', 'mentors/uchenik-artem.yaml', 'name.last');
    expect(build.output).toMatch(/pagefind\/[^\n]*\(поисковый индекс\): фамилия несовершеннолетнего/);
  });
  it('a minor’s surname in a practice’s text: the practice page and its JSON', () => {
    leak('praktiki/test-practice/index.html', 'фамилия несовершеннолетнего', 'mentors/uchenik-artem.yaml', 'name.last');
    leak('api/practices.json', 'фамилия несовершеннолетнего', 'mentors/uchenik-artem.yaml', 'name.last');
  });
  it('a consent’s number in a field', () =>
    leak('nastavniki/ivanova-anna/index.html', 'номер документа о согласии «согласие № 1»', 'mentors/ivanova-anna.yaml', 'consent.document'));
  it('files under public/, which no content check reads: the text and the file name', () => {
    leak('files/spisok-10a.txt', 'фамилия несовершеннолетнего «Секретов»', 'mentors/uchenik-artem.yaml', 'name.last');
    expect(build.output).toMatch(/files\/sekretov-artem-gramota\.txt \(имя файла\): фамилия несовершеннолетнего «sekretov»/);
    expect(build.output).toMatch(/files\/esse\.docx \(текст документа\): фамилия несовершеннолетнего «Секретов»/);
  });
  it('the content check’s own findings are in the report too, with the field to fix', () => {
    expect(build.output).toMatch(/uchenik-artem\.yaml → поле «quote»: здесь записано: фамилия несовершеннолетнего/);
    expect(build.output).toMatch(/test-practice\.md → поле «текст»: здесь записано: фамилия несовершеннолетнего/);
  });
});
