/** Paths and build runners shared by the tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Copies of ../shared/seeds, so that a clone is self-contained. */
export const SEEDS = resolve(ROOT, 'tests/fixtures/seeds');
export const TMP = join(ROOT, '.cache/tests');
/** The date the test builds judge roadmap deadlines against, so statuses are reproducible. */
export const TEST_BUILD_DATE = '2026-11-23';

export const OUT = {
  root: join(TMP, 'dist-root'),
  base: join(TMP, 'dist-base'),
  fixture: join(TMP, 'dist-fixture'),
};
export const BASE_PATH = '/nastavnichestvo';

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` as a user would, with the given environment. */
export function astroBuild(env: Record<string, string>): BuildResult {
  const result = spawnSync('npx', ['astro', 'build'], {
    cwd: ROOT,
    // vitest sets NODE_ENV=test, which would put React's development build into /admin/.
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', BUILD_DATE: TEST_BUILD_DATE, ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A copy of a fixture content tree inside the project (content roots are project-relative). */
export function fixtureCopy(name: string, fixture = 'minimal'): string {
  const target = join(TMP, 'content', name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures', fixture), target, { recursive: true });
  return target;
}

export const projectRelative = (path: string) => relative(ROOT, path);

export function listFiles(dir: string, filter: (path: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path, filter));
    else if (filter(path)) out.push(path);
  }
  return out.sort();
}
