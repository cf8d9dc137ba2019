/**
 * What the open data's structure must be, derived here from the schemas and the declaration of
 * public fields on its own — not through src/lib/open-data/structure.ts, which the tests check
 * against it: every published field at every level, named as the schema names it (the editor's
 * label), every value the build adds, named as public-fields.ts describes it; a group outside a
 * list opened into its fields, a list one field (one CSV column) with its elements' fields below it.
 */
import { parse } from 'csv-parse/sync';
import type { z } from 'astro/zod';
import { neutraliseCell } from '../../src/lib/exports.ts';
import { PUBLIC_FIELDS, type FieldPolicy, type PublicCollection } from '../../src/lib/public-fields.ts';
import { fieldMeta, plainTools, schemaFor, valueSchema } from '../../src/schemas/index.ts';

export interface ExpectedField {
  path: string;
  title: string;
  /** A column of the CSV (not inside a list). */
  column: boolean;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

function walk(schema: z.ZodType, policy: FieldPolicy, prefix: string, inList: boolean): ExpectedField[] {
  let value = valueSchema(schema);
  if (defOf(value).type === 'array') value = valueSchema(defOf(value).element!);
  const shape = defOf(value).shape!;
  const fields: ExpectedField[] = [];
  for (const [name, how] of Object.entries(policy.published)) {
    const field = shape[name];
    const inner = valueSchema(field);
    const list = defOf(inner).type === 'array';
    const title = fieldMeta(field).label ?? fieldMeta(list ? defOf(inner).element! : inner).label ?? name;
    const path = `${prefix}${name}`;
    if (typeof how === 'object' && !list) fields.push(...walk(field, how, `${path}.`, inList));
    else {
      fields.push({ path, title, column: !inList });
      if (typeof how === 'object') fields.push(...walk(field, how, `${path}[].`, true));
    }
  }
  for (const [name, text] of Object.entries(policy.derived ?? {})) fields.push({ path: `${prefix}${name}`, title: text, column: !inList });
  return fields;
}

export const expectedFields = (collection: PublicCollection): ExpectedField[] => walk(schemaFor(collection, plainTools), PUBLIC_FIELDS[collection], '', false);

/** A CSV file of the open data, parsed as RFC 4180 (comma, quotes, CRLF). */
export const parseCsv = (text: string): string[][] => parse(text, { bom: false, relax_column_count: false }) as string[][];

/** What a CSV cell must hold for a JSON value (src/lib/open-data/csv.ts: lists as JSON, formulas neutralised). */
export function expectedCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'string') return neutraliseCell(value);
  return String(value);
}

/** The value at a dotted path of a record. */
export const at = (record: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
