/** Paths and build runners shared by the tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Copies of ../shared/seeds, so that a clone is self-contained. */
export const SEEDS = resolve(ROOT, 'tests/fixtures/seeds');
export const TMP = join(ROOT, '.cache/tests');
/** The date the test builds judge roadmap deadlines against, so statuses are reproducible. */
export const TEST_BUILD_DATE = '2026-11-23';

export const BASE_PATH = '/nastavnichestvo';

/**
 * Each test run's own folder, .cache/tests/runs/<run>: the run's shared builds live there, so
 * two runs at once in one checkout never build into each other's site. tests/global-setup.ts
 * makes it and removes those of runs that have ended (all but the newest).
 */
export const RUNS = join(TMP, 'runs');
export const runFolder = (run: string) => join(RUNS, run.replace(/[^0-9A-Za-z]+/g, '-'));

export type SiteKind = 'root' | 'base' | 'fixture';

/** Whether `<out>.built` records a build that succeeded (tests/helpers/site.ts writes it). */
function builtOk(out: string): boolean {
  try {
    return (JSON.parse(readFileSync(`${out}.built`, 'utf8')) as { ok?: boolean }).ok === true;
  } catch {
    return false;
  }
}

/**
 * The folder of this run's shared build of a kind (inside a test file: it asks vitest for the
 * run). With REUSE_TEST_BUILDS=1, until this run has built its own: the newest complete build
 * an earlier run left (tests/helpers/site.ts).
 */
export function siteFolder(kind: SiteKind): string {
  const own = join(runFolder(inject('testRun')), `dist-${kind}`);
  if (process.env.REUSE_TEST_BUILDS !== '1' || existsSync(`${own}.built`) || !existsSync(RUNS)) return own;
  const earlier = readdirSync(RUNS)
    .map((run) => join(RUNS, run, `dist-${kind}`))
    .filter((out) => existsSync(join(out, 'index.html')) && builtOk(out))
    .sort((a, b) => statSync(`${b}.built`).mtimeMs - statSync(`${a}.built`).mtimeMs);
  return earlier[0] ?? own;
}

/** The shared builds of the demo site (their folders; builtSite() in tests/helpers/site.ts makes them). */
export const OUT: Record<SiteKind, string> = {
  get root() {
    return siteFolder('root');
  },
  get base() {
    return siteFolder('base');
  },
  get fixture() {
    return siteFolder('fixture');
  },
};

export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * Builds and browsers belong to the `site` project (vitest.config.ts): a file of the `unit`
 * project that starts one fails at once, instead of slowing every unit run down.
 */
export function requireSiteProject(what: string) {
  if (process.env.VITEST && inject('testProject') !== 'site') {
    throw new Error(`${what}: это тест проекта site (сборка или браузер) — добавьте файл в SITE_TESTS в vitest.config.ts`);
  }
}

const VITE_VARIABLES = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']);
const withoutViteVariables = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([name]) => !VITE_VARIABLES.has(name)));

/** Runs `astro build` as a user would, with the given environment. */
export function astroBuild(env: Record<string, string>): BuildResult {
  requireSiteProject('astroBuild()');
  const result = spawnSync('npx', ['astro', 'build'], {
    cwd: ROOT,
    // vitest sets NODE_ENV=test, which would put React's development build into /admin/.
    // vitest also sets Vite's own variables (BASE_URL, MODE…) in its workers; a user's build has none.
    // Astro's content cache of this run's own: a build beside the tests must not share one.
    env: {
      ...withoutViteVariables(process.env),
      NODE_ENV: 'production',
      ASTRO_TELEMETRY_DISABLED: '1',
      BUILD_DATE: TEST_BUILD_DATE,
      ASTRO_CACHE_ROOT: projectRelative(join(runFolder(inject('testRun')), 'astro-cache')),
      ...env,
    },
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

/** Is a process still running? (One owned by another user counts as running.) */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
