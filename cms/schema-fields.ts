/**
 * Decap CMS fields derived from the collections' zod schemas, so that the editor and
 * the build can never disagree on which fields exist, which are required, which values
 * are allowed and how a field is called: labels, hints and text areas are the schemas'
 * metadata too (src/schemas/field-names.ts).
 */
import { z } from 'astro/zod';
import { idString, type CollectionName, type ImageFactory, type RefFactory, type SchemaTools } from '../src/schemas/common.ts';
import { collectionSpec } from '../src/schemas/collections.ts';
import { editorLabel, fieldMeta } from '../src/schemas/field-names.ts';
import * as vocabulary from '../src/schemas/vocabulary.ts';

export type DecapField = Record<string, unknown> & { name: string; label: string; widget: string };

const refs = new WeakMap<object, CollectionName>();
const images = new WeakSet<object>();

/** Schema tools that leave a mark on references and images, for the walk below to find. */
export const cmsTools: SchemaTools = {
  // The editor stores an id and a path: what a file holds, not what Astro makes of it.
  ref: ((collection: CollectionName) => {
    const schema = idString.clone();
    refs.set(schema, collection);
    return schema;
  }) as unknown as RefFactory,
  image: (() => {
    const schema = z.string().min(1);
    images.add(schema);
    return schema;
  }) as unknown as ImageFactory,
};

/** Russian labels of every closed list, found by the enum schema they belong to. */
const enumLabels = new Map<object, Record<string, string>>(
  (Object.values(vocabulary) as unknown[])
    .filter((v): v is { schema: z.ZodType; labels: Record<string, string> } => typeof v === 'object' && v !== null && 'schema' in v && 'labels' in v)
    .map((v) => [v.schema, v.labels]),
);

type Def = { type: string; [key: string]: any };

/** The schema's longest length, as a pattern Decap checks before saving: the build's limit, said in the editor. */
function lengthPattern(d: Def): { pattern?: [string, string] } {
  const max = (d.checks ?? [])
    .map((check: { _zod: { def: { check: string; maximum?: number } } }) => check._zod.def)
    .find((c: { check: string }) => c.check === 'max_length')?.maximum;
  return max ? { pattern: [`^[\\s\\S]{0,${max}}$`, `не длиннее ${max} символов`] } : {};
}
const def = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * A mark (reference, image, closed list) on a schema or on the schema it was copied from:
 * `.meta({ hint })` on a closed list hands back a copy, which is still that list.
 */
function marked<T>(schema: z.ZodType, find: (s: object) => T | undefined): T | undefined {
  for (let s: z.ZodType | undefined = schema; s; s = (s as { _zod: { parent?: z.ZodType } })._zod.parent) {
    const found = find(s);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Peels optional/default wrappers: what remains is the value's own schema. */
export function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; defaultValue?: unknown } {
  let current = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    const d = def(current);
    if (d.type === 'optional') required = false;
    else if (d.type === 'default') {
      required = false;
      defaultValue = typeof d.defaultValue === 'function' ? d.defaultValue() : d.defaultValue;
    } else break;
    current = d.innerType;
  }
  return { inner: current, required, defaultValue };
}

const isDate = (d: Def) => d.type === 'pipe' && def(d.in).type === 'union' && def(d.in).options.some((o: unknown) => def(o).type === 'date');
const isInteger = (d: Def) => (d.checks ?? []).some((c: any) => c._zod?.def?.format === 'safeint');

/** Which kind of value a schema describes, in the terms the CMS needs. */
export function kindOf(schema: z.ZodType): string {
  if (marked(schema, (s) => refs.get(s))) return 'relation';
  if (marked(schema, (s) => (images.has(s) ? true : undefined))) return 'image';
  const d = def(schema);
  if (isDate(d)) return 'date';
  if (d.type === 'enum') return 'select';
  return d.type;
}

/** Allowed values of an enum or literal field, as the schema has them. */
export function allowedValues(schema: z.ZodType): unknown[] | undefined {
  const d = def(schema);
  if (d.type === 'enum') return Object.values(d.entries);
  if (d.type === 'literal') return d.values;
  return undefined;
}

export function fieldsOf(collection: CollectionName, schema: z.ZodType, path: string[] = []): DecapField[] {
  const d = def(schema);
  if (d.type !== 'object') throw new Error(`${collection}: ожидался объект в ${path.join('.') || 'корне'}`);
  return Object.entries(d.shape as Record<string, z.ZodType>).map(([name, field]) => fieldOf(collection, name, field, [...path, name]));
}

/** The name the schema gives the field, as the editor shows it; a field without one shows its key (tests/field-labels.test.ts fails on it). */
const labelOf = (schema: z.ZodType, name: string) => {
  const { label } = fieldMeta(schema);
  return label ? editorLabel(label) : name;
};

function fieldOf(collection: CollectionName, name: string, schema: z.ZodType, path: string[]): DecapField {
  const { inner, required, defaultValue } = unwrap(schema);
  const key = path.join('.');
  const { hint, long, pattern, upload, hidden } = fieldMeta(schema);
  const base = {
    name,
    label: labelOf(schema, name),
    // Where the field sits in the entry («stages.*.items.*.deadline»): the editor's check finds the schema's message for it there (src/admin/validation.ts).
    schema_path: key,
    required,
    ...(hint ? { hint } : {}),
    ...(defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0) ? { default: defaultValue } : {}),
  };
  // Decap's hidden widget shows nothing and saves the value as the file had it.
  if (hidden) return { ...base, widget: 'hidden' };
  const kind = kindOf(inner);
  const d = def(inner);
  switch (kind) {
    case 'relation':
      return { ...base, widget: 'relation', ...relationTo(marked(inner, (s) => refs.get(s))!) };
    case 'image':
      return { ...base, widget: 'image', choose_url: false };
    case 'date':
      return { ...base, widget: 'datetime', date_format: 'DD.MM.YYYY', time_format: false, format: 'YYYY-MM-DD', picker_utc: true };
    case 'select': {
      const labels = marked(inner, (s) => enumLabels.get(s)) ?? {};
      return { ...base, widget: 'select', options: Object.values(d.entries).map((value) => ({ value, label: labels[value as string] ?? String(value) })) };
    }
    case 'literal':
      // The only literal is consent.publication: true — a box the editor must tick.
      return { ...base, widget: 'boolean', default: false, pattern: ['true', 'без письменного согласия человека публиковать нельзя'] };
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'number':
      return { ...base, widget: 'number', value_type: isInteger(d) ? 'int' : 'float' };
    case 'union':
      return { ...base, widget: 'string' };
    case 'string':
      if (d.format === 'url') return { ...base, widget: 'string', pattern: ['^https?://.+', 'полный адрес, например https://school.ru/'] };
      if (d.format === 'email') return { ...base, widget: 'string', pattern: ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'адрес электронной почты'] };
      // A file in the entry's own folder, as images are (cms/media.ts): `{{filename}}` is the entry's id.
      if (upload) {
        const folder = `${upload}/{{filename}}`;
        return {
          ...base,
          widget: 'file',
          choose_url: false,
          media_folder: folder,
          public_folder: `./${folder}`,
          ...(pattern ? { example: pattern.example } : {}),
        };
      }
      if (pattern) return { ...base, widget: 'string', pattern: [pattern.regex, pattern.message], example: pattern.example };
      return { ...base, widget: long ? 'text' : 'string', ...lengthPattern(d) };
    case 'object':
      // A roadmap item's deadline: the text fills its dates as it is typed (src/admin/deadline-widget.ts).
      return { ...base, widget: name === 'deadline' ? 'deadline' : 'object', collapsed: false, fields: fieldsOf(collection, inner, path) };
    case 'array':
      return { ...base, ...listOf(collection, base.label, d.element, path) };
    default:
      throw new Error(`${collection}.${key}: нет виджета для типа «${kind}»`);
  }
}

/** A list's widget: its items are entries of another collection, groups of fields or single values labelled as the list. */
function listOf(collection: CollectionName, label: string, element: z.ZodType, path: string[]): Record<string, unknown> & { widget: string } {
  const { inner } = unwrap(element);
  const kind = kindOf(inner);
  if (kind === 'relation') return { widget: 'relation', multiple: true, ...relationTo(marked(inner, (s) => refs.get(s))!) };
  // Several values of a closed list («не заполнено в документе: дата, номер»): one select to tick them in, not a list to add to.
  if (kind === 'select') {
    const { name: _n, label: _l, required: _r, hint: _h, ...field } = fieldOf(collection, 'value', inner, [...path, '*']);
    return { ...field, widget: 'select', multiple: true };
  }
  if (kind === 'object') {
    const fields = fieldsOf(collection, inner, [...path, '*']);
    return { widget: 'list', fields, summary: listSummary(fields), collapsed: true };
  }
  const { name: _n, label: _l, required: _r, hint: _h, ...field } = fieldOf(collection, 'value', inner, [...path, '*']);
  // A collapsed item shows its own text, not the list's label.
  return { widget: 'list', summary: '{{fields.value}}', field: { name: 'value', label, ...field } };
}

/** Readable one-line summaries of list items, e.g. «2.1 · Анкетирование обучающихся · январь 2023». */
function listSummary(fields: DecapField[]): string {
  const has = (n: string) => fields.some((f) => f.name === n);
  if (has('deadline')) return '{{fields.number}} · {{fields.title}} · {{fields.deadline.text}}';
  if (has('number') && has('title')) return '{{fields.number}} · {{fields.title}}';
  if (has('indicator')) return '{{fields.indicator}}';
  if (has('title')) return '{{fields.title}}';
  return `{{fields.${fields[0].name}}}`;
}

function relationTo(collection: CollectionName) {
  const display = collectionSpec(collection).nameField;
  return {
    collection,
    value_field: '{{slug}}',
    search_fields: collection === 'mentors' ? ['name.last', 'name.first'] : [display],
    display_fields: collection === 'mentors' ? ['{{name.first}} {{name.last}}'] : [display],
    options_length: 50,
  };
}
