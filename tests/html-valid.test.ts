/**
 * Valid HTML: html-validate's recommended rules (.htmlvalidate.mjs) over every page of
 * the demo site, at the root and under BASE_PATH, and of the minimal fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, markupErrors, markupErrorsOf } from './helpers/html.ts';
import { BASE_PATH, OUT } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';

describe.each([
  ['the demo site', 'root', 90],
  [`the demo site under ${BASE_PATH}`, 'base', 90],
  ['the minimal fixture', 'fixture', 20],
] as const)('%s', (_name, kind, atLeast) => {
  const dist = OUT[kind];
  beforeAll(() => {
    builtSite(kind);
  });

  it('has no markup errors on any page', async () => {
    expect(htmlFiles(dist).length).toBeGreaterThanOrEqual(atLeast);
    expect(await markupErrors(dist)).toEqual([]);
  });
});

describe('the validator', () => {
  let page = '';
  const at = join(OUT.root, 'planted/index.html');
  beforeAll(() => {
    page = readFileSync(join(builtSite('root'), 'index.html'), 'utf8');
  });

  it('passes the real page it is given the faults in', async () => {
    expect(await markupErrorsOf(page, at)).toEqual([]);
  });

  it.each([
    ['a duplicate id', (html: string) => html.replace('<main id="content"', '<main id="content"><p id="content">x</p'), 'no-dup-id'],
    ['an image without alt', (html: string) => html.replace('</main>', '<img src="/x.png"></main>'), 'wcag/h37'],
    ['a link inside a link', (html: string) => html.replace('</main>', '<a href="/a">a <a href="/b">b</a></a></main>'), 'element-permitted-content'],
    ['an unclosed element', (html: string) => html.replace('</main>', '<section><h2>x</h2></main>'), 'close-order'],
    ['a block inside a paragraph', (html: string) => html.replace('</main>', '<p>x <div>y</div></p></main>'), 'no-implicit-close'],
  ])('reports %s', async (_fault, plant, rule) => {
    const planted = plant(page);
    expect(planted).not.toBe(page);
    expect((await markupErrorsOf(planted, at)).map((e) => e.split(' ')[0])).toContain(rule);
  });
});
