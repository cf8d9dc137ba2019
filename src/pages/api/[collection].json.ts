/** /api/<collection>.json — a collection's public fields, as declared in src/lib/public-fields.ts. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data.ts';
import { publicCollection, PUBLIC_COLLECTIONS } from '../../lib/public-data.ts';

export function getStaticPaths() {
  return PUBLIC_COLLECTIONS.map((collection) => ({ params: { collection } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const data = await publicCollection(params.collection!, await loadSite(), site!);
  return new Response(JSON.stringify(data, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
