/** /api/organizacii/<id>/<collection>.json — one organisation's share of a feed, for schools that render their own. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../../lib/data.ts';
import { publicCollection } from '../../../../lib/public-data.ts';
import { OWNED_COLLECTIONS } from '../../../../schemas/collections.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return site.organizations.flatMap((o) => OWNED_COLLECTIONS.map((collection) => ({ params: { org: o.id, collection } })));
}

export const GET: APIRoute = async ({ params, site }) => {
  const all = await publicCollection(params.collection!, await loadSite(), site!);
  const own = all.filter((entry) => (entry as { organization?: string }).organization === params.org);
  return new Response(JSON.stringify(own, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
