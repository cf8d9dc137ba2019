/** One page of every type the site builds (with BASE_PATH it sits under the base). */
import { checkContent } from '../../src/integrity/check.ts';
import { ROOT } from './project.ts';

const { entries } = checkContent(ROOT);
const first = (c: string) => entries.find((e) => e.collection === c)!.id;
export const PAGE_TYPES = [
  '',
  'polozheniya/',
  `polozheniya/${first('regulations')}/`,
  'dorozhnye-karty/',
  `dorozhnye-karty/${first('roadmaps')}/`,
  'praktiki/',
  `praktiki/${first('practices')}/`,
  `praktiki/forma/${first('forms')}/`,
  'nastavniki/',
  `nastavniki/${first('mentors')}/`,
  'formy/',
  `formy/${first('forms')}/`,
  'organizacii/',
  `organizacii/${first('organizations')}/`,
  'poisk/?q=наставник',
  'vstraivanie/',
  'embed/mentors/lesnogorsk-sosh-1/',
  'embed/roadmap/lesnogorsk-sosh-1/',
  'net-takoy-stranicy/',
];
