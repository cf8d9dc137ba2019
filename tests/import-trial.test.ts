/**
 * Findings of a tester who ran the importer on documents nobody here had seen (issue 18):
 * a header split under a group heading, top-level events after a numbered stage, two targets
 * in one sentence, approval dates written out in words, deadlines listed with commas.
 * The roadmap tables are the tester's own files, saved as HTML (tests/fixtures/import-units/trial/).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeadline, type Period } from '../src/import/deadline.ts';
import { importDocument } from '../src/import/import-document.ts';
import { readApproval } from '../src/import/preamble.ts';
import { readHtml } from '../src/import/read-html.ts';
import { readText } from '../src/import/read-text.ts';
import { readTargets } from '../src/import/targets.ts';

interface Item {
  number?: string;
  title: string;
  deadline: { text: string; from?: string; to?: string; kind: string };
  responsible: string[];
  items?: Item[];
}
interface Stage {
  number?: string;
  title: string;
  items: Item[];
}

const fixture = (name: string) => readHtml(readFileSync(new URL(`fixtures/import-units/trial/${name}`, import.meta.url), 'utf8'), name);
const stagesOf = (name: string) => importDocument(fixture(name), { organization: 'shkola' }).data.stages as Stage[];
const iso = (d?: Date) => d?.toISOString().slice(0, 10);

describe('a header split over two rows under a group heading', () => {
  it('reads «Сроки» and «Исполнители» from under «Выполнение»', () => {
    const stages = stagesOf('t09-stage-column-twoline-header.html');
    const events = stages.flatMap((s) => s.items);
    expect(events).toHaveLength(5);
    expect(events[0]).toMatchObject({ title: 'Изучение нормативной базы', deadline: { text: 'август – сентябрь 2024 г.' }, responsible: ['Администрация'] });
    expect(events[4]).toMatchObject({ deadline: { text: 'май' }, responsible: ['Директор', 'куратор'] });
    expect(stages.map((s) => s.title)).toEqual(['Подготовительный', 'Основной', 'Заключительный']);
  });

  it('still merges a lower-case continuation of the header', () => {
    const document = readText(
      [
        'Мероприятие | Срок | Ответственный',
        'проводимое в школе | исполнения | исполнитель',
        'Встреча наставников | сентябрь 2024 | Куратор',
        'Итоговая конференция | май 2025 | Директор',
      ]
        .map((line) => line.replaceAll(' | ', '\t'))
        .join('\n'),
      'plan.txt',
    );
    const stages = importDocument(document, { organization: 'shkola' }).data.stages as Stage[];
    expect(stages.flatMap((s) => s.items).map((i) => i.title)).toEqual(['Встреча наставников', 'Итоговая конференция']);
  });
});

describe('events at the top level after a numbered stage', () => {
  it('keeps events 3, 4, 5 out of stage «2. Формирование базы…»', () => {
    const stages = stagesOf('t01-columns-subevents.html');
    const second = stages.find((s) => s.number === '2')!;
    expect(second.items.map((i) => i.number)).toEqual(['2.1', '2.2']);
    const rest = stages.slice(stages.indexOf(second) + 1);
    expect(rest).toHaveLength(1);
    expect(rest[0].title).toBe('Мероприятия');
    expect(rest[0].items.map((i) => i.number)).toEqual(['3', '4', '5']);
  });
});

describe('two targets joined in one sentence', () => {
  it('reads each indicator with its own subject, without the verb', () => {
    const { targets } = readTargets([
      'доля педагогов до 35 лет, вовлечённых в программу наставничества, составит не менее 70 %, а число наставников увеличится до 12 человек.',
    ]);
    expect(targets).toEqual([
      { indicator: 'доля педагогов до 35 лет, вовлечённых в программу наставничества', value: 'не менее 70', unit: '%' },
      { indicator: 'число наставников', value: 'до 12', unit: 'человек' },
    ]);
  });

  it('splits at «и …» and at «;» the same way', () => {
    const { targets } = readTargets(['число пар составит не менее 10 пар и доля наставляемых достигнет 20 %; число наставников увеличится до 12 человек']);
    expect(targets.map((t) => [t.indicator, t.value])).toEqual([
      ['число пар', 'не менее 10'],
      ['доля наставляемых', 20],
      ['число наставников', 'до 12'],
    ]);
  });
});

describe('approval dates written in words', () => {
  const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));
  it.each([
    ['Приказ № 5 от «30» августа 2024 г.'],
    ['Приказ № 5 от "30" августа 2024 года'],
    ['Приказ № 5 от 30 августа 2024 г.'],
    ['Приказ № 5 от « 30 » августа 2024 г.'],
  ])('%s → 2024-08-30', (order) => {
    const { approval } = readApproval(lines('УТВЕРЖДАЮ', 'Директор школы', order, 'План мероприятий'));
    expect(approval.date).toBe('2024-08-30');
  });

  it('«Приложение № 1 к приказу … от 10 января 2025 г.» is the approval', () => {
    const { approval, used } = readApproval(
      lines('МКУ «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ»', 'Приложение № 1', 'к приказу МКУ «УО» от 10 января 2025 г. № 07-п', 'Дорожная карта по внедрению наставничества'),
    );
    expect(approval).toMatchObject({ document: 'Приложение № 1 к приказу МКУ «УО» от 10 января 2025 г. № 07-п', date: '2025-01-10' });
    expect([...used].sort()).toEqual([1, 2]);
  });

  it('an appendix to a regulation is no approval', () => {
    const { approval } = readApproval(lines('Приложение № 1', 'к Положению о наставничестве', 'План мероприятий'));
    expect(approval.document).toBeUndefined();
  });
});

describe('deadlines listed with commas', () => {
  const period: Period = { from: new Date(Date.UTC(2024, 8, 1)), to: new Date(Date.UTC(2025, 7, 31)) };
  it('«ноябрь, март» is November to March', () => {
    const d = parseDeadline('ноябрь, март', period);
    expect({ kind: d.kind, from: iso(d.from), to: iso(d.to) }).toEqual({ kind: 'range', from: '2024-11-01', to: '2025-03-31' });
  });

  it('«до 20 декабря 2025 г., до 20 декабря 2026 г.» is until the last date', () => {
    const d = parseDeadline('до 20 декабря 2025 г., до 20 декабря 2026 г.');
    expect({ kind: d.kind, from: iso(d.from), to: iso(d.to) }).toEqual({ kind: 'until', from: undefined, to: '2026-12-20' });
  });
});
