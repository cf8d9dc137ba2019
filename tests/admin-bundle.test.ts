/**
 * The editor's script is kept between builds (src/admin/bundle.ts): it must be rebuilt whenever
 * anything it is made from changes — a project file, a stylesheet read as text, a package's
 * version, the decap-server address — and reused when nothing did. A stale editor would
 * offer fields the schemas no longer have, so each way of going stale is tried here on a small
 * project of its own (inside the repository, so that packages resolve from node_modules).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminBundle, type AdminBundleOptions } from '../src/admin/bundle.ts';
import { TMP } from './helpers/project.ts';

const root = join(TMP, 'admin-bundle-project');
const cacheDir = join(root, '.bundle-cache');
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const make = (extra: Partial<AdminBundleOptions> = {}) => adminBundle({ root, mode: 'production', cacheDir, ...extra });

describe('the editor bundle cache', () => {
  beforeAll(() => {
    rmSync(root, { recursive: true, force: true });
    write(
      'src/admin/cms.ts',
      [
        "import { createElement } from 'react';",
        "import { label } from './label.ts';",
        "import { version } from 'local-widget';",
        "import css from '../styles/preview.css?raw';",
        'console.log(createElement, label, version, css, import.meta.env.PUBLIC_DECAP_SERVER);',
      ].join('\n'),
    );
    write('src/admin/label.ts', "export const label = 'Первая подпись';\n");
    write('src/styles/preview.css', '.card { color: rebeccapurple; }\n');
    write('node_modules/local-widget/package.json', JSON.stringify({ name: 'local-widget', version: '1.0.0', main: 'index.js' }));
    write('node_modules/local-widget/index.js', "export const version = 'widget-one';\n");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('builds once, then reuses the same file while nothing changes', async () => {
    const first = await make();
    expect(first.fromCache).toBe(false);
    expect(first.name).toMatch(/^admin\.[0-9a-f]{8}\.js$/);
    const text = readFileSync(first.file, 'utf8');
    expect(text).toContain('Первая подпись');
    expect(text).toContain('rebeccapurple');
    const second = await make();
    expect(second).toMatchObject({ fromCache: true, name: first.name, file: first.file });
  });

  it('rebuilds when a project file changes, and drops the old bundle', async () => {
    const before = await make();
    write('src/admin/label.ts', "export const label = 'Вторая подпись';\n");
    const after = await make();
    expect(after.fromCache).toBe(false);
    expect(after.name).not.toBe(before.name);
    expect(readFileSync(after.file, 'utf8')).toContain('Вторая подпись');
    expect(existsSync(before.file)).toBe(false);
    expect((await make()).fromCache).toBe(true);
  });

  it('rebuilds when a stylesheet read as text changes', async () => {
    await make();
    write('src/styles/preview.css', '.card { color: darkslateblue; }\n');
    const after = await make();
    expect(after.fromCache).toBe(false);
    expect(readFileSync(after.file, 'utf8')).toContain('darkslateblue');
  });

  it('rebuilds when an installed package changes version', async () => {
    await make();
    write('node_modules/local-widget/index.js', "export const version = 'widget-two';\n");
    write('node_modules/local-widget/package.json', JSON.stringify({ name: 'local-widget', version: '2.0.0', main: 'index.js' }));
    const after = await make();
    expect(after.fromCache).toBe(false);
    expect(readFileSync(after.file, 'utf8')).toContain('widget-two');
  });

  it('rebuilds when the decap-server address baked into it changes', async () => {
    const local = await make({ decapServer: 'http://127.0.0.1:9191/api/v1' });
    expect(local.fromCache).toBe(false);
    expect(readFileSync(local.file, 'utf8')).toContain('127.0.0.1:9191');
    expect((await make({ decapServer: 'http://127.0.0.1:9191/api/v1' })).fromCache).toBe(true);
    expect((await make({ decapServer: 'http://127.0.0.1:9292/api/v1' })).fromCache).toBe(false);
  });

  it('keeps development and production bundles apart', async () => {
    const production = await make();
    const development = await make({ mode: 'development' });
    expect(development.file).not.toBe(production.file);
    expect((await make()).fromCache).toBe(true);
  });

  it('fails with the file and the error when a source does not compile', async () => {
    write('src/admin/label.ts', "export const label = 'незакрытая строка;\n");
    await expect(make()).rejects.toThrow(/label\.ts.*Unterminated string/s);
  });
});
