/**
 * The editor's deadline widget (src/admin/deadline-widget.ts, issue 17, finding 11): as the curator
 * types the deadline text, «начало срока», «окончание срока» and the kind follow it while they are
 * empty or still what the widget filled in; dates the curator set stay theirs.
 */
import { describe, expect, it } from 'vitest';
import { followText, periodOf, type DeadlineFields, type Filled } from '../src/admin/deadline-widget.ts';
import { deadlineSchema } from '../src/schemas/roadmaps.ts';

const SCHOOL_YEAR = periodOf('2023-09-01', '2024-08-31');

/** Types the text character by character, as the control sees it. */
function type(text: string, start: DeadlineFields = {}, { period } = { period: SCHOOL_YEAR }) {
  let fields = start;
  let filled: Filled = {};
  for (let i = 1; i <= text.length; i++) ({ next: fields, filled } = followText({ ...fields, text: text.slice(0, i) }, filled, period));
  return { fields, filled };
}

describe('the deadline widget fills the dates from the text', () => {
  it('«Апрель 2024» typed into an empty deadline gives April 2024, a month', () => {
    const { fields } = type('Апрель 2024');
    expect(fields).toEqual({ text: 'Апрель 2024', from: '2024-04-01', to: '2024-04-30', kind: 'month' });
    // What it fills, the schema accepts.
    expect(deadlineSchema.safeParse(fields).success).toBe(true);
  });

  it('a month without a year is read in the roadmap period; «до …» gives only the end', () => {
    expect(type('апрель').fields).toMatchObject({ from: '2024-04-01', to: '2024-04-30' });
    expect(type('до 30.11.2023').fields).toEqual({ text: 'до 30.11.2023', to: '2023-11-30', kind: 'until' });
    expect(type('по графику').fields).toEqual({ text: 'по графику', kind: 'schedule' });
  });

  it('dates it filled follow a corrected text; dates the curator set are left alone', () => {
    const { fields, filled } = type('Апрель 2024');
    const corrected = followText({ ...fields, text: 'Май 2024' }, filled, SCHOOL_YEAR).next;
    expect(corrected).toMatchObject({ from: '2024-05-01', to: '2024-05-31', kind: 'month' });

    const own = { text: 'январь 2024', from: '2024-01-11', to: '2024-01-31', kind: 'month' };
    expect(followText({ ...own, text: 'февраль 2024' }, {}, SCHOOL_YEAR).next).toEqual({ ...own, text: 'февраль 2024' });
  });

  it('a kind the curator chose stays while the dates follow', () => {
    const { fields } = type('сентябрь 2023', { kind: 'range' });
    expect(fields).toMatchObject({ from: '2023-09-01', to: '2023-09-30', kind: 'range' });
  });

  it('no period: a month without a year gives no dates', () => {
    expect(type('апрель', {}, { period: undefined }).fields).toEqual({ text: 'апрель', kind: 'month' });
    expect(periodOf('2023-09-01', undefined)).toBeUndefined();
  });
});
