/**
 * The built site (the shared builds of tests/helpers/site.ts: at the root, under BASE_PATH, and the minimal fixture):
 * every page exists, links honour the base path and resolve, nothing loads from
 * another host, content pages stay under the JS budget, and people appear only
 * as the personal-data rules allow.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '../src/integrity/check.ts';
import { isMinor } from '../src/schemas/mentors.ts';
import { htmlFiles, load, normalise, references, visibleText } from './helpers/html.ts';
import { BASE_PATH, listFiles, OUT, ROOT } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';
import { pageWeight } from '../scripts/bench/page-weight.ts';

const { entries } = checkContent(ROOT);
const ids = (collection: string) => entries.filter((e) => e.collection === collection).map((e) => e.id);
const data = (e: CheckedEntry) => e.data as Record<string, any>;

function expectedPages(all: CheckedEntry[]): string[] {
  const of = (c: string) => all.filter((e) => e.collection === c);
  const practices = of('practices');
  const years = new Set(practices.flatMap((p) => data(p).years as number[]));
  const orgsWithPractices = new Set(practices.map((p) => data(p).organization as string));
  return [
    'index.html',
    '404.html',
    'rss.xml',
    'sitemap-index.xml',
    'polozheniya/index.html',
    ...of('regulations').map((e) => `polozheniya/${e.id}/index.html`),
    'dorozhnye-karty/index.html',
    ...of('roadmaps').flatMap((e) => [`dorozhnye-karty/${e.id}/index.html`, `dorozhnye-karty/${e.id}.ics`, `dorozhnye-karty/${e.id}.csv`]),
    'praktiki/index.html',
    ...practices.map((e) => `praktiki/${e.id}/index.html`),
    ...of('forms').map((e) => `praktiki/forma/${e.id}/index.html`),
    ...[...orgsWithPractices].map((id) => `praktiki/organizaciya/${id}/index.html`),
    ...[...years].map((y) => `praktiki/god/${y}/index.html`),
    'nastavniki/index.html',
    ...of('mentors').map((e) => `nastavniki/${e.id}/index.html`),
    'formy/index.html',
    ...of('forms').map((e) => `formy/${e.id}/index.html`),
    'organizacii/index.html',
    ...of('organizations').map((e) => `organizacii/${e.id}/index.html`),
    ...['organizations', 'forms', 'regulations', 'roadmaps', 'practices', 'mentors'].map((c) => `api/${c}.json`),
  ];
}

describe.each([
  ['without a base path', 'root', '/'],
  [`with BASE_PATH=${BASE_PATH}`, 'base', `${BASE_PATH}/`],
] as const)('the demo site %s', (_, kind, base) => {
  const dist = OUT[kind];
  beforeAll(() => {
    builtSite(kind);
  });

  it('has every page the issue lists, for every entry', () => {
    const missing = expectedPages(entries).filter((p) => !existsSync(join(dist, p)));
    expect(missing).toEqual([]);
  });

  it('prefixes every internal link and asset with the base path, and every one resolves', () => {
    const wrong: string[] = [];
    const broken: string[] = [];
    for (const file of htmlFiles(dist)) {
      for (const { url } of references(load(file))) {
        if (!url.startsWith('/') || url.startsWith('//')) continue;
        if (!url.startsWith(base)) {
          wrong.push(`${file.slice(dist.length)}: ${url}`);
          continue;
        }
        const path = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]);
        const target = join(dist, path);
        const ok = existsSync(target) && (statSync(target).isFile() || existsSync(join(target, 'index.html')));
        if (!ok) broken.push(`${file.slice(dist.length)}: ${url}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(broken).toEqual([]);
  });

  it('every #anchor, on the same page or another, names an element that exists', () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file))
        ids.set(
          file,
          new Set(
            load(file)
              .querySelectorAll('[id]')
              .map((e) => e.getAttribute('id')!),
          ),
        );
      return ids.get(file)!;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlFiles(dist)) {
      for (const a of load(file).querySelectorAll('a[href*="#"]')) {
        const href = a.getAttribute('href')!;
        if (/^[a-z]+:/i.test(href) || href === '#') continue;
        const [path, fragment] = href.split('#');
        let target = file;
        if (path) {
          const local = join(dist, decodeURIComponent(path.slice(base.length)));
          target = existsSync(local) && statSync(local).isFile() ? local : join(local, 'index.html');
        }
        if (!target.endsWith('.html') || !existsSync(target)) continue; // missing pages are the test above
        checked++;
        if (!idsOf(target).has(decodeURIComponent(fragment))) broken.push(`${file.slice(dist.length)}: ${href}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it('puts the base path into feeds, the sitemap and the JSON data', () => {
    const rss = readFileSync(join(dist, 'rss.xml'), 'utf8');
    const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]).pathname);
    expect(links.length).toBeGreaterThan(ids('practices').length);
    for (const path of links) expect(path.startsWith(base)).toBe(true);
    const sitemap = listFiles(dist, (p) => /sitemap-\d+\.xml$/.test(p))
      .map((f) => readFileSync(f, 'utf8'))
      .join('');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(locs.length).toBeGreaterThan(20);
    for (const path of locs) expect(path.startsWith(base)).toBe(true);
    const practices = JSON.parse(readFileSync(join(dist, 'api/practices.json'), 'utf8'));
    for (const p of practices) expect(new URL(p.url).pathname).toBe(`${base}praktiki/${p.id}/`);
  });

  it('loads no script, style, font or image from another host', () => {
    const external: string[] = [];
    const LOADING = new Set(['script', 'img', 'source', 'iframe', 'video', 'audio', 'embed', 'object', 'style', 'image', 'use']);
    for (const file of htmlFiles(dist)) {
      const root = load(file);
      for (const ref of references(root)) {
        const loads = LOADING.has(ref.tag) || ref.attr === 'url()';
        if (loads && /^(https?:)?\/\//i.test(ref.url)) external.push(`${file.slice(dist.length)}: <${ref.tag}> ${ref.url}`);
      }
      for (const link of root.querySelectorAll('link')) {
        const rel = (link.getAttribute('rel') ?? '').toLowerCase();
        const url = link.getAttribute('href') ?? '';
        const passive = ['canonical', 'alternate'].includes(rel);
        if (!passive && /^(https?:)?\/\//i.test(url)) external.push(`${file.slice(dist.length)}: <link rel=${rel}> ${url}`);
      }
    }
    for (const css of listFiles(dist, (p) => p.endsWith('.css'))) {
      const text = readFileSync(css, 'utf8');
      for (const m of text.matchAll(/(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?\/\/[^'")\s]+)/gi)) external.push(`${css}: ${m[1]}`);
    }
    expect(external).toEqual([]);
  });

  it('ships no framework runtime; the JS of a content page stays within 5 KB, of the search page within 8 KB', () => {
    const budget: Record<string, number> = {};
    // The editor at /admin/ is not a public page: tests/cms-admin.test.ts checks it stays apart.
    for (const file of htmlFiles(dist).filter((f) => !f.includes('/admin/'))) {
      expect(load(file).querySelector('astro-island')).toBeNull();
      const weight = pageWeight(dist, base, file);
      for (const src of weight.scriptSources) expect(src).not.toMatch(/react|preact|vue|svelte|solid/i);
      budget[file.slice(dist.length)] = weight.scriptBytes;
    }
    // The search page carries the search script; Pagefind itself loads only with a query (tests/search.test.ts).
    const searchPage = Object.keys(budget).find((f) => f.endsWith('/poisk/index.html'))!;
    const { [searchPage]: search, ...content } = budget;
    const worst = Math.max(...Object.values(content));
    console.log(`JS на странице (${base}): не больше ${worst} байт; на странице поиска ${search} байт`);
    expect(worst).toBeLessThanOrEqual(5 * 1024);
    expect(worst).toBeGreaterThan(0); // the low-vision switch is there
    expect(search).toBeLessThanOrEqual(8 * 1024);
  });
});

describe('content on the pages', () => {
  const dist = OUT.root;
  beforeAll(() => {
    builtSite('root');
    builtSite('fixture');
  });
  const page = (path: string) => load(join(dist, path));

  it('every roadmap item appears on its page with its deadline text and responsible', () => {
    for (const e of entries.filter((x) => x.collection === 'roadmaps')) {
      const text = visibleText(page(`dorozhnye-karty/${e.id}/index.html`));
      const items = (data(e).stages as any[]).flatMap((s) => s.items.flatMap((i: any) => [i, ...(i.items ?? [])]));
      for (const item of items) {
        expect(text, `${e.id}: ${item.number} ${item.title}`).toContain(normalise(item.title));
        if (item.deadline.text) expect(text, `${e.id}: срок ${item.number}`).toContain(normalise(item.deadline.text));
        for (const r of item.responsible) expect(text, `${e.id}: ответственный ${item.number}`).toContain(normalise(r));
      }
    }
  });

  it('exports each roadmap as a calendar of its dated items and a CSV of all items', () => {
    for (const e of entries.filter((x) => x.collection === 'roadmaps')) {
      const items = (data(e).stages as any[]).flatMap((s) => s.items.flatMap((i: any) => [i, ...(i.items ?? [])]));
      const ics = readFileSync(join(dist, `dorozhnye-karty/${e.id}.ics`), 'utf8');
      const dated = items.filter((i) => i.deadline.from || i.deadline.to).length;
      expect((ics.match(/BEGIN:VEVENT/g) ?? []).length, e.id).toBe(dated);
      const csv = readFileSync(join(dist, `dorozhnye-karty/${e.id}.csv`), 'utf8');
      expect(csv.startsWith('\uFEFFРаздел;№;Мероприятие')).toBe(true);
      for (const item of items) expect(csv).toContain(item.title.split('\n')[0].slice(0, 40));
    }
  });

  it('gives every numbered clause of a regulation a stable anchor and lists sections in the contents', () => {
    for (const e of entries.filter((x) => x.collection === 'regulations')) {
      const root = page(`polozheniya/${e.id}/index.html`);
      const numbers = [...(e.body ?? '').matchAll(/^(\d+(?:\.\d+)+)\.?\s/gm)].map((m) => m[1]);
      expect(numbers.length).toBeGreaterThan(0);
      for (const n of numbers) expect(root.querySelector(`#p-${n.replace(/\./g, '-')}`), `${e.id} п. ${n}`).not.toBeNull();
      const sections = [...(e.body ?? '').matchAll(/^## (\d+)\./gm)].map((m) => m[1]);
      for (const s of sections) expect(root.querySelector(`.toc a[href="#razdel-${s}"]`), `${e.id} раздел ${s}`).not.toBeNull();
    }
  });

  it('keeps the space before an inline link in Russian prose', () => {
    const html = readFileSync(join(OUT.fixture, 'praktiki/test-practice/index.html'), 'utf8');
    expect(html).toMatch(/семинаров и(?:\s|&nbsp;|\u00a0)<a href="https:\/\/example\.org">открытых уроков<\/a>/);
  });

  it('shows numbers with correctly agreed nouns', () => {
    const home = visibleText(page('index.html'));
    const n = ids('mentors').length;
    const mod10 = n % 10;
    const mod100 = n % 100;
    const word = mod10 === 1 && mod100 !== 11 ? 'наставник' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'наставника' : 'наставников';
    expect(home).toContain(`${n} ${word}`);
  });
});

describe('people on the site', () => {
  beforeAll(() => {
    builtSite('root');
    builtSite('fixture');
  });
  const allText = (dist: string) =>
    listFiles(dist, (p) => /\.(html|json|xml|ics|csv|txt)$/.test(p))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');

  it('never publishes a consent record', () => {
    for (const dist of [OUT.root, OUT.fixture]) {
      const text = allText(dist);
      expect(text).not.toMatch(/consent/i);
    }
    const text = allText(OUT.root);
    for (const m of entries.filter((e) => e.collection === 'mentors')) expect(text).not.toContain(data(m).consent.document);
  });

  it('shows a minor without surname and without photo', () => {
    const minors = [...entries, ...checkContent(ROOT, 'tests/fixtures/minimal').entries].filter(
      (e) => e.collection === 'mentors' && isMinor(data(e)) && !data(e).consent.showSurname,
    );
    expect(minors.length).toBeGreaterThanOrEqual(2);
    const texts = { root: allText(OUT.root), fixture: allText(OUT.fixture) };
    for (const m of minors) {
      expect(texts.root + texts.fixture).not.toContain(data(m).name.last);
      const dist = existsSync(join(OUT.root, `nastavniki/${m.id}/index.html`)) ? OUT.root : OUT.fixture;
      const root = load(join(dist, `nastavniki/${m.id}/index.html`));
      expect(root.querySelector('h1')!.textContent).toContain(data(m).name.first);
      expect(root.querySelectorAll('main .avatar img')).toHaveLength(0);
    }
  });

  it('shows photos of adults who have one, re-encoded by the build', () => {
    const withPhoto = entries.filter((e) => e.collection === 'mentors' && data(e).photo && !isMinor(data(e)));
    expect(withPhoto.length).toBeGreaterThan(0);
    for (const m of withPhoto) {
      const img = load(join(OUT.root, `nastavniki/${m.id}/index.html`)).querySelector('main .avatar img');
      expect(img, m.id).not.toBeNull();
      // Named by a hash, never after the uploaded file (which may carry the person's name).
      expect(img!.getAttribute('src')).toMatch(/^\/_astro\/[A-Za-z0-9_-]{16}\.webp$/);
      expect(img!.getAttribute('alt')).toBeTruthy();
    }
  });
});
