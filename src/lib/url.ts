import { HOME_CARD } from '../og/card.ts';
import { entryPath, listPath, type PagedCollection } from '../schemas/collections.ts';

/** Every internal link goes through here, so the configured base path is never forgotten. */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** href('praktiki/shkola-1/') → «/nastavnichestvo/praktiki/shkola-1/» under a base path. */
export function href(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

/**
 * A link an editor wrote for a file (an attachment, a regulation's original): a full address,
 * mailto: or tel: as it is, a path on the site under the base path. The schema allows only these.
 */
export const fileHref = (file: string) => (/^(?:https?|mailto|tel):/i.test(file.trim()) ? file.trim() : href(file));

/**
 * The share card of an entry's page, named as its page's path: «praktiki/<id>», drawn at
 * /og/praktiki/<id>.png (routes.og). src/og/site-cards.ts makes the cards under these names and
 * the pages pass theirs to the layout, so a page's image and the image made for it cannot part.
 * Every other page shows the section's card, HOME_CARD.
 */
export const shareCard = (collection: PagedCollection, id: string) => entryPath(collection, id).replace(/\/$/, '');

// Each collection's URL segment is written once, in the registry (src/schemas/collections.ts).
const list = (collection: PagedCollection) => href(listPath(collection));
const entry = (collection: PagedCollection, id: string) => href(entryPath(collection, id));

export const routes = {
  home: () => href(),
  regulations: () => list('regulations'),
  regulation: (id: string) => entry('regulations', id),
  roadmaps: () => list('roadmaps'),
  roadmap: (id: string) => entry('roadmaps', id),
  roadmapIcs: (id: string) => href(`${listPath('roadmaps')}${id}.ics`),
  roadmapCsv: (id: string) => href(`${listPath('roadmaps')}${id}.csv`),
  results: (id: string) => entry('results', id),
  resultsDocx: (id: string) => href(`${listPath('results')}${id}.docx`),
  resultsCsv: (id: string) => href(`${listPath('results')}${id}.csv`),
  practices: () => list('practices'),
  practice: (id: string) => entry('practices', id),
  practicesByForm: (id: string) => href(`${listPath('practices')}forma/${id}/`),
  practicesByOrganization: (id: string) => href(`${listPath('practices')}organizaciya/${id}/`),
  practicesByYear: (year: number) => href(`${listPath('practices')}god/${year}/`),
  mentors: () => list('mentors'),
  mentor: (id: string) => entry('mentors', id),
  forms: () => list('forms'),
  form: (id: string) => entry('forms', id),
  organizations: () => list('organizations'),
  organization: (id: string) => entry('organizations', id),
  search: () => href('poisk/'),
  /** A share image: of an entry's page (shareCard), or the section's by default. */
  og: (card: string = HOME_CARD) => href(`og/${card}.png`),
  /** An embeddable view: of one organisation, or of the whole section without one. */
  embed: (view: string, org?: string) => href(`embed/${view}/${org ? `${org}/` : ''}`),
  embedGuide: () => href('vstraivanie/'),
  embedScript: () => href('embed.js'),
  organizationApi: (org: string, collection: string) => href(`api/${entryPath('organizations', org)}${collection}.json`),
  api: (collection: string) => href(`api/${collection}.json`),
  rss: () => href('rss.xml'),
};

/** The browsable lists of the section, as the navigation and the search page's fallback show them. */
export const SECTIONS = [
  { label: 'Положения', url: routes.regulations() },
  { label: 'Дорожные карты', url: routes.roadmaps() },
  { label: 'Практики', url: routes.practices() },
  { label: 'Наставники', url: routes.mentors() },
  { label: 'Формы', url: routes.forms() },
  { label: 'Организации', url: routes.organizations() },
];
