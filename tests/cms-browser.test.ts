/**
 * The editor end to end, as a curator uses it: `npm run cms`, /admin/, a new practice
 * linked to an existing organisation, form and mentor, with a cover uploaded through the media
 * library, «Опубликовать сейчас».
 * The file appears in the content folder with a Latin id made from the title, passes the
 * schemas, and a build shows it on /praktiki/ with the cover re-encoded and stripped of EXIF. Marking a seed roadmap item done changes
 * exactly one line of its file; a line added to a regulation's text leaves the rest as it was.
 *
 * The editor works on a copy of src/content (CONTENT_ROOT=.cache/tests/cms-project/src/content:
 * scripts/cms.ts points decap-server at .cache/tests/cms-project and astro dev at the copy), so
 * nothing here writes into src/content/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { checkContent } from '../src/integrity/check.ts';
import { chromiumPath } from './helpers/browser.ts';
import { publish, startEditor, type Editor } from './helpers/editor.ts';
import { astroBuild, projectRelative, ROOT, TMP } from './helpers/project.ts';

const SITE_PORT = 4391;
const DECAP_PORT = 8191;
const TITLE = 'Проверочная практика редактора';
const ID = 'proverochnaya-praktika-redaktora';
/** The folder decap-server works in: the editor's settings name the content «src/content/…» under it. */
const PROJECT = join(TMP, 'cms-project');

const CONTENT = join(PROJECT, 'src/content');
const CONTENT_ROOT = projectRelative(CONTENT);
const FILE = join(CONTENT, 'practices', `${ID}.md`);
/** The practice's own upload folder: the file is named after the upload, in Latin, with a hash of its bytes (cms/media.ts). */
const COVER_NAME = new RegExp(`^${ID}-[0-9a-f]{8}\\.jpg$`);
const ROADMAP = join(CONTENT, 'roadmaps/ustyuzhna-sh-2-2020.yaml');
const REGULATION = join(CONTENT, 'regulations/ustyuzhna-sh-2.md');
const SETTINGS = join(CONTENT, 'settings/site.yaml');
const EDITOR_BLOCK =
  'editor:\n  backend: forgejo\n  repo: school/nastavnichestvo\n  branch: main\n  baseUrl: https://git.school.example\n  appId: 0a1b2c\n  editorialWorkflow: true\n';
/** How many times (every 250 ms) a test looks for the saved file: a minute, so a slow machine does not fail it. */
const SAVE_POLLS = 240;
let roadmapBefore = '';
let regulationBefore = '';

let editor: Editor;

describe.skipIf(!chromiumPath)('the editor, through its UI', () => {
  beforeAll(async () => {
    // A camera photo: EXIF with the maker and the place it was taken.
    mkdirSync(TMP, { recursive: true });
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 40, g: 120, b: 90 } } })
      .withExif({ IFD0: { Make: 'Камера', Model: 'GPS-1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1' } })
      .jpeg()
      .toFile(join(TMP, `${ID}.jpg`));
    editor = await startEditor({
      name: 'cms-project',
      sitePort: SITE_PORT,
      decapPort: DECAP_PORT,
      prepare: () => {
        // Where the editor saves (settings/site.yaml → editor): hidden in the editor, kept in the file.
        writeFileSync(SETTINGS, `${readFileSync(SETTINGS, 'utf8').trimEnd()}\n${EDITOR_BLOCK}`);
        roadmapBefore = readFileSync(ROADMAP, 'utf8');
        regulationBefore = readFileSync(REGULATION, 'utf8');
      },
    });
  }, 300_000);

  afterAll(async () => {
    await editor?.stop();
  });

  const openEntry = (page: Page, path: string) => editor.open(page, path);

  it('creates a practice linked to an organisation, a form and a mentor; the build publishes it', async () => {
    const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const field = (name: string) => page.locator(`[id^="${name}-field"]`).first();
    await openEntry(page, 'practices/new');
    await field('title').fill(TITLE);
    const choose = async (name: string, text: string) => {
      await field(name).click();
      await field(name).fill(text);
      await page
        .getByRole('option', { name: new RegExp(text) })
        .first()
        .click({ timeout: 15_000 });
    };
    await choose('organization', 'СОШ № 1');
    await choose('forms', 'Учитель');
    await choose('mentors', 'Смирнова');
    await page.getByRole('button', { name: /Добавить год реализации/ }).click();
    await page.locator('input[id^="value-field"]').first().fill('2025');
    await field('summary').fill('Краткое описание проверочной практики.');
    await field('problem').fill('Молодым учителям нужна поддержка.');
    await field('description').fill('Двенадцать пар учителей.');
    await field('replicability').fill('Подходит любой школе.');
    await field('published').fill('2025-10-01');
    // The school is a fictional one of the demo set, so the practice is marked «пример» too.
    await field('demo').click();
    // The cover goes through the media library; it is stored next to the practices.
    await page.getByRole('button', { name: 'Выберите изображение' }).click();
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles(join(TMP, `${ID}.jpg`));
    await page.getByRole('button', { name: /^Выбрать( помеченные)?$/ }).click();
    await field('coverAlt').fill('Зелёный прямоугольник');
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Наставники провели двенадцать встреч с молодыми учителями.');
    expect(await field('id').inputValue()).toBe(ID);
    await publish(page);
    // Up to a minute for decap-server to write: only against a hang, never a measure of speed.
    for (let i = 0; i < SAVE_POLLS && !existsSync(FILE); i++) await page.waitForTimeout(250);
    expect(existsSync(FILE), 'файл практики не появился').toBe(true);
    expect(errors).toEqual([]);

    const saved = readFileSync(FILE, 'utf8');
    expect(saved).toMatch(/^organization: lesnogorsk-sosh-1$/m);
    expect(saved).toMatch(/- smirnova-elena/);
    const cover = new RegExp(`^cover: (?:\\./)?covers/${ID}/([^/\\s]+)$`, 'm').exec(saved)?.[1] ?? '';
    expect(cover, 'обложка не в папке практики').toMatch(COVER_NAME);
    expect(existsSync(join(CONTENT, 'practices/covers', ID, cover)), 'обложка не сохранена рядом с практиками').toBe(true);
    const { problems, entries } = checkContent(ROOT, CONTENT_ROOT);
    expect(problems).toEqual([]);
    expect(entries.some((e) => e.collection === 'practices' && e.id === ID)).toBe(true);

    const out = join(TMP, 'dist-cms');
    const build = astroBuild({ CONTENT_ROOT, OUT_DIR: out });
    expect(build.status, build.output.slice(-2000)).toBe(0);
    const list = readFileSync(join(out, 'praktiki/index.html'), 'utf8');
    expect(list).toContain(`/praktiki/${ID}/`);
    const pageHtml = readFileSync(join(out, 'praktiki', ID, 'index.html'), 'utf8');
    // The build re-encoded the cover into responsive WebP sizes without EXIF, and did not publish the original.
    // Published images are named by a hash, never after the uploaded file: the cover is found by its description.
    const coverImg = [...pageHtml.matchAll(/<img[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes('alt="Зелёный прямоугольник"')) ?? '';
    const covers = (/\ssrcset="([^"]+)"/.exec(coverImg)?.[1] ?? '')
      .split(',')
      .map((c) => c.trim().split(' ')[0])
      .filter(Boolean);
    expect(
      covers.every((src) => !src.includes(ID)),
      'имя загруженного файла попало в адрес изображения',
    ).toBe(true);
    expect(covers.length, 'на странице практики нет обложки в нескольких размерах').toBeGreaterThanOrEqual(2);
    for (const src of covers) {
      expect(src).toMatch(/\.webp$/);
      const meta = await sharp(join(out, src)).metadata();
      expect(meta.exif, `${src}: в изображении остались сведения EXIF`).toBeUndefined();
    }
    expect(readdirSync(join(out, '_astro')).filter((f) => f.startsWith(ID))).toEqual([]);
    rmSync(out, { recursive: true, force: true });
  }, 300_000);

  it('marking one roadmap item done changes only that line of the file', async () => {
    const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openEntry(page, 'roadmaps/entries/ustyuzhna-sh-2-2020');
    // Stages and items are collapsed to their summaries: open stage 1, then item 1.5.
    const expand = (summary: RegExp) => page.getByText(summary).locator('xpath=..').locator('button').first().click();
    await expand(/^1 · Нормативное правовое регулирование/);
    await expand(/^1\.5 · Разработка положения о программе наставничества/);
    const numbers = page.locator('input[id^="number-field"]');
    let index = -1;
    for (let i = 0; i < (await numbers.count()) && index < 0; i++) if ((await numbers.nth(i).inputValue()) === '1.5') index = i;
    expect(index, 'мероприятие 1.5 не найдено в форме').toBeGreaterThanOrEqual(0);
    const item = numbers.nth(index).locator('xpath=ancestor::*[.//*[starts-with(@id,"status-field")]][1]');
    await item.locator('[id^="status-field"]').first().focus();
    await page.keyboard.type('выполн');
    await page.getByRole('option', { name: 'выполнено' }).click();
    await publish(page);
    let after = roadmapBefore;
    for (let i = 0; i < SAVE_POLLS && after === roadmapBefore; i++) {
      await page.waitForTimeout(250);
      after = readFileSync(ROADMAP, 'utf8');
    }
    expect(errors).toEqual([]);

    // The diff is one added line, right after item 1.5's result.
    const before = roadmapBefore.split('\n');
    const lines = after.split('\n');
    expect(lines.length, 'добавилась не одна строка').toBe(before.length + 1);
    const at = lines.findIndex((line, i) => line !== before[i]);
    expect(lines[at]).toBe('        status: done');
    expect(lines.slice(0, at)).toEqual(before.slice(0, at));
    expect(lines.slice(at + 1)).toEqual(before.slice(at));
    expect(before[at - 1]).toBe('        result: Положения о программе наставничества');
    expect(checkContent(ROOT, CONTENT_ROOT).problems).toEqual([]);
  }, 300_000);

  it('adding a line to a regulation keeps the rest of its text as it was', async () => {
    const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await openEntry(page, 'regulations/entries/ustyuzhna-sh-2');
    // Put the caret after the last character of the text, in the DOM; Slate picks the
    // selection up from there asynchronously, so let it settle before each edit.
    await page
      .locator('[data-slate-editor="true"]')
      .first()
      .evaluate((editor) => {
        (editor as HTMLElement).focus();
        const leaves = editor.querySelectorAll('[data-slate-string]');
        const text = leaves[leaves.length - 1].firstChild!;
        const range = document.createRange();
        range.setStart(text, text.textContent!.length);
        range.collapse(true);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await page.keyboard.insertText('Проверочная строка.');
    await page.waitForTimeout(300);
    await publish(page);
    let after = regulationBefore;
    for (let i = 0; i < SAVE_POLLS && after === regulationBefore; i++) {
      await page.waitForTimeout(250);
      after = readFileSync(REGULATION, 'utf8');
    }
    // Lists, numbered clauses and blank lines untouched: the old text is a prefix of the new.
    const changed = after.split('\n').filter((line, i) => line !== regulationBefore.split('\n')[i]);
    expect(after.startsWith(regulationBefore), `текст положения изменился не только в конце: ${changed.slice(0, 3).join(' | ')}`).toBe(true);
    expect(after.slice(regulationBefore.length)).toMatch(/^\n?Проверочная строка\.\n$/);
    expect(checkContent(ROOT, CONTENT_ROOT).problems).toEqual([]);
  }, 300_000);

  it('saving the settings keeps the Git host they name, which the editor does not show', async () => {
    const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openEntry(page, 'settings/entries/site');
    const before = readFileSync(SETTINGS, 'utf8');
    expect(await page.locator('[id^="editor-field"], [id^="backend-field"], [id^="repo-field"]').count()).toBe(0);
    const tagline = page.locator('[id^="tagline-field"]').first();
    await tagline.fill('Проверочный подзаголовок раздела');
    await publish(page);
    let after = before;
    for (let i = 0; i < SAVE_POLLS && after === before; i++) {
      await page.waitForTimeout(250);
      after = readFileSync(SETTINGS, 'utf8');
    }
    expect(errors).toEqual([]);
    expect(after).toMatch(/tagline: Проверочный подзаголовок раздела/);
    expect(after.endsWith(EDITOR_BLOCK), after).toBe(true);
    expect(checkContent(ROOT, CONTENT_ROOT).problems).toEqual([]);
  }, 300_000);
});
