/**
 * The published shape of each collection for /api/*.json: what the pages show,
 * as data. People go through `publicName`; consent records are never exported.
 */
import { getImage } from 'astro:assets';
import type { Site } from './data.ts';
import { flattenItems, effectiveStatus, STATUS_LABELS } from './roadmap.ts';
import { routes } from './url.ts';
import { isoDate } from './format.ts';
import { ACHIEVEMENT_LEVELS, MENTOR_CATEGORIES, ORGANIZATION_KINDS, REGULATION_STATUSES, ROADMAP_LEVELS, STAGES } from '../schemas/vocabulary.ts';

type Json = Record<string, unknown>;
const date = (d?: Date) => (d ? isoDate(d) : undefined);
const absolute = (path: string, site: URL) => new URL(path, site).href;

const built = new WeakMap<Site, Map<string, Promise<Json[]>>>();

/**
 * A collection's public records, made once per build: every organisation's JSON file is a
 * slice of the same list, and making it anew for each would cost organisations × entries.
 */
export function publicCollection(name: string, s: Site, site: URL): Promise<Json[]> {
  if (!built.has(s)) built.set(s, new Map());
  const made = built.get(s)!;
  const key = `${name} ${site.href}`;
  if (!made.has(key)) made.set(key, makeCollection(name, s, site));
  return made.get(key)!;
}

async function makeCollection(name: string, s: Site, site: URL): Promise<Json[]> {
  switch (name) {
    case 'organizations':
      return s.organizations.map((o) => ({
        id: o.id,
        url: absolute(routes.organization(o.id), site),
        ...o.data,
        parent: o.data.parent?.id,
        kindLabel: ORGANIZATION_KINDS[o.data.kind],
      }));
    case 'forms':
      return s.forms.map((f) => ({ id: f.id, url: absolute(routes.form(f.id), site), ...f.data }));
    case 'regulations':
      return s.regulations.map((r) => ({
        id: r.id,
        url: absolute(routes.regulation(r.id), site),
        ...r.data,
        organization: r.data.organization.id,
        forms: r.data.forms.map((f) => f.id),
        approval: { ...r.data.approval, date: date(r.data.approval.date) },
        statusLabel: REGULATION_STATUSES[r.data.status],
        body: r.body,
      }));
    case 'roadmaps':
      return s.roadmaps.map((r) => {
        const tallyItems = flattenItems(r.data);
        return {
          id: r.id,
          url: absolute(routes.roadmap(r.id), site),
          ...r.data,
          organization: r.data.organization.id,
          levelLabel: ROADMAP_LEVELS[r.data.level],
          period: { from: date(r.data.period.from), to: date(r.data.period.to) },
          approval: r.data.approval && { ...r.data.approval, date: date(r.data.approval.date) },
          itemCount: tallyItems.length,
          doneCount: tallyItems.filter((i) => i.status === 'done').length,
          stages: r.data.stages.map((stage) => ({
            ...stage,
            stageLabel: stage.stage && STAGES[stage.stage],
            items: stage.items.map((item) => ({
              ...publicItem(item, r.data.period),
              items: item.items?.map((sub) => publicItem(sub, r.data.period)),
            })),
          })),
        };
      });
    case 'practices':
      return Promise.all(
        s.practices.map(async (p) => ({
          id: p.id,
          url: absolute(routes.practice(p.id), site),
          ...p.data,
          organization: p.data.organization.id,
          forms: p.data.forms.map((f) => f.id),
          mentors: p.data.mentors.map((m) => m.id),
          published: date(p.data.published),
          cover: p.data.cover ? absolute((await getImage({ src: p.data.cover, width: 1200, format: 'webp' })).src, site) : undefined,
          description: p.body,
        })),
      );
    case 'mentors':
      return Promise.all(
        s.mentors.map(async (m) => {
          const { person, data } = m;
          return {
            id: m.id,
            url: absolute(routes.mentor(m.id), site),
            name: person.displayName,
            photo:
              person.showPhoto && data.photo
                ? absolute((await getImage({ src: data.photo, width: 320, height: 320, format: 'webp' })).src, site)
                : undefined,
            photoAlt: person.showPhoto ? data.photoAlt : undefined,
            position: data.position,
            organization: data.organization.id,
            sphere: data.sphere,
            category: data.category,
            categoryLabel: MENTOR_CATEGORIES[data.category],
            forms: data.forms.map((f) => f.id),
            since: data.since,
            achievements: data.achievements.map((a) => ({ ...a, levelLabel: ACHIEVEMENT_LEVELS[a.level] })),
            awards: data.awards,
            quote: data.quote,
            demo: data.demo,
          };
        }),
      );
    default:
      throw new Error(`Нет такого раздела данных: ${name}`);
  }
}

function publicItem(
  item: Parameters<typeof effectiveStatus>[0],
  period: { from: Date; to: Date },
): Json {
  const status = effectiveStatus(item, period);
  return {
    ...item,
    items: undefined,
    deadline: { ...item.deadline, from: date(item.deadline.from), to: date(item.deadline.to) },
    effectiveStatus: status,
    effectiveStatusLabel: STATUS_LABELS[status],
  };
}

export const PUBLIC_COLLECTIONS = ['organizations', 'forms', 'regulations', 'roadmaps', 'practices', 'mentors'] as const;
