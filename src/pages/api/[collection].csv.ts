/** /api/<collection>.csv — the same records as /api/<collection>.json, as a table (src/lib/open-data/csv.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data.ts';
import { publicCollection, PUBLIC_COLLECTIONS } from '../../lib/public-data.ts';
import { dataCsv } from '../../lib/open-data/csv.ts';
import type { PublicCollection } from '../../schemas/collections.ts';

export function getStaticPaths() {
  return PUBLIC_COLLECTIONS.map((collection) => ({ params: { collection } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const collection = params.collection as PublicCollection;
  const data = await publicCollection(collection, await loadSite(), site!);
  return new Response(dataCsv(collection, data), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
