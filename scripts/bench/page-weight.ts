/**
 * What a page costs a visitor: its HTML, the stylesheets and scripts it loads (with the
 * modules those import statically) and the fonts it preloads, raw and gzipped as a server
 * sends them. Images are left out; inline scripts and styles count with the HTML and as JS.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

export interface Bytes {
  raw: number;
  gzip: number;
}
export interface PageWeight {
  html: Bytes;
  css: Bytes;
  js: Bytes;
  fonts: Bytes;
  /** Scripts only, inline ones included: what the JS budget counts. */
  scriptBytes: number;
  scriptSources: string[];
}

const measure = (body: Buffer | string): Bytes => ({ raw: Buffer.byteLength(body), gzip: gzipSync(body).length });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Bytes = { raw: 0, gzip: 0 };

/** A module with the modules it imports statically (e.g. Vite's preload helper). */
export function withImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const imports = [...code.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)].map((m) => join(dirname(file), m[1]));
  return [file, ...imports.flatMap((f) => withImports(f, seen))];
}

export function pageWeight(dist: string, base: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile);
  const root = parse(html.toString('utf8'));
  const local = (url: string) => join(dist, url.slice(base.length));
  const files = (urls: (string | undefined)[]) => [...new Set(urls.filter((u): u is string => !!u && u.startsWith(base)).map(local))];
  const total = (paths: string[]) => paths.reduce((sum, p) => add(sum, measure(readFileSync(p))), ZERO);

  const css = files(root.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')));
  const scriptSources = root.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!);
  const modules = [
    ...new Set(
      files([...scriptSources, ...root.querySelectorAll('link[rel="modulepreload"]').map((l) => l.getAttribute('href'))]).flatMap((f) => withImports(f)),
    ),
  ];
  const inline = root
    .querySelectorAll('script:not([src])')
    .filter((s) => (s.getAttribute('type') ?? '') !== 'application/ld+json')
    .map((s) => s.textContent);
  const fonts = files(root.querySelectorAll('link[rel="preload"][as="font"]').map((l) => l.getAttribute('href')));
  return {
    html: measure(html),
    css: total(css),
    js: total(modules),
    fonts: fonts.reduce((sum, f) => add(sum, { raw: statSync(f).size, gzip: statSync(f).size }), ZERO),
    scriptBytes: modules.reduce((sum, f) => sum + statSync(f).size, 0) + inline.reduce((sum, t) => sum + Buffer.byteLength(t), 0),
    scriptSources,
  };
}

/** HTML + CSS + JS gzipped: what the 50 KB goal limits (images and fonts aside). */
export const pageGzip = (w: PageWeight) => w.html.gzip + w.css.gzip + w.js.gzip;

/** The kind of page a built file is, by its address (lists include their later pages). */
export function pageType(path: string): string | undefined {
  const p = path.replace(/index\.html$/, '');
  const rules: [RegExp, string][] = [
    [/^$/, 'главная'],
    [/^404\.html$/, 'страница 404'],
    [/^admin\//, ''],
    [/^poisk\/$/, 'поиск'],
    [/^vstraivanie\/$/, 'как встроить'],
    [/^embed\/([^/]+)\//, 'встраиваемый вид'],
    [/^praktiki\/(forma|organizaciya|god)\//, 'практики: отбор'],
    [/^(polozheniya|dorozhnye-karty|praktiki|nastavniki|formy|organizacii)\/(\d+\/)?$/, 'список'],
    [/^(polozheniya|dorozhnye-karty|praktiki|nastavniki|formy|organizacii)\/[^/]+\/$/, 'запись'],
  ];
  const SECTION: Record<string, string> = {
    polozheniya: 'положения',
    'dorozhnye-karty': 'дорожные карты',
    praktiki: 'практики',
    nastavniki: 'наставники',
    formy: 'формы',
    organizacii: 'организации',
  };
  const ITEM: Record<string, string> = {
    polozheniya: 'положение',
    'dorozhnye-karty': 'дорожная карта',
    praktiki: 'практика',
    nastavniki: 'наставник',
    formy: 'форма',
    organizacii: 'организация',
  };
  for (const [re, label] of rules) {
    const m = re.exec(p);
    if (!m) continue;
    if (label === '') return undefined;
    if (label === 'список') return SECTION[m[1]];
    if (label === 'запись') return ITEM[m[1]];
    if (label === 'встраиваемый вид') return `встраиваемый вид: ${m[1]}`;
    return label;
  }
  return undefined;
}
