/**
 * The dates the content itself carries, for what the open data, the feed and the sitemap say about
 * when something was published or changed. Nothing here is made up: a date is a practice's
 * publication day, a document's approval day or the day a year's figures were taken, as an
 * editor wrote it; a date after the build's is not yet an event and is left out. What carries no
 * date has none (an organisation, a form, a mentor's card): its passport says so rather than guess.
 *
 * Plain Node: no Astro imports (the sitemap is made in the build's last hook, from the content check).
 */
import type { CollectionName } from '../../schemas/collections.ts';

export interface OwnDate {
  date: Date;
  /** What the date is, in a sentence: «дата публикации». */
  kind: string;
}

type Data = Record<string, unknown>;
const dated = (value: unknown, kind: string): OwnDate[] => (value instanceof Date ? [{ date: value, kind }] : []);

/** The dates an entry carries of its own, whatever the build date. */
export function ownDates(collection: CollectionName, data: Data): OwnDate[] {
  const approval = (data.approval as { date?: Date } | undefined)?.date;
  switch (collection) {
    case 'practices':
      return dated(data.published, 'дата публикации');
    case 'regulations':
    case 'roadmaps':
      return dated(approval, 'дата утверждения');
    case 'results':
      return [
        ...dated(approval, 'дата утверждения'),
        ...((data.figures as { asOf?: Date }[] | undefined) ?? []).flatMap((f) => dated(f.asOf, 'дата, на которую даны показатели')),
      ];
    default:
      return [];
  }
}

export interface DatedEntry<T> extends OwnDate {
  entry: T;
}

/**
 * The earliest and the latest of the entries' own dates up to the build date (both undefined when
 * none has one). Ties go to the entry listed first, so the same content always names the same one.
 */
export function dateSpan<T extends { data: Data }>(
  collection: CollectionName,
  entries: readonly T[],
  today: Date,
): { first?: DatedEntry<T>; last?: DatedEntry<T> } {
  let first: DatedEntry<T> | undefined;
  let last: DatedEntry<T> | undefined;
  for (const entry of entries) {
    for (const own of ownDates(collection, entry.data)) {
      const time = own.date.getTime();
      if (time > today.getTime()) continue;
      if (!first || time < first.date.getTime()) first = { ...own, entry };
      if (!last || time > last.date.getTime()) last = { ...own, entry };
    }
  }
  return { first, last };
}

/** The latest of some dates, or undefined. */
export const latest = (dates: readonly (Date | undefined)[]): Date | undefined =>
  dates.reduce<Date | undefined>((a, b) => (b && (!a || b.getTime() > a.getTime()) ? b : a), undefined);
