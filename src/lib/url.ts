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

export const routes = {
  home: () => href(),
  regulations: () => href('polozheniya/'),
  regulation: (id: string) => href(`polozheniya/${id}/`),
  roadmaps: () => href('dorozhnye-karty/'),
  roadmap: (id: string) => href(`dorozhnye-karty/${id}/`),
  roadmapIcs: (id: string) => href(`dorozhnye-karty/${id}.ics`),
  roadmapCsv: (id: string) => href(`dorozhnye-karty/${id}.csv`),
  practices: () => href('praktiki/'),
  practice: (id: string) => href(`praktiki/${id}/`),
  practicesByForm: (id: string) => href(`praktiki/forma/${id}/`),
  practicesByOrganization: (id: string) => href(`praktiki/organizaciya/${id}/`),
  practicesByYear: (year: number) => href(`praktiki/god/${year}/`),
  mentors: () => href('nastavniki/'),
  mentor: (id: string) => href(`nastavniki/${id}/`),
  forms: () => href('formy/'),
  form: (id: string) => href(`formy/${id}/`),
  organizations: () => href('organizacii/'),
  organization: (id: string) => href(`organizacii/${id}/`),
  search: () => href('poisk/'),
  og: (card: string) => href(`og/${card}.png`),
  /** An embeddable view: of one organisation, or of the whole section without one. */
  embed: (view: string, org?: string) => href(`embed/${view}/${org ? `${org}/` : ''}`),
  embedGuide: () => href('vstraivanie/'),
  embedScript: () => href('embed.js'),
  organizationApi: (org: string, collection: string) => href(`api/organizacii/${org}/${collection}.json`),
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
