/**
 * Public data by allow-list (src/lib/public-fields.ts): every schema field, at every declared
 * level, is either published or internal (with a reason). That the JSON under /api/ carries
 * exactly the published and derived fields — never `source`, `notes`, `consent`, `minor` — is
 * checked on built sites in tests/public-fields-build.test.ts.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { declarationProblems, pick, plainValue, PUBLIC_COLLECTIONS, PUBLIC_FIELDS, type FieldPolicy, type PublicCollection } from '../src/lib/public-fields.ts';
import { plainTools, schemaFor } from '../src/schemas/index.ts';

describe('the declaration of public fields', () => {
  it.each(PUBLIC_COLLECTIONS)('%s: every schema field, at every level, is published or internal — not both, not gone', (collection) => {
    expect(declarationProblems(schemaFor(collection, plainTools), PUBLIC_FIELDS[collection])).toEqual([]);
  });

  it('keeps what must stay with the editor internal', () => {
    const internal = (c: PublicCollection) => Object.keys(PUBLIC_FIELDS[c].internal);
    expect(internal('roadmaps')).toEqual(expect.arrayContaining(['source', 'notes']));
    expect(internal('forms')).toContain('source');
    expect(internal('regulations')).toContain('source');
    expect(internal('mentors')).toEqual(expect.arrayContaining(['name', 'minor', 'consent']));
    expect(PUBLIC_FIELDS.mentors.published.photo).toBe('made');
  });
});

describe('the declaration checker, on a made-up schema', () => {
  const schema = z
    .object({
      title: z.string(),
      secret: z.string().optional(),
      when: z.union([z.date(), z.string()]).transform((v) => new Date(v)),
      group: z.object({ shown: z.string(), hidden: z.string() }).strict().optional(),
      list: z.array(z.object({ a: z.string(), b: z.number() })).default([]),
    })
    .strict()
    .refine((v) => v.title !== 'x');
  const complete: FieldPolicy = {
    published: {
      title: 'value',
      when: 'value',
      group: { published: { shown: 'value' }, internal: { hidden: 'не для сайта' } },
      list: { published: { a: 'value', b: 'value' }, internal: {} },
    },
    internal: { secret: 'для редактора' },
  };

  it('accepts a complete declaration (through refine, optional, default, transform and lists)', () => {
    expect(declarationProblems(schema, complete)).toEqual([]);
  });

  it('reports a field declared nowhere, at the top and inside a group or a list', () => {
    const { secret: _, ...internal } = complete.internal;
    expect(declarationProblems(schema, { ...complete, internal })).toEqual(['secret: не объявлено ни публикуемым, ни внутренним']);
    const group = { published: { shown: 'value' }, internal: {} } as FieldPolicy;
    const list = { published: { a: 'value' }, internal: {} } as FieldPolicy;
    expect(declarationProblems(schema, { ...complete, published: { ...complete.published, group, list } })).toEqual([
      'group.hidden: не объявлено ни публикуемым, ни внутренним',
      'list.b: не объявлено ни публикуемым, ни внутренним',
    ]);
  });

  it('reports a field both published and internal, one gone from the schema, a group published whole, a reason missing', () => {
    expect(declarationProblems(schema, { ...complete, internal: { ...complete.internal, title: 'вдруг' } })).toEqual([
      'title: объявлено и публикуемым, и внутренним',
    ]);
    expect(declarationProblems(schema, { ...complete, internal: { ...complete.internal, vanished: 'было когда-то' } })).toEqual([
      'vanished: объявлено, но в схеме такого поля нет',
    ]);
    expect(declarationProblems(schema, { ...complete, published: { ...complete.published, group: 'value' } })).toEqual([
      'group: группа полей — объявите, какие из них публикуются',
    ]);
    expect(declarationProblems(schema, { ...complete, internal: { secret: ' ' } })).toEqual(['secret: не указано, почему поле внутреннее']);
  });
});

describe('pick', () => {
  const policy: FieldPolicy = {
    published: { title: 'value', when: 'value', org: 'ref', photo: 'made', group: { published: { shown: 'value' }, internal: { hidden: '' } } },
    internal: { secret: '' },
  };
  const entry = {
    title: 'Т',
    when: new Date(Date.UTC(2026, 0, 2)),
    org: { id: 'uo', collection: 'organizations' },
    photo: { src: '/a.jpg' },
    group: { shown: 1, hidden: 2 },
    secret: 's',
  };

  it('copies published fields only, dates as ГГГГ-ММ-ДД and references as ids; a made field as given', () => {
    expect(pick(entry, policy, { photo: 'https://x/a.webp' })).toEqual({
      title: 'Т',
      when: '2026-01-02',
      org: 'uo',
      photo: 'https://x/a.webp',
      group: { shown: 1 },
    });
  });

  it('refuses a made field not given, a field that is not published, and a group declared as a value', () => {
    expect(() => pick(entry, policy)).toThrow(/photo/);
    expect(() => pick(entry, policy, { photo: undefined, secret: 's' })).toThrow(/secret/);
    expect(() => plainValue({ a: 1 }, 'group')).toThrow(/group/);
  });
});
