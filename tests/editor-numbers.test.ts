/**
 * Numbers the Russian way in the editor (issue 17, finding 5 and the year of finding 7): a
 * curator types «3,4» into a result's «было» and the file gets 3.4, not 34; the number comes
 * back with a comma; a year typed in words («двадцатый») stays in the field with a Russian
 * message instead of disappearing, and nothing is saved.
 *
 * `npm run cms` on a copy of src/content (tests/helpers/editor.ts): nothing is written into src/content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readEntry } from '../src/integrity/read-entry.ts';
import { chromiumPath } from './helpers/browser.ts';
import { field, publish, startEditor, type Editor } from './helpers/editor.ts';
import { TMP } from './helpers/project.ts';

const ID = 'ravnyy-ravnomu-oge';
/** Up to a minute (every 250 ms) for decap-server to write: only against a hang, never a measure of speed. */
const SAVE_POLLS = 240;

let editor: Editor;
let file: string;
const results = () => (readEntry(file, readFileSync(file, 'utf8')).data as { results: { before: unknown; after: unknown }[] }).results;

/** Types as a person does, key by key, into an emptied field. */
async function typeInto(page: Page, input: Locator, text: string) {
  await input.scrollIntoViewIfNeeded();
  await input.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** The first result's «было»: its list item is collapsed until its own expand button is pressed. */
async function firstBefore(page: Page): Promise<Locator> {
  const before = field(page, 'before');
  if (!(await before.isVisible())) {
    const item = before.locator('xpath=ancestor::*[.//*[@data-testid="expand-button"]][1]');
    await item.locator('[data-testid="expand-button"]').first().click();
  }
  await before.waitFor({ state: 'visible' });
  return before;
}

describe.skipIf(!chromiumPath)('numbers in the editor', () => {
  beforeAll(async () => {
    editor = await startEditor({ name: 'editor-numbers', sitePort: 4398, decapPort: 8198 });
    file = join(editor.content, 'practices', `${ID}.md`);
  }, 300_000);
  afterAll(async () => {
    await editor?.stop();
  });
  // What the editor showed when a test failed, next to the editor's log.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const [i, page] of (editor?.browser.contexts() ?? []).flatMap((c) => c.pages()).entries()) {
      await page.screenshot({ path: join(TMP, `editor-numbers-${i}.png`), fullPage: true }).catch(() => {});
    }
  });

  it('«3,4» typed into «было» is saved as 3.4 and shown back as «3,4»', async () => {
    expect(results()[0].before).toBe(6.2);
    const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await editor.open(page, `practices/entries/${ID}`);
    const before = await firstBefore(page);
    await typeInto(page, before, '3,4');
    await publish(page);
    for (let i = 0; i < SAVE_POLLS && results()[0].before === 6.2; i++) await page.waitForTimeout(250);
    expect(results()[0].before).toBe(3.4);
    expect(readFileSync(file, 'utf8')).toMatch(/^ {4}before: 3\.4$/m);
    // The other figures stay as they were.
    expect(results()[0].after).toBe(11.4);
    expect(errors).toEqual([]);

    // A fresh window, as the next day's session: logged in anew, the entry read from the file.
    const next = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await editor.open(next, `practices/entries/${ID}`);
    const again = await firstBefore(next);
    expect(await again.inputValue()).toBe('3,4');
    // A phone shows its keyboard with a decimal separator for this field.
    expect(await again.getAttribute('inputmode')).toBe('decimal');
    await next.close();
    await page.close();
  }, 300_000);

  it('«двадцатый» typed as a year stays in the field with a Russian message, and nothing is saved', async () => {
    const saved = readFileSync(file, 'utf8');
    const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await editor.open(page, `practices/entries/${ID}`);
    const add = page.getByRole('button', { name: /Добавить год/ });
    await add.click();
    // The item just added to the list of years: the last input of the list the button belongs to.
    const year = add.locator('xpath=ancestor::*[.//input[starts-with(@id, "value-field")]][1]').locator('input[id^="value-field"]').last();
    await typeInto(page, year, 'двадцатый');
    expect(await year.inputValue()).toBe('двадцатый');
    await publish(page).catch(() => {});
    // The field keeps what was typed and says, in Russian, that it is not a number.
    const message = page.getByText(/двадцатый.{0,10} — не число|не число|год числом|цифрами/).first();
    await message.waitFor({ timeout: 15_000 });
    expect(await message.textContent()).not.toMatch(/[A-Za-z]{3,}/);
    expect(await year.inputValue()).toBe('двадцатый');
    // Long enough for a save to reach the disk, were one made.
    await page.waitForTimeout(2000);
    expect(readFileSync(file, 'utf8')).toBe(saved);
    await page.close();
  }, 300_000);

  // Needs the deadline object to be the `deadline` widget in the Decap config (cms/schema-fields.ts).
  it('the deadline text fills «начало срока», «окончание срока» and the kind while they are empty (finding 11)', async () => {
    const page = await editor.browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await editor.open(page, 'roadmaps/new');
    await page.getByRole('button', { name: /Добавить раздел/ }).click();
    await page
      .getByRole('button', { name: /Добавить мероприятие/ })
      .last()
      .click();
    // The item just added: the last deadline of the form (a new roadmap starts with a collapsed section of its own).
    const text = page.locator('[id^="text-field"]').last();
    const from = page.locator('[id^="from-field"]').last();
    const to = page.locator('[id^="to-field"]').last();
    await typeInto(page, text, 'апрель 2027');
    expect([await from.inputValue(), await to.inputValue()]).toEqual(['2027-04-01', '2027-04-30']);
    const deadline = text.locator('xpath=ancestor::*[.//*[starts-with(@id, "kind-field")]][1]');
    await expect.poll(() => deadline.textContent()).toContain('месяц');
    // Corrected text, corrected dates: they are still the ones the widget filled in.
    await typeInto(page, text, 'до 15.05.2027');
    expect([await from.inputValue(), await to.inputValue()]).toEqual(['', '2027-05-15']);
    await expect.poll(() => deadline.textContent()).toContain('не позднее');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
