/**
 * Links in the texts of entries (Markdown bodies) to pages of this section: a link to an entry
 * that does not exist (a practice deleted or renamed since the text was written) would be a 404 on
 * the site, so the check reports it with the file, as it reports a dangling reference.
 *
 * A link counts as one to this section when it is a path from the root («/praktiki/x/», with or
 * without the base path) or a full address under the site's own address (settings.siteUrl).
 */
import { normaliseBase } from '../lib/base-path.ts';
import { COLLECTION_REGISTRY, COLLECTIONS, type CollectionName } from '../schemas/collections.ts';
import type { CheckedEntry, ContentProblem } from './check.ts';

/** Every link target a Markdown text can hold: inline links and images, reference definitions, HTML href/src. */
const LINKS = [/\]\(\s*<?([^\s)>]+)/g, /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)/gm, /\b(?:href|src)\s*=\s*["']?([^"'\s>]+)/gi];

export function linksIn(text: string): string[] {
  return LINKS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]));
}

/** The collection and id a link points to, when it is a link to an entry page of this section. */
export function entryOfLink(link: string, options: { base: string; siteHost?: string }): { collection: CollectionName; id: string } | undefined {
  let path = link.split(/[?#]/)[0];
  if (options.siteHost && /^https?:\/\//i.test(path)) {
    let url: URL;
    try {
      url = new URL(path);
    } catch {
      return undefined;
    }
    if (url.host !== options.siteHost) return undefined;
    path = url.pathname;
  } else if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  try {
    path = decodeURI(path);
  } catch {
    return undefined;
  }
  if (options.base !== '/' && path.startsWith(options.base)) path = `/${path.slice(options.base.length)}`;
  const [segment, id, ...rest] = path.replace(/^\/+|\/+$/g, '').split('/');
  if (!segment || !id || rest.length) return undefined;
  const collection = BY_SEGMENT.get(segment);
  return collection ? { collection, id } : undefined;
}

/** Which collection a URL segment («praktiki») belongs to. */
const BY_SEGMENT = new Map(
  COLLECTIONS.flatMap((name) => {
    const { segment } = COLLECTION_REGISTRY[name] as { segment?: string };
    return segment ? [[segment, name] as const] : [];
  }),
);

/** The base path and the site's host, from the environment or the site settings among `entries`. */
export function linkOptions(entries: { collection: CollectionName; data: Record<string, unknown> }[], env: Record<string, string | undefined>) {
  const settings = entries.find((entry) => entry.collection === 'settings')?.data as { siteUrl?: string } | undefined;
  const siteUrl = env.SITE_URL || settings?.siteUrl;
  return { base: normaliseBase(env.BASE_PATH), siteHost: siteUrl && URL.canParse(siteUrl) ? new URL(siteUrl).host : undefined };
}

export function checkInternalLinks(entries: CheckedEntry[], problems: ContentProblem[], env: Record<string, string | undefined>) {
  const ids = new Map<CollectionName, Set<string>>(COLLECTIONS.map((name) => [name, new Set<string>()]));
  for (const entry of entries) ids.get(entry.collection)!.add(entry.id);
  const options = linkOptions(entries, env);
  for (const entry of entries) {
    if (!entry.body) continue;
    for (const link of new Set(linksIn(entry.body))) {
      const target = entryOfLink(link, options);
      if (!target || ids.get(target.collection)!.has(target.id)) continue;
      const { section, segment } = COLLECTION_REGISTRY[target.collection] as { section: string; segment: string };
      problems.push({
        file: entry.file,
        field: 'body',
        message: `ссылка в тексте «${link}» ведёт на несуществующую страницу: в разделе «${section}» нет записи «${target.id}» — исправьте адрес (страницы раздела: /${segment}/<идентификатор>/) или уберите ссылку`,
      });
    }
  }
}
