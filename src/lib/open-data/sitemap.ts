/**
 * The sitemap's rules (@astrojs/sitemap's filter and serialize, astro.config.mjs): which pages are
 * left out, and each page's lastmod.
 *
 * Left out: the editor (/admin/), the embedded views (/embed/ — they are parts of other sites'
 * pages) and the search page (/poisk/ — its results are the other pages, and an empty search form
 * is no page to send a visitor to from a search engine).
 *
 * lastmod is the newest of the content's own dates (dates.ts) among the entries the page shows:
 * an entry's page — its own (a mentor's, those of the practices that name them; an organisation's
 * or a form's, those of their entries); a list — those of its entries; any other page (the home
 * page, the open data) — the newest in the section. A date after the build date is not counted; a
 * page whose entries carry no date has no lastmod rather than an invented one. The dates come from
 * the build's content check (content-integrity.ts lastCheck), so the same content and build date
 * give the same sitemap.
 *
 * Plain Node: it runs in the build's last hook.
 */
import { COLLECTION_REGISTRY, type CollectionName } from '../../schemas/collections.ts';
import { buildDate } from '../build-date.ts';
import { latest, ownDates } from './dates.ts';

/** The first segment of the pages that stay out of the sitemap. */
const LEFT_OUT = new Set(['admin', 'embed', 'poisk']);

export interface SitemapEntry {
  collection: CollectionName;
  id: string;
  data: Record<string, unknown>;
}

/** A reference as the check gives it (the id) or as the content layer does ({ id }). */
const idOf = (ref: unknown): string | undefined => (typeof ref === 'string' ? ref : (ref as { id?: string } | undefined)?.id);
const idsOf = (refs: unknown): string[] => (Array.isArray(refs) ? refs.map(idOf).filter((id): id is string => !!id) : []);

/** The path of a page below the site's base: «praktiki/<id>/». */
const below = (page: string, base: string) => {
  const path = new URL(page).pathname;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path.replace(/^\//, '');
};
const firstSegment = (path: string) => path.split('/').find(Boolean) ?? '';

/** The paged collections by their URL segment: «praktiki» → practices. */
const BY_SEGMENT = new Map<string, CollectionName>(
  Object.entries(COLLECTION_REGISTRY).flatMap(([name, spec]) => ('segment' in spec ? [[spec.segment, name as CollectionName] as const] : [])),
);

/** Each page's lastmod, from the entries and the build date. */
export function pageDates(entries: readonly SitemapEntry[], today = buildDate()) {
  // Each entry's newest own date, once: a district's thousands of pages each look some up.
  const own = new Map(
    entries.map((e) => [
      e,
      latest(
        ownDates(e.collection, e.data)
          .map((d) => d.date)
          .filter((d) => d.getTime() <= today.getTime()),
      ),
    ]),
  );
  const newest = (list: readonly SitemapEntry[]) => latest(list.map((e) => own.get(e)));
  const of = (collection: CollectionName) => entries.filter((e) => e.collection === collection);
  const byId = new Map(entries.map((e) => [`${e.collection}/${e.id}`, e]));
  const practices = of('practices');
  const orgOf = (e: SitemapEntry) => idOf(e.data.organization);
  const parents = new Map(of('organizations').map((o) => [o.id, idOf(o.data.parent)]));
  // An organisation's page shows its own entries, and a district office's those of its organisations too.
  const ofOrganization = (id: string) => entries.filter((e) => orgOf(e) && (orgOf(e) === id || parents.get(orgOf(e)!) === id));

  /** The entries a page shows, by its path below the base, and a key for pages that show the same. */
  const shown = (path: string): [string, () => readonly SitemapEntry[]] => {
    const parts = path.split('/').filter(Boolean);
    const collection = BY_SEGMENT.get(parts[0]);
    if (!collection) return ['*', () => entries];
    // A list's own filters: /praktiki/forma/<id>/, /praktiki/organizaciya/<id>/, /praktiki/god/<год>/ (and their further pages).
    if (collection === 'practices' && parts.length >= 3) {
      const [, filter, value] = parts;
      const key = `${filter}/${value}`;
      if (filter === 'forma') return [key, () => practices.filter((p) => idsOf(p.data.forms).includes(value))];
      if (filter === 'organizaciya') return [key, () => practices.filter((p) => orgOf(p) === value)];
      if (filter === 'god') return [key, () => practices.filter((p) => (p.data.years as number[]).includes(Number(value)))];
    }
    const entry = parts.length === 2 ? byId.get(`${collection}/${parts[1]}`) : undefined;
    // The list, or one of its further pages.
    if (!entry) return [collection, () => of(collection)];
    const key = `${collection}/${entry.id}`;
    switch (collection) {
      case 'organizations':
        return [key, () => ofOrganization(entry.id)];
      case 'forms':
        return [key, () => practices.filter((p) => idsOf(p.data.forms).includes(entry.id))];
      case 'mentors':
        return [key, () => practices.filter((p) => idsOf(p.data.mentors).includes(entry.id))];
      default:
        return [key, () => [entry]];
    }
  };
  const memo = new Map<string, Date | undefined>();
  return (path: string) => {
    const [key, list] = shown(path);
    if (!memo.has(key)) memo.set(key, newest(list()));
    return memo.get(key);
  };
}

/** The sitemap integration's options: which pages it lists and each page's lastmod. */
export function sitemapRules(base: string, entries: () => readonly SitemapEntry[] | undefined, today?: Date) {
  let dateOf: ((path: string) => Date | undefined) | undefined;
  return {
    filter: (page: string) => !LEFT_OUT.has(firstSegment(below(page, base))),
    serialize: <T extends { url: string; lastmod?: string }>(item: T): T => {
      dateOf ??= pageDates(entries() ?? [], today);
      const date = dateOf(below(item.url, base));
      return date ? { ...item, lastmod: date.toISOString() } : item;
    },
  };
}
