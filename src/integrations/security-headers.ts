import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { filesUnder } from '../lib/files.ts';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { DiskMemo, installedVersion, saltOf } from '../lib/disk-memo.ts';

/**
 * Writes the security headers for static hosts after the build: `_headers` (Netlify,
 * Cloudflare Pages and compatible hosts) and `nginx-security-headers.conf` for an nginx
 * `location`. The Content-Security-Policy allows the site's own files only, plus the
 * exact inline scripts and styles the build produced (by their sha256), so it is true to this build.
 */
const HARDENING: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Strict-Transport-Security': 'max-age=31536000',
};

/** The files this integration writes into dist/: no address of the site. */
const OWN_FILES = new Set(['_headers', 'nginx-security-headers.conf']);

const htmlFiles = (dir: string) => filesUnder(dir).filter((file) => file.endsWith('.html'));

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Elements whose content the browser reads as text, never as markup (the raw-text and RCDATA
 * elements of the HTML standard): a `<script>` written inside a <title> or <textarea> is no
 * script. <noscript> is not among them: with scripting off its content is markup, and a
 * <style> there is then subject to the policy.
 */
const TEXT_ONLY = ['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'];
/** `type` values of a <script> the browser runs, and so checks against script-src. */
const RUNS = /^(|module|importmap|speculationrules|(text|application)\/(x-)?(java|ecma)script|text\/(javascript1\.[0-5]|jscript|livescript))$/;

/**
 * The inline scripts and styles of a page, as the browser sees them: parsed as HTML (a
 * «<script>…</script>» inside an attribute value or a title is text, not an element) and
 * byte for byte the element's content, line breaks normalised as the HTML parser does, since
 * that is what the browser hashes. Scripts with src, data blocks (JSON-LD) and scripts inside
 * <noscript> (which never run) are left out.
 */
export function inlineSources(html: string): { scripts: string[]; styles: string[] } {
  // lowerCaseTagName stays off: it searches for the closing tag in a lower-cased copy of the
  // page, whose offsets shift after a character like «İ» that lower-cases to two.
  const root = parse(html, { comment: false, blockTextElements: Object.fromEntries(TEXT_ONLY.map((name) => [name, true])) });
  const content = (el: { rawText: string }) => el.rawText.replace(/\r\n?/g, '\n');
  const scripts = root
    .querySelectorAll('script')
    .filter((el) => !el.hasAttribute('src') && RUNS.test((el.getAttribute('type') ?? '').trim().toLowerCase()) && !el.closest('noscript'))
    .map(content)
    .filter((text) => text.trim());
  const styles = root.querySelectorAll('style').map(content);
  return { scripts, styles };
}

/**
 * sha256 sources of every inline <script> and <style> in the built pages (the editor's pages
 * aside, which get no policy from us): the site's own boot scripts and the @font-face rules
 * of Astro's Fonts API.
 */
export function inlineHashes(dir: string, memo?: DiskMemo<{ scripts: string[]; styles: string[] }>): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of htmlFiles(dir)) {
    if (relative(dir, file).split(sep)[0] === 'admin') continue;
    const bytes = readFileSync(file);
    const found = memo ? memo.of(bytes, () => inlineSources(bytes.toString('utf8'))) : inlineSources(bytes.toString('utf8'));
    for (const text of found.scripts) scripts.add(sha256(text));
    for (const text of found.styles) styles.add(sha256(text));
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

export function contentSecurityPolicy(hashes: { scripts: string[]; styles: string[] }, frameAncestors: string): string {
  return [
    "default-src 'self'",
    // Pagefind runs WebAssembly; nothing else is evaluated.
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.scripts.join(' ')}`.trim(),
    `style-src 'self' ${hashes.styles.join(' ')}`.trim(),
    // Widths of progress bars and the like are set in style attributes.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

type Headers = Record<string, string>;

/** What each part of the site gets. */
export function headerSets(hashes: { scripts: string[]; styles: string[] }): { site: Headers; embed: Headers; admin: Headers } {
  const { 'Cross-Origin-Opener-Policy': _coop, ...withoutCoop } = HARDENING;
  return {
    site: { ...HARDENING, 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': contentSecurityPolicy(hashes, "'self'") },
    // The embedded views are made to be framed by any school's site: no X-Frame-Options,
    // frame-ancestors *.
    embed: { ...HARDENING, 'Content-Security-Policy': contentSecurityPolicy(hashes, '*') },
    // The editor (Decap) evaluates code and opens the login window of its backend, which has to
    // talk back to it: no policy and no opener isolation from us; the host's own policy for
    // /admin/ has to allow that backend (see README).
    admin: { ...withoutCoop, 'X-Frame-Options': 'SAMEORIGIN' },
  };
}

export interface HeaderRule {
  /** A `_headers` path: exact, or a folder with everything under it (`/praktiki/*`). */
  path: string;
  headers: Headers;
}

/**
 * The rules of `_headers`: one per entry at the top of dist/ (`/`, `/index.html`, `/404.html`,
 * `/praktiki/*`, `/embed/*`…), made from what the build actually wrote, so that no two rules
 * match the same address and the result does not depend on how a host combines rules. How the
 * hosts combine them:
 *
 * - Cloudflare Pages applies every matching rule in the order of the file: «An incoming request
 *   which matches multiple rules' URL patterns will inherit all rules' headers», «If a header is
 *   applied twice in the _headers file, the values are joined with a comma separator», and
 *   «! Name» detaches a header an earlier rule attached
 *   (https://developers.cloudflare.com/pages/configuration/headers/; the code:
 *   cloudflare/workers-sdk, packages/workers-shared/asset-worker/src/utils/headers.ts and
 *   rules-engine.ts). A `/*` rule for the site and an `/embed/*` rule for the views gave /embed/
 *   two policies in one header, `…frame-ancestors 'self', …frame-ancestors *`; both are
 *   enforced, so no school could embed a view.
 * - Netlify's own engine (netlify/primitives, packages/headers/src/lib/headersForPath.ts, used by
 *   `netlify dev`) applies every matching rule too, a later one replacing a header an earlier one
 *   set; a «! Name» line has no colon and is skipped (netlify/build,
 *   packages/headers-parser/src/line_parser.ts). X-Frame-Options of `/*` stayed on /embed/.
 * - Netlify reads `/embed/*` as `^/embed/?(.*)/?$` (headers-parser/src/for_regexp.ts): it also
 *   matches `/embed.js`, and `/a/*` would match every address that begins with `/a`. The rules
 *   go shortest name first, so that an entry's own rule comes after any such looser one and,
 *   setting every header the looser one set, replaces them all (see checkLooseOverlaps).
 *
 * An address not in the build (a mistyped one, answered with 404.html) matches no rule.
 * Cloudflare Pages takes at most 100 rules and lines of at most 2,000 characters (same page,
 * «Limits»): about 25 rules here, and the build warns past either limit.
 */
export function headerRules(root: string, base: string, sets: ReturnType<typeof headerSets>): HeaderRule[] {
  const entries = readdirSync(root)
    .filter((name) => !OWN_FILES.has(name))
    .map((name) => ({ name, folder: statSync(join(root, name)).isDirectory() }));
  const rules = [{ name: '', folder: false, path: base, headers: sets.site }];
  for (const { name, folder } of entries) {
    const path = `${base}${encodeURI(name)}`;
    const headers = !folder ? sets.site : name === 'embed' ? sets.embed : name === 'admin' ? sets.admin : sets.site;
    rules.push({ name, folder, path: folder ? `${path}/*` : path, headers });
  }
  rules.sort((a, b) => a.name.length - b.name.length || (a.name < b.name ? -1 : 1));
  checkLooseOverlaps(rules);
  return rules.map(({ path, headers }) => ({ path, headers }));
}

/**
 * Where Netlify's looser `/a/*` reaches another entry's addresses (`/ab…`), that entry's own
 * rule comes later and has to set every header `/a/*` set; otherwise `/ab…` keeps some of
 * them. Not so today (only `/embed/*` and `/embed.js`, whose rule is the site's); a new top-level
 * page or file could make it so, and then the build stops here rather than ship wrong headers.
 */
function checkLooseOverlaps(rules: { name: string; folder: boolean; path: string; headers: Headers }[]) {
  for (const loose of rules.filter((r) => r.folder)) {
    for (const other of rules) {
      if (other === loose || !other.name.toLowerCase().startsWith(loose.name.toLowerCase())) continue;
      const missing = Object.keys(loose.headers).filter((name) => !(name in other.headers));
      if (missing.length)
        throw new Error(
          `_headers: на Netlify правило ${loose.path} относится и к ${other.path}, и там останутся его заголовки ${missing.join(', ')}. ` +
            `Переименуйте ${other.name} или ${loose.name} так, чтобы одно имя не было началом другого.`,
        );
    }
  }
}

export function headersFile(rules: HeaderRule[]): string {
  return rules.map(({ path, headers }) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`), ''].join('\n')).join('\n');
}

/**
 * The nginx snippet, to include inside the site's `location <base> { … }`: the site's headers
 * there, and nested locations for /embed/ and /admin/ with their own. nginx takes add_header
 * from the one location that serves the request (the longest matching prefix) and from an
 * outer level only when that location has none of its own; root or alias and index are
 * inherited by the nested locations.
 */
export function nginxSnippet(base: string, sets: ReturnType<typeof headerSets>): string {
  const lines = (headers: Headers, indent = '') =>
    Object.entries(headers)
      .map(([k, v]) => `${indent}add_header ${k} "${v}" always;`)
      .join('\n');
  return [
    `# Заголовки безопасности «Наставничества». Подключите файл внутри location раздела:`,
    `#   location ${base} { …; include /путь/к/сборке/nginx-security-headers.conf; }`,
    `# Вложенные location ниже дают /embed/ (встраиваемые виды) и /admin/ (редактор) свои заголовки.`,
    lines(sets.site),
    '',
    `location ${base}embed/ {`,
    lines(sets.embed, '    '),
    '}',
    '',
    `location ${base}admin/ {`,
    lines(sets.admin, '    '),
    '}',
    '',
  ].join('\n');
}

/**
 * Parsing every page is most of this step's time; a page the last build wrote byte for byte the
 * same has the same inline sources. The salt is the parsing code itself and the parser's version.
 */
function inlineSourcesMemo(root: string, cacheDir: string) {
  return new DiskMemo<{ scripts: string[]; styles: string[] }>(
    join(cacheDir, 'inline-sources.bin'),
    saltOf(inlineSources.toString(), TEXT_ONLY.join(), RUNS.source, installedVersion(root, 'node-html-parser')),
  );
}

/** Cloudflare Pages: «A project is limited to 100 header rules. Each line in the _headers file has a 2,000 character limit.» */
const CLOUDFLARE_LIMITS = { rules: 100, line: 2000 };

export function securityHeaders(): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  let projectRoot = '';
  return {
    name: 'nastavnichestvo:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        cacheDir = fileURLToPath(config.cacheDir);
        projectRoot = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const memo = inlineSourcesMemo(projectRoot, cacheDir);
        const hashes = inlineHashes(root, memo);
        memo.save();
        const sets = headerSets(hashes);
        const rules = headerRules(root, base, sets);
        const file = headersFile(rules);
        writeFileSync(join(root, '_headers'), file);
        writeFileSync(join(root, 'nginx-security-headers.conf'), nginxSnippet(base, sets));
        logger.info(
          `заголовки безопасности: _headers (правил: ${rules.length}) и nginx-security-headers.conf, встроенных скриптов и стилей по хэшу: ${hashes.scripts.length} и ${hashes.styles.length} (страниц разобрано: ${memo.computed}, взято из прошлой сборки: ${memo.reused})`,
        );
        const longest = Math.max(...file.split('\n').map((line) => line.length));
        if (rules.length > CLOUDFLARE_LIMITS.rules || longest > CLOUDFLARE_LIMITS.line)
          logger.warn(
            `_headers: правил ${rules.length}, самая длинная строка ${longest} знаков — Cloudflare Pages читает не больше ${CLOUDFLARE_LIMITS.rules} правил и строки не длиннее ${CLOUDFLARE_LIMITS.line} знаков`,
          );
      },
    },
  };
}
