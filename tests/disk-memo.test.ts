/**
 * Results kept between builds under the hash of their input (src/lib/disk-memo.ts): reused only
 * for the same bytes and the same salt, a failure never remembered, and only what a build used
 * saved again.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskMemo } from '../src/lib/disk-memo.ts';

const dir = mkdtempSync(join(tmpdir(), 'disk-memo-'));
const file = join(dir, 'memo.bin');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A memo whose computation counts its calls and gives the input upper-cased. */
const open = (salt = 'v1') => {
  const memo = new DiskMemo<string>(file, salt);
  const calls: string[] = [];
  const of = (input: string) => memo.of(input, () => (calls.push(input), input.toUpperCase()));
  return { memo, calls, of };
};

describe('a memo kept between builds', () => {
  it('computes on the first build and gives the same results on the next without computing', () => {
    const first = open();
    expect([first.of('а'), first.of('б'), first.of('а')]).toEqual(['А', 'Б', 'А']);
    expect(first.calls).toEqual(['а', 'б']);
    first.memo.save();
    expect(existsSync(file)).toBe(true);
    const second = open();
    expect([second.of('а'), second.of('б')]).toEqual(['А', 'Б']);
    expect(second.calls).toEqual([]);
    expect([second.memo.computed, second.memo.reused]).toEqual([0, 2]);
  });

  it('computes what changed, and forgets what a build no longer asked for', () => {
    const third = open();
    expect(third.of('а')).toBe('А');
    expect(third.of('в')).toBe('В');
    expect(third.calls).toEqual(['в']);
    third.memo.save();
    const fourth = open();
    fourth.of('б');
    expect(fourth.calls).toEqual(['б']);
  });

  it('discards everything under another salt (changed code or library)', () => {
    open().memo.save();
    const other = open('v2');
    other.of('а');
    expect(other.calls).toEqual(['а']);
  });

  it('remembers no failure: the next call computes again and may throw again', () => {
    const memo = new DiskMemo<string>(join(dir, 'fail.bin'), 'v1');
    let calls = 0;
    const failing = () =>
      memo.of(
        'x',
        () => (
          calls++,
          (() => {
            throw new Error('плохой файл');
          })()
        ),
      );
    expect(failing).toThrow('плохой файл');
    expect(failing).toThrow('плохой файл');
    expect(calls).toBe(2);
  });

  it('treats a broken memo file as no memo', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'не сериализованные данные');
    const broken = open();
    expect(broken.of('а')).toBe('А');
    expect(broken.calls).toEqual(['а']);
  });
});
