/**
 * An entry's data as the editor holds it, made into what its file should hold: Decap keeps a
 * field the curator emptied as "" (or null), which would be written to the file and refused by
 * the build («поле не может быть пустым: … удалите это поле»); the file simply leaves it out.
 */

/** Drops empty values ("" , null, undefined) from groups of fields, all the way down; list items stay in place. */
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
