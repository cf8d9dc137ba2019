/**
 * /otkrytye-dannye/list.csv — the register of data sets as the open-data recommendations (version
 * 3.0) lay it out: one row per set, its identifier, title, the address of its passport and the
 * passport's format.
 */
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data.ts';
import { publishedSets } from '../../lib/open-data/datasets.ts';
import { tableCsv } from '../../lib/open-data/csv.ts';
import { openDataPaths } from '../../lib/open-data/paths.ts';

export const GET: APIRoute = async ({ site }) => {
  const sets = await publishedSets(await loadSite(), site!);
  const rows = sets.map(({ set, passport }) => [set.identifier, passport.title, new URL(openDataPaths.meta(set.identifier, 'csv'), site).href, 'csv']);
  return new Response(tableCsv([['property', 'title', 'value', 'format'], ...rows]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
