/**
 * The published shape of each collection for /api/*.json: what the pages show, as data.
 * Fields are chosen by the declarations in public-fields.ts, never copied wholesale: a field
 * the editor keeps for themselves (a document's source, importer notes, consent records) or
 * one added to a schema later is not published until it is declared public there. What is
 * not a field as such (the page's URL, labels, counts) is added here, and declared there as derived.
 */
import { getImage } from 'astro:assets';
import type { Site } from './data.ts';
import { buildDate, flattenItems, progressExplanation, STATUS_LABELS, type EffectiveStatus } from './roadmap.ts';
import { isoDate } from './format.ts';
import { href, routes } from './url.ts';
import { publishedPath, type OriginalCollection } from './signed-originals.ts';
import { ACHIEVEMENT, pick, PUBLIC_FIELDS, ROADMAP_ITEM, ROADMAP_STAGE, ROADMAP_SUB_ITEM, type FieldPolicy, type PublicCollection } from './public-fields.ts';
import { ACHIEVEMENT_LEVELS, INDICATORS, MENTOR_CATEGORIES, ORGANIZATION_KINDS, REGULATION_STATUSES, ROADMAP_LEVELS, STAGES } from '../schemas/vocabulary.ts';

export { PUBLIC_COLLECTIONS } from './public-fields.ts';

type Json = Record<string, unknown>;
const absolute = (path: string, site: URL) => new URL(path, site).href;

const built = new WeakMap<Site, Map<string, Promise<Json[]>>>();

/**
 * A collection's public records, made once per build: every organisation's JSON file is a
 * slice of the same list, and making it anew for each would cost organisations × entries.
 */
export function publicCollection(name: string, s: Site, site: URL): Promise<Json[]> {
  if (!Object.hasOwn(PUBLIC_FIELDS, name)) throw new Error(`Нет такого раздела данных: ${name}`);
  if (!built.has(s)) built.set(s, new Map());
  const made = built.get(s)!;
  const key = `${name} ${site.href}`;
  if (!made.has(key)) made.set(key, makeCollection(name as PublicCollection, s, site));
  return made.get(key)!;
}

async function makeCollection(name: PublicCollection, s: Site, site: URL): Promise<Json[]> {
  const fields: FieldPolicy = PUBLIC_FIELDS[name];
  const RESULT_FIGURE = PUBLIC_FIELDS.results.published.figures;
  // The published copy's address, never the uploaded file's path (src/lib/signed-originals.ts).
  const original = (collection: OriginalCollection, id: string, file?: string) => file && absolute(href(publishedPath(collection, id, file)), site);
  switch (name) {
    case 'organizations':
      return s.organizations.map((o) => ({
        id: o.id,
        url: absolute(routes.organization(o.id), site),
        ...pick(o.data, fields),
        kindLabel: ORGANIZATION_KINDS[o.data.kind],
      }));
    case 'forms':
      return s.forms.map((f) => ({ id: f.id, url: absolute(routes.form(f.id), site), ...pick(f.data, fields) }));
    case 'regulations':
      return s.regulations.map((r) => ({
        id: r.id,
        url: absolute(routes.regulation(r.id), site),
        ...pick(r.data, fields, { signedOriginal: original('regulations', r.id, r.data.signedOriginal) }),
        statusLabel: REGULATION_STATUSES[r.data.status],
        body: r.body,
      }));
    case 'roadmaps':
      return s.roadmaps.map((r) => {
        const tallyItems = flattenItems(r.data);
        const states = new Map<object, EffectiveStatus>(tallyItems.map((f) => [f.item, f.status]));
        const stages = r.data.stages.map((stage) => ({
          ...pick(stage, ROADMAP_STAGE, { items: stage.items.map((item) => publicItem(item, states)) }),
          stageLabel: stage.stage && STAGES[stage.stage],
        }));
        return {
          id: r.id,
          url: absolute(routes.roadmap(r.id), site),
          ...pick(r.data, fields, { stages, signedOriginal: original('roadmaps', r.id, r.data.signedOriginal) }),
          levelLabel: ROADMAP_LEVELS[r.data.level],
          itemCount: tallyItems.length,
          doneCount: tallyItems.filter((i) => i.status === 'done').length,
          statusDate: isoDate(buildDate()),
          statusExplanation: progressExplanation(r.data),
        };
      });
    case 'results':
      return s.results.map((r) => ({
        id: r.id,
        url: absolute(routes.results(r.id), site),
        ...pick(r.data, fields, {
          figures: r.data.figures.map((f) => ({ ...pick(f, RESULT_FIGURE), measureLabel: INDICATORS[f.measure] })),
          signedOriginal: original('results', r.id, r.data.signedOriginal),
        }),
        report: absolute(routes.resultsDocx(r.id), site),
        table: absolute(routes.resultsCsv(r.id), site),
      }));
    case 'practices':
      return Promise.all(
        s.practices.map(async (p) => {
          const cover = p.data.cover && absolute((await getImage({ src: p.data.cover, width: 1200, format: 'webp' })).src, site);
          return {
            id: p.id,
            url: absolute(routes.practice(p.id), site),
            ...pick(p.data, fields, { cover }),
            description: p.body,
          };
        }),
      );
    case 'mentors':
      return Promise.all(
        s.mentors.map(async (m) => {
          const { person, data } = m;
          // The photo, re-encoded, and its description only where publicName allows the photo
          // (a minor's only with the parents' leave); the name as publicName gives it.
          const photo =
            person.showPhoto && data.photo ? absolute((await getImage({ src: data.photo, width: 320, height: 320, format: 'webp' })).src, site) : undefined;
          const achievements = data.achievements.map((a) => ({ ...pick(a, ACHIEVEMENT), levelLabel: ACHIEVEMENT_LEVELS[a.level] }));
          return {
            id: m.id,
            url: absolute(routes.mentor(m.id), site),
            name: person.displayName,
            ...pick(data, fields, { photo, photoAlt: photo && data.photoAlt, achievements }),
            categoryLabel: MENTOR_CATEGORIES[data.category],
          };
        }),
      );
  }
}

type Item = Parameters<typeof pick>[0] & { items?: Parameters<typeof pick>[0][] };

/** A roadmap item (or sub-item) with its state on the build date (flattenItems); an item's sub-items within. */
function publicItem(item: Item, states: Map<object, EffectiveStatus>, policy: FieldPolicy = ROADMAP_ITEM): Json {
  const status = states.get(item)!;
  const made = policy === ROADMAP_ITEM ? { items: item.items?.map((sub) => publicItem(sub, states, ROADMAP_SUB_ITEM)) } : {};
  return { ...pick(item, policy, made), effectiveStatus: status, effectiveStatusLabel: STATUS_LABELS[status] };
}
