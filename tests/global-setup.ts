/**
 * Once per test run, whichever projects and files it runs:
 *
 * - gives the run an id (`inject('testRun')`) and a folder of its own,
 *   .cache/tests/runs/<run>: the shared builds of the demo site are made there once per run, by
 *   the first test file that needs each, and reused by the others — never a build left from an
 *   earlier run (tests/helpers/site.ts). Folders of runs that have ended are removed, but for
 *   the newest (what REUSE_TEST_BUILDS=1 reuses, and what to look at after a failure);
 * - fails the run if anything under src/content/ or public/ was written, removed or renamed
 *   while it ran: tests work on copies (tests/helpers/project.ts, fixtureCopy and TMP).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { alive, listFiles, ROOT, RUNS, runFolder } from './helpers/project.ts';

const GUARDED = ['src/content', 'public'];
const RUN = `${new Date().toISOString()} ${process.pid} ${randomUUID().slice(0, 8)}`;

/** Every file under the guarded folders with a hash of its bytes. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of GUARDED) {
    for (const file of listFiles(join(ROOT, dir))) files.set(relative(ROOT, file), createHash('sha1').update(readFileSync(file)).digest('hex'));
  }
  return files;
}

/** The vitest process a run folder belongs to (0 if none is written). */
function ownerOf(folder: string): number {
  try {
    return Number(readFileSync(join(folder, 'owner'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/** Makes this run's folder, owned by this process, and removes the folders of ended runs but the newest. */
function runFolderOfThisRun() {
  const own = runFolder(RUN);
  const ended = (existsSync(RUNS) ? readdirSync(RUNS) : [])
    .map((name) => join(RUNS, name))
    .filter((folder) => folder !== own && !(ownerOf(folder) > 0 && alive(ownerOf(folder))))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const folder of ended.slice(1)) rmSync(folder, { recursive: true, force: true });
  mkdirSync(own, { recursive: true });
  writeFileSync(join(own, 'owner'), String(process.pid));
}

export default function setup(project: TestProject) {
  // Set on the root project, so every project's files see it.
  project.provide('testRun', RUN);
  runFolderOfThisRun();
  const before = snapshot();
  return () => {
    // A run that built nothing (the unit project alone) leaves no folder.
    if (readdirSync(runFolder(RUN)).every((name) => name === 'owner')) rmSync(runFolder(RUN), { recursive: true, force: true });
    const after = snapshot();
    const changed = [
      ...[...before.keys()].filter((f) => !after.has(f)).map((f) => `удалён ${f}`),
      ...[...after.keys()].filter((f) => !before.has(f)).map((f) => `появился ${f}`),
      ...[...after.keys()].filter((f) => before.has(f) && before.get(f) !== after.get(f)).map((f) => `изменён ${f}`),
    ];
    if (changed.length) {
      throw new Error(
        `Во время тестов изменилось содержимое ${GUARDED.join(' и ')}/ — тесты должны работать с копиями:\n` +
          `${changed.slice(0, 20).join('\n')}\n(если это правили вы сами, пока шли тесты, — запустите их снова)`,
      );
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The id of this test run; shared builds made in another run are not reused. */
    testRun: string;
    /** Which project the file runs in (vitest.config.ts). */
    testProject: 'unit' | 'site';
  }
}
