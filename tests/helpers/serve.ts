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

/**
 * The headers a host that reads the build's `_headers` file would send for a path: later,
 * more specific rules add to and («! Name») remove from earlier ones. None if there is no file.
 */
export function hostHeaders(dist: string): (path: string) => Record<string, string> {
  const file = join(dist, '_headers');
  if (!existsSync(file)) return () => ({});
  const rules: { prefix: string; set: Record<string, string>; remove: string[] }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    if (!line.startsWith(' ')) rules.push({ prefix: line.trim().replace(/\*$/, ''), set: {}, remove: [] });
    else if (line.trim().startsWith('!')) rules.at(-1)!.remove.push(line.trim().slice(1).trim());
    else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)!.set[name] = value.join(':').trim();
    }
  }
  return (path: string) => {
    const out: Record<string, string> = {};
    for (const rule of rules.filter((r) => path.startsWith(r.prefix))) {
      for (const name of rule.remove) delete out[name];
      Object.assign(out, rule.set);
    }
    return out;
  };
}
