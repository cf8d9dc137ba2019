import { describe, expect, it } from 'vitest';
import { canonicalStageProgress, effectiveStatus, flattenItems, progressExplanation, tally } from '../src/lib/roadmap.ts';
import { countAfterOf, WORDS } from '../src/lib/format.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const period = { from: d('2026-09-01'), to: d('2027-06-30') };
const item = (deadline: object, status?: 'done' | 'in-progress' | 'planned') =>
  ({ title: 'x', responsible: [], deadline: { text: '', kind: 'month', ...deadline }, status }) as never;
const today = d('2026-11-23');

describe('effective status of a roadmap item', () => {
  it('keeps a stored «выполнено» even when the dates are past', () => {
    expect(effectiveStatus(item({ from: d('2026-09-01'), to: d('2026-09-30') }, 'done'), period, today)).toBe('done');
  });
  it('calls an item past its end «просрочено» only when someone marked it as not done', () => {
    expect(effectiveStatus(item({ to: d('2026-10-30') }, 'in-progress'), period, today)).toBe('overdue');
    expect(effectiveStatus(item({ to: d('2026-10-30') }, 'planned'), period, today)).toBe('overdue');
  });
  it('calls an unmarked item past its end «не отмечено», not «просрочено»', () => {
    expect(effectiveStatus(item({ from: d('2026-09-01'), to: d('2026-09-30') }), period, today)).toBe('unmarked');
  });
  it('takes the mark of the stage (or of the parent item) where the item has none of its own', () => {
    expect(effectiveStatus(item({ to: d('2026-09-30') }), period, today, 'done')).toBe('done');
    expect(effectiveStatus(item({ to: d('2026-09-30') }, 'in-progress'), period, today, 'done')).toBe('overdue');
    const roadmap = {
      period,
      stages: [
        {
          title: 'a',
          status: 'done' as const,
          items: [{ ...(item({ to: d('2026-09-30') }) as object), items: [item({ to: d('2026-09-30') }), item({ to: d('2026-09-30') }, 'planned')] } as never],
        },
      ],
    };
    expect(flattenItems(roadmap, today).map((f) => f.status)).toEqual(['done', 'done', 'overdue']);
  });
  it('derives in progress and planned from the dates', () => {
    expect(effectiveStatus(item({ from: d('2026-11-01'), to: d('2026-11-30') }), period, today)).toBe('in-progress');
    expect(effectiveStatus(item({ from: d('2027-01-01'), to: d('2027-01-31') }), period, today)).toBe('planned');
  });
  it('judges an undated item («по графику») by the roadmap period', () => {
    expect(effectiveStatus(item({ kind: 'schedule' }), period, today)).toBe('in-progress');
    expect(effectiveStatus(item({ kind: 'schedule' }), { from: d('2023-01-01'), to: d('2023-12-31') }, today)).toBe('unmarked');
    expect(effectiveStatus(item({ kind: 'schedule' }, 'planned'), { from: d('2023-01-01'), to: d('2023-12-31') }, today)).toBe('overdue');
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

describe('the explanation of derived states', () => {
  const past = { period: { from: d('2022-01-01'), to: d('2023-06-30') } };
  it('says once, for a document without a single mark, that the states come from the dates', () => {
    const roadmap = { ...past, stages: [{ title: 'a', items: [item({ to: d('2022-05-31') }), item({ to: d('2023-05-31') })] }] };
    const counts = tally(flattenItems(roadmap, today));
    expect(counts.overdue).toBe(0);
    expect(counts.unmarked).toBe(2);
    expect(progressExplanation(roadmap, today)).toMatch(/нет отметок о выполнении/);
  });
  it('explains «не отмечено» where some items are marked and some past ones are not', () => {
    const roadmap = { ...past, stages: [{ title: 'a', items: [item({ to: d('2022-05-31') }, 'done'), item({ to: d('2023-05-31') })] }] };
    expect(progressExplanation(roadmap, today)).toMatch(/«Не отмечено» значит/);
  });
  it('says nothing where every state shown was marked', () => {
    const roadmap = { ...past, stages: [{ title: 'a', status: 'done' as const, items: [item({ to: d('2022-05-31') })] }] };
    expect(progressExplanation(roadmap, today)).toBeUndefined();
  });
});

describe('a count after «из»', () => {
  it.each([
    [0, '0\u00a0мероприятий'],
    [1, '1\u00a0мероприятия'],
    [11, '11\u00a0мероприятий'],
    [21, '21\u00a0мероприятия'],
    [24, '24\u00a0мероприятий'],
    [31, '31\u00a0мероприятия'],
  ])('из %i', (n, expected) => {
    expect(countAfterOf(n, WORDS.item)).toBe(expected);
  });
});
