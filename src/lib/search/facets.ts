/**
 * What the search knows about a page beyond its text: the kind of material and the
 * filters (organisation, form, year). The material pages pass these to the layout
 * (SearchData.astro writes them as Pagefind filters); /poisk/ offers exactly the values
 * that occur, computed by the same functions.
 */
import type { Form, MentorEntry, Organization, Practice, Regulation, Roadmap, Site } from '../data.ts';

export const SEARCH_KINDS = {
  regulation: 'Положение',
  roadmap: 'Дорожная карта',
  practice: 'Практика',
  mentor: 'Наставник',
  form: 'Форма наставничества',
  organization: 'Организация',
} as const;

export type SearchKind = keyof typeof SEARCH_KINDS;

export interface SearchFacets {
  kind: SearchKind;
  /** The organisation's short name, as lists show it. */
  organization?: string;
  /** Titles of the forms of mentoring the material belongs to. */
  forms?: string[];
  years?: number[];
}

/** Every calendar year a period touches: a 2023–2024 roadmap is found under both years. */
export function yearsOf(from: Date, to: Date): number[] {
  const years: number[] = [];
  for (let y = from.getUTCFullYear(); y <= to.getUTCFullYear(); y++) years.push(y);
  return years;
}

const orgName = (site: Site, id: string) => site.organization(id).data.shortName;
const formTitles = (site: Site, refs: { id: string }[]) => refs.map((f) => site.form(f.id).data.title);

export const facetsOf = {
  practice: (site: Site, e: Practice): SearchFacets => ({
    kind: 'practice',
    organization: orgName(site, e.data.organization.id),
    forms: formTitles(site, e.data.forms),
    years: e.data.years,
  }),
  mentor: (site: Site, e: MentorEntry): SearchFacets => ({
    kind: 'mentor',
    organization: orgName(site, e.data.organization.id),
    forms: formTitles(site, e.data.forms),
  }),
  regulation: (site: Site, e: Regulation): SearchFacets => ({
    kind: 'regulation',
    organization: orgName(site, e.data.organization.id),
    forms: formTitles(site, e.data.forms),
    years: e.data.approval.date ? [e.data.approval.date.getUTCFullYear()] : [],
  }),
  roadmap: (site: Site, e: Roadmap): SearchFacets => ({
    kind: 'roadmap',
    organization: orgName(site, e.data.organization.id),
    years: yearsOf(e.data.period.from, e.data.period.to),
  }),
  form: (_site: Site, e: Form): SearchFacets => ({ kind: 'form', forms: [e.data.title] }),
  organization: (_site: Site, e: Organization): SearchFacets => ({ kind: 'organization', organization: e.data.shortName }),
};

/** Every filter value that occurs on some page, for the search page's selects. */
export function filterValues(site: Site) {
  const all: SearchFacets[] = [
    ...site.practices.map((e) => facetsOf.practice(site, e)),
    ...site.mentors.map((e) => facetsOf.mentor(site, e)),
    ...site.regulations.map((e) => facetsOf.regulation(site, e)),
    ...site.roadmaps.map((e) => facetsOf.roadmap(site, e)),
    ...site.forms.map((e) => facetsOf.form(site, e)),
    ...site.organizations.map((e) => facetsOf.organization(site, e)),
  ];
  const collator = new Intl.Collator('ru');
  return {
    kinds: Object.values(SEARCH_KINDS).filter((label) => all.some((f) => SEARCH_KINDS[f.kind] === label)),
    organizations: [...new Set(all.flatMap((f) => f.organization ?? []))].sort(collator.compare),
    // Forms in their conventional order, as on the forms page.
    forms: [...site.forms].sort((a, b) => a.data.order - b.data.order).map((f) => f.data.title),
    years: [...new Set(all.flatMap((f) => f.years ?? []))].sort((a, b) => b - a),
  };
}
