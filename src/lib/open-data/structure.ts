/**
 * The structure of each open data set: every field a record of /api/<collection>.json carries, with
 * its Russian name, kind of value and what it holds. Nothing here is written by hand twice: the
 * fields are those public-fields.ts declares public, their names the schema's own labels (the
 * words the editor shows, src/schemas/field-names.ts), their kinds read off the schema, and the
 * values a build adds (a page's address, a label, a count) described where public-fields.ts
 * declares them. The structure files (CSV as the open-data recommendations lay them out, and a
 * JSON Schema), the CSV's columns and the open-data page are all made from this one tree.
 *
 * Plain Node: no Astro imports, so the tests and scripts can read it.
 */
import { createHash } from 'node:crypto';
import type { z } from 'astro/zod';
import { idString, labelsOfKeys, plainTools, type RefFactory, type SchemaTools } from '../../schemas/common.ts';
import { COLLECTION_REGISTRY, schemaFor, type CollectionName, type PublicCollection } from '../../schemas/collections.ts';
import { fieldMeta } from '../../schemas/field-names.ts';
import { PUBLIC_FIELDS, type FieldPolicy } from '../public-fields.ts';
import { STATUS_LABELS } from '../roadmap.ts';

/** The kind of a value, in the words of the structure file's «format» column. */
export type FieldFormat = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'url' | 'number|string' | 'object';

export interface FieldSpec {
  /** The key in the record. */
  name: string;
  /** What it is called: the schema's label, or the description of a value the build adds. */
  title: string;
  /** The kind of each value (of each element, for a list). */
  format: FieldFormat;
  /** A list of such values (or of such groups). */
  list: boolean;
  /** Present in every record (a field the schema requires or fills with a default). */
  required: boolean;
  /** A closed list: each value's key and its Russian label. */
  values?: Record<string, string>;
  /** A reference to another data set's record, by its id. */
  ref?: CollectionName;
  /** The fields of a group (format 'object'). */
  fields?: FieldSpec[];
}

// ---- Reading the schemas (zod 4 definitions, read-only, as public-fields.ts does) ----

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly', 'catch']);
/** Wrappers after which the field may be missing from a record. */
const OPTIONAL = new Set(['optional', 'nullable']);

/** The value's own schema under wrappers and transforms, and whether a record may leave it out. */
function unwrap(schema: unknown): { inner: unknown; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type)) {
      // A default fills the value in before any wrapper inside it could leave it out.
      if (def.type === 'default' || def.type === 'prefault') return { inner: unwrap(def.innerType).inner, optional };
      if (OPTIONAL.has(def.type)) optional = true;
      current = def.innerType;
    } else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'lazy') current = (def.getter as () => unknown)();
    else return { inner: current, optional };
  }
}

/** A closed list's labels (labelledEnum records them by keys); a list made otherwise shows its keys. */
const labelsOf = (keys: string[]): Record<string, string> => labelsOfKeys(keys) ?? Object.fromEntries(keys.map((k) => [k, k]));

/** The references the schemas make, by their schema object: what each points to (see toolsWithRefs). */
const refTargets = new WeakMap<object, CollectionName>();
/** The plain tools, with each reference remembering the collection it points to. */
const toolsWithRefs: SchemaTools = {
  ...plainTools,
  ref: ((collection: CollectionName) => {
    const schema = idString.clone();
    refTargets.set(schema, collection);
    return schema;
  }) as unknown as RefFactory,
};
const schemas = new Map<CollectionName, z.ZodType>();
const schemaOf = (name: CollectionName) => {
  if (!schemas.has(name)) schemas.set(name, schemaFor(name, toolsWithRefs));
  return schemas.get(name)!;
};

/** The kind of a value schema: its format, closed list or reference. */
function kindOf(schema: unknown): Pick<FieldSpec, 'format' | 'values' | 'ref'> {
  const def = defOf(schema);
  const ref = refTargets.get(schema as object);
  if (ref) return { format: 'string', ref };
  switch (def.type) {
    case 'string':
      return { format: def.format === 'url' ? 'url' : 'string' };
    case 'number': {
      const checks = (def.checks as { _zod: { def: { format?: string } } }[] | undefined) ?? [];
      return { format: checks.some((c) => /int$/.test(c._zod.def.format ?? '')) ? 'integer' : 'number' };
    }
    case 'boolean':
    case 'literal':
      return { format: 'boolean' };
    case 'enum':
      return { format: 'string', values: labelsOf(Object.keys(def.entries as Record<string, string>)) };
    case 'date':
      return { format: 'date' };
    case 'union': {
      // A calendar date is a Date or the text of one (common.ts calendarDate); a target's value, a number or a text.
      const kinds = (def.options as unknown[]).map((o) => kindOf(unwrap(o).inner).format);
      if (kinds.includes('date')) return { format: 'date' };
      return { format: kinds.every((k) => k === kinds[0]) ? kinds[0] : 'number|string' };
    }
    default:
      return { format: 'string' };
  }
}

// ---- What a build adds or makes ----

/** Values the build makes rather than copies, and the kind of each: the rest are texts. */
const MADE: Record<string, Pick<FieldSpec, 'format' | 'values'>> = {
  url: { format: 'url' },
  report: { format: 'url' },
  table: { format: 'url' },
  signedOriginal: { format: 'url' },
  cover: { format: 'url' },
  photo: { format: 'url' },
  itemCount: { format: 'integer' },
  doneCount: { format: 'integer' },
  statusDate: { format: 'date' },
  effectiveStatus: { format: 'string', values: STATUS_LABELS },
};
/** Values the build adds only where there is something to say (public-data.ts): the rest it adds to every record. */
const SOMETIMES = new Set(['stageLabel', 'statusExplanation']);

function groupShape(schema: unknown): Record<string, unknown> {
  let inner = unwrap(schema).inner;
  if (defOf(inner).type === 'array') inner = unwrap(defOf(inner).element).inner;
  return defOf(inner).shape as Record<string, unknown>;
}

/** The fields of a group as published: the build's own first (id, url), then the schema's in their order, then the rest it adds. */
function fieldsOf(schema: unknown, policy: FieldPolicy): FieldSpec[] {
  const shape = groupShape(schema);
  const derived = Object.entries(policy.derived ?? {}).map(
    ([name, title]): FieldSpec => ({
      name,
      title,
      list: false,
      required: !SOMETIMES.has(name),
      ...(MADE[name] ?? { format: 'string' }),
    }),
  );
  const published = Object.entries(policy.published).map(([name, how]): FieldSpec => {
    const field = shape[name];
    const { inner, optional } = unwrap(field);
    const list = defOf(inner).type === 'array';
    const element = list ? unwrap(defOf(inner).element).inner : inner;
    const title = fieldMeta(field as z.ZodType).label ?? fieldMeta(element as z.ZodType).label ?? name;
    const base = { name, title, list, required: !optional && how !== 'made' };
    if (typeof how === 'object') return { ...base, format: 'object', fields: fieldsOf(field, how) };
    if (how === 'made') return { ...base, ...(MADE[name] ?? { format: 'string' }) };
    return { ...base, ...kindOf(element) };
  });
  const first = derived.filter((f) => f.name === 'id' || f.name === 'url');
  return [...first, ...published, ...derived.filter((f) => !first.includes(f))];
}

const structures = new Map<PublicCollection, FieldSpec[]>();

/** The fields of a record of the data set, in order, with their nested groups. */
export function structureOf(collection: PublicCollection): FieldSpec[] {
  if (!structures.has(collection)) structures.set(collection, fieldsOf(schemaOf(collection), PUBLIC_FIELDS[collection]));
  return structures.get(collection)!;
}

// ---- The structure as files ----

/** A field with its path (`approval.date`, `stages[].items[].title`), for the flat views. */
export interface FlatField extends FieldSpec {
  path: string;
  /** A column of the CSV: not inside a list. */
  column: boolean;
}

/** Every field at every level, groups opened: a group outside a list becomes its fields' columns. */
export function flatFields(fields: FieldSpec[], prefix = '', inList = false): FlatField[] {
  return fields.flatMap((f): FlatField[] => {
    const path = `${prefix}${f.name}`;
    if (f.format === 'object' && !f.list) return flatFields(f.fields!, `${path}.`, inList);
    const own: FlatField = { ...f, path, column: !inList };
    if (f.format !== 'object') return [own];
    return [own, ...flatFields(f.fields!, `${path}[].`, true)];
  });
}

/** The CSV's columns: the paths of the fields outside lists. */
export const csvColumns = (collection: PublicCollection) =>
  flatFields(structureOf(collection))
    .filter((f) => f.column)
    .map((f) => f.path);

const FORMAT_WORDS: Record<FieldFormat, string> = {
  string: 'текст',
  integer: 'целое число',
  number: 'число',
  boolean: 'да или нет (true / false)',
  date: 'дата ГГГГ-ММ-ДД',
  url: 'адрес (URL)',
  'number|string': 'число или текст',
  object: 'группа полей',
};

/** What a value is, in words: its kind, closed list or reference, and how a list sits in a CSV cell. */
export function describeField(f: FieldSpec & { column?: boolean }): string {
  const parts = [f.title];
  if (f.ref) parts.push(`id записи набора «${COLLECTION_REGISTRY[f.ref].label}»`);
  if (f.values)
    parts.push(
      `одно из: ${Object.entries(f.values)
        .map(([k, v]) => (k === v ? k : `${k} — ${v}`))
        .join(', ')}`,
    );
  // A reference or a closed list is text by its nature: its kind is said only for a list.
  const kind = f.ref || f.values ? '' : FORMAT_WORDS[f.format];
  if (f.list) parts.push(`список${kind ? ` (${kind})` : ''}${f.column ? '; в CSV — массив JSON в одной ячейке' : ''}`);
  else if (kind) parts.push(kind);
  if (!f.required) parts.push('может отсутствовать');
  return parts.join('; ');
}

/** The format column of the structure file: a list is an array. */
export const formatColumn = (f: FieldSpec) => (f.list ? 'array' : f.format);

/** The header of a structure file, as the open-data recommendations (version 3.0) lay it out. */
export const STRUCTURE_HEADER = ['field name', 'english description', 'russian description', 'format'] as const;

/** The rows of structure.csv: every field at every level. There is no English description to give: that column is empty. */
export const structureRows = (collection: PublicCollection): string[][] =>
  flatFields(structureOf(collection)).map((f) => [f.path, '', describeField(f), formatColumn(f)]);

type JsonSchema = Record<string, unknown>;

function valueSchema(f: FieldSpec): JsonSchema {
  const about = { title: f.title };
  if (f.format === 'object') return objectSchema(f.fields!);
  if (f.values) return { ...about, type: 'string', oneOf: Object.entries(f.values).map(([key, label]) => ({ const: key, title: label })) };
  switch (f.format) {
    case 'date':
      return { ...about, type: 'string', format: 'date', pattern: String.raw`^\d{4}-\d{2}-\d{2}$` };
    case 'url':
      return { ...about, type: 'string', format: 'uri', pattern: '^https?://' };
    case 'number|string':
      return { ...about, type: ['number', 'string'] };
    default:
      return { ...about, type: f.format };
  }
}

function objectSchema(fields: FieldSpec[]): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: fields.filter((f) => f.required).map((f) => f.name),
    properties: Object.fromEntries(
      fields.map((f) => {
        const value = valueSchema(f);
        const described = { ...(f.ref ? { description: `id записи набора «${COLLECTION_REGISTRY[f.ref].label}»` } : {}) };
        return [f.name, f.list ? { title: f.title, ...described, type: 'array', items: value } : { ...value, title: f.title, ...described }];
      }),
    ),
  };
}

/** The data set as a JSON Schema (draft 2020-12): an array of records, each field titled in Russian. */
export function jsonSchema(collection: PublicCollection, id: string, title: string): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title,
    type: 'array',
    items: objectSchema(structureOf(collection)),
  };
}

/**
 * The structure's version: the hash of its description, so it changes exactly when a field is
 * added, removed, renamed or changes kind. The code that defines the fields keeps no date of its
 * own that could stand here instead.
 */
export const structureVersion = (collection: PublicCollection) =>
  createHash('sha256')
    .update(JSON.stringify(structureRows(collection)))
    .digest('hex')
    .slice(0, 8);
