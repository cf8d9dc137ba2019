/**
 * Builds the demo site once per test run — at the root and under BASE_PATH — plus
 * the minimal fixture, so every build test reads the same output.
 */
import { rmSync } from 'node:fs';
import { astroBuild, BASE_PATH, OUT, projectRelative } from './helpers/project.ts';

export default function setup() {
  if (process.env.SKIP_TEST_BUILD) return;
  const builds = [
    { out: OUT.root, env: {} },
    { out: OUT.base, env: { BASE_PATH } },
    { out: OUT.fixture, env: { CONTENT_ROOT: 'tests/fixtures/minimal' } },
  ];
  for (const { out, env } of builds) {
    rmSync(out, { recursive: true, force: true });
    const started = Date.now();
    const result = astroBuild({ ...env, OUT_DIR: out });
    if (result.status !== 0) throw new Error(`Сборка ${projectRelative(out)} не удалась:\n${result.output.slice(-4000)}`);
    console.log(`собрано ${projectRelative(out)} за ${((Date.now() - started) / 1000).toFixed(1)} с`);
  }
}
