/** /otkrytye-dannye/<identifier>/meta.json — the same passport as meta.csv, for programs. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../lib/data.ts';
import { dataSets, publishedSets } from '../../../lib/open-data/datasets.ts';

export async function getStaticPaths() {
  return dataSets(await loadSite()).map((set) => ({ params: { set: set.identifier } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const { passport } = (await publishedSets(await loadSite(), site!)).find((s) => s.set.identifier === params.set)!;
  return new Response(JSON.stringify(passport, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
