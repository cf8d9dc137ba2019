/**
 * «Итоги года» as data: one organisation's (or a district office's) school year — figures against
 * plan, the roadmap's events of that year by stage, the practices published, the mentors honoured.
 * The page, the .docx report and the CSV are all made from this, so they cannot disagree.
 * People appear only as the honour board shows them (site.mentors is filtered by consent;
 * names through publicName).
 */
import type { Mentor, Organization, Practice, Results, Site } from './data.ts';
import { buildDate } from './build-date.ts';
import { flattenItems, progressExplanation, tally, type EffectiveStatus, type Tally } from './roadmap.ts';
import {
  districtTable,
  figuresFor,
  membersOf,
  planFact,
  schoolYearEnd,
  schoolYearSlug,
  schoolYearStart,
  type Figures,
  type PlanFactRow,
} from './indicators.ts';
import { INDICATORS, type IndicatorKey } from '../schemas/vocabulary.ts';

export interface StageEvents {
  roadmap: string;
  stage: string;
  tally: Tally;
  /** What was not done, or not marked, in that year: number, title, state. */
  open: { number?: string; title: string; status: EffectiveStatus }[];
}

export interface YearReport {
  /** The page's id: the results entry's, or «<district>-2025-2026» for a district's sums. */
  id: string;
  organization: Organization;
  schoolYear: string;
  entry?: Results;
  figures: { key: IndicatorKey; label: string; fact: NonNullable<ReturnType<Figures['get']>> }[];
  /** A district office's organisations and their sum. */
  district?: { rows: { organization: Organization; figures: Figures }[]; total: Figures };
  targets: (PlanFactRow & { roadmap: string })[];
  events: StageEvents[];
  explanations: string[];
  practices: Practice[];
  mentors: { mentor: Mentor; achievements: Mentor['data']['achievements'] }[];
  /** The date the states are computed for. */
  asOf: Date;
}

const within = (date: Date, from: Date, to: Date) => date.getTime() >= from.getTime() && date.getTime() <= to.getTime();

function reportOf(site: Site, organization: Organization, schoolYear: string, entry: Results | undefined, id: string): YearReport {
  const from = schoolYearStart(schoolYear);
  const to = schoolYearEnd(schoolYear);
  const own = site.byOrganization.get(organization.id)!;
  const figures = figuresFor(site, organization.id, schoolYear);
  const members = membersOf(site, organization.id);
  const table = members.length ? districtTable(site, organization.id, schoolYear) : undefined;
  const roadmaps = own.roadmaps.filter((r) => r.data.period.from <= to && r.data.period.to >= from);
  const targets = roadmaps.flatMap((r) =>
    planFact(site, r)
      .filter((row) => row.schoolYear === schoolYear)
      .map((row) => ({ ...row, roadmap: r.data.title })),
  );
  const events: StageEvents[] = [];
  const explanations = new Set<string>();
  for (const r of roadmaps) {
    const flat = flattenItems(r.data).filter(({ item }) => {
      const end = item.deadline.to ?? item.deadline.from;
      return end ? within(end, from, to) : false;
    });
    r.data.stages.forEach((stage, index) => {
      const items = flat.filter((f) => f.stageIndex === index);
      if (!items.length) return;
      events.push({
        roadmap: r.data.title,
        stage: stage.title,
        tally: tally(items),
        open: items.filter((f) => f.status !== 'done').map((f) => ({ number: f.item.number, title: f.item.title, status: f.status })),
      });
    });
    const note = flat.length ? progressExplanation(r.data) : undefined;
    if (note) explanations.add(note);
  }
  const years = [from.getUTCFullYear(), to.getUTCFullYear()];
  const practices = own.practices.filter((p) => within(p.data.published, from, to));
  const mentors = own.mentors
    .map((mentor) => ({ mentor, achievements: mentor.data.achievements.filter((a) => years.includes(a.year)) }))
    .filter((m) => m.achievements.length);
  return {
    id,
    organization,
    schoolYear,
    entry,
    figures: (Object.keys(INDICATORS) as IndicatorKey[]).filter((k) => figures.has(k)).map((key) => ({ key, label: INDICATORS[key], fact: figures.get(key)! })),
    district: table && { rows: table.rows.map((r) => ({ organization: site.organization(r.organizationId), figures: r.figures })), total: table.total },
    targets,
    events,
    explanations: [...explanations],
    practices,
    mentors,
    asOf: buildDate(),
  };
}

/**
 * Every year's report: one per results entry, and one per district office and school year in
 * which its organisations reported but it has no entry of its own.
 */
export function yearReports(site: Site): YearReport[] {
  if (!made.has(site)) made.set(site, makeReports(site));
  return made.get(site)!;
}
const made = new WeakMap<Site, YearReport[]>();

function makeReports(site: Site): YearReport[] {
  const reports = site.results.map((entry) => reportOf(site, site.organization(entry.data.organization.id), entry.data.schoolYear, entry, entry.id));
  const taken = new Set(site.results.map((r) => `${r.data.organization.id} ${r.data.schoolYear}`));
  for (const district of site.organizations) {
    const years = new Set(membersOf(site, district.id).flatMap((o) => site.byOrganization.get(o.id)!.results.map((r) => r.data.schoolYear)));
    for (const year of years) {
      if (taken.has(`${district.id} ${year}`)) continue;
      reports.push(reportOf(site, district, year, undefined, `${district.id}-${schoolYearSlug(year)}`));
    }
  }
  return reports;
}

/** The reports of one organisation, newest school year first. */
export const reportsOf = (site: Site, organizationId: string) =>
  yearReports(site)
    .filter((r) => r.organization.id === organizationId)
    .sort((a, b) => b.schoolYear.localeCompare(a.schoolYear));
