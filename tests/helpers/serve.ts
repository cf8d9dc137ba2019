/**
 * A minimal static server for built output, on loopback, honouring a base path. Like the
 * usual static host, it gzips text when the browser accepts it.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.ics': 'text/calendar',
  '.csv': 'text/csv',
  '.txt': 'text/plain; charset=utf-8',
};

export async function serve(
  dir: string,
  base = '/',
  host = '127.0.0.1',
  /** Extra response headers for a path, e.g. the security headers a static host would send. */
  headersFor: (path: string) => Record<string, string> = () => ({}),
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': TYPES['.html'] }).end(readFileSync(join(dir, '404.html')));
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = /^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    const headers = { ...headersFor(path), 'Content-Type': type, Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) };
    res.writeHead(200, headers).end(gzip ? gzipSync(readFileSync(file)) : readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}${base}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

type Headers = Record<string, string>;
type Host = (path: string) => Headers;

/** The rules of a `_headers` file in order: path, headers set (a repeated name joined with «, »), headers removed with «! Name». */
export function parseRules(text: string) {
  const rules: { path: string; set: Headers; unset: string[] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), set: {}, unset: [] });
    else if (line.trim().startsWith('!')) rules.at(-1)!.unset.push(line.trim().slice(1).trim());
    else {
      const [name, ...value] = line.trim().split(':');
      const set = rules.at(-1)!.set;
      set[name.trim()] = set[name.trim()] === undefined ? value.join(':').trim() : `${set[name.trim()]}, ${value.join(':').trim()}`;
    }
  }
  return rules;
}

/**
 * Cloudflare Pages: every rule whose pattern matches, in the order of the file; a header set by
 * an earlier rule gets the later value appended after a comma; «! Name» removes what earlier
 * rules set. `*` matches anything, `:name` one path segment, the pattern the whole path.
 * (developers.cloudflare.com/pages/configuration/headers/; cloudflare/workers-sdk,
 * packages/workers-shared/asset-worker/src/utils/headers.ts and rules-engine.ts)
 */
export function cloudflare(text: string): Host {
  const escape = (s: string) => s.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
  const rules = parseRules(text).map((r) => ({
    ...r,
    regExp: new RegExp(
      `^${r.path
        .split('*')
        .map(escape)
        .join('.*')
        .replace(/:[A-Za-z]\w*/g, '[^/]+')}$`,
    ),
  }));
  return (path) => {
    const out = new Map<string, [string, string]>();
    const seen = new Set<string>();
    for (const rule of rules.filter((r) => r.regExp.test(path))) {
      for (const name of rule.unset) out.delete(name.toLowerCase());
      for (const [name, value] of Object.entries(rule.set)) {
        const key = name.toLowerCase();
        const before = out.get(key);
        out.set(key, [name, seen.has(key) && before ? `${before[1]}, ${value}` : value]);
        seen.add(key);
      }
    }
    return Object.fromEntries([...out.values()]);
  };
}

/** The headers the built `_headers` gives each address, as Cloudflare Pages reads it. */
export function hostHeaders(dist: string): Host {
  const file = join(dist, '_headers');
  if (!existsSync(file)) return () => ({});
  return cloudflare(readFileSync(file, 'utf8'));
}

/** Asks `url` every half second until `done` holds or `seconds` pass; the last answer either way (status 0: nothing answered). */
export async function fetchUntil(url: string, done: (status: number, text: string) => boolean, seconds: number): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + seconds * 1000;
  let last = { status: 0, text: '' };
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      last = { status: response.status, text: await response.text() };
      if (done(last.status, last.text)) return last;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return last;
}
