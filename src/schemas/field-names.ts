/**
 * How every field is called, said once: in the schema, as zod metadata.
 *
 * A field's name is written where the field is defined, as it reads inside a sentence —
 * `text('название практики')`, `calendarDate('дата согласия')`, `labelledEnum(…, 'вид срока')`,
 * or `.meta({ label: 'порядок в списках' })` on a schema made with zod directly. Error messages
 * quote it as it is («нужно заполнить поле «название практики»»); the editor shows it with a
 * capital letter (editorLabel). A hint for editors and «long text» (a text area in the editor)
 * are metadata too: `.meta({ hint: '…', long: true })`.
 *
 * zod keeps metadata per schema object: `.meta()` hands back a copy, and so does every later
 * `.refine()`, `.min()`… — those copies inherit their original's metadata, but a wrapper
 * (`.optional()`, `.default()`, a `.transform()` pipe) does not. fieldMeta therefore reads the
 * field's schema and everything it wraps, the outer words winning.
 */
import { z } from 'astro/zod';

export interface FieldMeta {
  /** The field's Russian name, lower-case as inside a sentence (unless it starts with an abbreviation: «ФИО»). */
  label: string;
  /** A sentence or two under the field in the editor. */
  hint?: string;
  /** Paragraphs rather than a line: the editor gives it a text area. */
  long?: boolean;
  /**
   * For a text the schema checks by its shape («2025/2026»): the pattern the editor checks as it is
   * typed, with its message, and a value that passes (the editor's tests fill the field with it).
   */
  pattern?: { regex: string; message: string; example: string };
  /** A file uploaded through the editor into the entry's own folder of that name (a signed original). */
  upload?: string;
  /** Kept as the file has it but not shown in the editor (the settings' Git host). */
  hidden?: boolean;
}

declare module 'zod/v4/core' {
  interface GlobalMeta {
    label?: string;
    hint?: string;
    long?: boolean;
    pattern?: { regex: string; message: string; example: string };
    upload?: string;
    hidden?: boolean;
  }
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Wrappers that are not the field's value itself: what they wrap is. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** The schema a wrapper wraps: the inner type, or the input side of a transform (pipe). */
function wrapped(schema: z.ZodType): z.ZodType | undefined {
  const d = defOf(schema);
  if (WRAPPERS.has(d.type)) return d.innerType;
  if (d.type === 'pipe') return d.in;
  return undefined;
}

/** The metadata a schema object holds itself or inherited from the schema it was copied from. */
const own = (schema: unknown) => (schema && typeof schema === 'object' && '_zod' in schema ? z.globalRegistry.get(schema as z.ZodType) : undefined);

/** A field's name, hint and kind of text, from its schema and the schemas it wraps (the outer ones win). */
export function fieldMeta(schema: z.ZodType): Partial<FieldMeta> {
  const found: Partial<FieldMeta> = {};
  for (let current: z.ZodType | undefined = schema; current; current = wrapped(current)) {
    const meta = own(current);
    if (!meta) continue;
    for (const key of ['label', 'hint', 'long', 'pattern', 'upload', 'hidden'] as const) {
      if (found[key] === undefined && meta[key] !== undefined) (found as Record<string, unknown>)[key] = meta[key];
    }
  }
  return found;
}

/** The field's name from the schema that raised an issue (zod's `issue.inst`), if it has one. */
export const issueFieldName = (inst: unknown): string | undefined => own(inst)?.label;

/** The value's own schema under its wrappers: an object, an array, a string… */
export function valueSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let next = wrapped(current); next; next = wrapped(current)) current = next;
  return current;
}

/**
 * The fields on the way to a path inside an entry (`['stages', 2, 'title']`): their names,
 * e.g. ['разделы (этапы)', 'название раздела']. A list's item (a number in the path) adds no name.
 */
export function fieldMetaAt(schema: z.ZodType, path: readonly PropertyKey[]): Partial<FieldMeta>[] {
  const found: Partial<FieldMeta>[] = [];
  let current: z.ZodType | undefined = schema;
  for (const part of path) {
    if (!current) break;
    const d = defOf(valueSchema(current));
    if (typeof part === 'number') current = d.type === 'array' ? d.element : undefined;
    else {
      current = d.type === 'object' ? d.shape?.[String(part)] : undefined;
      if (current) found.push(fieldMeta(current));
    }
  }
  return found;
}

/** How the editor shows a field's name: the same words, with a capital letter. */
export const editorLabel = (label: string) => label.charAt(0).toLocaleUpperCase('ru') + label.slice(1);

/**
 * A reference to another collection's entry, named where it is used:
 * `organization: named(ref('organizations'), 'организация')`. The tools that make references
 * (the editor's config, the check, the tests) know a reference by its very schema object, and
 * `.meta()` would hand back a copy; so the name is recorded on the reference itself, which
 * every tool makes afresh for each field.
 */
export function named<S extends z.ZodType>(schema: S, label: string, more: Omit<FieldMeta, 'label'> = {}): S {
  z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), label, ...more });
  return schema;
}
