/**
 * Every field is called once, in its schema (src/schemas/field-names.ts): the editor shows that
 * name with a capital letter, and an error message quotes the same words. No field of the
 * editor shows its raw key («pairs», «showPhoto»), no schema field lacks a Russian name, and
 * the editor and the build's messages do not call one field two ways (issue 16, part 3).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { buildCmsConfig } from '../cms/config.ts';
import { COLLECTIONS, editorLabel, fieldMeta, plainTools, schemaFor, valueSchema, type CollectionName } from '../src/schemas/index.ts';

type Field = { name: string; label: string; widget: string; fields?: Field[]; field?: Field };
type Collection = { name: CollectionName; fields?: Field[]; files?: { fields: Field[] }[] };
const config = buildCmsConfig() as { collections: Collection[] };

/** Every field of the editor, with its path: `stages.items.title`, and `years[]` for a list's single value. */
function editorFields(fields: Field[], path = ''): { path: string; field: Field }[] {
  return fields.flatMap((field) => {
    const at = `${path}${field.name}`;
    return [
      { path: at, field },
      ...(field.fields ? editorFields(field.fields, `${at}.`) : []),
      ...(field.field ? [{ path: `${at}[]`, field: field.field }, ...(field.field.fields ? editorFields(field.field.fields, `${at}[].`) : [])] : []),
    ];
  });
}
const collectionFields = (c: Collection) => editorFields(c.fields ?? c.files!.flatMap((f) => f.fields));

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const def = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every field of a schema, at every depth (a list's items are groups of fields or single values), with its path. */
function schemaFields(schema: z.ZodType, path = ''): { path: string; schema: z.ZodType }[] {
  const d = def(valueSchema(schema));
  if (d.type === 'array') return schemaFields(d.element!, path);
  if (d.type !== 'object') return [];
  return Object.entries(d.shape!).flatMap(([name, field]) => [{ path: `${path}${name}`, schema: field }, ...schemaFields(field, `${path}${name}.`)]);
}

const CYRILLIC = /[а-яё]/i;

describe('every field has a Russian name, said once', () => {
  it.each(COLLECTIONS.map((c) => [c]))('%s: the editor shows no raw key as a label', (name) => {
    const collection = config.collections.find((c) => c.name === name)!;
    const raw = collectionFields(collection)
      .filter(({ field }) => !field.label || field.label === field.name || !CYRILLIC.test(field.label))
      .map(({ path, field }) => `${path}: «${field.label}»`);
    expect(raw, `${name}: поля без русской подписи`).toEqual([]);
  });

  it.each(COLLECTIONS.map((c) => [c]))('%s: every schema field records its Russian name, and the editor shows exactly it', (name) => {
    const fields = schemaFields(schemaFor(name, plainTools));
    expect(fields.length).toBeGreaterThan(3);
    const unnamed = fields.filter(({ schema }) => !CYRILLIC.test(fieldMeta(schema).label ?? '')).map(({ path }) => path);
    expect(unnamed, `${name}: поля схемы без русского названия (text('…'), .meta({ label: '…' }) или named())`).toEqual([]);

    const shown = new Map(
      collectionFields(config.collections.find((c) => c.name === name)!).map(({ path, field }) => [path.replace(/\[\]/g, ''), field.label]),
    );
    // Inside a hidden field (the settings' Git host) the editor shows nothing: only the field itself has its name there.
    const hidden = fields.filter(({ schema }) => fieldMeta(schema).hidden).map(({ path }) => `${path}.`);
    for (const { path, schema } of fields) {
      if (hidden.some((prefix) => path.startsWith(prefix))) continue;
      expect(shown.get(path), `${name}:${path}`).toBe(editorLabel(fieldMeta(schema).label!));
    }
  });

  it('a name is written as it reads inside a sentence; the editor adds the capital letter', () => {
    for (const name of COLLECTIONS) {
      for (const { path, schema } of schemaFields(schemaFor(name, plainTools))) {
        const label = fieldMeta(schema).label ?? '';
        // «ФИО» stays an abbreviation; any other name starts in lower case, as in «нужно заполнить поле «…»».
        if (!/^[А-ЯЁ]{2,}/.test(label)) expect(label.charAt(0), `${name}:${path} «${label}»`).toBe(label.charAt(0).toLowerCase());
      }
    }
  });
});

describe('an error names a field in the words the editor shows', () => {
  /** The message about a field left out of an otherwise empty entry, and the field's label in the editor. */
  function missing(collection: CollectionName, data: Record<string, unknown>, path: (string | number)[]) {
    const result = schemaFor(collection, plainTools).safeParse(data);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === path.join('.'));
    expect(issue, `${collection}: нет сообщения о поле ${path.join('.')}`).toBeDefined();
    const editorPath = path.filter((p) => typeof p === 'string').join('.');
    const field = collectionFields(config.collections.find((c) => c.name === collection)!).find((f) => f.path.replace(/\[\]/g, '') === editorPath);
    expect(field, `${collection}: нет поля ${editorPath} в редакторе`).toBeDefined();
    return { message: issue!.message, label: field!.field.label };
  }
  const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

  it.each([
    ['practices', {}, ['title']],
    ['mentors', {}, ['consent']],
    ['forms', {}, ['order']],
    ['roadmaps', { stages: [{}] }, ['stages', 0, 'title']],
    ['organizations', {}, ['kind']],
  ] as [CollectionName, Record<string, unknown>, (string | number)[]][])('%s: %j, %j left out', (collection, data, path) => {
    const { message, label } = missing(collection, data, path);
    expect(message).toBe(`нужно заполнить поле «${inSentence(label)}»`);
  });

  it('the roadmap section is «раздел» in the editor and in the messages alike', () => {
    const { message, label } = missing('roadmaps', { stages: [{ title: '' }] }, ['stages', 0, 'title']);
    expect(label).toBe('Название раздела');
    expect(message).toBe('поле «название раздела» не может быть пустым');
  });
});
