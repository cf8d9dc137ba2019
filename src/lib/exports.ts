/** Roadmap exports: an iCalendar of the dated items and a CSV of every item. */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { RoadmapItem, RoadmapSubItem } from '../schemas/roadmaps.ts';
import { buildDate, flattenItems, STATUS_LABELS, type FlatItem } from './roadmap.ts';
import { formatDate, isoDate } from './format.ts';
import { plural } from './plural.ts';

interface RoadmapData {
  title: string;
  period: { from: Date; to: Date };
  stages: { title: string; number?: string; status?: RoadmapItem['status']; items: RoadmapItem[] }[];
}

/** What an export says besides the items: the date the statuses are computed for and what they mean. */
export interface StatusContext {
  /** The date the statuses are computed for (the build date). */
  today?: Date;
  /** The roadmap's one explanation of its states (roadmap.ts progressExplanation), if it has one. */
  explanation?: string;
}

export interface CalendarContext extends StatusContext {
  /** The roadmap's page: the calendar and each event link to it (each event to its row). */
  pageUrl: string;
  /** The organisation's short name, for a calendar name a calendar app can show in its list. */
  organization: string;
}

/** RFC 5545 §3.4: the public identifier of the product that wrote the calendar, in FPI form. */
export const PRODUCT_ID = '-//Наставничество//Дорожные карты//RU';

/** A stored mark (the item's, its parent item's, or its stage's) rather than a state read from the dates. */
function isMarked(roadmap: RoadmapData, flat: FlatItem[], index: number): boolean {
  const { item, stageIndex, depth } = flat[index];
  if (item.status || roadmap.stages[stageIndex].status) return true;
  if (depth === 0) return false;
  for (let i = index - 1; i >= 0; i--) if (flat[i].depth === 0) return !!flat[i].item.status;
  return false;
}

/** «Январь 2023–»: a deadline that names its start and leaves the end open. */
const openEnded = (item: RoadmapItem | RoadmapSubItem) => !!item.deadline.from && (!item.deadline.to || /[-–—]\s*$/.test(item.deadline.text));

/**
 * The days an item occupies in the calendar, end exclusive; undefined for an item with no dates
 * («по графику», «в течение года»), which cannot be put on a day without inventing one. An
 * open-ended item («Январь 2023–») runs to the end of the roadmap's period rather than shrink to
 * its first day; an item with only an end date («до 30.04») is an event on that day.
 */
function daysOf(item: RoadmapItem | RoadmapSubItem, period: RoadmapData['period']): { start: Date; end: Date } | undefined {
  const { from, to } = item.deadline;
  if (!from && !to) return undefined;
  const start = from ?? to!;
  const last = openEnded(item) ? period.to : (to ?? from!);
  if (last.getTime() < start.getTime()) return undefined;
  return { start, end: new Date(last.getTime() + 86_400_000) };
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks escaped in a TEXT value. */
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/**
 * RFC 5545 §3.1: a content line longer than 75 octets is folded (CRLF and a space), and a fold
 * never splits a multi-octet UTF-8 character. Cyrillic takes two octets a letter, so counting
 * characters (as the `ics` package does) leaves lines of up to 150 octets.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // A continuation line starts with the folding space, which counts towards its 75 octets.
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const dateValue = (d: Date) => isoDate(d).replace(/-/g, '');

/**
 * An event's UID stays the same when the plan is edited around it (an item inserted before it,
 * a stage added): it is made of what the event is (roadmap, stage, parent item, item), not of its
 * place. The same item written twice in one stage gets «-2» in order.
 */
function uidsOf(id: string, roadmap: RoadmapData, flat: FlatItem[], host: string): string[] {
  const seen = new Map<string, number>();
  let parent = '';
  return flat.map(({ item, depth, stageIndex }) => {
    if (depth === 0) parent = item.title;
    const key = [id, roadmap.stages[stageIndex].title, depth ? parent : '', [item.number, item.title].filter(Boolean).join(' ')].join('\u0000');
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 20);
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    return `${id}-${hash}${count > 1 ? `-${count}` : ''}@${host}`;
  });
}

/**
 * The dated items as all-day events. The calendar is named short («Дорожная карта — <школа>»: the
 * title would be cut in every calendar app's list), says the date its statuses are for, how many
 * items had no dates and were left out, and where the full plan is.
 */
export function roadmapCalendar(id: string, roadmap: RoadmapData, context: CalendarContext): string {
  const today = context.today ?? buildDate();
  const flat = flattenItems(roadmap, today);
  const host = new URL(context.pageUrl).hostname;
  const uids = uidsOf(id, roadmap, flat, host);
  const stamp = `${dateValue(today)}T000000Z`;
  const events: string[][] = [];
  let undated = 0;
  flat.forEach((entry, i) => {
    const days = daysOf(entry.item, roadmap.period);
    if (!days) {
      undated += 1;
      return;
    }
    const { item, stageIndex, status, anchor } = entry;
    events.push([
      'BEGIN:VEVENT',
      `UID:${uids[i]}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(days.start)}`,
      `DTEND;VALUE=DATE:${dateValue(days.end)}`,
      `SUMMARY:${escapeText([item.number, item.title].filter(Boolean).join(' '))}`,
      `DESCRIPTION:${escapeText(describe(item, roadmap.stages[stageIndex].title, status, today, isMarked(roadmap, flat, i) ? undefined : context.explanation))}`,
      `URL:${context.pageUrl}#${anchor}`,
      'END:VEVENT',
    ]);
  });
  const about = [
    `${roadmap.title}.`,
    `Статусы мероприятий — на ${formatDate(today)}.`,
    context.explanation ?? '',
    undated
      ? `${undated} ${plural(undated, ['мероприятие', 'мероприятия', 'мероприятий'])} без дат (по графику, в течение периода) в календарь не ${undated === 1 ? 'вошло' : 'вошли'}.`
      : '',
    `Полный план: ${context.pageUrl}`,
  ].filter(Boolean);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Дорожная карта — ${context.organization}`)}`,
    `X-WR-CALDESC:${escapeText(about.join(' '))}`,
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function describe(item: RoadmapItem | RoadmapSubItem, stage: string, status: FlatItem['status'], today: Date, explanation?: string): string {
  return [
    `Раздел: ${stage}`,
    `Срок: ${item.deadline.text || 'не указан'}`,
    item.responsible.length ? `Ответственные: ${item.responsible.join(', ')}` : '',
    item.result ? `Результат: ${item.result}` : '',
    `Статус на ${formatDate(today)}: ${STATUS_LABELS[status]}`,
    explanation ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * A cell a spreadsheet would read as a formula (or, after a tab or carriage return, as the start
 * of one) gets a leading apostrophe, so it is shown as the text it is: OWASP, «CSV Injection»
 * (https://owasp.org/www-community/attacks/CSV_Injection). Any other cell is left as it is.
 */
export const neutraliseCell = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export const CSV_HEADER = [
  'Раздел',
  '№',
  'Мероприятие',
  'Описание',
  'Срок',
  'Начало',
  'Окончание',
  'Ответственные',
  'Результат',
  'Документы',
  'Статус',
  'Статус на дату',
  'Пояснение к статусу',
] as const;

/**
 * Semicolon-separated with a BOM: what Excel in a Russian locale opens
 * correctly by double-click, which is how curators will open it. Every cell is neutralised
 * (see neutraliseCell): the texts come from editors and imported documents.
 * One table, header first, so that sorting and filters work: the date the statuses are computed
 * for is a column of its own on every row (a status without its date misleads once the file is
 * kept), and a status read from the dates rather than marked carries the roadmap's explanation.
 */
export function roadmapCsv(roadmap: RoadmapData, context: StatusContext = {}): string {
  const today = context.today ?? buildDate();
  const flat = flattenItems(roadmap, today);
  const rows = flat.map(({ item, stageIndex, status }, i) => [
    roadmap.stages[stageIndex].title,
    item.number ?? '',
    item.title,
    item.description ?? '',
    item.deadline.text,
    item.deadline.from ? isoDate(item.deadline.from) : '',
    item.deadline.to ? isoDate(item.deadline.to) : '',
    item.responsible.join(', '),
    item.result ?? '',
    (item.documents ?? []).join(', '),
    STATUS_LABELS[status],
    isoDate(today),
    isMarked(roadmap, flat, i) ? '' : (context.explanation ?? ''),
  ]);
  const cells = [[...CSV_HEADER], ...rows].map((row) => row.map(neutraliseCell));
  return '\uFEFF' + stringify(cells, { delimiter: ';', record_delimiter: 'windows' });
}
