/** Roadmap exports: an iCalendar of the dated items and a CSV of every item. */
import { createEvents, type EventAttributes } from 'ics';
import { stringify } from 'csv-stringify/sync';
import type { RoadmapItem, RoadmapSubItem } from '../schemas/roadmaps.ts';
import { flattenItems, STATUS_LABELS, type FlatItem } from './roadmap.ts';
import { isoDate } from './format.ts';

interface RoadmapData {
  title: string;
  period: { from: Date; to: Date };
  stages: { title: string; items: RoadmapItem[] }[];
}

const dayParts = (d: Date): [number, number, number] => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
const nextDay = (d: Date) => new Date(d.getTime() + 86_400_000);

/** All-day events; an item with only an end date («до 30.04») is an event on that day. */
export function roadmapCalendar(id: string, roadmap: RoadmapData, pageUrl: string, host: string): string {
  const events: EventAttributes[] = flattenItems(roadmap)
    .filter(({ item }) => item.deadline.from || item.deadline.to)
    .map(({ item, stageIndex, status }, i) => {
      const start = item.deadline.from ?? item.deadline.to!;
      const end = item.deadline.to ?? item.deadline.from!;
      return {
        uid: `${id}-${i + 1}@${host}`,
        title: [item.number, item.title].filter(Boolean).join(' '),
        description: describe(item, roadmap.stages[stageIndex].title, status),
        start: dayParts(start),
        end: dayParts(nextDay(end)),
        url: pageUrl,
        calName: roadmap.title,
        productId: 'nastavnichestvo',
      } satisfies EventAttributes;
    });
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`Не удалось собрать календарь «${roadmap.title}»: ${error?.message}`);
  return value;
}

function describe(item: RoadmapItem | RoadmapSubItem, stage: string, status: FlatItem['status']): string {
  return [
    `Раздел: ${stage}`,
    `Срок: ${item.deadline.text || 'не указан'}`,
    item.responsible.length ? `Ответственные: ${item.responsible.join(', ')}` : '',
    item.result ? `Результат: ${item.result}` : '',
    `Статус: ${STATUS_LABELS[status]}`,
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

/**
 * Semicolon-separated with a BOM: what Excel in a Russian locale opens
 * correctly by double-click, which is how curators will open it. Every cell is neutralised
 * (see neutraliseCell): the texts come from editors and imported documents.
 */
export function roadmapCsv(roadmap: RoadmapData): string {
  const rows = flattenItems(roadmap).map(({ item, stageIndex, status }) => [
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
  ]);
  const header = ['Раздел', '№', 'Мероприятие', 'Описание', 'Срок', 'Начало', 'Окончание', 'Ответственные', 'Результат', 'Документы', 'Статус'];
  const cells = [header, ...rows].map((row) => row.map(neutraliseCell));
  return '\uFEFF' + stringify(cells, { delimiter: ';', record_delimiter: 'windows' });
}
