import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSite } from '../lib/data.ts';
import { routes } from '../lib/url.ts';

const FEED_SIZE = 50;

export const GET: APIRoute = async ({ site }) => {
  const s = await loadSite();
  return rss({
    title: `${s.settings.title}: лучшие практики`,
    description: s.settings.tagline,
    // The channel's link is the practice bank itself, under the base path.
    site: new URL(routes.practices(), site).href,
    customData: '<language>ru</language>',
    // The newest practices only (loadSite lists them newest first): readers fetch the feed
    // again and again, and a district's thousands of practices would make it megabytes.
    items: s.practices.slice(0, FEED_SIZE).map((p) => ({
      title: p.data.title,
      link: routes.practice(p.id),
      pubDate: p.data.published,
      description: p.data.summary,
      categories: p.data.forms.map((f) => s.form(f.id).data.title),
    })),
  });
};
