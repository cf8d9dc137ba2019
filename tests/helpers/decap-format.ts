/**
 * Decap CMS's own file formats, loaded from decap-cms-core (vite resolves its
 * extensionless imports): what the editor reads from a file and writes back on save,
 * without a browser. The entry passes through Immutable as in the editor's store.
 */
// @ts-expect-error decap-cms-core ships no types for its format modules
import yamlFormat from 'decap-cms-core/dist/esm/formats/yaml.js';
// @ts-expect-error see above
import { frontmatterYAML } from 'decap-cms-core/dist/esm/formats/frontmatter.js';
import { fromJS } from 'immutable';
import { buildCmsConfig } from '../../cms/config.ts';
import type { CollectionName } from '../../src/schemas/common.ts';

interface Format {
  fromFile(text: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys: string[], comments: Record<string, string>): string;
}
type Collection = { name: string; format?: string; fields?: { name: string }[]; files?: { fields: { name: string }[] }[] };
const collections = (buildCmsConfig() as { collections: Collection[] }).collections;

function formatOf(collection: CollectionName): { format: Format; order: string[] } {
  const c = collections.find((x) => x.name === collection)!;
  const fields = c.fields ?? c.files![0].fields;
  return { format: c.format === 'yaml-frontmatter' ? frontmatterYAML() : yamlFormat, order: fields.map((f) => f.name) };
}

/** What Decap holds after opening a file: its fields, and `body` for Markdown collections. */
export function decapRead(collection: CollectionName, text: string): Record<string, unknown> {
  return formatOf(collection).format.fromFile(text);
}

/** What Decap writes for an entry's data (as in backend.entryToRaw). */
export function decapWrite(collection: CollectionName, data: Record<string, unknown>): string {
  const { format, order } = formatOf(collection);
  const text = format.toFile(fromJS(data).toJS() as Record<string, unknown>, order, {});
  return text.endsWith('\n') ? text : `${text}\n`;
}
