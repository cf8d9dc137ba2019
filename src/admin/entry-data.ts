/**
 * An entry's data as the editor holds it, made into what its file should hold: Decap keeps a
 * field the curator emptied as "" (or null) and would write it to the file, where the build
 * refuses it («поле не может быть пустым: … удалите это поле»); the file simply leaves it out.
 * Only where the schema refuses the empty value: an empty deadline text («срок не указан») is
 * content, and a save must not rewrite lines the curator did not touch.
 */
import type { z } from 'astro/zod';

const isEmpty = (value: unknown) => value === '' || value === null;

/** The data without the empty values its schema refuses; list items stay in place. */
export function withoutRefusedEmpties<T>(schema: z.ZodType, data: T): T {
  let current = data;
  // A group left empty by its emptied fields is found on the next round.
  for (let round = 0; round < 4; round++) {
    const result = schema.safeParse(current);
    if (result.success) return current;
    const refused = result.error.issues.map((issue) => issue.path).filter((path) => path.length > 0 && isEmpty(fieldOfEntry(current, path)));
    if (!refused.length) return current;
    current = structuredClone(current);
    for (const path of refused) {
      const parent = fieldOfEntry(current, path.slice(0, -1));
      const key = path[path.length - 1];
      if (parent && typeof parent === 'object' && !Array.isArray(parent)) delete (parent as Record<PropertyKey, unknown>)[key];
    }
  }
  return current;
}

/** Drops every empty value ("" or null) from groups of fields, all the way down; for comparing values, not for saving. */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== '' && item !== null && item !== undefined)
        .map(([key, item]) => [key, pruneEmpty(item)]),
    );
  }
  return value;
}

/** The value at `path` (keys and list indices) in an entry's data. */
export function fieldOfEntry(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
