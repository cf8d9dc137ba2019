/**
 * Facts, blanks and derived values told apart: a blank left in a document to fill by hand
 * («от ..2020 №», «№ ___», «от «__» ____ 20__ г.») is found and said to be missing, keeping what
 * the document does give; a period the importer worked out says so. The schemas record both
 * (approval.blanks, period.origin and period.stated), and the CMS can save them.
 */
import { describe, expect, it } from 'vitest';
import { approvalNote, blanksIn, periodNote, shortPeriodNote } from '../src/lib/provenance.ts';
import { plainTools } from '../src/schemas/common.ts';
import { regulationSchema } from '../src/schemas/regulations.ts';
import { roadmapSchema } from '../src/schemas/roadmaps.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('blanks in an approval', () => {
  it.each([
    ['Утвержден приказом МОУ «Средняя школа № 2» от ..2020 №', ['date', 'number']],
    ['приказ № ___ от «__» ________ 20__ г.', ['date', 'number']],
    ['приказ от __.__.2024 № 15', ['date']],
    ['приказ № ____', ['number']],
    ['приказ от ____________ № ______', ['date', 'number']],
    ['приказ № от 01.09.2024', ['number']],
    ['приказ № 98-о/д от 29.08.2026', []],
    ['Принят решением педагогического совета 30.03.2022г., протокол №12', []],
    ['МОУ «СШ № 2»', []],
  ] as const)('%s → %j', (text, blanks) => {
    expect(blanksIn(text)).toEqual(blanks);
  });

  it('are said to be missing, the year the document gives kept', () => {
    const approval = { document: 'Утвержден приказом МОУ «Средняя школа № 2» от ..2020 №', blanks: ['date', 'number'] as const };
    expect(approvalNote(approval)).toBe('день, месяц и номер приказа в документе не указаны');
    expect(approvalNote({ document: 'приказ № ___ от «__» ________ 20__ г.', blanks: ['date', 'number'] })).toBe('дата и номер приказа в документе не указаны');
    expect(approvalNote({ document: 'приказ № ____', blanks: ['number'] })).toBe('номер приказа в документе не указан');
    expect(approvalNote({ document: 'протокол от __.__.____', blanks: ['date'] })).toBe('дата протокола в документе не указана');
    expect(approvalNote({ document: 'приказ № 98-о/д от 29.08.2026' })).toBeUndefined();
  });

  it('are not said to be missing where the entry gives them', () => {
    expect(approvalNote({ document: 'приказ от ..2020 № 5', date: d('2020-05-01'), blanks: ['date'] })).toBeUndefined();
  });
});

describe('where a roadmap’s period comes from', () => {
  const period = { from: d('2023-01-01'), to: d('2024-12-31') };
  it('says nothing of a period the document states', () => {
    expect(periodNote({ ...period, origin: 'document' })).toBeUndefined();
    expect(shortPeriodNote({ ...period, origin: 'document' })).toBeUndefined();
  });
  it('says a period worked out from the events is that', () => {
    expect(periodNote({ ...period, origin: 'events' })).toBe('период определён по срокам мероприятий: в документе он не указан');
    expect(shortPeriodNote({ ...period, origin: 'events' })).toBe('определён по срокам мероприятий');
  });
  it('gives the document’s own period beside one widened to its events', () => {
    expect(periodNote({ ...period, origin: 'widened', stated: { from: d('2023-09-01'), to: d('2024-08-31') } })).toBe(
      'по документу — с 1 сентября 2023 г. по 31 августа 2024 г.; период расширен по срокам мероприятий',
    );
    expect(periodNote({ ...period, origin: 'widened' })).toBe('период расширен по срокам мероприятий, выходящим за указанный в документе');
    expect(shortPeriodNote({ ...period, origin: 'widened' })).toBe('расширен по срокам мероприятий');
  });
});

describe('the schemas record where a value came from', () => {
  const roadmap = {
    title: 'Дорожная карта',
    organization: 'shkola',
    level: 'organization',
    stages: [{ title: 'Этап', items: [{ title: 'Мероприятие', deadline: { text: 'январь 2023', kind: 'month', from: '2023-01-01', to: '2023-01-31' } }] }],
  };
  it('a period’s source and the document’s own period', () => {
    const parsed = roadmapSchema(plainTools).parse({
      ...roadmap,
      period: { from: '2023-01-01', to: '2024-12-31', origin: 'widened', stated: { from: '2023-09-01', to: '2024-08-31' } },
    });
    expect(parsed.period).toEqual({ from: d('2023-01-01'), to: d('2024-12-31'), origin: 'widened', stated: { from: d('2023-09-01'), to: d('2024-08-31') } });
    // A period typed in by an editor is the document's.
    expect(roadmapSchema(plainTools).parse({ ...roadmap, period: { from: '2023-01-01', to: '2024-12-31' } }).period.origin).toBe('document');
    expect(roadmapSchema(plainTools).safeParse({ ...roadmap, period: { from: '2023-01-01', to: '2024-12-31', source: 'guessed' } }).success).toBe(false);
  });
  it('the blanks of an approval', () => {
    const parsed = regulationSchema(plainTools).parse({
      title: 'Положение',
      organization: 'shkola',
      status: 'active',
      approval: { document: 'приказ от ..2020 №', blanks: ['date', 'number'] },
    });
    expect(parsed.approval.blanks).toEqual(['date', 'number']);
    expect(regulationSchema(plainTools).safeParse({ title: 'П', organization: 'shkola', status: 'active', approval: { blanks: ['year'] } }).success).toBe(
      false,
    );
  });
});
