/** `npm run check:content`: the integrity check on its own, for editors and CI. */
import { checkContent, formatProblems } from '../src/integrity/check.ts';
import { consentNotices } from '../src/integrity/people.ts';

const { problems, entries } = checkContent(process.cwd());
const notices = consentNotices(entries);
if (notices.length) console.warn(`Согласия на публикацию, о которых пора вспомнить (${notices.length}):\n${notices.map((n) => `  • ${n}`).join('\n')}`);
if (problems.length) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`Содержимое в порядке: ${entries.length} записей проверено.`);
