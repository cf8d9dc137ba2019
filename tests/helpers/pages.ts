/** One page of every type the site builds (with BASE_PATH it sits under the base). */
import { checkContent } from '../../src/integrity/check.ts';
import { ROOT } from './project.ts';

const { entries } = checkContent(ROOT);
const first = (c: string) => entries.find((e) => e.collection === c)!.id;
export const PAGES = {
  home: '',
  regulations: 'polozheniya/',
  regulation: `polozheniya/${first('regulations')}/`,
  roadmaps: 'dorozhnye-karty/',
  roadmap: `dorozhnye-karty/${first('roadmaps')}/`,
  practices: 'praktiki/',
  practice: `praktiki/${first('practices')}/`,
  practicesOfForm: `praktiki/forma/${first('forms')}/`,
  mentors: 'nastavniki/',
  mentor: `nastavniki/${first('mentors')}/`,
  forms: 'formy/',
  form: `formy/${first('forms')}/`,
  organizations: 'organizacii/',
  organization: `organizacii/${first('organizations')}/`,
  // A district office: its organisations' figures and their sum (issue 19).
  districtOrganization: 'organizacii/uo-lesnogorsk/',
  roadmapWithTargets: 'dorozhnye-karty/uo-lesnogorsk-2026-2028/',
  results: `itogi/${first('results')}/`,
  districtResults: 'itogi/uo-lesnogorsk-2025-2026/',
  search: 'poisk/?q=наставник',
  embedGuide: 'vstraivanie/',
  openData: 'otkrytye-dannye/',
  embedMentors: 'embed/mentors/lesnogorsk-sosh-1/',
  embedRoadmap: 'embed/roadmap/lesnogorsk-sosh-1/',
  notFound: 'net-takoy-stranicy/',
};
export const PAGE_TYPES = Object.values(PAGES);
