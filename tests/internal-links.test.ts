/**
 * Issue 17, finding 10: a link in a text to a page of this section that does not exist (a
 * practice deleted since) passed the check and was a 404 on the site.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../src/integrity/check.ts';
import { append } from './helpers/edit.ts';
import { fixtureCopy, projectRelative, ROOT } from './helpers/project.ts';

function withText(name: string, text: string) {
  const dir = fixtureCopy(name);
  append(join(dir, 'practices/test-practice.md'), `\n${text}\n`);
  return checkContent(ROOT, projectRelative(dir)).problems.filter((p) => p.field === 'body');
}

describe('links in texts to pages of this section', () => {
  const base = process.env.BASE_PATH;
  afterEach(() => {
    if (base === undefined) delete process.env.BASE_PATH;
    else process.env.BASE_PATH = base;
  });

  it('to an entry that exists, to lists and filters, and to other sites pass', () => {
    const text = [
      'См. [практику](/praktiki/test-practice/), [все практики](/praktiki/) и [по форме](/praktiki/forma/uchitel-uchitel/).',
      'Положение: <a href="/polozheniya/test-reg/">здесь</a>; [внешний сайт](https://example.org/praktiki/net-takoy/).',
    ].join('\n');
    expect(withText('links-ok', text)).toEqual([]);
  });

  it.each([
    ['an inline link', 'Подробнее — в [практике](/praktiki/udalennaya-praktika/).', 'udalennaya-praktika', 'практики'],
    ['a link with a title and an anchor', '[Наставник](/nastavniki/nikogo/#dostizheniya "страница наставника")', 'nikogo', 'наставники'],
    ['a reference definition', 'См. [форму][f].\n\n[f]: /formy/net-formy/', 'net-formy', 'формы наставничества'],
    ['an HTML link', '<a href="/organizacii/net-org/">школа</a>', 'net-org', 'организации'],
    ['a full address of this site', '[положение](https://nastavnichestvo.example/polozheniya/staroe/)', 'staroe', 'положения'],
  ])('%s to a missing entry is an error naming the file and the entry', (_what, text, id, section) => {
    const problems = withText(`links-${id}`, text);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toMatch(/practices\/test-practice\.md$/);
    expect(problems[0].message).toContain(`в разделе «${section}» нет записи «${id}»`);
  });

  it('under a base path, a link with the base path is read as this section’s', () => {
    process.env.BASE_PATH = '/nastavnichestvo';
    const problems = withText('links-base', '[карта](/nastavnichestvo/dorozhnye-karty/net-karty/) и [есть](/nastavnichestvo/dorozhnye-karty/test-rm/)');
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('«net-karty»')]);
  });
});
