/**
 * The demo site built once per test run and shared by the test files that read it:
 *
 *   beforeAll(() => { builtSite('root'); });   // then read OUT.root
 *
 * The first file that needs a build makes it, in the run's own folder
 * (.cache/tests/runs/<run>/dist-<kind>, see OUT in project.ts); later files of the same run
 * (each in its own worker) find `<out>.built` saying so and reuse it. A build from an earlier
 * run is never reused — the sources may have changed since — unless REUSE_TEST_BUILDS=1 asks
 * for it (for running one file again and again while writing a test). A failed build fails
 * every test that needs it, with the build's output, and is not retried within the run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { alive, astroBuild, BASE_PATH, OUT, projectRelative, requireSiteProject, type SiteKind } from './project.ts';

export type { SiteKind };

/** How each shared build is made: the demo content at the root and under BASE_PATH, and the minimal fixture. */
const BUILDS: Record<SiteKind, Record<string, string>> = {
  root: {},
  base: { BASE_PATH },
  fixture: { CONTENT_ROOT: 'tests/fixtures/minimal' },
};

interface Stamp {
  run: string;
  ok: boolean;
  /** The build's output, kept for a failed build. */
  output?: string;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Only one process builds into a folder at a time; a lock left by a process that died is taken over. */
function withLock<T>(out: string, work: () => T): T {
  const lock = `${out}.lock`;
  mkdirSync(join(out, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = 0;
      let since = Date.now();
      try {
        since = statSync(lock).mtimeMs;
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8')) || 0;
      } catch {
        // The lock went away, or its owner has not written its id yet.
      }
      // A lock whose owner died, or one that never got an owner (it died in between), is taken over.
      if ((owner && !alive(owner)) || (!owner && Date.now() - since > 10_000)) rmSync(lock, { recursive: true, force: true });
      else sleep(500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readStamp(file: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** The output folder of a shared build, built in this run if it was not yet. */
export function builtSite(kind: SiteKind): string {
  requireSiteProject('builtSite()');
  const run = inject('testRun');
  const out = OUT[kind];
  const stampFile = `${out}.built`;
  const failed = (stamp: Stamp) => new Error(`Сборка ${projectRelative(out)} (${JSON.stringify(BUILDS[kind])}) не удалась:\n${stamp.output ?? ''}`);
  return withLock(out, () => {
    const stamp = readStamp(stampFile);
    const complete = stamp?.ok === true && existsSync(join(out, 'index.html'));
    if (stamp?.run === run) {
      if (!stamp.ok) throw failed(stamp);
      if (complete) return out;
    } else if (complete && process.env.REUSE_TEST_BUILDS === '1') {
      console.log(`${projectRelative(out)}: сборка из прошлого запуска (REUSE_TEST_BUILDS=1)`);
      return out;
    }
    rmSync(stampFile, { force: true });
    rmSync(out, { recursive: true, force: true });
    const started = performance.now();
    const result = astroBuild({ ...BUILDS[kind], OUT_DIR: out });
    const made: Stamp = { run, ok: result.status === 0 };
    if (!made.ok) made.output = result.output.slice(-6000);
    writeFileSync(stampFile, JSON.stringify(made));
    if (!made.ok) throw failed(made);
    console.log(`собрано ${projectRelative(out)} за ${((performance.now() - started) / 1000).toFixed(1)} с`);
    return out;
  });
}
