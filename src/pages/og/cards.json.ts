/**
 * The build's list of share cards, for src/integrations/share-images.ts to render after the pages
 * (and to delete from dist/): the images themselves never go through Astro's page pipeline.
 */
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data.ts';
import { siteCards } from '../../og/site-cards.ts';
import type { ShareImageJob } from '../../og/pool.ts';

export const GET: APIRoute = async () => {
  const jobs: ShareImageJob[] = (await siteCards(await loadSite())).map(({ path, card }) => ({ output: `og/${path}.png`, card }));
  return new Response(JSON.stringify(jobs), { headers: { 'Content-Type': 'application/json' } });
};
