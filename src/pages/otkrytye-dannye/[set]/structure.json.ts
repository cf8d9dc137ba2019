/** /otkrytye-dannye/<collection>/structure.json — the data set's structure as a JSON Schema: a program can check the JSON against it. */
import type { APIRoute } from 'astro';
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../../../schemas/collections.ts';
import { jsonSchema } from '../../../lib/open-data/structure.ts';
import { DATA_SET_TEXTS } from '../../../lib/open-data/passport.ts';
import { dataSetId, openDataPaths } from '../../../lib/open-data/paths.ts';

export function getStaticPaths() {
  return PUBLIC_COLLECTIONS.map((collection) => ({ params: { set: dataSetId(collection) }, props: { collection } }));
}

export const GET: APIRoute = ({ props, site }) => {
  const { collection } = props as { collection: PublicCollection };
  const schema = jsonSchema(
    collection,
    new URL(openDataPaths.structure(collection, 'json'), site).href,
    `${DATA_SET_TEXTS[collection].title}: структура набора`,
  );
  return new Response(JSON.stringify(schema, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
