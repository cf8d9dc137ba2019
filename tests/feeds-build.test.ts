/**
 * Issue 22, item 6: the feed and the sitemap of the built site, at the root and under BASE_PATH.
 * The RSS 2.0 feed is checked the way a feed validator would: the channel's required elements, each
 * item's, the feed's own address (atom:link rel="self", absolute, under the base path) and
 * lastBuildDate in RFC 822 form, taken from the content. The sitemap gives each page the newest
 * own date of the entries it shows (never one after the build date, none where there is none) and
 * lists neither the search page nor the editor nor the embedded views.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '../src/integrity/check.ts';
import { BASE_PATH, listFiles, OUT, ROOT, TEST_BUILD_DATE } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
/** RFC 822 (with a four-digit year, as RSS 2.0 allows): «Mon, 05 Oct 2026 00:00:00 GMT». */
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
/** W3C Datetime, as the sitemap protocol wants lastmod. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const TODAY = new Date(`${TEST_BUILD_DATE}T00:00:00Z`);
const SITE = 'https://nastavnichestvo.example';

function xml(file: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(
    readFileSync(file, 'utf8'),
    'text/xml',
  );
  expect(errors, file).toEqual([]);
  return doc;
}
const children = (el: Element, name: string) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).nodeName === name);
const text = (el: Element, name: string) => children(el, name)[0]?.textContent ?? undefined;

const { entries } = checkContent(ROOT);
const data = (e: CheckedEntry) => e.data as Record<string, any>;
const upToToday = (d?: Date) => (d && d.getTime() <= TODAY.getTime() ? d : undefined);
const isoDay = (d?: Date) => d?.toISOString().slice(0, 10);

describe.each([
  ['at the root', 'root', '/'],
  [`under ${BASE_PATH}`, 'base', `${BASE_PATH}/`],
] as const)('the demo site %s', (_name, kind, base) => {
  const dist = OUT[kind];
  beforeAll(() => {
    builtSite(kind);
  });

  describe('the RSS feed', () => {
    it('is RSS 2.0 with the channel’s required elements, its own address and lastBuildDate in RFC 822', () => {
      const doc = xml(join(dist, 'rss.xml'));
      const rss = doc.documentElement!;
      expect(rss.nodeName).toBe('rss');
      expect(rss.getAttribute('version')).toBe('2.0');
      expect(rss.getAttribute('xmlns:atom')).toBe(ATOM);
      const [channel] = children(rss, 'channel');
      expect(text(channel, 'title')).toBeTruthy();
      expect(text(channel, 'description')).toBeTruthy();
      expect(text(channel, 'link')).toBe(`${SITE}${base}praktiki/`);
      expect(text(channel, 'language')).toBe('ru');
      const self = Array.from(channel.getElementsByTagNameNS(ATOM, 'link'));
      expect(self).toHaveLength(1);
      expect(self[0].getAttribute('rel')).toBe('self');
      expect(self[0].getAttribute('type')).toBe('application/rss+xml');
      expect(self[0].getAttribute('href')).toBe(`${SITE}${base}rss.xml`);
      const lastBuild = text(channel, 'lastBuildDate')!;
      expect(lastBuild).toMatch(RFC_822);
      // When the content last changed: the newest practice's publication day, never after the build date.
      const newest = Math.max(...entries.filter((e) => e.collection === 'practices').map((e) => (data(e).published as Date).getTime()));
      expect(new Date(lastBuild).getTime()).toBe(Math.min(newest, TODAY.getTime()));
    });

    it('each item has a title, a link and a guid under the base path, a description and a pubDate in RFC 822', () => {
      const channel = children(xml(join(dist, 'rss.xml')).documentElement!, 'channel')[0];
      const items = children(channel, 'item');
      expect(items.length).toBeGreaterThan(5);
      expect(items.length).toBeLessThanOrEqual(50);
      for (const item of items) {
        const link = text(item, 'link')!;
        expect(text(item, 'title'), link).toBeTruthy();
        expect(text(item, 'description'), link).toBeTruthy();
        expect(link.startsWith(`${SITE}${base}praktiki/`), link).toBe(true);
        expect(text(item, 'guid')).toBe(link);
        expect(text(item, 'pubDate'), link).toMatch(RFC_822);
      }
    });
  });

  describe('the sitemap', () => {
    const urls = () =>
      listFiles(dist, (p) => /sitemap-\d+\.xml$/.test(p)).flatMap((file) =>
        Array.from(xml(file).getElementsByTagName('url')).map((u) => ({ loc: text(u, 'loc')!, lastmod: text(u, 'lastmod') })),
      );
    const pathOf = (loc: string) => new URL(loc).pathname.slice(base.length);

    it('lists neither the search page nor the editor nor the embedded views, and does list the open data', () => {
      const paths = urls().map((u) => pathOf(u.loc));
      expect(paths.length).toBeGreaterThan(50);
      expect(paths.filter((p) => /^(poisk|admin|embed)(\/|$)/.test(p))).toEqual([]);
      expect(paths).toContain('otkrytye-dannye/');
      expect(paths).toContain('praktiki/');
    });

    it('gives lastmod in W3C Datetime, from the entries’ own dates; none where the entries have none', () => {
      const all = urls();
      const byPath = new Map(all.map((u) => [pathOf(u.loc), u.lastmod]));
      for (const { loc, lastmod } of all) if (lastmod !== undefined) expect(lastmod, loc).toMatch(W3C_DATETIME);
      expect(all.filter((u) => u.lastmod).length).toBeGreaterThan(30);
      const wrong: string[] = [];
      const expectDay = (path: string, day: string | undefined) => {
        if (!byPath.has(path)) return wrong.push(`${path}: нет в карте сайта`);
        const got = byPath.get(path)?.slice(0, 10);
        if (got !== day) wrong.push(`${path}: lastmod ${got}, а должно быть ${day}`);
      };
      for (const e of entries) {
        if (e.collection === 'practices') expectDay(`praktiki/${e.id}/`, isoDay(upToToday(data(e).published)));
        if (e.collection === 'regulations') expectDay(`polozheniya/${e.id}/`, isoDay(upToToday(data(e).approval?.date)));
        if (e.collection === 'roadmaps') expectDay(`dorozhnye-karty/${e.id}/`, isoDay(upToToday(data(e).approval?.date)));
      }
      const own = entries.flatMap((e) => {
        const d = data(e);
        const dates =
          e.collection === 'practices'
            ? [d.published]
            : [d.approval?.date, ...(e.collection === 'results' ? d.figures.map((f: { asOf: Date }) => f.asOf) : [])];
        return ['practices', 'regulations', 'roadmaps', 'results'].includes(e.collection) ? dates.map(upToToday).filter(Boolean) : [];
      }) as Date[];
      expectDay('', isoDay(new Date(Math.max(...own.map((d) => d.getTime())))));
      expect(wrong).toEqual([]);
    });

    it('the index gives each sitemap file the newest lastmod in it', () => {
      const index = xml(join(dist, 'sitemap-index.xml'));
      const maps = Array.from(index.getElementsByTagName('sitemap'));
      expect(maps.length).toBeGreaterThan(0);
      const newest = urls()
        .map((u) => u.lastmod)
        .filter(Boolean)
        .sort()
        .at(-1);
      expect(newest).toBeTruthy();
      for (const m of maps) expect(text(m, 'lastmod')).toBe(newest);
    });
  });
});
