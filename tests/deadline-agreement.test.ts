/**
 * A roadmap item's deadline is kept twice — the text as the document has it and the dates
 * «начало срока» / «окончание срока» — and the two must say the same (issue 17, finding 11):
 * dates outside the days the text names («Апрель 2024» with dates in February 2023) are
 * refused with a message naming both; dates that only narrow the text (from the 11th of the
 * month it names) are the editor's to choose. The text is read by the importer's parser
 * (src/import/deadline.ts), with the roadmap's period for a month named without a year.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/integrity/check.ts';
import { plainTools } from '../src/schemas/common.ts';
import { deadlineSchema, roadmapSchema } from '../src/schemas/roadmaps.ts';
import { ROOT } from './helpers/project.ts';

const schema = roadmapSchema(plainTools);

/** A one-item roadmap whose item has the given deadline; the period is a school year. */
const roadmap = (deadline: Record<string, unknown>) => ({
  id: 'test-rm',
  title: 'Дорожная карта',
  organization: 'uo-test',
  level: 'organization',
  period: { from: '2023-09-01', to: '2024-08-31' },
  stages: [{ title: 'Подготовка', items: [{ title: 'Приказ', deadline: { kind: 'month', ...deadline } }] }],
});

const issuesOf = (data: unknown) => {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('the deadline text and its dates agree', () => {
  it('refuses «Апрель 2024» with dates in February 2023, naming the text and both sets of dates', () => {
    const issues = issuesOf(roadmap({ text: 'Апрель 2024', from: '2023-02-01', to: '2023-02-28' }));
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue.path).toMatch(/^stages\.0\.items\.0\.deadline\.(from|to)$/);
    expect(issue.message).toContain('«Апрель 2024»');
    expect(issue.message).toContain('01.02.2023');
    expect(issue.message).toContain('28.02.2023');
    // What the text means, so the editor sees which of the two to correct.
    expect(issue.message).toContain('01.04.2024');
    expect(issue.message).toContain('30.04.2024');
    expect(issue.message).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('the deadline alone refuses it too: the editor can check the field where it is typed', () => {
    const result = deadlineSchema.safeParse({ text: 'Апрель 2024', from: '2023-02-01', to: '2023-02-28', kind: 'month' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toContain('«Апрель 2024»');
  });

  it('a month named without a year is read in the roadmap period: «апрель» in 2023/24 is April 2024', () => {
    expect(issuesOf(roadmap({ text: 'апрель', from: '2024-04-01', to: '2024-04-30' }))).toEqual([]);
    const [issue] = issuesOf(roadmap({ text: 'апрель', from: '2023-04-01', to: '2023-04-30' }));
    expect(issue?.path).toBe('stages.0.items.0.deadline.from');
    expect(issue.message).toContain('«апрель»');
    expect(issue.message).toContain('01.04.2024');
  });

  it('a sub-item is checked too', () => {
    const data = roadmap({ text: 'по графику' });
    (data.stages[0].items[0] as Record<string, unknown>).items = [{ title: 'Анкеты', deadline: { text: 'май 2024', from: '2024-06-01', kind: 'month' } }];
    const [issue] = issuesOf(data);
    expect(issue?.path).toBe('stages.0.items.0.items.0.deadline.from');
  });

  it('one end outside is enough: «до 30.11.2023» with an end in December', () => {
    const [issue] = issuesOf(roadmap({ text: 'до 30.11.2023', to: '2023-12-15', kind: 'until' }));
    expect(issue?.path).toBe('stages.0.items.0.deadline.to');
    expect(issue.message).toContain('15.12.2023');
    expect(issue.message).toContain('30.11.2023');
  });

  it('dates that narrow the text, dates the text does not name, and a text without dates all pass', () => {
    expect(issuesOf(roadmap({ text: 'январь 2024', from: '2024-01-11', to: '2024-01-31' }))).toEqual([]);
    expect(issuesOf(roadmap({ text: 'сентябрь — октябрь 2023', from: '2023-09-15', to: '2023-10-15', kind: 'range' }))).toEqual([]);
    expect(issuesOf(roadmap({ text: 'до 30.11.2023', to: '2023-11-30', kind: 'until' }))).toEqual([]);
    expect(issuesOf(roadmap({ text: 'Январь 2024-', from: '2024-01-01', to: '2024-05-31', kind: 'range' }))).toEqual([]);
    // «по графику» names no days: whatever dates the editor knows are theirs.
    expect(issuesOf(roadmap({ text: 'по графику (декабрь 2023 — апрель 2024)', from: '2023-12-01', to: '2024-04-30', kind: 'schedule' }))).toEqual([]);
    expect(issuesOf(roadmap({ text: 'Апрель 2024' }))).toEqual([]);
  });

  it('no false alarm on the demo content, the test fixtures and the roadmaps made from the seeds', () => {
    for (const content of [undefined, 'tests/fixtures/minimal']) {
      const { problems, entries } = checkContent(ROOT, content);
      expect(problems.filter((p) => p.file.includes('roadmaps/'))).toEqual([]);
      expect(entries.filter((e) => e.collection === 'roadmaps').length).toBeGreaterThan(0);
    }
  });
});
