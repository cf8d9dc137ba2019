/**
 * The security headers the build writes for static hosts (_headers, nginx snippet): the rules
 * leave no top-level name to two rules; the host models (Cloudflare Pages, Netlify, nginx) tell
 * the rules apart; the policy allows only real inline scripts and styles. Every page of a built
 * site under those headers, and Chromium running them: tests/security-headers-build.test.ts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerRules as buildRules, headerSets, headersFile, inlineHashes, inlineSources } from '../src/integrations/security-headers.ts';
import { INLINE_EXPECTED, INLINE_PAGES, netlify, nginx, PLANTED, REAL_SCRIPT, sha256 } from './helpers/hosts.ts';
import { cloudflare } from './helpers/serve.ts';
import { TMP } from './helpers/project.ts';

describe('the header rules and the host models', () => {
  it('a top-level name that begins another with different headers stops the build (Netlify would apply both rules)', () => {
    const dir = join(TMP, 'headers-loose');
    rmSync(dir, { recursive: true, force: true });
    for (const name of ['embed', 'adminka', 'og', 'organizacii']) mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, 'embed.js'), '');
    const sets = headerSets({ scripts: [], styles: [] });
    const file = headersFile(buildRules(dir, '/', sets));
    for (const [host, headersFor] of [
      ['Cloudflare Pages', cloudflare(file)],
      ['Netlify', netlify(file)],
    ] as const) {
      expect(headersFor('/embed.js'), host).toEqual(sets.site);
      expect(headersFor('/embed/x/'), host).toEqual(sets.embed);
      expect(headersFor('/adminka/'), host).toEqual(sets.site);
    }
    mkdirSync(join(dir, 'emb'));
    expect(() => buildRules(dir, '/', sets)).toThrow(/\/emb\/\* относится и к \/embed\/\*/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the host models tell the rules apart: a broad rule and an /embed/ rule give /embed/ two policies on Cloudflare, X-Frame-Options on Netlify', () => {
    const policy = (ancestors: string) => `default-src 'self'; frame-ancestors ${ancestors}`;
    const rules = `/*\n  X-Frame-Options: SAMEORIGIN\n  Content-Security-Policy: ${policy("'self'")}\n\n/embed/*\n  ! X-Frame-Options\n  Content-Security-Policy: ${policy('*')}\n`;
    expect(cloudflare(rules)('/embed/mentors/')).toEqual({ 'Content-Security-Policy': `${policy("'self'")}, ${policy('*')}` });
    expect(netlify(rules)('/embed/mentors/')).toEqual({ 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': policy('*') });
    // Netlify's `/embed/*` also matches `/embed.js`; Cloudflare's does not.
    expect(netlify('/embed/*\n  A: 1\n')('/embed.js')).toEqual({ A: '1' });
    expect(cloudflare('/embed/*\n  A: 1\n')('/embed.js')).toEqual({});
    const conf = `add_header A "1" always;\nlocation /embed/ {\n    add_header B "2" always;\n}\n`;
    expect(nginx(conf, '/')('/embed/x/')).toEqual({ B: '2' });
    expect(nginx(conf, '/')('/x/')).toEqual({ A: '1' });
  });
});

describe('inline scripts and styles are taken from real elements only', () => {
  const dir = join(TMP, 'inline-sources');
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'admin'), { recursive: true });
    for (const [name, html] of Object.entries(INLINE_PAGES)) writeFileSync(join(dir, name), html);
    writeFileSync(join(dir, 'admin/index.html'), `<script>window.__editor = 1</script>`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a «<script>» inside an attribute, a title, a textarea or a comment is text; real scripts and styles are found byte for byte', () => {
    for (const [name, html] of Object.entries(INLINE_PAGES)) expect(inlineSources(html), name).toEqual(INLINE_EXPECTED[name as keyof typeof INLINE_EXPECTED]);
    const hashes = inlineHashes(dir);
    expect(hashes.scripts).not.toContain(sha256(PLANTED));
    expect(hashes.scripts).not.toContain(sha256('window.__editor = 1'));
    expect(hashes.scripts).toContain(sha256(REAL_SCRIPT));
    expect(hashes.styles).not.toContain(sha256('body { display: none }'));
  });
});
