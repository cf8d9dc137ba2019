import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '../lib/data.ts';
import { buildDate } from '../lib/build-date.ts';
import { feedLastBuildDate } from '../lib/open-data/feed.ts';
import { routes } from '../lib/url.ts';

const FEED_SIZE = 50;

export const GET: APIRoute = async ({ site }) => {
  const s = await loadSite();
  // The newest practices only (loadSite lists them newest first): readers fetch the feed
  // again and again, and a district's thousands of practices would make it megabytes.
  const items = s.practices.slice(0, FEED_SIZE);
  const self = new URL(routes.rss(), site).href;
  const lastBuild = feedLastBuildDate(
    items.map((p) => p.data.published),
    buildDate(),
  );
  return rss({
    title: `${s.settings.title}: лучшие практики`,
    description: s.settings.tagline,
    // The channel's link is the practice bank itself, under the base path.
    site: new URL(routes.practices(), site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    // The feed's own address (RSS Advisory Board: atom:link rel="self"), and when its content last changed.
    customData: `<language>ru</language><lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    items: items.map((p) => ({
      title: p.data.title,
      link: routes.practice(p.id),
      pubDate: p.data.published,
      description: p.data.summary,
      categories: p.data.forms.map((f) => s.form(f.id).data.title),
    })),
  });
};
