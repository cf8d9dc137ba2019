/** Reading the built site: pages, links, text as a reader sees it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { listFiles } from './project.ts';

export const htmlFiles = (dist: string) => listFiles(dist, (p) => p.endsWith('.html'));

export function load(path: string): HTMLElement {
  return parse(readFileSync(path, 'utf8'), { comment: false });
}

/**
 * Text normalised for comparison with source documents: the site typesets
 * (non-breaking spaces, «ёлочки», dashes), the documents do not.
 */
export function normalise(text: string): string {
  return text
    .replace(/&nbsp;|\u00a0|\u202f/g, ' ')
    .replace(/[«»„“”"]/g, '"')
    .replace(/[–—−‑]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export const visibleText = (root: HTMLElement) => normalise(root.querySelector('main')?.textContent ?? root.textContent);

/** Every URL an HTML page refers to, with the attribute it came from. */
export function references(root: HTMLElement): { tag: string; attr: string; url: string }[] {
  const found: { tag: string; attr: string; url: string }[] = [];
  for (const el of root.querySelectorAll('[href], [src], [srcset], [poster], [data], [action]')) {
    for (const attr of ['href', 'src', 'poster', 'data', 'action']) {
      const value = el.getAttribute(attr);
      if (value) found.push({ tag: el.tagName.toLowerCase(), attr, url: value });
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) for (const part of srcset.split(',')) found.push({ tag: el.tagName.toLowerCase(), attr: 'srcset', url: part.trim().split(/\s+/)[0] });
  }
  for (const style of root.querySelectorAll('style')) {
    for (const m of style.textContent.matchAll(/url\(\s*['"]?([^'")]+)/g)) found.push({ tag: 'style', attr: 'url()', url: m[1] });
  }
  return found;
}

const validator = new HtmlValidate(new FileSystemConfigLoader());

/**
 * html-validate's findings for every page of a built site, under the project's
 * .htmlvalidate.mjs, one line each: «file:line:column rule message».
 */
export async function markupErrors(dist: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of htmlFiles(dist)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) found.push(`${file.slice(dist.length)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  return found;
}

/** The same check for a single document, for tests that plant a fault. */
export async function markupErrorsOf(html: string, pretendPath: string): Promise<string[]> {
  const report = await validator.validateString(html, pretendPath);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`));
}

/** A local URL of the built site → the file in dist, or null for other hosts, anchors and data: URLs. */
export function localFile(dist: string, base: string, url: string): string | null {
  if (!url.startsWith(base)) return null;
  const path = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]);
  const file = join(dist, path);
  if (existsSync(join(file, 'index.html'))) return join(file, 'index.html');
  return existsSync(file) ? file : null;
}

/** Relative and root-relative imports inside a built script (static and dynamic). */
export function scriptImports(dist: string, base: string, file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.m?js)["'`]/g)) {
    const spec = m[1];
    const target = spec.startsWith('/') ? localFile(dist, base, spec) : spec.startsWith('.') ? join(file, '..', spec) : null;
    if (target && existsSync(target)) out.push(target);
  }
  return out;
}

/** Every local script, stylesheet and other file a page loads, following script imports. */
export function loadedFiles(dist: string, base: string, page: string): Set<string> {
  const root = load(page);
  const found = new Set<string>();
  const queue: string[] = [];
  for (const { tag, attr, url } of references(root)) {
    // Links between pages are not loads; <link> (stylesheet, modulepreload, icon) and src= are.
    if (tag === 'a' || tag === 'form' || (attr === 'href' && tag !== 'link')) continue;
    const file = localFile(dist, base, url);
    if (file && !file.endsWith('.html')) queue.push(file);
  }
  while (queue.length) {
    const file = queue.pop()!;
    if (found.has(file)) continue;
    found.add(file);
    if (/\.m?js$/.test(file)) queue.push(...scriptImports(dist, base, file));
  }
  return found;
}
