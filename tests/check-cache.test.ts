/**
 * The content check kept between builds (src/integrity/check-cache.ts): the same result from the
 * cache while nothing changed, a fresh check after an edit, an added or deleted file (a reference
 * left dangling is found), another build day, or a result with problems (never kept).
 */
import { readFileSync, rmSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/integrity/check.ts';
import { checkCacheFile, checkContentCached } from '../src/integrity/check-cache.ts';
import { fixtureCopy, projectRelative, ROOT } from './helpers/project.ts';

const dir = fixtureCopy('check-cache');
const content = projectRelative(dir);
const env = { BUILD_DATE: '2026-11-23' };
const check = (e: Record<string, string> = env) => checkContentCached(ROOT, content, e);

describe('the content check between builds', () => {
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    // The check's result and its memo of parsed files both live in the content root's cache folder.
    rmSync(join(checkCacheFile(ROOT, content), '..'), { recursive: true, force: true });
  });

  it('gives the very result of a fresh check from the cache while nothing changed', () => {
    const first = check();
    expect(first.fromCache).toBe(false);
    expect(first.problems).toEqual([]);
    const again = check();
    expect(again.fromCache).toBe(true);
    const { fromCache: _, ...cached } = again;
    // Dates and all: the entries as the leak scan and the pages use them.
    expect(cached).toEqual(checkContent(ROOT, content, env));
  });

  it('checks afresh after an edit, and on another build day', () => {
    const practice = join(dir, 'practices/test-practice.md');
    writeFileSync(practice, readFileSync(practice, 'utf8').replace('title: Школа молодого педагога', 'title: Школа молодого учителя'));
    const edited = check();
    expect(edited.fromCache).toBe(false);
    // Only the edited file is parsed again; the others come from the last check's reading.
    expect(edited.reread).toEqual({ parsed: 1, reused: edited.entries.length - 1 });
    expect(edited.entries.find((e) => e.id === 'test-practice')?.data).toMatchObject({ title: 'Школа молодого учителя' });
    expect(check().fromCache).toBe(true);
    expect(check({ BUILD_DATE: '2027-06-01' }).fromCache).toBe(false);
  });

  it('finds the reference a deleted entry leaves dangling, and keeps no result with problems', () => {
    check();
    unlinkSync(join(dir, 'organizations/uo-test.yaml'));
    const broken = check();
    expect(broken.fromCache).toBe(false);
    expect(broken.reread?.parsed).toBe(0);
    expect(broken.problems.map((p) => p.message).join('\n')).toMatch(/uo-test/);
    expect(check().fromCache).toBe(false);
    expect(existsSync(checkCacheFile(ROOT, content))).toBe(true);
  });
});
