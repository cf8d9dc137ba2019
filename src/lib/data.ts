/**
 * All content, loaded once per build and indexed. Pages ask this module instead
 * of calling getCollection themselves, so a site with thousands of entries does
 * not re-read and re-filter every collection for every page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { publicName, type PublicName } from './people.ts';
import { consentEnded } from '../schemas/mentors.ts';
import { COLLECTIONS, contentRoot, SITE_SETTINGS_ID, siteSettingsFile, type CollectionName } from '../schemas/collections.ts';
import { buildDate } from './build-date.ts';
import { isRefused } from './dev-refused.ts';

export type Organization = CollectionEntry<'organizations'>;
export type Form = CollectionEntry<'forms'>;
export type Regulation = CollectionEntry<'regulations'>;
export type Roadmap = CollectionEntry<'roadmaps'>;
export type Practice = CollectionEntry<'practices'>;
export type Results = CollectionEntry<'results'>;
export type MentorEntry = CollectionEntry<'mentors'>;
export type Settings = CollectionEntry<'settings'>['data'];
export type Mentor = MentorEntry & { person: PublicName };

export interface Site {
  settings: Settings;
  owner: Organization;
  organizations: Organization[];
  forms: Form[];
  regulations: Regulation[];
  roadmaps: Roadmap[];
  practices: Practice[];
  mentors: Mentor[];
  /** «Итоги года», newest school year first. */
  results: Results[];
  organization: (id: string) => Organization;
  form: (id: string) => Form;
  mentor: (id: string) => Mentor;
  byOrganization: Map<string, { regulations: Regulation[]; roadmaps: Roadmap[]; practices: Practice[]; mentors: Mentor[]; results: Results[] }>;
  byForm: Map<string, { practices: Practice[]; mentors: Mentor[] }>;
  practicesByYear: Map<number, Practice[]>;
  practicesOfMentor: Map<string, Practice[]>;
}

let loading: Promise<Site> | undefined;

export function loadSite(): Promise<Site> {
  // A failed load is not kept: in the dev server the next request tries again with the store as it is then.
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

// The dev server changes the store in place (Astro does not re-run this module for it): read it afresh.
import.meta.hot?.on('astro:content-changed', () => {
  loading = undefined;
});

const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title, 'ru');

/** Every collection of the registry, read at once. */
async function everyCollection(): Promise<{ [N in CollectionName]: CollectionEntry<N>[] }> {
  const lists = await Promise.all(COLLECTIONS.map((name) => getCollection(name)));
  if (import.meta.env.DEV) {
    // The content check (which reads the files) passed, but the store still holds an entry as it was before the fix.
    const refused = lists.flat().find((entry) => isRefused(entry.data));
    if (refused) throw new Error(`Исправленная запись «${refused.collection}/${refused.id}» ещё перечитывается — обновите страницу через секунду.`);
  }
  return Object.fromEntries(COLLECTIONS.map((name, i) => [name, lists[i]])) as { [N in CollectionName]: CollectionEntry<N>[] };
}

async function load(): Promise<Site> {
  const {
    organizations,
    forms,
    regulations,
    roadmaps,
    practices: allPractices,
    mentors: mentorEntries,
    results,
    settings: settingsEntries,
  } = await everyCollection();

  const index = <T extends { id: string }>(entries: T[], what: string) => {
    const map = new Map(entries.map((e) => [e.id, e]));
    return (id: string) => {
      const found = map.get(id);
      // The integrity check runs before the build, so this only fires on a bug.
      if (!found) throw new Error(`Нет записи «${id}» в разделе «${what}»`);
      return found;
    };
  };

  organizations.sort((a, b) => a.data.name.localeCompare(b.data.name, 'ru'));
  forms.sort((a, b) => a.data.order - b.data.order);
  regulations.sort(byTitle);
  roadmaps.sort((a, b) => b.data.period.to.getTime() - a.data.period.to.getTime() || byTitle(a, b));
  results.sort((a, b) => b.data.schoolYear.localeCompare(a.data.schoolYear) || a.data.organization.id.localeCompare(b.data.organization.id));
  // A consent that ended or was withdrawn takes the person off the whole site on that day:
  // their card, and their name from every practice that lists them.
  const today = buildDate();
  const mentors: Mentor[] = mentorEntries
    .filter((entry) => !consentEnded(entry.data.consent, today))
    .map((entry) => ({ ...entry, person: publicName(entry.data) }))
    .sort((a, b) => a.person.shortName.localeCompare(b.person.shortName, 'ru'));

  const published = new Set(mentors.map((m) => m.id));
  const practices: Practice[] = allPractices.map((p) =>
    p.data.mentors.every((m) => published.has(m.id)) ? p : { ...p, data: { ...p.data, mentors: p.data.mentors.filter((m) => published.has(m.id)) } },
  );
  practices.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || byTitle(a, b));

  const settings = settingsEntries.find((s) => s.id === SITE_SETTINGS_ID)?.data;
  if (!settings) throw new Error(`Нет файла настроек ${contentRoot()}/${siteSettingsFile()}`);
  const organization = index(organizations, 'организации');

  const byOrganization: Site['byOrganization'] = new Map(
    organizations.map((o) => [o.id, { regulations: [], roadmaps: [], practices: [], mentors: [], results: [] }]),
  );
  for (const r of regulations) byOrganization.get(r.data.organization.id)!.regulations.push(r);
  for (const r of roadmaps) byOrganization.get(r.data.organization.id)!.roadmaps.push(r);
  for (const p of practices) byOrganization.get(p.data.organization.id)!.practices.push(p);
  for (const m of mentors) byOrganization.get(m.data.organization.id)!.mentors.push(m);
  for (const r of results) byOrganization.get(r.data.organization.id)!.results.push(r);

  const byForm: Site['byForm'] = new Map(forms.map((f) => [f.id, { practices: [], mentors: [] }]));
  for (const p of practices) for (const f of p.data.forms) byForm.get(f.id)!.practices.push(p);
  for (const m of mentors) for (const f of m.data.forms) byForm.get(f.id)!.mentors.push(m);

  const practicesByYear: Site['practicesByYear'] = new Map();
  for (const p of practices)
    for (const y of p.data.years) {
      if (!practicesByYear.has(y)) practicesByYear.set(y, []);
      practicesByYear.get(y)!.push(p);
    }

  const practicesOfMentor: Site['practicesOfMentor'] = new Map(mentors.map((m) => [m.id, []]));
  for (const p of practices) for (const m of p.data.mentors) practicesOfMentor.get(m.id)!.push(p);

  return {
    settings,
    owner: organization(settings.owner.id),
    organizations,
    forms,
    regulations,
    roadmaps,
    practices,
    mentors,
    results,
    organization,
    form: index(forms, 'формы наставничества'),
    mentor: index(mentors, 'наставники'),
    byOrganization,
    byForm,
    practicesByYear: new Map([...practicesByYear].sort(([a], [b]) => b - a)),
    practicesOfMentor,
  };
}
