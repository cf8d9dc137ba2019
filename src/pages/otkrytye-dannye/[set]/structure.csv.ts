/**
 * /otkrytye-dannye/<collection>/structure.csv — the fields of a data set, as the recommendations
 * (version 3.0) lay a structure out; an organisation's share has the same fields and points here.
 */
import type { APIRoute } from 'astro';
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../../../schemas/collections.ts';
import { STRUCTURE_HEADER, structureRows } from '../../../lib/open-data/structure.ts';
import { tableCsv } from '../../../lib/open-data/csv.ts';
import { dataSetId } from '../../../lib/open-data/paths.ts';

export function getStaticPaths() {
  return PUBLIC_COLLECTIONS.map((collection) => ({ params: { set: dataSetId(collection) }, props: { collection } }));
}

export const GET: APIRoute = ({ props }) => {
  const { collection } = props as { collection: PublicCollection };
  return new Response(tableCsv([[...STRUCTURE_HEADER], ...structureRows(collection)]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
