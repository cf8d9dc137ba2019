/**
 * Broken content fails the build, naming the file and the field (the check's messages
 * themselves: tests/integrity.test.ts).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, fixtureCopy, projectRelative, TMP } from './helpers/project.ts';
import { replaceIn } from './helpers/edit.ts';

function variant(name: string, edit: (dir: string) => void) {
  const dir = fixtureCopy(name);
  edit(dir);
  return { dir, rel: projectRelative(dir) };
}

describe('the build refuses broken content', () => {
  it('a mentor without consent fails the build, naming the file', () => {
    const { rel } = variant('build-no-consent', (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), 'publication: true', 'publication: false'));
    const out = join(TMP, 'dist-broken-consent');
    const result = astroBuild({ CONTENT_ROOT: rel, OUT_DIR: out });
    rmSync(out, { recursive: true, force: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${rel}/mentors/ivanova-anna.yaml`);
    expect(result.output).toContain('нет согласия на публикацию');
  });

  it('a practice referring to a missing mentor and organisation fails the build, naming file and field', () => {
    const { rel } = variant('build-dangling', (dir) => {
      replaceIn(join(dir, 'practices/test-practice.md'), 'mentors: [ivanova-anna', 'mentors: [net-takogo');
      replaceIn(join(dir, 'practices/test-practice.md'), 'organization: uo-test', 'organization: net-takoy');
    });
    const out = join(TMP, 'dist-broken-refs');
    const result = astroBuild({ CONTENT_ROOT: rel, OUT_DIR: out });
    rmSync(out, { recursive: true, force: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${rel}/practices/test-practice.md → поле «mentors[1]»`);
    expect(result.output).toContain(`${rel}/practices/test-practice.md → поле «organization»`);
  });
});
