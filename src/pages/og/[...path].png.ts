/**
 * The share images on the dev server, one request at a time. A build makes none here: it renders
 * them all after the pages, on every core (src/integrations/share-images.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../lib/data.ts';
import { cachedCardPng } from '../../og/cache.ts';
import { siteCards } from '../../og/site-cards.ts';
import type { Card } from '../../og/card.ts';

export const getStaticPaths = (async () => {
  if (import.meta.env.PROD) return [];
  const site = await loadSite();
  return (await siteCards(site)).map(({ path, card }) => ({ params: { path }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await cachedCardPng((props as { card: Card }).card)), { headers: { 'Content-Type': 'image/png' } });
