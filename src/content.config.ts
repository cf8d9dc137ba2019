import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import type { SchemaContext } from 'astro/content/config';
import { markRefused } from './lib/dev-refused.ts';
import { COLLECTION_REGISTRY, COLLECTIONS, contentRoot, filePattern, type CollectionName, type SchemaOf, type SchemaTools } from './schemas/index.ts';

/** The file name (without extension) is the id: Latin, stable, and what the URL shows. */
const idFromFileName = ({ entry }: { entry: string }) => entry.replace(/\.[^.]+$/, '');

/**
 * In the dev server an entry its schema refuses must not stop the server (Astro would end it with
 * InvalidContentEntryDataError, and with it the editor that could fix the entry): the entry keeps
 * its data as written (marked, lib/dev-refused.ts), and the content-integrity middleware answers every page with the problems
 * until they are fixed. The build stays strict: its check refuses such content before any page.
 */
const survivable = <S>(schema: S): S =>
  import.meta.env.DEV ? ((schema as unknown as z.ZodType).catch((ctx: { input: unknown }) => markRefused(ctx.input) as never) as unknown as S) : schema;

function collection<N extends CollectionName>(name: N) {
  const factory = COLLECTION_REGISTRY[name].schema as (tools: SchemaTools) => SchemaOf<N>;
  return defineCollection({
    loader: glob({ pattern: filePattern(name), base: `./${contentRoot()}/${COLLECTION_REGISTRY[name].dir}`, generateId: idFromFileName }),
    // Our declared reference type is Astro's output type; declaring it here keeps the schema types free of a cycle through astro:content.
    schema: ({ image }) => survivable(factory({ ref: reference as unknown as SchemaTools['ref'], image })),
  });
}

/** Every collection of the registry (src/schemas/collections.ts), each with its schema's exact type. */
export const collections = Object.fromEntries(COLLECTIONS.map((name) => [name, collection(name)])) as {
  [N in CollectionName]: ReturnType<typeof collection<N>> & { schema: (context: SchemaContext) => SchemaOf<N> };
};
