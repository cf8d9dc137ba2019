/** The share images (1200×630 PNG), one per material page and one for the section. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../lib/data.ts';
import { cachedCardPng } from '../../og/cache.ts';
import { siteCards } from '../../og/site-cards.ts';
import type { Card } from '../../og/card.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return (await siteCards(site)).map(({ path, card }) => ({ params: { path }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, params }) =>
  new Response(new Uint8Array(await cachedCardPng((props as { card: Card }).card, `og/${params.path}.png`)), { headers: { 'Content-Type': 'image/png' } });
