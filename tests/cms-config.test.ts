/**
 * The CMS configuration agrees with the schemas: every schema field has an editor field
 * and no editor field is extra; required-ness and allowed values are the same; references
 * are relation widgets to the right collection. Required-ness and allowed values are
 * established here by asking the schema itself (does it accept a missing value? this value?),
 * not by the walk that built the configuration.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { buildCmsConfig } from '../cms/config.ts';
import { latinId } from '../cms/latin-id.ts';
import { COLLECTIONS, ID_PATTERN, type CollectionName, plainTools, type SchemaTools, schemaFor } from '../src/schemas/index.ts';
import { checkContent } from '../src/integrity/check.ts';
import { readEntry } from '../src/integrity/read-entry.ts';
import { entryFileText } from '../src/lib/entry-file.ts';
import { fieldMeta } from '../src/schemas/field-names.ts';
import { decapWrite } from './helpers/decap-format.ts';
import { ROOT } from './helpers/project.ts';

type Field = {
  name: string;
  widget: string;
  required?: boolean;
  fields?: Field[];
  field?: Field;
  options?: { value: unknown }[];
  collection?: string;
  multiple?: boolean;
};
const config = buildCmsConfig() as { collections: { name: string; fields?: Field[]; files?: { fields: Field[] }[] }[] };
const fieldsOf = (collection: CollectionName) => {
  const c = config.collections.find((x) => x.name === collection)!;
  return (c.fields ?? c.files![0].fields).filter((f) => f.name !== 'body');
};

type Def = { type: string; [k: string]: any };
const def = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const peel = (s: z.ZodType): z.ZodType => (['optional', 'default'].includes(def(s).type) ? peel(def(s).innerType) : s);
const shapeOf = (s: z.ZodType): Record<string, z.ZodType> | undefined => {
  const d = def(peel(s));
  return d.type === 'object' ? d.shape : undefined;
};
/** Every reference, whatever its collection, accepts a Latin id and rejects «Не id». */
const REF_COLLECTION = new WeakMap<object, CollectionName>();
const taggingTools = {
  ...plainTools,
  ref: (collection: CollectionName) => {
    const s = plainTools.ref(collection).clone();
    REF_COLLECTION.set(s, collection);
    return s;
  },
};

function compare(collection: string, path: string, schemaShape: Record<string, z.ZodType>, fields: Field[]) {
  const names = fields.map((f) => f.name).filter((n) => !(path === '' && n === 'id'));
  expect(names.sort(), `${collection}:${path} — поля редактора`).toEqual(
    Object.keys(schemaShape)
      .filter((n) => !(path === '' && n === 'id'))
      .sort(),
  );
  for (const field of fields) {
    if (path === '' && field.name === 'id') continue;
    const schema = schemaShape[field.name];
    const where = `${collection}:${path}${field.name}`;
    // Required in the schema ⇔ required in the editor.
    const optional = schema.safeParse(undefined).success;
    expect(field.required !== false, `${where}: обязательность`).toBe(!optional);
    const inner = peel(schema);
    const d = def(inner);
    if (REF_COLLECTION.has(inner)) {
      expect([field.widget, field.collection], where).toEqual(['relation', REF_COLLECTION.get(inner)]);
    } else if (d.type === 'enum') {
      expect(field.widget, where).toBe('select');
      const values = field.options!.map((o) => o.value);
      for (const value of values) expect(inner.safeParse(value).success, `${where}: ${value}`).toBe(true);
      expect(inner.safeParse('net-takogo-znacheniya').success).toBe(false);
      expect(values.sort()).toEqual(Object.values(d.entries).sort());
    } else if (d.type === 'array') {
      const element = peel(d.element);
      if (REF_COLLECTION.has(element)) expect([field.widget, field.multiple, field.collection], where).toEqual(['relation', true, REF_COLLECTION.get(element)]);
      else if (shapeOf(element)) compare(collection, `${path}${field.name}.`, shapeOf(element)!, field.fields!);
      else if (def(element).type === 'enum') {
        // Several values of a closed list: one select to tick them in.
        expect([field.widget, field.multiple], where).toEqual(['select', true]);
        expect(field.options!.map((o) => o.value).sort()).toEqual(Object.values(def(element).entries).sort());
      } else expect(field.widget, where).toBe('list');
    } else if (fieldMeta(schema).hidden) {
      // Kept as the file has it, not shown (the settings' Git host): nothing inside to compare.
      expect(field.widget, where).toBe('hidden');
    } else if (shapeOf(inner)) {
      // A roadmap item's deadline is a group with a widget of its own that fills the dates from the text.
      expect(['object', 'deadline'], where).toContain(field.widget);
      compare(collection, `${path}${field.name}.`, shapeOf(inner)!, field.fields!);
    }
  }
}

describe('the CMS configuration is the schemas, for editors', () => {
  it.each(COLLECTIONS.map((c) => [c]))('%s: same fields, required-ness, allowed values and references', (collection) => {
    const schema = schemaFor(collection, taggingTools as unknown as SchemaTools);
    compare(collection, '', shapeOf(schema)!, fieldsOf(collection));
  });

  it('every folder collection names its files from an explicit Latin id checked against the schema pattern', () => {
    for (const c of config.collections.filter((x) => x.fields)) {
      const id = c.fields!.find((f) => f.name === 'id') as Field & { pattern: [string, string] };
      expect(id, c.name).toBeDefined();
      const pattern = new RegExp(id.pattern[0]);
      expect(pattern.test('shkola-5')).toBe(true);
      expect(pattern.test('Школа 5')).toBe(false);
    }
  });

  it('the mentor consent is required in the editor and explains why', () => {
    const consent = fieldsOf('mentors').find((f) => f.name === 'consent') as Field & { hint: string };
    expect(consent.required).not.toBe(false);
    expect(consent.hint).toMatch(/согласи/);
    const publication = consent.fields!.find((f) => f.name === 'publication') as Field & { pattern: [string, string] };
    expect(publication.required).not.toBe(false);
    expect(publication.pattern[0]).toBe('true');
  });
});

describe('nothing lost between the CMS and the build', () => {
  /** As Decap writes an entry: YAML, with the Markdown text after a frontmatter block. */
  /** Decap holds what its widgets produce: a date widget with format YYYY-MM-DD gives that string. */
  const asEditorValues = (value: unknown): unknown =>
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : Array.isArray(value)
        ? value.map(asEditorValues)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asEditorValues(v)]))
          : value;
  /** Decap's own serialiser (decap-cms-core's yaml and frontmatter formats). */
  const serialise = (collection: CollectionName, data: unknown, body?: string) =>
    decapWrite(collection, { ...(data as Record<string, unknown>), ...(body === undefined ? {} : { body }) });

  it('every entry of the site, written as the CMS writes it, reads back through the schema unchanged', () => {
    const { entries, problems } = checkContent(ROOT);
    expect(problems).toEqual([]);
    for (const entry of entries) {
      const raw = readEntry(entry.file, serialise(entry.collection, asEditorValues(entry.data), entry.body));
      const schema = schemaFor(entry.collection, plainTools);
      const reread = schema.parse(raw.data);
      expect(reread, entry.file).toEqual(entry.data);
      if (entry.body !== undefined) expect(raw.body?.trim(), entry.file).toBe(entry.body.trim());
    }
  });

  /**
   * An entry as an editor could fill it in through the configured widgets, with the
   * awkward strings editors type: quotes, colons, a leading dash or hash, line breaks.
   */
  const AWKWARD = ['Школа № 5: «лучшая» практика', '- не список', '# не заголовок', 'строка\nвторая строка', 'апостроф \' и "кавычки"', 'yes'];
  let counter = 0;
  function fill(field: Field & { pattern?: [string, string]; value_type?: string; format?: string; example?: string; schema_path?: string }): unknown {
    counter++;
    if (field.example) return field.example;
    if (field.name === 'id') return `zapis-${counter}`;
    switch (field.widget) {
      case 'relation':
        return field.multiple ? ['pervaya', 'vtoraya'] : 'pervaya';
      case 'select':
        return field.multiple ? field.options!.map((o) => o.value) : field.options![counter % field.options!.length].value;
      case 'datetime':
        // Later fields get later dates, so «с … по …» pairs stay in order.
        return new Date(Date.UTC(2020, 0, 1) + counter * 86_400_000).toISOString().slice(0, 10);
      case 'number':
        // A float field may still want a whole number (a count of people beside a percentage).
        return field.value_type === 'int' ? 2000 + (counter % 50) : /^figures\b.*\.value$/.test(field.schema_path ?? '') ? 12 : 12.5;
      case 'boolean':
        return field.pattern ? true : counter % 2 === 0;
      case 'image':
        return './photos/foto.jpg';
      case 'object':
      case 'deadline':
        return Object.fromEntries(field.fields!.map((f) => [f.name, fill(f)]));
      case 'list':
        return field.fields ? [0, 1].map(() => Object.fromEntries(field.fields!.map((f) => [f.name, fill(f)]))) : [fill(field.field!), fill(field.field!)];
      default:
        if (field.pattern?.[0].startsWith('^https')) return 'https://school.example/';
        if (field.pattern) return 'info@school.example';
        return AWKWARD[counter % AWKWARD.length];
    }
  }

  it.each(COLLECTIONS.map((c) => [c]))('a generated %s entry with every field filled survives the trip', (collection) => {
    const c = config.collections.find((x) => x.name === collection)!;
    // A hidden field is not filled in the editor: it keeps what the file has.
    const fields = ((c.fields ?? c.files![0].fields) as Field[]).filter((f) => f.widget !== 'hidden');
    const data = Object.fromEntries(fields.filter((f) => f.name !== 'body').map((f) => [f.name, fill(f)]));
    if (collection === 'mentors') Object.assign(data, { minor: false });
    if (collection === 'practices') Object.assign(data, { coverAlt: 'обложка' });
    const body = fields.some((f) => f.name === 'body') ? '## 1. Раздел\n\n1.1. Пункт: «текст» — с тире.\n' : undefined;
    const text = serialise(collection, data, body);
    // The importer and `npm run format:content` write what Decap writes.
    expect(entryFileText(collection, data, body)).toBe(text);
    const raw = readEntry(`x.${body === undefined ? 'yaml' : 'md'}`, text);
    const parsed = schemaFor(collection, plainTools).safeParse(raw.data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(asEditorValues(parsed.data)).toEqual(data);
    if (body) expect(raw.body?.trim()).toBe(body.trim());
  });
});

describe('the id the editor fills in from a Russian title', () => {
  it.each([
    ['Школа молодого педагога', 'shkola-molodogo-pedagoga'],
    ['Ёлкин Пётр', 'yolkin-pyotr'],
    ['Щукина Юлия', 'shchukina-yuliya'],
    ['МБОУ «СОШ № 5» г. Лесногорска', 'mbou-sosh-5-g-lesnogorska'],
    ['«Равный — равному»: подготовка к ОГЭ', 'ravnyy-ravnomu-podgotovka-k-oge'],
  ])('%s → %s', (title, id) => {
    expect(latinId(title)).toBe(id);
  });

  it('always fits the schema pattern and stays short, whatever the title', () => {
    for (const title of ['!!!', 'Очень '.repeat(40), 'Ъ-ь', 'IT-класс 2025', '  пробелы  по краям ']) {
      const id = latinId(title);
      if (id) expect(ID_PATTERN.test(id), title).toBe(true);
      expect(id.length).toBeLessThanOrEqual(60);
    }
  });
});
