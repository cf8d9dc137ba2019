/** Roadmap progress: effective item statuses and per-stage summaries, against the build date. */
import { ITEM_STATUSES, STAGES, type StageKey } from '../schemas/vocabulary.ts';
import type { RoadmapItem, RoadmapSubItem } from '../schemas/roadmaps.ts';
import { buildDate } from './build-date.ts';
import { itemAnchors } from './item-anchors.ts';

export { buildDate };

/**
 * The state an item is in on a date. «просрочено» and «не отмечено» are never stored, they are
 * derived from the dates: «просрочено» when someone marked the item as not done (in progress or
 * planned) and its end has passed; «не отмечено» when its end has passed and nobody marked it —
 * most documents carry no marks at all, and that is not a failure.
 */
export type EffectiveStatus = keyof typeof ITEM_STATUSES | 'overdue' | 'unmarked';

export const STATUS_LABELS: Record<EffectiveStatus, string> = { ...ITEM_STATUSES, overdue: 'просрочено', unmarked: 'не отмечено' };

type Mark = RoadmapItem['status'];

interface Period {
  from: Date;
  to: Date;
}

/**
 * The item's own mark wins, else the one it inherits (its parent item's, its stage's). A marked
 * unfinished item past its end is «просрочено»; an unmarked one is «не отмечено»; before its end
 * an unmarked item is «в работе» or «запланировано» by its dates. An item with no dates
 * («по графику») is judged by the roadmap's own period.
 */
export function effectiveStatus(item: RoadmapItem | RoadmapSubItem, period: Period, today = buildDate(), inherited?: Mark): EffectiveStatus {
  const mark = item.status ?? inherited;
  if (mark === 'done') return 'done';
  const from = item.deadline.from ?? (item.deadline.to ? undefined : period.from);
  const to = item.deadline.to ?? period.to;
  if (to.getTime() < today.getTime()) return mark ? 'overdue' : 'unmarked';
  if (mark) return mark;
  if (from && from.getTime() <= today.getTime()) return 'in-progress';
  return 'planned';
}

export interface FlatItem {
  item: RoadmapItem | RoadmapSubItem;
  depth: 0 | 1;
  status: EffectiveStatus;
  stageIndex: number;
  /** The row's id on the roadmap page (item-anchors.ts): «p-6-5». */
  anchor: string;
}

interface RoadmapLike {
  period: Period;
  stages: { title: string; number?: string; stage?: StageKey; status?: Mark; items: RoadmapItem[] }[];
}

export function flattenItems(roadmap: RoadmapLike, today = buildDate()): FlatItem[] {
  const anchors = itemAnchors(roadmap.stages);
  let row = 0;
  const flat: FlatItem[] = [];
  roadmap.stages.forEach((stage, stageIndex) => {
    for (const item of stage.items) {
      flat.push({ item, depth: 0, status: effectiveStatus(item, roadmap.period, today, stage.status), stageIndex, anchor: anchors[row++] });
      for (const sub of item.items ?? []) {
        const status = effectiveStatus(sub, roadmap.period, today, item.status ?? stage.status);
        flat.push({ item: sub, depth: 1, status, stageIndex, anchor: anchors[row++] });
      }
    }
  });
  return flat;
}

export type Tally = Record<EffectiveStatus, number> & { total: number };

export function tally(items: readonly { status: EffectiveStatus }[]): Tally {
  const counts: Tally = { done: 0, 'in-progress': 0, planned: 0, overdue: 0, unmarked: 0, total: items.length };
  for (const { status } of items) counts[status] += 1;
  return counts;
}

export type StageState = 'done' | 'current' | 'upcoming' | 'unmarked' | 'absent';
export const STAGE_STATE_LABELS: Record<StageState, string> = {
  done: 'завершён',
  current: 'идёт сейчас',
  upcoming: 'впереди',
  unmarked: 'сроки прошли, отметок нет',
  absent: 'нет в плане',
};

export interface StageProgress {
  key: StageKey;
  title: string;
  state: StageState;
  tally: Tally;
}

/** Where the programme stands on each of the seven canonical stages. */
export function canonicalStageProgress(roadmap: RoadmapLike, today = buildDate()): StageProgress[] {
  const flat = flattenItems(roadmap, today);
  return (Object.keys(STAGES) as StageKey[]).map((key) => {
    const items = flat.filter((f) => roadmap.stages[f.stageIndex].stage === key);
    const counts = tally(items);
    let state: StageState = 'absent';
    if (counts.total) {
      if (counts.done === counts.total) state = 'done';
      else if (counts.unmarked + counts.done === counts.total) state = 'unmarked';
      else if (counts.done || counts['in-progress'] || counts.overdue || counts.unmarked) state = 'current';
      else state = 'upcoming';
    }
    return { key, title: STAGES[key], state, tally: counts };
  });
}

/** Whether anyone marked anything in the roadmap: an item, a sub-item or a whole stage. */
export const hasMarks = (roadmap: RoadmapLike) =>
  roadmap.stages.some((stage) => stage.status || stage.items.some((item) => item.status || item.items?.some((sub) => sub.status)));

/**
 * The one explanation of derived states, in the same words wherever a state appears (pages,
 * lists, embeds, share images, CSV, ICS, JSON). None when every state shown was marked.
 */
export function progressExplanation(roadmap: RoadmapLike, today = buildDate()): string | undefined {
  const counts = tally(flattenItems(roadmap, today));
  if (!hasMarks(roadmap)) {
    return counts.unmarked
      ? 'В документе нет отметок о выполнении мероприятий. Статусы показаны по срокам: «не отмечено» значит, что срок прошёл, а отметки нет, — а не то, что мероприятие не проведено.'
      : 'В документе пока нет отметок о выполнении: статусы показаны по срокам.';
  }
  return counts.unmarked ? '«Не отмечено» значит, что срок мероприятия прошёл, а отметки о выполнении нет, — а не то, что оно не проведено.' : undefined;
}
