/**
 * Issue 17, finding 1 (part): with a dangling reference in the content (a mentor deleted while a
 * practice still names them), the dev server answered every page with an English TypeError from
 * lib/data.ts. It must keep running and show, in Russian, what is wrong and where; fixing the
 * file makes the site whole again without a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceIn } from './helpers/edit.ts';
import { fixtureCopy, projectRelative, requireSiteProject, ROOT, TMP } from './helpers/project.ts';
import { fetchUntil } from './helpers/serve.ts';

const PORT = 4393;
const url = (path: string) => `http://127.0.0.1:${PORT}${path}`;
const fetchPage = (path: string, done: (status: number, text: string) => boolean, seconds: number) => fetchUntil(url(path), done, seconds);

describe('the dev server with broken content', () => {
  let dev: ChildProcess | undefined;
  let content: string;
  beforeAll(async () => {
    requireSiteProject('astro dev');
    content = fixtureCopy('dev-errors');
    // The practice names a mentor whose file is gone.
    rmSync(join(content, 'mentors/uchenik-artem.yaml'));
    const log = openSync(join(TMP, 'dev-errors.log'), 'w');
    const { NODE_ENV: _, VITEST: __, BASE_URL: ___, ...env } = process.env;
    dev = spawn('npx', ['astro', 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT)], {
      cwd: ROOT,
      env: { ...env, CONTENT_ROOT: projectRelative(content), ASTRO_DEV_BACKGROUND: '0' },
      stdio: ['ignore', log, log],
      detached: true,
    });
  }, 60_000);
  afterAll(() => {
    if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  });

  it('keeps running and answers every page with the problems in Russian, file and field named', async () => {
    const { status, text } = await fetchPage('/praktiki/', (s) => s > 0, 120);
    expect(status).toBe(500);
    expect(text).toContain('Ошибки в содержимом сайта');
    expect(text).toContain('practices/test-practice.md');
    expect(text).toContain('uchenik-artem');
    expect(text).not.toMatch(/TypeError|Cannot read properties/);
  });

  it('the editor page still opens', async () => {
    const { status } = await fetchPage('/admin/', (s) => s > 0, 60);
    expect(status).toBe(200);
  });

  it('fixing the file makes the site whole, without a restart', async () => {
    replaceIn(join(content, 'practices/test-practice.md'), 'mentors: [ivanova-anna, uchenik-artem]', 'mentors: [ivanova-anna]');
    const { status, text } = await fetchPage('/praktiki/', (s) => s === 200, 60);
    expect(status, text.slice(0, 500)).toBe(200);
  });
});
