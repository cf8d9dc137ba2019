/**
 * In the dev server an entry its schema refuses stays in Astro's store as written (content.config.ts),
 * marked with this key, so that the site's data can tell it apart from a checked entry: the file may
 * already be fixed while the store has not read it again yet.
 */
export const REFUSED_IN_DEV = '__refusedInDev';

/** Marks the data of a refused entry (objects only: every collection's entry is one). */
export const markRefused = (input: unknown): unknown =>
  input && typeof input === 'object' && !Array.isArray(input) ? { ...input, [REFUSED_IN_DEV]: true } : input;

export const isRefused = (data: unknown): boolean => Boolean(data && typeof data === 'object' && REFUSED_IN_DEV in data);
