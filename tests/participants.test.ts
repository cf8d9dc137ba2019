/**
 * A practice's participants are two facts — how many mentoring pairs or groups, and who took
 * part — and the page never says the count twice (issue 17, finding 12: «11 пар: 11 пар:
 * девятиклассники…», «14 пар: 14 студентов»). The count is its own line on the page
 * (participantFacts, src/lib/display.ts, which the practice page prints), and the schema
 * refuses a description that repeats it.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/integrity/check.ts';
import { participantFacts } from '../src/lib/display.ts';
import { plainTools } from '../src/schemas/common.ts';
import { practiceSchema } from '../src/schemas/practices.ts';
import { ROOT } from './helpers/project.ts';

const schema = practiceSchema(plainTools);
const practice = (participants: Record<string, unknown>) => ({
  id: 'test-practice',
  title: 'Практика',
  organization: 'uo-test',
  years: [2025],
  forms: ['uchitel-uchitel'],
  summary: 'Кратко.',
  problem: 'Проблема.',
  participants,
  replicability: 'Подходит любой школе.',
  published: '2025-10-01',
});
const issuesOf = (participants: Record<string, unknown>) => {
  const result = schema.safeParse(practice(participants));
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

/** A count said twice: «11 пар: 11 …», «14 пар: 14 студентов», «6 пар — 6 молодых педагогов». */
const COUNT_TWICE = /(?<!\d)(\d+)[\s\u00a0]+[^\d:;—]{1,40}[:—–-][\s\u00a0]*\1(?!\d)/;

const checked = [undefined, 'tests/fixtures/minimal'].flatMap((content) => checkContent(ROOT, content).entries.filter((e) => e.collection === 'practices'));
const participantsOf = (data: Record<string, unknown>) => data.participants as { pairs?: number; description: string };

describe("a practice's participants", () => {
  it('the page shows the count and the description as separate facts, the count once', () => {
    const facts = participantFacts({ pairs: 11, description: 'Девятиклассники и ученики 10–11 классов.' });
    expect(facts).toEqual([
      { term: 'Наставнических пар и групп', text: '11' },
      { term: 'Участники', text: 'Девятиклассники и ученики 10–11 классов.' },
    ]);
    expect(participantFacts({ description: 'Молодые педагоги.' })).toEqual([{ term: 'Участники', text: 'Молодые педагоги.' }]);
  });

  it('the schema refuses a description that starts with the count again, naming both fields', () => {
    for (const description of [
      '11 пар: девятиклассники и ученики 10–11 классов.',
      '11 девятиклассников и 11 учеников 10–11 классов.',
      '«11 пар» девятиклассников',
    ]) {
      const issues = issuesOf({ pairs: 11, description });
      expect(issues, description).toHaveLength(1);
      expect(issues[0].path).toBe('participants.description');
      expect(issues[0].message).toContain('11');
      expect(issues[0].message).toContain('«число наставнических пар и групп»');
      expect(issues[0].message).not.toMatch(/[A-Za-z]{3,}/);
    }
    // …or names the pairs anywhere.
    expect(issuesOf({ pairs: 24, description: 'Ученики 9–11 классов и выпускники: 24 пары в пяти школах.' })).toHaveLength(1);
  });

  it('other numbers in the description are facts of their own', () => {
    expect(issuesOf({ pairs: 11, description: 'Девятиклассники и десятиклассники. Всего сформировали 13 пар, две распались.' })).toEqual([]);
    expect(issuesOf({ pairs: 6, description: '31 ученик 8–10 классов в проектных группах.' })).toEqual([]);
    expect(issuesOf({ pairs: 1, description: 'Ученики 10–11 классов.' })).toEqual([]);
    // Without the count field the description may give it.
    expect(issuesOf({ description: '11 пар: девятиклассники и десятиклассники.' })).toEqual([]);
  });

  it('no demo or fixture practice says its count twice, on the page or in its description', () => {
    expect(checked.length).toBeGreaterThan(8);
    for (const entry of checked) {
      const participants = participantsOf(entry.data);
      const page = participantFacts(participants)
        .map((f) => `${f.term}: ${f.text}`)
        .join('\n');
      expect(page, entry.file).not.toMatch(COUNT_TWICE);
      if (participants.pairs !== undefined)
        expect(participants.description.trimStart(), entry.file).not.toMatch(new RegExp(`^\\D{0,2}${participants.pairs}(?!\\d)`));
    }
  });

  it('the check of the content finds no participants problem', () => {
    for (const content of [undefined, 'tests/fixtures/minimal']) {
      expect(checkContent(ROOT, content).problems.filter((p) => p.field?.startsWith('participants'))).toEqual([]);
    }
  });

  it('the pattern of the test does find the finding as it was', () => {
    expect('Участники: 11\u00a0пар: 11 пар: девятиклассники').toMatch(COUNT_TWICE);
    expect('Участники: 14\u00a0пар: 14 студентов 2–4 курсов').toMatch(COUNT_TWICE);
    expect('Наставнических пар и групп: 11\nУчастники: Девятиклассники').not.toMatch(COUNT_TWICE);
  });
});
