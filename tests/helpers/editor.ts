/**
 * The editor as a curator runs it: `npm run cms` on a copy of src/content (CONTENT_ROOT=…, so
 * nothing is written into src/content/), Chromium on /admin/, the helpers to open an entry,
 * find a field and save. Each test file starts its own on ports of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { projectRelative, requireSiteProject, ROOT, TMP } from './project.ts';
import { fetchUntil } from './serve.ts';

export interface EditorOptions {
  /** The copy's folder name under .cache/tests/ (also the log's name). */
  name: string;
  sitePort: number;
  decapPort: number;
  /** Changes to the copied content before the editor starts (e.g. an invalid entry). */
  prepare?: (content: string) => void;
}

export interface Editor {
  /** The folder decap-server works in, and its src/content. */
  project: string;
  content: string;
  browser: Browser;
  url: (path: string) => string;
  /** Logs in and opens `#/collections/<path>`, waiting until the form shows `waitFor` (a field name). */
  open: (page: Page, path: string, waitFor?: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** The first control of a field, by Decap's id «<name>-field-<n>». */
export const field = (page: Page, name: string) => page.locator(`[id^="${name}-field"]`).first();

/** «Опубликовать» → «Опубликовать сейчас». */
export async function publish(page: Page) {
  await page.getByRole('button', { name: 'Опубликовать' }).first().click();
  await page.getByText('Опубликовать сейчас').first().click();
}

async function waitForOk(url: string, seconds: number): Promise<string> {
  const { status, text } = await fetchUntil(url, (code) => code >= 200 && code < 300, seconds);
  if (status < 200 || status >= 300) throw new Error(`${url} не ответил за ${seconds} с`);
  return text;
}

/** decap-server's own description of where it works (`repo`: the folder's name). */
async function decapRepo(port: number, seconds: number): Promise<string | undefined> {
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"action":"info"}',
      });
      if (res.ok) return ((await res.json()) as { repo?: string }).repo;
    } catch {}
    if (i >= seconds * 2) throw new Error(`decap-server не ответил за ${seconds} с`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function startEditor(options: EditorOptions): Promise<Editor> {
  requireSiteProject('npm run cms');
  const project = join(TMP, options.name);
  const content = join(project, 'src/content');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(join(project, 'src'), { recursive: true });
  cpSync(join(ROOT, 'src/content'), content, { recursive: true });
  options.prepare?.(content);
  const log = openSync(join(TMP, `${options.name}.log`), 'w');
  // vitest's NODE_ENV=test is not what an editor runs.
  const { NODE_ENV: _, VITEST: __, BASE_URL: ___, ...env } = process.env;
  const cms: ChildProcess = spawn('npm', ['run', 'cms'], {
    cwd: ROOT,
    env: {
      ...env,
      CONTENT_ROOT: projectRelative(content),
      SITE_PORT: String(options.sitePort),
      DECAP_PORT: String(options.decapPort),
      ASTRO_DEV_BACKGROUND: '0',
    },
    stdio: ['ignore', log, log],
    detached: true,
  });
  const url = (path: string) => `http://127.0.0.1:${options.sitePort}${path}`;
  const stop = async () => {
    await browser?.close();
    if (cms.pid) {
      try {
        process.kill(-cms.pid, 'SIGTERM');
      } catch {}
    }
  };
  let browser: Browser | undefined;
  try {
    const html = await waitForOk(url('/admin/'), 120);
    // The dev server makes the editor's script on its first request (esbuild, when not cached): asked for
    // now, it is made while Chromium starts instead of while the first test waits for it.
    const script = /<script[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
    const warm = script
      ? fetch(new URL(script, url('/admin/'))).then(
          (r) => r.arrayBuffer(),
          () => undefined,
        )
      : undefined;
    // Before anything is edited: decap-server must work in the copy, or it would write into src/content.
    const repo = await decapRepo(options.decapPort, 60);
    if (repo !== basename(project)) {
      throw new Error(`decap-server работает в папке «${repo}», а не в копии ${projectRelative(project)}: тест остановлен, чтобы не писать в src/content`);
    }
    browser = await launch();
    await warm?.catch(() => undefined);
  } catch (error) {
    await stop();
    throw error;
  }

  async function open(page: Page, path: string, waitFor = 'title') {
    // The dev server makes the editor's script on the first request: on a busy machine that takes longer than goto's 30 s.
    await page.goto(url('/admin/'), { timeout: 120_000 });
    await page.getByRole('button', { name: /Войти/ }).click({ timeout: 90_000 });
    await page.getByText('Лучшие практики').first().waitFor({ timeout: 90_000 });
    await page.goto(url(`/admin/#/collections/${path}`));
    const first = field(page, waitFor);
    try {
      await first.waitFor({ timeout: 60_000 });
    } catch {
      // A fresh dev server may reload the page once while it optimises dependencies.
      await page.reload();
      const login = page.getByRole('button', { name: /Войти/ });
      if (await login.isVisible({ timeout: 30_000 }).catch(() => false)) await login.click();
      await first.waitFor({ timeout: 60_000 });
    }
  }

  return { project, content, browser: browser!, url, open, stop };
}

/**
 * Waits until a page has settled: no request of its own in flight, and neither a request ending
 * nor the DOM changing for `quietMs` — or until `atMostMs` have passed, whichever comes first.
 * It replaces fixed pauses of `atMostMs` before reading what a screen shows: it never waits
 * longer than they did, and ends early only once the screen stopped changing.
 *
 *   const settle = settling(page);   // right after newPage(), so every request is seen
 *   await settle(1500);
 */
export function settling(page: Page, quietMs = 400): (atMostMs: number) => Promise<void> {
  const inFlight = new Set<unknown>();
  let lastRequestEnd = 0;
  const done = (request: unknown) => {
    inFlight.delete(request);
    lastRequestEnd = Date.now();
  };
  page.on('request', (request) => inFlight.add(request));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return async (atMostMs: number) => {
    const deadline = Date.now() + atMostMs;
    // The DOM's last change, in the page (an observer installed once per document).
    const sinceChange = () =>
      page.evaluate(() => {
        const w = window as unknown as { __settle?: { last: number } };
        if (!w.__settle) {
          const state = { last: performance.now() };
          new MutationObserver(() => (state.last = performance.now())).observe(document, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          w.__settle = state;
        }
        return performance.now() - w.__settle.last;
      });
    for (;;) {
      const quiet = inFlight.size === 0 && Date.now() - lastRequestEnd >= quietMs && (await sinceChange()) >= quietMs;
      const left = deadline - Date.now();
      if (quiet || left <= 0) return;
      await page.waitForTimeout(Math.min(100, left));
    }
  };
}
