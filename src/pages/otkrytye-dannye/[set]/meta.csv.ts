/** /otkrytye-dannye/<identifier>/meta.csv — a data set's passport in the recommendations' «property,value» form. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../lib/data.ts';
import { dataSets, publishedSets } from '../../../lib/open-data/datasets.ts';
import { metaCsv } from '../../../lib/open-data/passport.ts';
import { structureVersion } from '../../../lib/open-data/structure.ts';

export async function getStaticPaths() {
  return dataSets(await loadSite()).map((set) => ({ params: { set: set.identifier } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const { set, passport } = (await publishedSets(await loadSite(), site!)).find((s) => s.set.identifier === params.set)!;
  return new Response(metaCsv(passport, structureVersion(set.collection)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
