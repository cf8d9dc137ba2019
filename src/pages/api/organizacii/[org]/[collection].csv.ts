/** /api/organizacii/<id>/<collection>.csv — one organisation's share of a data set, as a table. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../../lib/data.ts';
import { dataSets, recordsOf } from '../../../../lib/open-data/datasets.ts';
import { dataCsv } from '../../../../lib/open-data/csv.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return dataSets(site)
    .filter((set) => set.organization)
    .map((set) => ({ params: { org: set.organization!.id, collection: set.collection }, props: { set } }));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { set } = props as { set: ReturnType<typeof dataSets>[number] };
  return new Response(dataCsv(set.collection, await recordsOf(set, await loadSite(), site!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
