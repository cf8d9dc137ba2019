/**
 * How a practice's participants and results and a mentor's achievements read, in one place for
 * the pages, the cards, the share images (src/og/site-cards.ts) and the editor's preview
 * (src/admin/previews.ts). The preview is bundled for the browser by esbuild: this module
 * imports no Node or Astro modules, and it takes half-filled records (a figure or a year
 * the editor has not typed yet) without failing.
 */
import { ACHIEVEMENT_LEVELS } from '../schemas/vocabulary.ts';
import { formatNumber } from './format.ts';

export interface ResultFigures {
  indicator?: string;
  before?: number;
  after?: number;
  unit?: string;
}

/** A figure of a result, or «—» while the editor has not typed it. */
const figure = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? formatNumber(value) : '—');

/**
 * «Доля педагогов со стажем до 3 лет: было 12, стало 20,5 %». `unitSpace` joins the unit to
 * the number: a non-breaking space on the pages, a plain one on the share image.
 */
export const resultLine = (result: ResultFigures, unitSpace = ' ') =>
  `${result.indicator ?? ''}: было ${figure(result.before)}, стало ${figure(result.after)}${result.unit ? `${unitSpace}${result.unit}` : ''}`;

/** The change of a result, signed: «+8\u00a0п.\u00a0п.» for percentages, «−2\u00a0чел.», «±0». */
export function resultChange(result: { before: number; after: number; unit?: string }): string {
  const delta = result.after - result.before;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const unit = result.unit ? `\u00a0${result.unit === '%' ? 'п.\u00a0п.' : result.unit}` : '';
  return `${sign}${formatNumber(Math.abs(delta))}${unit}`;
}

export interface ParticipantsFigures {
  pairs?: number;
  description?: string;
}

/**
 * A practice's participants as two facts, the count once: «Наставнических пар и групп: 11» on
 * its own line and who took part under «Участники» (the schema keeps the count out of the
 * description, src/schemas/practices.ts).
 */
export const participantFacts = ({ pairs, description }: ParticipantsFigures): { term: string; text: string }[] => [
  ...(typeof pairs === 'number' && Number.isFinite(pairs) ? [{ term: 'Наставнических пар и групп', text: formatNumber(pairs) }] : []),
  ...(description ? [{ term: 'Участники', text: description }] : []),
];

type AchievementLevel = keyof typeof ACHIEVEMENT_LEVELS;
export interface AchievementFacts {
  year?: number;
  level?: AchievementLevel;
}

/** A mentor's achievements, the latest first; of one year, in the order the record lists them. */
export const achievementsByYear = <A extends { year?: number }>(achievements: readonly A[]): A[] =>
  // Array sort is stable: ties keep the record's order.
  [...achievements].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));

/** The achievement a mentor's card and share image show: the latest one. */
export const topAchievement = <A extends { year?: number }>(achievements: readonly A[]): A | undefined => achievementsByYear(achievements)[0];

/** «2024, региональный уровень»: what follows an achievement's title. */
export const achievementNote = ({ year, level }: AchievementFacts) =>
  [year, level && ACHIEVEMENT_LEVELS[level] && `${ACHIEVEMENT_LEVELS[level]} уровень`].filter(Boolean).join(', ');
