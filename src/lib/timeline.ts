/** Geometry of the roadmap timeline (months × dated items), computed once, drawn as static SVG. */
import type { FlatItem } from './roadmap.ts';

export interface TimelineRow {
  label: string;
  title: string;
  status: FlatItem['status'];
  /** Month indexes from the first month, inclusive. */
  start: number;
  end: number;
  point: boolean;
}

export interface Timeline {
  months: Date[];
  rows: TimelineRow[];
  today?: number;
}

const monthIndex = (origin: Date, date: Date) => (date.getUTCFullYear() - origin.getUTCFullYear()) * 12 + date.getUTCMonth() - origin.getUTCMonth();

export function buildTimeline(items: FlatItem[], today: Date): Timeline | undefined {
  const dated = items.filter((f) => f.item.deadline.from || f.item.deadline.to);
  if (!dated.length) return undefined;
  const dates = dated.flatMap((f) => [f.item.deadline.from, f.item.deadline.to].filter((d): d is Date => Boolean(d)));
  const first = new Date(Math.min(...dates.map((d) => d.getTime())));
  const last = new Date(Math.max(...dates.map((d) => d.getTime())));
  const origin = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
  const count = monthIndex(origin, last) + 1;
  const months = Array.from({ length: count }, (_, i) => new Date(Date.UTC(origin.getUTCFullYear(), origin.getUTCMonth() + i, 1)));
  const rows = dated.map(({ item, status }) => {
    const from = item.deadline.from ?? item.deadline.to!;
    const to = item.deadline.to ?? item.deadline.from!;
    return {
      label: item.number ?? '•',
      title: item.title,
      status,
      start: monthIndex(origin, from),
      end: monthIndex(origin, to),
      point: !item.deadline.from || !item.deadline.to,
    };
  });
  const t = monthIndex(origin, today);
  return { months, rows, today: t >= 0 && t < count ? t + today.getUTCDate() / 31 : undefined };
}
