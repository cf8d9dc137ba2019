/**
 * The open data as CSV, as the open-data recommendations ask: UTF-8, comma-separated, a header of
 * the fields' names (their meaning is in the structure file), one row per record, lines ended by
 * CRLF (RFC 4180). A group of fields outside a list becomes its fields' columns («approval.date»);
 * a list — of values or of groups — is one cell holding it as a JSON array, so that the table
 * keeps everything the JSON has and a program can read it back.
 */
import { stringify } from 'csv-stringify/sync';
import type { PublicCollection } from '../../schemas/collections.ts';
import { neutraliseCell } from '../exports.ts';
import { flatFields, structureOf } from './structure.ts';

type Json = Record<string, unknown>;

/** The value at a dotted path of a record («approval.date»). */
export const valueAt = (record: Json, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Json)[key] : undefined), record);

/**
 * A cell's text. A text a spreadsheet would read as a formula gets the apostrophe the site's other
 * tables give it (exports.ts neutraliseCell); numbers, dates and lists are never altered.
 */
export function cellOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'string') return neutraliseCell(value);
  return String(value);
}

/**
 * A cell holding a built image's address is quoted: the build renames images after the pages are
 * written (src/integrations/published-images.ts) and finds their addresses up to a quote or a
 * space, not up to the comma after them — unquoted, the address would keep the uploaded file's name.
 */
const QUOTED = /_astro\//;

/** The records of a data set as a CSV table; no records, the header alone. */
export function dataCsv(collection: PublicCollection, records: readonly Json[]): string {
  const columns = flatFields(structureOf(collection))
    .filter((f) => f.column)
    .map((f) => f.path);
  return stringify([columns, ...records.map((record) => columns.map((path) => cellOf(valueAt(record, path))))], {
    record_delimiter: 'windows',
    quoted_match: QUOTED,
  });
}

/** A two-column table (the passport, the register, the structure) in the same dialect. */
export const tableCsv = (rows: readonly (readonly string[])[]): string => stringify(rows as string[][], { record_delimiter: 'windows' });
