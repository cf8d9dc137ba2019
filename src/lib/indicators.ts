/**
 * Indicators: the actual figures of «Итоги года» against the targets of a roadmap.
 *
 * - A school year «2025/2026» runs from 1 September 2025 to 31 August 2026.
 * - A target's `year` Y is the school year that ends in Y, (Y−1)/Y: targets are set for the end of a
 *   school year. A target without a year compares with the latest school year inside the roadmap.
 * - A district office's figures, where it reports none of its own, are the sums of its
 *   organisations' (those whose `parent` it is); coverage is then recomputed from the summed counts
 *   (mentees over all pupils or teachers), never averaged from the schools' percentages.
 * - A target of a school year that has not ended is «учебный год ещё идёт», never «не выполнено».
 */
import type { Results, Roadmap, Site } from './data.ts';
import { buildDate } from './build-date.ts';
import { INDICATORS, PERCENT_INDICATORS, type IndicatorKey } from '../schemas/vocabulary.ts';

export interface Fact {
  value: number;
  asOf?: Date;
  source?: string;
  /** How the site made the figure, where nobody entered it: «сумма по 2 организациям». */
  derived?: string;
}
export type Figures = Map<IndicatorKey, Fact>;

/** «2025/2026» for a date in September 2025 – August 2026. */
export function schoolYearOf(date: Date): string {
  const start = date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  return `${start}/${start + 1}`;
}
export const schoolYearStart = (schoolYear: string) => new Date(Date.UTC(Number(schoolYear.slice(0, 4)), 8, 1));
/** The last day of the school year, 31 August. */
export const schoolYearEnd = (schoolYear: string) => new Date(Date.UTC(Number(schoolYear.slice(5, 9)), 7, 31));
/** The school year that ends in the target's year. */
export const schoolYearOfTarget = (year: number) => `${year - 1}/${year}`;
/** «2025-2026», for ids and file names. */
export const schoolYearSlug = (schoolYear: string) => schoolYear.replace('/', '-');

const COVERAGE: Partial<Record<IndicatorKey, [IndicatorKey, IndicatorKey]>> = {
  'coverage-pupils': ['mentees-pupils', 'pupils-total'],
  'coverage-teachers': ['mentees-teachers', 'teachers-total'],
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Coverage from the counts where the entry gives the counts but not the percentage. */
function withCoverage(figures: Figures): Figures {
  for (const [key, [part, whole]] of Object.entries(COVERAGE) as [IndicatorKey, [IndicatorKey, IndicatorKey]][]) {
    const p = figures.get(part);
    const w = figures.get(whole);
    if (figures.has(key) || !p || !w || !w.value) continue;
    figures.set(key, { value: round1((100 * p.value) / w.value), asOf: p.asOf, derived: `рассчитано: ${INDICATORS[part]} / ${INDICATORS[whole]}` });
  }
  return figures;
}

export const entryFigures = (entry: Results): Figures =>
  withCoverage(new Map(entry.data.figures.map((f) => [f.measure, { value: f.value, asOf: f.asOf, source: f.basis }])));

/** The organisations a district office sums: those whose parent it is. */
export const membersOf = (site: Site, organizationId: string) => site.organizations.filter((o) => o.data.parent?.id === organizationId);

const entryOf = (site: Site, organizationId: string, schoolYear: string) =>
  site.byOrganization.get(organizationId)?.results.find((r) => r.data.schoolYear === schoolYear);

/** The counts of several organisations summed; coverage recomputed from the sums. */
export function sumFigures(parts: Figures[]): Figures {
  const sums: Figures = new Map();
  for (const key of Object.keys(INDICATORS) as IndicatorKey[]) {
    if (PERCENT_INDICATORS.includes(key)) continue;
    const having = parts.filter((p) => p.has(key));
    if (!having.length) continue;
    const dates = having.map((p) => p.get(key)!.asOf).filter((d): d is Date => !!d);
    sums.set(key, {
      value: having.reduce((sum, p) => sum + p.get(key)!.value, 0),
      asOf: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : undefined,
      derived: having.length === parts.length ? `сумма по ${parts.length} орг.` : `сумма по ${having.length} из ${parts.length} орг.: у остальных нет данных`,
    });
  }
  return withCoverage(sums);
}

/**
 * An organisation's figures for a school year: those it reported; for a district office without
 * figures of its own, the sums of its organisations'.
 */
export function figuresFor(site: Site, organizationId: string, schoolYear: string): Figures {
  const own = entryOf(site, organizationId, schoolYear);
  if (own?.data.figures.length) return entryFigures(own);
  const members = membersOf(site, organizationId)
    .map((o) => entryOf(site, o.id, schoolYear))
    .filter((r): r is Results => !!r);
  return members.length ? sumFigures(members.map(entryFigures)) : new Map();
}

export type TargetState = 'met' | 'not-met' | 'year-running' | 'no-data' | 'not-comparable';
export const TARGET_STATES: Record<TargetState, string> = {
  met: 'выполнено',
  'not-met': 'не выполнено',
  'year-running': 'учебный год ещё идёт',
  'no-data': 'нет данных',
  'not-comparable': 'не сравнивается',
};

export interface PlanFactRow {
  target: Roadmap['data']['targets'][number];
  schoolYear?: string;
  fact?: Fact;
  state: TargetState;
}

/** The school year a target is judged in (see the top of this file). */
export function targetSchoolYear(roadmap: Roadmap['data'], year?: number): string {
  if (year) return schoolYearOfTarget(year);
  return schoolYearOf(roadmap.period.to);
}

/** Each target of the roadmap beside the actual figure of its school year, and whether it is met. */
export function planFact(site: Site, roadmap: Roadmap, today = buildDate()): PlanFactRow[] {
  return roadmap.data.targets.map((target) => {
    if (!target.measure || typeof target.value !== 'number') return { target, state: 'not-comparable' as const };
    const schoolYear = targetSchoolYear(roadmap.data, target.year);
    const fact = figuresFor(site, roadmap.data.organization.id, schoolYear).get(target.measure);
    const running = schoolYearEnd(schoolYear).getTime() >= today.getTime();
    const state: TargetState = fact && fact.value >= target.value ? 'met' : running ? 'year-running' : fact ? 'not-met' : 'no-data';
    return { target, schoolYear, fact, state };
  });
}

export interface DistrictRow {
  organizationId: string;
  figures: Figures;
}

/** A district office's organisations and their figures for a school year, with the sums. */
export function districtTable(site: Site, districtId: string, schoolYear: string): { rows: DistrictRow[]; total: Figures } {
  const rows = membersOf(site, districtId).map((o) => ({ organizationId: o.id, figures: figuresFor(site, o.id, schoolYear) }));
  return { rows, total: sumFigures(rows.filter((r) => r.figures.size).map((r) => r.figures)) };
}

/** The school years an organisation (or its district's members) reported, newest first. */
export function reportedYears(site: Site, organizationId: string): string[] {
  const ids = [organizationId, ...membersOf(site, organizationId).map((o) => o.id)];
  const years = new Set(ids.flatMap((id) => site.byOrganization.get(id)?.results.map((r) => r.data.schoolYear) ?? []));
  return [...years].sort().reverse();
}

/** «1\u00a0250» or «34,5 %». */
export const factText = (key: IndicatorKey, value: number) =>
  `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(value)}${PERCENT_INDICATORS.includes(key) ? '\u00a0%' : ''}`;
