/**
 * The Latin id of an entry from its Russian title — what the editor's «Идентификатор» field
 * fills in while the curator types («Школа молодого педагога» → «shkola-molodogo-pedagoga»).
 * Transliteration by the `transliteration` library; the result always fits ID_PATTERN.
 */
import { slugify } from 'transliteration';
import { ID_PATTERN } from '../src/schemas/common.ts';
import { isMinor } from '../src/schemas/mentors.ts';

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

interface PersonNameFacts {
  name?: { last?: string; first?: string };
  minor?: boolean;
  category?: string;
  consent?: { givenBy?: string; showSurname?: boolean };
}

/**
 * A mentor's id. An adult's is made from the surname and name («smirnova-elena»); a minor's
 * from the first name and a short suffix («artyom-k7q2»): the id is the page's address and the
 * name of its files, and the family name of a child whose parents did not allow it stays out.
 */
export function personId(person: PersonNameFacts, suffix: string): string {
  const first = person.name?.first?.trim() ?? '';
  if (isMinor(person) && person.consent?.showSurname !== true) return first ? `${latinId(first)}-${suffix}` : '';
  return latinId([person.name?.last, first].filter(Boolean).join(' '));
}

/** Four Latin letters or digits: enough to tell two Артёмs of one school apart. */
export const shortSuffix = (random: () => number = Math.random) =>
  Array.from({ length: 4 }, () => 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(random() * 32)]).join('');
