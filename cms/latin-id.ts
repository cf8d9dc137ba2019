/**
 * The Latin id of an entry from its Russian title — what the editor's «Идентификатор» field
 * fills in while the curator types («Школа молодого педагога» → «shkola-molodogo-pedagoga»).
 * Transliteration by the `transliteration` library; the result always fits ID_PATTERN.
 */
import { slugify } from 'transliteration';
import { ID_PATTERN } from '../src/schemas/common.ts';

const MAX_LENGTH = 60;

export function latinId(title: string): string {
  const slug = slugify(title.replace(/№/g, ' '), { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length <= MAX_LENGTH) return slug;
  const cut = slug.slice(0, MAX_LENGTH);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

export const isLatinId = (id: string) => ID_PATTERN.test(id);
