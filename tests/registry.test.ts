/**
 * The registry of collections (src/schemas/collections.ts) says some things the schemas and the
 * pages could contradict: which fields hold images, which field names an entry, which pages exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCmsConfig } from '../cms/config.ts';
import { COLLECTION_REGISTRY, COLLECTIONS, collectionSpec, type CollectionName } from '../src/schemas/index.ts';
import { ROOT } from './helpers/project.ts';

type Field = { name: string; widget: string; fields?: Field[] };
const editorFields = (name: CollectionName): Field[] => {
  const config = buildCmsConfig() as { collections: { name: string; fields?: Field[]; files?: { fields: Field[] }[] }[] };
  const collection = config.collections.find((c) => c.name === name)!;
  return collection.fields ?? collection.files![0].fields;
};

describe('the registry of collections agrees with', () => {
  it.each(COLLECTIONS)('%s: the schema on which fields hold images', (name) => {
    const images = editorFields(name)
      .filter((f) => f.widget === 'image')
      .map((f) => f.name);
    expect(images).toEqual([...(collectionSpec(name).images?.fields ?? [])]);
  });

  it.each(COLLECTIONS)('%s: the schema on the field that names an entry', (name) => {
    const [top, inner] = collectionSpec(name).nameField.split('.');
    const field = editorFields(name).find((f) => f.name === top);
    expect(field, `${name}: нет поля ${top}`).toBeDefined();
    if (inner) expect(field!.fields?.map((f) => f.name)).toContain(inner);
  });

  it.each(COLLECTIONS)('%s: the pages, on its URL segment', (name) => {
    const segment = 'segment' in COLLECTION_REGISTRY[name] ? (COLLECTION_REGISTRY[name] as { segment: string }).segment : undefined;
    if (!segment) return expect(name).toBe('settings');
    expect(existsSync(join(ROOT, 'src/pages', segment, '[id].astro')), `src/pages/${segment}/[id].astro`).toBe(true);
  });
});
