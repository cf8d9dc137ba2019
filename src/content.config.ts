import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import type { CollectionName, SchemaTools } from './schemas/common.ts';
import { collectionFiles, contentRoot, schemaFactories } from './schemas/index.ts';

/** The file name (without extension) is the id: Latin, stable, and what the URL shows. */
const idFromFileName = ({ entry }: { entry: string }) => entry.replace(/\.[^.]+$/, '');

function collection<N extends CollectionName>(name: N) {
  const { dir, pattern } = collectionFiles[name];
  const factory = schemaFactories[name] as (tools: SchemaTools) => ReturnType<(typeof schemaFactories)[N]>;
  return defineCollection({
    loader: glob({ pattern, base: `./${contentRoot()}/${dir}`, generateId: idFromFileName }),
    schema: ({ image }) => factory({ ref: reference as unknown as SchemaTools['ref'], image }),
  });
}

export const collections = {
  organizations: collection('organizations'),
  forms: collection('forms'),
  regulations: collection('regulations'),
  roadmaps: collection('roadmaps'),
  practices: collection('practices'),
  mentors: collection('mentors'),
  settings: collection('settings'),
};
