/** Roadmap progress: effective item statuses and per-stage summaries, against the build date. */
import { ITEM_STATUSES, STAGES, type StageKey } from '../schemas/vocabulary.ts';
import type { RoadmapItem, RoadmapSubItem } from '../schemas/roadmaps.ts';
import { buildDate } from './build-date.ts';
import { itemAnchors } from './item-anchors.ts';

export { buildDate };

export type EffectiveStatus = keyof typeof ITEM_STATUSES | 'overdue';

export const STATUS_LABELS: Record<EffectiveStatus, string> = { ...ITEM_STATUSES, overdue: 'просрочено' };

interface Period {
  from: Date;
  to: Date;
}

/**
 * A stored status wins, except that an unfinished item past its end is «просрочено».
 * An item with no dates («по графику») is judged by the roadmap's own period.
 */
export function effectiveStatus(item: RoadmapItem | RoadmapSubItem, period: Period, today = buildDate()): EffectiveStatus {
  if (item.status === 'done') return 'done';
  const from = item.deadline.from ?? (item.deadline.to ? undefined : period.from);
  const to = item.deadline.to ?? period.to;
  if (to.getTime() < today.getTime()) return 'overdue';
  if (item.status) return item.status;
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
  stages: { title: string; number?: string; stage?: StageKey; items: RoadmapItem[] }[];
}

export function flattenItems(roadmap: RoadmapLike, today = buildDate()): FlatItem[] {
  const anchors = itemAnchors(roadmap.stages);
  let row = 0;
  const flat: FlatItem[] = [];
  roadmap.stages.forEach((stage, stageIndex) => {
    for (const item of stage.items) {
      flat.push({ item, depth: 0, status: effectiveStatus(item, roadmap.period, today), stageIndex, anchor: anchors[row++] });
      for (const sub of item.items ?? []) {
        flat.push({ item: sub, depth: 1, status: effectiveStatus(sub, roadmap.period, today), stageIndex, anchor: anchors[row++] });
      }
    }
  });
  return flat;
}

export type Tally = Record<EffectiveStatus, number> & { total: number };

export function tally(items: readonly { status: EffectiveStatus }[]): Tally {
  const counts: Tally = { done: 0, 'in-progress': 0, planned: 0, overdue: 0, total: items.length };
  for (const { status } of items) counts[status] += 1;
  return counts;
}

export type StageState = 'done' | 'current' | 'upcoming' | 'absent';
export const STAGE_STATE_LABELS: Record<StageState, string> = {
  done: 'завершён',
  current: 'идёт сейчас',
  upcoming: 'впереди',
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
      else if (counts.done || counts['in-progress'] || counts.overdue) state = 'current';
      else state = 'upcoming';
    }
    return { key, title: STAGES[key], state, tally: counts };
  });
}
