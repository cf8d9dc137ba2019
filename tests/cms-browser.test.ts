/**
 * The editor end to end, as a curator uses it: `npm run cms`, /admin/, a new practice
 * linked to an existing organisation, form and mentor through the UI, «Опубликовать сейчас».
 * The file appears under src/content with a Latin id made from the title, passes the
 * schemas, and a build shows it on /praktiki/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkContent } from '../src/integrity/check.ts';
import { chromiumPath, launch } from './helpers/browser.ts';
import { astroBuild, ROOT, TMP } from './helpers/project.ts';

const SITE_PORT = 4391;
const DECAP_PORT = 8191;
const TITLE = 'Проверочная практика редактора';
const ID = 'proverochnaya-praktika-redaktora';
const FILE = join(ROOT, 'src/content/practices', `${ID}.md`);

let cms: ChildProcess;
let browser: Browser;

async function waitFor(url: string, seconds: number) {
  for (let i = 0; i < seconds * 2; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} не ответил за ${seconds} с`);
}

describe.skipIf(!chromiumPath)('the editor, through its UI', () => {
  beforeAll(async () => {
    rmSync(FILE, { force: true });
    mkdirSync(TMP, { recursive: true });
    const log = openSync(join(TMP, 'cms.log'), 'w');
    // vitest's NODE_ENV=test is not what an editor runs.
    const { NODE_ENV: _, VITEST: __, ...env } = process.env;
    cms = spawn('npm', ['run', 'cms'], {
      cwd: ROOT,
      env: { ...env, SITE_PORT: String(SITE_PORT), DECAP_PORT: String(DECAP_PORT), ASTRO_DEV_BACKGROUND: '0' },
      stdio: ['ignore', log, log],
      detached: true,
    });
    await waitFor(`http://127.0.0.1:${SITE_PORT}/admin/`, 120);
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (cms?.pid) process.kill(-cms.pid, 'SIGTERM');
    rmSync(FILE, { force: true });
  });

  it('creates a practice linked to an organisation, a form and a mentor; the build publishes it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const field = (name: string) => page.locator(`[id^="${name}-field"]`).first();
    // On a fresh checkout the dev server optimises dependencies on first use and may reload
    // the page: log in, wait for the collections, and reload once if the form does not come.
    await page.goto(`http://127.0.0.1:${SITE_PORT}/admin/`);
    await page.getByRole('button', { name: /Войти/ }).click({ timeout: 90_000 });
    await page.getByText('Лучшие практики').first().waitFor({ timeout: 90_000 });
    await page.goto(`http://127.0.0.1:${SITE_PORT}/admin/#/collections/practices/new`);
    try {
      await field('title').waitFor({ timeout: 60_000 });
    } catch {
      await page.reload();
      const login = page.getByRole('button', { name: /Войти/ });
      if (await login.isVisible({ timeout: 30_000 }).catch(() => false)) await login.click();
      await field('title').waitFor({ timeout: 60_000 });
    }
    await field('title').fill(TITLE);
    const choose = async (name: string, text: string) => {
      await field(name).click();
      await field(name).fill(text);
      await page.getByRole('option', { name: new RegExp(text) }).first().click({ timeout: 15_000 });
    };
    await choose('organization', 'СОШ № 1');
    await choose('forms', 'Учитель');
    await choose('mentors', 'Смирнова');
    await page.getByRole('button', { name: /Добавить годы реализации/ }).click();
    await page.locator('input[id^="value-field"]').first().fill('2025');
    await field('summary').fill('Краткое описание проверочной практики.');
    await field('problem').fill('Молодым учителям нужна поддержка.');
    await field('description').fill('Двенадцать пар учителей.');
    await field('replicability').fill('Подходит любой школе.');
    await field('published').fill('2025-10-01');
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Наставники провели двенадцать встреч с молодыми учителями.');
    expect(await field('id').inputValue()).toBe(ID);
    await page.getByRole('button', { name: 'Опубликовать' }).first().click();
    await page.getByText('Опубликовать сейчас').first().click();
    for (let i = 0; i < 40 && !existsSync(FILE); i++) await page.waitForTimeout(250);
    expect(existsSync(FILE), 'файл практики не появился').toBe(true);
    expect(errors).toEqual([]);

    const saved = readFileSync(FILE, 'utf8');
    expect(saved).toMatch(/^organization: lesnogorsk-sosh-1$/m);
    expect(saved).toMatch(/- smirnova-elena/);
    const { problems, entries } = checkContent(ROOT);
    expect(problems).toEqual([]);
    expect(entries.some((e) => e.collection === 'practices' && e.id === ID)).toBe(true);

    const out = join(TMP, 'dist-cms');
    const build = astroBuild({ OUT_DIR: out });
    expect(build.status, build.output.slice(-2000)).toBe(0);
    const list = readFileSync(join(out, 'praktiki/index.html'), 'utf8');
    expect(list).toContain(`/praktiki/${ID}/`);
    expect(existsSync(join(out, 'praktiki', ID, 'index.html'))).toBe(true);
    rmSync(out, { recursive: true, force: true });
  }, 300_000);
});
