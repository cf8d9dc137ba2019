/** `npm run check:content`: the integrity check on its own, for editors and CI. */
import { checkContent, formatProblems } from '../src/integrity/check.ts';

const { problems, entries } = checkContent(process.cwd());
if (problems.length) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`Содержимое в порядке: ${entries.length} записей проверено.`);
