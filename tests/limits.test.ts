/**
 * Issue 17, finding 13: a 30 MB photo and a 5,000-character title were accepted without a word.
 * The limits are the schema's (a title) and the check's (an image file), and the editor says the
 * same limit before saving.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCmsConfig } from '../cms/config.ts';
import { checkContent, IMAGE_MAX_MB } from '../src/integrity/check.ts';
import { HEADING_MAX } from '../src/schemas/common.ts';
import { replaceIn } from './helpers/edit.ts';
import { fixtureCopy, projectRelative, ROOT } from './helpers/project.ts';

const problemsOf = (dir: string) => checkContent(ROOT, projectRelative(dir)).problems;

describe('limits an editor meets', () => {
  it('a title longer than the limit is refused, naming the field and the length', () => {
    const dir = fixtureCopy('limits-title');
    replaceIn(join(dir, 'practices/test-practice.md'), 'title: Школа молодого педагога', `title: ${'Очень длинное название '.repeat(220).trim()}`);
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'title' });
    expect(problems[0].message).toMatch(new RegExp(`«название практики» длиннее ${HEADING_MAX} символов \\(\\d+\\)`));
  });

  it('a title at the limit passes', () => {
    const dir = fixtureCopy('limits-title-ok');
    replaceIn(join(dir, 'practices/test-practice.md'), 'title: Школа молодого педагога', `title: ${'Я'.repeat(HEADING_MAX)}`);
    expect(problemsOf(dir)).toEqual([]);
  });

  it('the editor checks the same limit before saving', () => {
    const config = buildCmsConfig() as { collections: { name: string; fields?: { name: string; pattern?: [string, string] }[] }[] };
    const title = config.collections.find((c) => c.name === 'practices')!.fields!.find((f) => f.name === 'title')!;
    const pattern = new RegExp(title.pattern![0]);
    expect(pattern.test('Я'.repeat(HEADING_MAX))).toBe(true);
    expect(pattern.test('Я'.repeat(HEADING_MAX + 1))).toBe(false);
    expect(title.pattern![1]).toContain(String(HEADING_MAX));
  });

  it(`an image file over ${IMAGE_MAX_MB} MB is refused with the limit named`, () => {
    const dir = fixtureCopy('limits-photo');
    mkdirSync(join(dir, 'practices/covers'), { recursive: true });
    // A JPEG by its first bytes, 12 MB long: the check reads the size, not the picture.
    writeFileSync(join(dir, 'practices/covers/scan.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(12 * 1024 * 1024)]));
    replaceIn(join(dir, 'practices/test-practice.md'), /^summary:/m, 'cover: ./covers/scan.jpg\ncoverAlt: Скан грамоты\nsummary:');
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'cover' });
    expect(problems[0].message).toContain(`весит 12 МБ, а можно не больше ${IMAGE_MAX_MB} МБ`);
  });
});
