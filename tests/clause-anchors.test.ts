/**
 * A regulation's anchors come from its own numbering, whichever numbering it uses: dotted
 * clauses «2.3.1» under Arabic sections, or the federal model's Roman sections with flat
 * clauses «1.», «2.» (running on, or starting again in every section). Anchors never collide.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import { describe, expect, it } from 'vitest';
import { clauseAnchors } from '../src/lib/markdown/clause-anchors.ts';
import { importDocument } from '../src/import/import-document.ts';
import { readText } from '../src/import/read-text.ts';

const render = async (markdown: string) => {
  const processor = await createMarkdownProcessor({ rehypePlugins: [rehypeSanitize, clauseAnchors], syntaxHighlight: false });
  return (await processor.render(markdown)).code;
};
const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
const links = (html: string) => [...html.matchAll(/<a href="#([^"]+)" class="clause-number">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);

describe('clause anchors', () => {
  it('dotted clauses under Arabic sections', async () => {
    const html = await render('## 2. Организация\n\n2.1. Первый пункт.\n\n2.3.1. Подпункт.\n');
    expect(ids(html)).toEqual(['razdel-2', 'p-2-1', 'p-2-3-1']);
    expect(links(html)).toEqual([
      ['p-2-1', '2.1.'],
      ['p-2-3-1', '2.3.1.'],
    ]);
    expect(html).toContain('</a> Первый пункт.');
  });

  it('flat clauses running on under Roman sections', async () => {
    const html = await render('## I. Общие положения\n\n1\\. Первый.\n\n2\\. Второй.\n\n## II. Цели\n\n3\\. Третий.\n');
    expect(ids(html)).toEqual(['razdel-i', 'p-1', 'p-2', 'razdel-ii', 'p-3']);
    expect(links(html).map(([, shown]) => shown)).toEqual(['1.', '2.', '3.']);
  });

  it('flat clauses starting again in every section carry the section, and never meet an Arabic anchor', async () => {
    const html = await render('## I. Общие положения\n\n1\\. Первый.\n\n2\\. Второй.\n\n## II. Цели\n\n1\\. Снова первый.\n');
    expect(ids(html)).toEqual(['razdel-i', 'p-i-1', 'p-i-2', 'razdel-ii', 'p-ii-1']);
    expect(new Set(ids(html)).size).toBe(ids(html).length);
  });

  it('a numbered list paragraph outside a Roman section is not a clause', async () => {
    const html = await render('## 1. Общие положения\n\n3\\. Просто абзац с числом.\n');
    expect(ids(html)).toEqual(['razdel-1']);
  });

  it('a regulation imported in the federal model layout gets an anchor for every section and clause', async () => {
    const text = [
      'ПОЛОЖЕНИЕ о наставничестве',
      'I. Общие положения',
      '1. Положение определяет порядок наставничества.',
      '2. Наставничество добровольно.',
      'II. Цели и задачи',
      '3. Цель — раскрытие потенциала.',
      '4. Задачи:',
      'а) адаптация;',
      'б) развитие.',
      'III. Участники',
      '5. Участники — наставники и наставляемые.',
      '6. Куратор назначается приказом.',
    ].join('\n');
    const result = importDocument(readText(text, 'polozhenie.txt'), { organization: 'shkola-7', kind: 'regulation' });
    const html = await render(result.body!);
    expect(ids(html)).toEqual(['razdel-i', 'p-1', 'p-2', 'razdel-ii', 'p-3', 'p-4', 'razdel-iii', 'p-5', 'p-6']);
  });
});
