/** Personal-data rules of the integrity check (filled in by the personal-data work). */
import type { CheckedEntry, ContentProblem } from './check.ts';

export function checkPeople(_entries: CheckedEntry[], _problems: ContentProblem[], _where: { root: string; content: string }): void {}
