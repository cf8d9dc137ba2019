/**
 * Uploads in the editor (issue 17, findings 3, 9, 13), through its UI on a copy of src/content:
 * - two practices each get a «cover.jpg»: both files stay, and each built page shows its own;
 * - a cover named «фото ивановой на уроке+2025.JPG» is stored under a Latin name and published;
 * - a camera photo with GPS is saved without EXIF (the file in the content copy, not only dist/);
 * - the media library opened from one mentor lists none of another person's photos;
 * - deleting a mentor deletes their photo files;
 * - a new entry's upload lands in the new entry's folder, and its field names it there;
 * - a file over the limit is refused with a Russian message naming the limit in МБ.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { IMAGE_MAX_MB } from '../cms/media.ts';
import { chromiumPath } from './helpers/browser.ts';
import { publish, startEditor, type Editor } from './helpers/editor.ts';
import { astroBuild, projectRelative, TMP } from './helpers/project.ts';

const SITE_PORT = 4397;
const DECAP_PORT = 8197;
/** A mentor no practice names, so that deleting it is not refused; its photo is a camera's, with GPS. */
const MENTOR = 'zaytseva-olga';
const OTHER_MENTOR = 'smirnova-elena';
const [FIRST, SECOND, CYRILLIC, LARGE] = ['shkola-molodogo-pedagoga', 'studencheskiy-desant', 'proektnaya-laboratoriya-it', 'ravnyy-ravnomu-oge'];
const CYRILLIC_NAME = 'фото ивановой на уроке+2025.JPG';
/** A copy of the second practice, made with «Дублировать»: a new entry with a cover of its own. */
const COPY_TITLE = 'Копия студенческого десанта для проверки';
/** The copy's id, once saved. */
let copy = '';
/** Up to a minute (every 250 ms) for decap-server to write: only against a hang, never a measure of speed. */
const POLLS = 240;

/** A picture of one colour; with `gps`, the EXIF a phone writes (maker, model, where it was taken). */
function picture(colour: { r: number; g: number; b: number }, gps = false): Promise<Buffer> {
  const image = sharp({ create: { width: 1600, height: 900, channels: 3, background: colour } });
  return (gps ? image.withExif({ IFD0: { Make: 'Телефон', Model: 'GPS-2' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 56/1 0/1' } }) : image)
    .jpeg()
    .toBuffer();
}

const RED = { r: 200, g: 40, b: 30 };
const BLUE = { r: 30, g: 60, b: 200 };
const GREEN = { r: 40, g: 170, b: 60 };

let editor: Editor;
const files: Record<string, Buffer> = {};

const entryFile = (collection: string, id: string) => join(editor.content, collection, `${id}.${collection === 'practices' ? 'md' : 'yaml'}`);
/** The image a field names, as a path in the content copy. */
function imageOf(collection: string, id: string, name: string): string | undefined {
  const value = new RegExp(`^${name}: ['"]?([^'"\\n]+)`, 'm').exec(readFileSync(entryFile(collection, id), 'utf8'))?.[1];
  return value && join(editor.content, collection, value);
}
/** Every file below a folder (relative paths). */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

async function waitUntil(page: Page, done: () => boolean) {
  for (let i = 0; i < POLLS && !done(); i++) await page.waitForTimeout(250);
}

/** A page on the editor whose dialogs are accepted and recorded (Decap asks with the browser's own). */
async function editorPage() {
  const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  return { page, dialogs };
}

/** Opens the media library from the entry's image field («Выберите (другое) изображение»). */
async function openLibrary(page: Page) {
  await page
    .getByRole('button', { name: /^Выб(рать|ерите) (другое )?изображение$/ })
    .first()
    .click();
  await page.locator('.nc-fileUploadButton input[type=file]').first().waitFor({ state: 'attached' });
}

/** Uploads a file through the media library and puts it into the field. */
async function upload(page: Page, name: string, buffer: Buffer) {
  await openLibrary(page);
  await page.locator('.nc-fileUploadButton input[type=file]').first().setInputFiles({ name, mimeType: 'image/jpeg', buffer });
  await page.getByRole('button', { name: /^Выбрать( помеченные)?$/ }).click({ timeout: 60_000 });
}

/** Replaces an entry's image through the editor and saves; gives the saved file's path. */
async function replaceImage(collection: string, id: string, fieldName: string, name: string, buffer: Buffer) {
  const { page, dialogs } = await editorPage();
  const before = readFileSync(entryFile(collection, id), 'utf8');
  await editor.open(page, `${collection}/entries/${id}`, collection === 'mentors' ? 'position' : 'title');
  await upload(page, name, buffer);
  await publish(page);
  await waitUntil(page, () => readFileSync(entryFile(collection, id), 'utf8') !== before);
  await page.close();
  const saved = imageOf(collection, id, fieldName);
  expect(saved, `в записи ${id} нет поля ${fieldName}`).toBeDefined();
  return { saved: saved!, dialogs };
}

describe.skipIf(!chromiumPath)('uploads in the editor', () => {
  beforeAll(async () => {
    files.red = await picture(RED);
    files.blue = await picture(BLUE);
    files.green = await picture(GREEN);
    files.copy = await picture({ r: 230, g: 200, b: 30 });
    files.gps = await picture({ r: 120, g: 90, b: 160 }, true);
    const legacy = await picture({ r: 90, g: 90, b: 90 }, true);
    editor = await startEditor({
      name: 'editor-media',
      sitePort: SITE_PORT,
      decapPort: DECAP_PORT,
      prepare: (content) => {
        // A mentor of the demo set that no practice names, with a photo in the old flat layout.
        const card = readFileSync(join(content, 'mentors/kuznetsov-andrey.yaml'), 'utf8')
          .replace(/last: Кузнецов/, 'last: Зайцева')
          .replace(/first: Андрей/, 'first: Ольга')
          .replace(/middle: Николаевич/, 'middle: Петровна')
          .replace(/photo: .*/, `photo: ./photos/${MENTOR}.jpg`);
        writeFileSync(join(content, `mentors/${MENTOR}.yaml`), card);
        writeFileSync(join(content, `mentors/photos/${MENTOR}.jpg`), legacy);
      },
    });
  }, 240_000);

  afterAll(async () => {
    await editor?.stop();
  });

  it('two practices each get a «cover.jpg»: both files stay, each with its own picture', async () => {
    const first = await replaceImage('practices', FIRST, 'cover', 'cover.jpg', files.red);
    const second = await replaceImage('practices', SECOND, 'cover', 'cover.jpg', files.blue);
    expect([...first.dialogs, ...second.dialogs], 'редактор спросил о замене файла').toEqual([]);
    expect(second.saved, 'обе практики ссылаются на один файл').not.toBe(first.saved);
    expect(existsSync(first.saved) && existsSync(second.saved)).toBe(true);
    const [a, b] = await Promise.all([first.saved, second.saved].map((f) => sharp(f).stats()));
    // The first practice still shows red, the second blue.
    expect(a.channels[0].mean).toBeGreaterThan(a.channels[2].mean + 100);
    expect(b.channels[2].mean).toBeGreaterThan(b.channels[0].mean + 100);
  }, 300_000);

  it('a cover with a Cyrillic name, spaces, «+» and an upper-case extension is stored under a Latin name', async () => {
    const { saved } = await replaceImage('practices', CYRILLIC, 'cover', CYRILLIC_NAME, files.green);
    expect(existsSync(saved), `${saved} не найден`).toBe(true);
    expect(basename(saved)).toMatch(/^[a-z0-9-]+\.jpg$/);
    expect(basename(saved)).toMatch(/^foto-ivanovoy-na-uroke-2025-/);
  }, 300_000);

  it('a photo with GPS is saved without EXIF, in the mentor’s own folder', async () => {
    const { saved } = await replaceImage('mentors', MENTOR, 'photo', 'IMG_2041.jpg', files.gps);
    expect((await sharp(files.gps).metadata()).exif, 'в исходном снимке нет EXIF: тест ничего не проверяет').toBeDefined();
    const meta = await sharp(saved).metadata();
    expect(meta.exif, `${saved}: сохранён со сведениями EXIF (место съёмки)`).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(basename(dirname(saved))).toBe(MENTOR);
  }, 300_000);

  it('the media library of one mentor lists none of another person’s photos; their own one lists theirs', async () => {
    const own = imageOf('mentors', MENTOR, 'photo')!;
    const others = filesUnder(join(editor.content, 'mentors/photos'))
      .filter((f) => !f.startsWith(`${MENTOR}/`) && !f.startsWith(`${MENTOR}.`))
      .map((f) => basename(f));
    expect(others.length, 'в копии нет чужих фотографий: тест ничего не проверяет').toBeGreaterThan(0);
    const listed = async (id: string) => {
      const { page } = await editorPage();
      await editor.open(page, `mentors/entries/${id}`, 'position');
      await openLibrary(page);
      const modal = page.locator('[role=dialog]').last();
      await modal.getByText(/Загрузка меди/).waitFor({ state: 'hidden', timeout: 60_000 });
      await page.waitForTimeout(500);
      const text = await modal.innerText();
      await page.close();
      return text;
    };
    const fromOther = await listed(OTHER_MENTOR);
    for (const name of [basename(own), ...others.filter((n) => n !== `${OTHER_MENTOR}.jpg`)])
      expect(fromOther, `«${name}» видно из карточки ${OTHER_MENTOR}`).not.toContain(name);
    expect(await listed(MENTOR)).toContain(basename(own));
  }, 300_000);

  it('deleting a mentor deletes their photo files', async () => {
    const photos = () => filesUnder(join(editor.content, 'mentors/photos')).filter((f) => f.startsWith(`${MENTOR}/`) || f.startsWith(`${MENTOR}.`));
    expect(photos().length, 'у наставника нет фотографий: тест ничего не проверяет').toBeGreaterThan(0);
    const { page } = await editorPage();
    await editor.open(page, `mentors/entries/${MENTOR}`, 'position');
    await page
      .getByRole('button', { name: /^Удалить (опубликованную )?запись$/ })
      .first()
      .click();
    await waitUntil(page, () => !existsSync(entryFile('mentors', MENTOR)));
    expect(existsSync(entryFile('mentors', MENTOR)), 'запись не удалена').toBe(false);
    await waitUntil(page, () => photos().length === 0);
    await page.close();
    expect(photos(), 'фотографии удалённого наставника остались').toEqual([]);
  }, 300_000);

  it('a new entry’s upload goes to the new entry’s own folder, and its field says so', async () => {
    const { page } = await editorPage();
    const practices = () => readdirSync(join(editor.content, 'practices')).filter((f) => f.endsWith('.md'));
    const before = practices();
    await editor.open(page, `practices/entries/${SECOND}`);
    // «Дублировать» makes a new entry with every field filled, the cover one included: the copy's own upload must not touch it.
    await page.getByRole('button', { name: 'Опубликовано' }).first().click();
    await page.getByText('Дублировать').first().click();
    await page.waitForURL(/\/collections\/practices\/new/);
    await page.locator('[id^="title-field"]').first().fill(COPY_TITLE);
    await upload(page, 'Обложка копии.jpg', files.copy);
    await publish(page);
    // The copy's id is whatever the id field made of the title: the new file tells it.
    await waitUntil(page, () => practices().length > before.length);
    await page.close();
    const [created] = practices().filter((f) => !before.includes(f));
    expect(created, 'копия не сохранена').toBeDefined();
    copy = created.replace(/\.md$/, '');
    const saved = imageOf('practices', copy, 'cover')!;
    expect(saved.startsWith(join(editor.content, 'practices/covers', copy) + '/'), `${saved}: не в папке новой записи`).toBe(true);
    expect(existsSync(saved), `${saved} не найден`).toBe(true);
    expect(basename(saved)).toMatch(/^oblozhka-kopii-[0-9a-f]{8}\.jpg$/);
    // The original keeps its own cover.
    expect(imageOf('practices', SECOND, 'cover')).not.toBe(saved);
  }, 300_000);

  it(`a file over ${IMAGE_MAX_MB} MB is refused with the limit named in Russian`, async () => {
    // A real JPEG padded after its end: the size is what matters here.
    const big = Buffer.concat([files.red, Buffer.alloc((IMAGE_MAX_MB + 1) * 1024 * 1024, 7)]);
    const { page, dialogs } = await editorPage();
    const before = filesUnder(join(editor.content, 'practices/covers'));
    await editor.open(page, `practices/entries/${LARGE}`);
    await openLibrary(page);
    await page.locator('.nc-fileUploadButton input[type=file]').first().setInputFiles({ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: big });
    const message = page.getByText(new RegExp(`не больше ${IMAGE_MAX_MB} МБ`)).first();
    await message.waitFor({ timeout: 30_000 });
    expect(await message.innerText()).toMatch(/IMG_0001\.JPG.*весит 11 МБ/s);
    expect(
      dialogs.filter((d) => /kB|large/i.test(d)),
      'сообщение в килобайтах или по-английски',
    ).toEqual([]);
    // Nothing was taken into the library: «Выбрать помеченные» has nothing to insert.
    expect(await page.getByRole('button', { name: /^Выбрать( помеченные)?$/ }).isDisabled()).toBe(true);
    await page.close();
    expect(filesUnder(join(editor.content, 'practices/covers'))).toEqual(before);
  }, 300_000);

  it('the built site shows each practice’s own cover, the Cyrillic-named one included', async () => {
    const out = join(TMP, 'dist-editor-media');
    const build = astroBuild({ CONTENT_ROOT: projectRelative(editor.content), OUT_DIR: out });
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const coverOf = (id: string) => {
      const html = readFileSync(join(out, 'praktiki', id, 'index.html'), 'utf8');
      const src = /<div class="cover"[^>]*>\s*<img[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
      expect(src, `на странице ${id} нет обложки`).toBeDefined();
      return join(out, src!);
    };
    const mean = async (file: string) => (await sharp(file).stats()).channels.map((c) => c.mean);
    const [first, second, cyrillic, copied] = [coverOf(FIRST), coverOf(SECOND), coverOf(CYRILLIC), coverOf(copy)];
    expect(second).not.toBe(first);
    const [r1, , b1] = await mean(first);
    const [r2, , b2] = await mean(second);
    const [r3, g3, b3] = await mean(cyrillic);
    expect(r1, 'первая практика показывает не свою обложку').toBeGreaterThan(b1 + 100);
    expect(b2, 'вторая практика показывает не свою обложку').toBeGreaterThan(r2 + 100);
    expect(g3, 'обложки с русским именем файла нет на сайте').toBeGreaterThan(Math.max(r3, b3) + 60);
    expect(cyrillic).toMatch(/\.webp$/);
    const [rc, gc, bc] = await mean(copied);
    expect(Math.min(rc, gc), 'у копии практики не её обложка').toBeGreaterThan(bc + 100);
    rmSync(out, { recursive: true, force: true });
  }, 600_000);
});
