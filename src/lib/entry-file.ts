/**
 * Content files in the exact form Decap CMS writes them. When the importer, a script
 * and the editor all write the same text, saving one change in the editor changes
 * only that field in the file, and `git diff` shows what the editor did, nothing else.
 * tests/entry-file.test.ts holds this module to Decap's own serialiser.
 */
import type { z } from 'astro/zod';
import { fromJS } from 'immutable';
import { Document } from 'yaml';
import { plainTools, type CollectionName } from '../schemas/common.ts';
import { schemaFor } from '../schemas/collections.ts';

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; in?: z.ZodType };
const def = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** The object or array schema under optional/default/pipe wrappers, if any. */
function structural(schema: z.ZodType | undefined): Def | undefined {
  let current = schema;
  while (current) {
    const d = def(current);
    if (d.type === 'object' || d.type === 'array') return d;
    current = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
  }
  return undefined;
}

/**
 * Keys in the order the schema declares them, at every depth: the order of the editor's
 * fields. Decap sorts the top level by that order and keeps nested keys as it read them.
 */
function ordered(value: unknown, schema: z.ZodType | undefined, depth = Infinity): unknown {
  const d = structural(schema);
  if (depth <= 0) return value;
  if (Array.isArray(value)) return value.map((v) => ordered(v, d?.type === 'array' ? d.element : undefined, depth));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const shape = d?.type === 'object' ? d.shape! : {};
  const known = Object.keys(shape).filter((k) => k in value);
  const rest = Object.keys(value).filter((k) => !(k in shape));
  return Object.fromEntries([...known, ...rest].map((k) => [k, ordered((value as Record<string, unknown>)[k], shape[k], depth - 1)]));
}

/** Decap's YAML: the `yaml` library's defaults (80-column folding, plain scalars where safe). */
function yamlText(data: unknown): string {
  return new Document(data).toString();
}

/**
 * Decap keeps an entry as an Immutable Map, whose iteration order is the insertion order
 * up to 8 keys and a hash order beyond (a roadmap item with all 9 fields). Passing the
 * data through the same structure gives the order Decap will write back.
 */
const asDecapHoldsIt = (data: unknown): unknown => (fromJS(data) as { toJS(): unknown }).toJS();

/**
 * The file text of an entry: YAML, or for collections with a Markdown text, YAML between
 * «---» lines followed by the text — as Decap's yaml and frontmatter formats write them.
 */
export function entryFileText(collection: CollectionName, data: Record<string, unknown>, body?: string): string {
  const schema = schemaFor(collection, plainTools);
  // Decap then sorts the top level by the order of the editor's fields.
  const held = asDecapHoldsIt(ordered(data, schema)) as Record<string, unknown>;
  const fields = ordered(held, schema, 1);
  if (body === undefined) return ensureNewline(yamlText(fields));
  const meta = yamlText(fields).trim();
  // Decap (via gray-matter) ends each part with one line break and keeps the text as it is.
  return ensureNewline(`---\n${meta}\n---\n${body}`);
}

const ensureNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
