import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * sha256 sources of every inline <script> and <style> in the built pages (the editor's page
 * aside): the site's own boot scripts and the @font-face rules of Astro's Fonts API.
 */
function inlineHashes(dir: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of htmlFiles(dir)) {
    if (file.includes(`${join(dir, 'admin')}`)) continue;
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/type="application\/ld\+json"/.test(m[1]) || !m[2].trim()) continue;
      scripts.add(sha256(m[2]));
    }
    for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) styles.add(sha256(m[1]));
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

export function contentSecurityPolicy(hashes: { scripts: string[]; styles: string[] }, frameAncestors: string): string {
  return [
    "default-src 'self'",
    // Pagefind runs WebAssembly; nothing else is evaluated.
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.scripts.join(' ')}`,
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

export function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'nastavnichestvo:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const hashes = inlineHashes(root);
        const lines = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`);
        const site = { ...HARDENING, 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': contentSecurityPolicy(hashes, "'self'") };
        // The embedded views are made to be framed by any school's site: no X-Frame-Options
        // («! name» removes a header set by the broader rule), frame-ancestors *.
        const embed = { ...HARDENING, 'Content-Security-Policy': contentSecurityPolicy(hashes, '*') };
        // The editor (Decap) evaluates code and opens the login window of its backend: the
        // host's own policy for /admin/ has to allow that backend (see README).
        writeFileSync(
          join(root, '_headers'),
          [`${base}*`, ...lines(site), '', `${base}embed/*`, '  ! X-Frame-Options', ...lines(embed), '', `${base}admin/*`, '  ! Content-Security-Policy', '  ! Cross-Origin-Opener-Policy', ''].join('\n'),
        );
        const nginx = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `add_header ${k} "${v}" always;`).join('\n');
        writeFileSync(
          join(root, 'nginx-security-headers.conf'),
          `# include this file inside «location ${base}»; for «location ${base}embed/» use the second block\n${nginx(site)}\n\n# location ${base}embed/ {\n${nginx(embed).replace(/^/gm, '#   ')}\n# }\n`,
        );
        logger.info(`заголовки безопасности: _headers и nginx-security-headers.conf, встроенных скриптов и стилей по хэшу: ${hashes.scripts.length} и ${hashes.styles.length}`);
      },
    },
  };
}
