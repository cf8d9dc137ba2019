/**
 * Issue 17, findings 1, 2, 6 and 7, in the editor as a curator uses it (`npm run cms`, Chromium):
 * - what the build refuses, the editor refuses too, with the build's message on the field itself,
 *   and a summary that names the field; the file stays as it was (year 3025, a minor whose consent
 *   «дал сам человек», a cover without its description, an entry of a demo organisation not marked
 *   «пример»);
 * - a mentor named in a practice is not deleted: the editor says which entry names them;
 * - a save does not reload the editor, and no dialog follows it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkContent } from '../src/integrity/check.ts';
import { chromiumPath } from './helpers/browser.ts';
import { field, publish, startEditor, type Editor } from './helpers/editor.ts';
import { projectRelative, ROOT } from './helpers/project.ts';

/** Long enough for the dev server to have reloaded the editor after a save, were it going to (a hang, not a measure of speed). */
const SETTLE_MS = 4_000;
/** A request that writes through decap-server: an entry or a file saved, a file deleted (decap-server's API actions). */
const WRITE_ACTION = /"action"\s*:\s*"(persist|delete)\w*"/;

describe.skipIf(!chromiumPath)('the editor refuses what the build refuses', () => {
  let editor: Editor;
  beforeAll(async () => {
    editor = await startEditor({ name: 'editor-validation', sitePort: 4394, decapPort: 8194 });
  }, 300_000);
  afterAll(async () => {
    await editor?.stop();
  });

  const file = (path: string) => join(editor.content, path);

  /** One page at a time: a page left with unsaved changes would hold its own dialogs. */
  let open: Page | undefined;
  /** Every request the open page sent to decap-server to write something (see WRITE_ACTION). */
  let writes: string[] = [];
  async function openPage(path: string, waitFor?: string) {
    await open?.close({ runBeforeUnload: false });
    const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    open = page;
    const errors: string[] = [];
    writes = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (request) => {
      const body = request.method() === 'POST' ? (request.postData() ?? '') : '';
      if (WRITE_ACTION.test(body)) writes.push(body.slice(0, 1000));
    });
    await editor.open(page, path, waitFor);
    return { page, errors };
  }

  /**
   * Closes the page once it has refused: from then on it can send nothing. Nothing it sent
   * asked decap-server to write, and the file is as it was. (Instead of waiting a few seconds
   * for a save that might still come: a closed page sends none, and every request it sent is seen.)
   */
  async function expectNothingWritten(page: Page, path: string, before: string, what: string) {
    await page.close({ runBeforeUnload: false });
    open = undefined;
    expect(writes, `${what}: редактор отправил запись на диск`).toEqual([]);
    expect(existsSync(file(path)), `${what}: файл удалён`).toBe(true);
    expect(readFileSync(file(path), 'utf8'), what).toBe(before);
  }

  /** Saves, and expects the save to be refused: `message` on the form, the field named in the summary, the file unchanged. */
  async function expectRefused(page: Page, path: string, label: RegExp, message: RegExp) {
    const before = readFileSync(file(path), 'utf8');
    await publish(page);
    const summary = page.locator('#save-refused');
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.textContent()).toMatch(label);
    expect(await summary.textContent()).toMatch(message);
    // On the field itself, not only in the summary: Decap lists a field's errors next to it.
    expect(await page.getByText(message).count(), 'сообщения нет у самого поля').toBeGreaterThanOrEqual(2);
    await expectNothingWritten(page, path, before, 'запись сохранена, хотя сборка её не примет');
  }

  it('a year in the future (3025) is refused with the schema message on the field', async () => {
    const { page } = await openPage('mentors/entries/belyaeva-olga', 'since');
    await field(page, 'since').fill('3025');
    await expectRefused(page, 'mentors/belyaeva-olga.yaml', /Наставник с \(год\)/, /слишком поздний год/);
  }, 300_000);

  it('a year in a list (a practice’s years) is refused under that item', async () => {
    const { page } = await openPage('practices/entries/shkola-molodogo-pedagoga', 'title');
    // The list is shown collapsed: open it as a curator would.
    await page.locator('[id^="years-field"] [data-testid="expand-button"]').first().click();
    const years = page.locator('[id^="years-field"] input[id^="value-field"]');
    await years.first().waitFor({ timeout: 30_000 });
    await years.first().fill('3025');
    await expectRefused(page, 'practices/shkola-molodogo-pedagoga.md', /Годы реализации|Год/, /слишком поздний год/);
  }, 300_000);

  it('a minor whose consent «дал сам человек» is refused on «кто дал согласие»', async () => {
    const { page } = await openPage('mentors/entries/uchenik-nastavnik-artem', 'givenBy');
    await field(page, 'givenBy').focus();
    await page.keyboard.type('сам');
    await page.getByRole('option', { name: 'сам человек' }).click();
    await expectRefused(page, 'mentors/uchenik-nastavnik-artem.yaml', /Кто дал согласие/, /согласие даёт родитель/);
  }, 300_000);

  it('a cover without its description is refused on the description', async () => {
    const { page } = await openPage('practices/entries/shkola-molodogo-pedagoga', 'coverAlt');
    await field(page, 'coverAlt').fill('');
    await expectRefused(page, 'practices/shkola-molodogo-pedagoga.md', /Описание обложки/, /у обложки нужен текстовый альтернативный вариант/);
  }, 300_000);

  it('a mentor of a demo organisation not marked «пример» is refused on that mark', async () => {
    const { page } = await openPage('mentors/entries/belyaeva-olga', 'demo');
    await field(page, 'demo').click();
    await expectRefused(page, 'mentors/belyaeva-olga.yaml', /[Пп]ример/, /вымышленный пример/);
  }, 300_000);

  it('a save with required fields left empty names each of them and goes to the first', async () => {
    const { page } = await openPage('practices/new', 'title');
    await field(page, 'title').fill('Практика без организации');
    await publish(page);
    const summary = page.locator('#save-refused');
    await summary.waitFor({ timeout: 15_000 });
    const text = (await summary.textContent()) ?? '';
    for (const label of ['Организация', 'Годы реализации', 'Краткое описание', 'Проблема или запрос']) expect(text).toContain(`«${label}»`);
    expect(text).not.toContain('«Название практики»');
    // The first field in question, in the form's order, has the focus.
    expect(await page.evaluate('document.activeElement?.id ?? ""')).toMatch(/^organization-field/);
  }, 300_000);

  it('a valid change saves without a reload of the editor and without a dialog', async () => {
    const { page, errors } = await openPage('mentors/entries/belyaeva-olga', 'sphere');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.evaluate('window.__sameDocument = true');
    const path = file('mentors/belyaeva-olga.yaml');
    const before = readFileSync(path, 'utf8');
    await field(page, 'sphere').fill('медицина (терапия и первая помощь)');
    await publish(page);
    for (let i = 0; i < 240 && readFileSync(path, 'utf8') === before; i++) await page.waitForTimeout(250);
    expect(readFileSync(path, 'utf8')).toMatch(/^sphere: медицина \(терапия и первая помощь\)$/m);
    // The watch the refused saves rely on sees a real save: their empty lists mean something.
    expect(
      writes.some((body) => body.includes('belyaeva-olga')),
      'сохранение не замечено среди запросов к decap-server',
    ).toBe(true);
    // The dev server sees the file change; the editor must stay as it is.
    await page.waitForTimeout(SETTLE_MS);
    expect(await page.evaluate('window.__sameDocument === true'), 'редактор перезагрузился после сохранения').toBe(true);
    // Decap changes the address in place (pushState); a reload would count here too.
    expect(navigations, 'страница редактора загрузилась заново').toBeLessThanOrEqual(1);
    expect(dialogs).toEqual([]);
    expect(await page.locator('#save-refused').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(checkContent(ROOT, projectRelative(editor.content)).problems).toEqual([]);
  }, 300_000);

  it('a mentor named in a practice is not deleted: the editor names the practice; the site stays whole', async () => {
    const { page } = await openPage('mentors/entries/smirnova-elena', 'sphere');
    const before = readFileSync(file('mentors/smirnova-elena.yaml'), 'utf8');
    page.on('dialog', (dialog) => void dialog.accept());
    await page
      .getByRole('button', { name: /Удалить/ })
      .first()
      .click();
    const notice = page.getByText(/запись не удалена/);
    await notice.waitFor({ timeout: 30_000 });
    // The practice that names her, by its title, and the field, by its name.
    expect(await notice.textContent()).toMatch(/практика «Школа молодого педагога» — поле «Наставники»/);
    await expectNothingWritten(page, 'mentors/smirnova-elena.yaml', before, 'файл наставника изменён');
    expect(existsSync(file('mentors/smirnova-elena.yaml')), 'файл наставника удалён').toBe(true);
    const res = await fetch(editor.url('/praktiki/shkola-molodogo-pedagoga/'));
    expect(res.status).toBe(200);
  }, 300_000);
});
