/**
 * The curator's hint under an empty state: where in the editor the missing entries are added.
 * The section's name comes from the registry, so the hint names the menu item the editor shows.
 */
import { COLLECTION_REGISTRY, type CollectionName } from '../schemas/collections.ts';
import { countOf } from './format.ts';

/** What a curator adds, as the object of «Добавить … можно в редакторе». */
const ADDED: Partial<Record<CollectionName, string>> = {
  organizations: 'организацию',
  forms: 'форму наставничества',
  regulations: 'положение',
  roadmaps: 'дорожную карту',
  results: 'итоги года',
  practices: 'практику',
  mentors: 'наставника',
};

const section = (collection: CollectionName) => `«${COLLECTION_REGISTRY[collection].label}»`;

/** «Добавить положение можно в редакторе: раздел «Положения».»; for several: «Добавить их можно …: разделы «…» и «…».» */
export function editorHint(collections: CollectionName | CollectionName[]): string {
  const list = Array.isArray(collections) ? collections : [collections];
  if (list.length === 1) return `Добавить ${ADDED[list[0]] ?? 'запись'} можно в редакторе: раздел ${section(list[0])}.`;
  const names = list.map(section);
  return `Добавить их можно в редакторе: разделы ${names.slice(0, -1).join(', ')} и ${names.at(-1)}.`;
}

/** Contacts with at least one line to show: `contacts: {}` in a file counts as none. */
export function hasContacts(contacts: { address?: string; phone?: string; email?: string; person?: string } | undefined): boolean {
  return Boolean(contacts && (contacts.address || contacts.phone || contacts.email || contacts.person));
}

/**
 * «3 практики · 2 наставника» without the zeros (a card saying «0 практик · 0 наставников» reads
 * like a fault), or `none` when everything is zero.
 */
export function countsOrNone(counts: [number, readonly [string, string, string]][], none: string): string {
  const shown = counts.filter(([count]) => count > 0).map(([count, words]) => countOf(count, words));
  return shown.length ? shown.join(' · ') : none;
}
