import { describe, expect, it } from 'vitest';
import { canonicalStageProgress, effectiveStatus } from '../src/lib/roadmap.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const period = { from: d('2026-09-01'), to: d('2027-06-30') };
const item = (deadline: object, status?: 'done' | 'in-progress' | 'planned') =>
  ({ title: 'x', responsible: [], deadline: { text: '', kind: 'month', ...deadline }, status }) as never;
const today = d('2026-11-23');

describe('effective status of a roadmap item', () => {
  it('keeps a stored «выполнено» even when the dates are past', () => {
    expect(effectiveStatus(item({ from: d('2026-09-01'), to: d('2026-09-30') }, 'done'), period, today)).toBe('done');
  });
  it('marks an unfinished item past its end as overdue', () => {
    expect(effectiveStatus(item({ from: d('2026-09-01'), to: d('2026-09-30') }), period, today)).toBe('overdue');
    expect(effectiveStatus(item({ to: d('2026-10-30') }, 'in-progress'), period, today)).toBe('overdue');
  });
  it('derives in progress and planned from the dates', () => {
    expect(effectiveStatus(item({ from: d('2026-11-01'), to: d('2026-11-30') }), period, today)).toBe('in-progress');
    expect(effectiveStatus(item({ from: d('2027-01-01'), to: d('2027-01-31') }), period, today)).toBe('planned');
  });
  it('judges an undated item («по графику») by the roadmap period', () => {
    expect(effectiveStatus(item({ kind: 'schedule' }), period, today)).toBe('in-progress');
    expect(effectiveStatus(item({ kind: 'schedule' }), { from: d('2023-01-01'), to: d('2023-12-31') }, today)).toBe('overdue');
  });
});

describe('progress over the seven canonical stages', () => {
  it('reports done, current, upcoming and absent stages', () => {
    const roadmap = {
      period,
      stages: [
        { title: 'a', stage: 'preparation' as const, items: [item({ to: d('2026-09-30') }, 'done')] },
        { title: 'b', stage: 'mentees' as const, items: [item({ to: d('2026-09-30') }, 'done'), item({ from: d('2026-11-01'), to: d('2026-12-31') })] },
        { title: 'c', stage: 'completion' as const, items: [item({ from: d('2027-05-01'), to: d('2027-06-30') })] },
      ],
    };
    const states = Object.fromEntries(canonicalStageProgress(roadmap, today).map((s) => [s.key, s.state]));
    expect(states).toEqual({
      preparation: 'done',
      mentees: 'current',
      mentors: 'absent',
      training: 'absent',
      pairs: 'absent',
      work: 'absent',
      completion: 'upcoming',
    });
  });
});
