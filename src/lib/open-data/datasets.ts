/**
 * The data sets the section publishes and their passports, read from the site: one set per public
 * collection for the whole section, and one per organisation for each collection whose entries
 * belong to one. Every page under /api/ and /otkrytye-dannye/ asks here, so the page, the files
 * and the register cannot list different sets.
 */
import type { Organization, Site } from '../data.ts';
import { buildDate } from '../build-date.ts';
import { hasContacts } from '../empty-states.ts';
import { publicCollection } from '../public-data.ts';
import { OWNED_COLLECTIONS, PUBLIC_COLLECTIONS, type PublicCollection } from '../../schemas/collections.ts';
import { dateSpan } from './dates.ts';
import { makePassport, type Passport } from './passport.ts';
import { dataSetId, openDataPaths } from './paths.ts';

export interface DataSet {
  identifier: string;
  collection: PublicCollection;
  /** The organisation whose share this is; none for the whole section. */
  organization?: Organization;
}

/** Every data set: the whole section's first, in the registry's order, then each organisation's. */
export function dataSets(s: Site): DataSet[] {
  const whole = PUBLIC_COLLECTIONS.map((collection) => ({ identifier: dataSetId(collection), collection }));
  const shares = s.organizations.flatMap((organization) =>
    OWNED_COLLECTIONS.map((collection) => ({ identifier: dataSetId(collection, organization.id), collection, organization })),
  );
  return [...whole, ...shares];
}

type Json = Record<string, unknown>;

/** The set's records, as /api/ publishes them: an organisation's share is a slice of the whole. */
export async function recordsOf(set: DataSet, s: Site, site: URL): Promise<Json[]> {
  const all = await publicCollection(set.collection, s, site);
  return set.organization ? all.filter((r) => r.organization === set.organization!.id) : all;
}

type Entry = { id: string; data: Record<string, unknown> };
const idOf = (ref: unknown) => (ref as { id: string }).id;

/** The entries behind a set, as the site has them (a mentor whose consent ended is not among them). */
function entriesOf(set: DataSet, s: Site): Entry[] {
  const all = s[set.collection] as unknown as Entry[];
  return set.organization ? all.filter((e) => idOf(e.data.organization) === set.organization!.id) : all;
}

/** A title in «ёлочки»; quotes inside it become „лапки“, as Russian typography nests them. */
const quoted = (title: unknown) => `«${String(title).replace(/«/g, '„').replace(/»/g, '“')}»`;

/** How a passport names the entry a date belongs to. */
function recordName(collection: PublicCollection, entry: Entry, s: Site): string {
  const data = entry.data;
  if (collection === 'results') return `итоги ${data.schoolYear} учебного года, ${s.organization(idOf(data.organization)).data.shortName}`;
  if (collection === 'practices') return `практика ${quoted(data.title)}`;
  return quoted(data.title);
}

const absolute = (path: string, site: URL) => new URL(path, site).href;

/** The passport of a set: owner and contacts from the settings and the organisation, dates from the entries. */
export function passportOf(set: DataSet, s: Site, site: URL, recordCount: number): Passport {
  const { settings, owner } = s;
  const org = set.organization;
  // An organisation's share is the organisation's; its contacts, or the section's where it has none (and then it says whose).
  const own = org && hasContacts(org.data.contacts) ? org.data.contacts! : undefined;
  const today = buildDate();
  const { first, last } = dateSpan(set.collection, entriesOf(set, s), today);
  const named = <T extends { entry: Entry }>(d: T | undefined) => d && { ...d, record: recordName(set.collection, d.entry, s) };
  return makePassport({
    identifier: set.identifier,
    collection: set.collection,
    organization: org?.data.shortName,
    owner: (org ?? owner).data.name,
    contacts: own ?? settings.contacts,
    contactsOf: org && !own ? `контакты раздела: ${owner.data.shortName}` : undefined,
    links: {
      json: absolute(openDataPaths.json(set.collection, org?.id), site),
      csv: absolute(openDataPaths.csv(set.collection, org?.id), site),
      structureCsv: absolute(openDataPaths.structure(set.collection, 'csv'), site),
      structureJson: absolute(openDataPaths.structure(set.collection, 'json'), site),
    },
    first: named(first),
    last: named(last),
    changesDaily: set.collection === 'roadmaps',
    recordCount,
    buildDate: today,
    region: (org ?? owner).data.region,
    source: `«${settings.title}», ${owner.data.name}, ${absolute(openDataPaths.page(), site)}`,
  });
}

/** Every set with its records and passport, made once per build (the page and each file ask for the same). */
const made = new WeakMap<Site, Map<string, Promise<{ set: DataSet; records: Json[]; passport: Passport }[]>>>();
export function publishedSets(s: Site, site: URL): Promise<{ set: DataSet; records: Json[]; passport: Passport }[]> {
  if (!made.has(s)) made.set(s, new Map());
  const bySite = made.get(s)!;
  if (!bySite.has(site.href))
    bySite.set(
      site.href,
      Promise.all(
        dataSets(s).map(async (set) => {
          const records = await recordsOf(set, s, site);
          return { set, records, passport: passportOf(set, s, site, records.length) };
        }),
      ),
    );
  return bySite.get(site.href)!;
}
