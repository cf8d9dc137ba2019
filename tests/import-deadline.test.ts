import { describe, expect, it } from 'vitest';
import { parseDeadline, type Period } from '../src/import/deadline.ts';
import { deadlineSchema } from '../src/schemas/roadmaps.ts';
import type { DEADLINE_KINDS } from '../src/schemas/vocabulary.ts';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date?: Date) => date?.toISOString().slice(0, 10);
const period = (from: string, to: string): Period => ({ from: d(from), to: d(to) });

/** The seeds' roadmap periods (tests/fixtures/seeds). */
const P000 = period('2023-01-01', '2024-12-31');
const P001 = period('2022-03-30', '2023-08-31');
const P003 = period('2020-01-01', '2021-05-31');
/** A school year (starts in September) and a plain calendar year. */
const SCHOOL = period('2023-09-01', '2024-08-31');
const Y2024 = period('2024-01-01', '2024-12-31');

interface Expected {
  kind: keyof typeof DEADLINE_KINDS;
  from?: string;
  to?: string;
}

const CASES: [string, Period | undefined, Expected][] = [
  // --- every deadline cell of seed 000 (МКОУ «Каялинская СОШ-сад»)
  ['Январь 2023', P000, { kind: 'month', from: '2023-01-01', to: '2023-01-31' }],
  ['Январь 2023-', P000, { kind: 'range', from: '2023-01-01' }],
  ['Февраль 2023', P000, { kind: 'month', from: '2023-02-01', to: '2023-02-28' }],
  ['Март 2023', P000, { kind: 'month', from: '2023-03-01', to: '2023-03-31' }],
  ['По графику', P000, { kind: 'schedule' }],
  ['Февраль 2023- май 2024', P000, { kind: 'range', from: '2023-02-01', to: '2024-05-31' }],
  ['Май 2024', P000, { kind: 'month', from: '2024-05-01', to: '2024-05-31' }],
  ['Июнь 2024', P000, { kind: 'month', from: '2024-06-01', to: '2024-06-30' }],
  ['Сентябрь 2024', P000, { kind: 'month', from: '2024-09-01', to: '2024-09-30' }],
  ['Октябрь 2024', P000, { kind: 'month', from: '2024-10-01', to: '2024-10-31' }],
  ['Ноябрь 2024', P000, { kind: 'month', from: '2024-11-01', to: '2024-11-30' }],
  ['Декабрь 2024', P000, { kind: 'month', from: '2024-12-01', to: '2024-12-31' }],
  ['', P000, { kind: 'unspecified' }],

  // --- every deadline cell of seed 001 (МБОУ «Селивановская СШ № 28»)
  ['до 30.04.2022', P001, { kind: 'until', to: '2022-04-30' }],
  ['июнь 2022', P001, { kind: 'month', from: '2022-06-01', to: '2022-06-30' }],
  ['до 01.09.2022', P001, { kind: 'until', to: '2022-09-01' }],
  ['май 2023', P001, { kind: 'month', from: '2023-05-01', to: '2023-05-31' }],
  ['в течение всего периода', P001, { kind: 'ongoing' }],
  // the Markdown rule under that table, read as a cell
  ['-------------------------', P001, { kind: 'unspecified' }],

  // --- every deadline cell of seed 003 (МОУ «СШ № 2»), line breaks as in the file
  ['до ', P003, { kind: 'until' }],
  ['до', P003, { kind: 'until' }],
  ['до 10 сентября 2020', P003, { kind: 'until', to: '2020-09-10' }],
  ['до 10.09.2020', P003, { kind: 'until', to: '2020-09-10' }],
  ['в течение всего\nпериода реализации\nЦМН', P003, { kind: 'ongoing' }],
  ['по отдельному\nграфику', P003, { kind: 'schedule' }],
  ['в соответствии со\nсроками реализации\nпрограмм\nнаставничества', P003, { kind: 'schedule' }],
  // mixed: the explicit month wins over «в соответствии со сроками…»
  ['в соответствии со\nсроками реализации\nпрограмм\nнаставничества или\nмай 2021 г.', P003, { kind: 'month', from: '2021-05-01', to: '2021-05-31' }],
  ['в течение всего\nпериода внедрения\nЦМН', P003, { kind: 'ongoing' }],
  ['в соответствии со\nсроками,\nустанавливаемыми\nМинпросвещения\nРоссии', P003, { kind: 'schedule' }],
  ['.', P003, { kind: 'unspecified' }],
  ['В течение всего периода внедрения ЦМН', P003, { kind: 'ongoing' }],
  ['\t', P003, { kind: 'unspecified' }],

  // --- one day
  ['12.02.2024', undefined, { kind: 'date', from: '2024-02-12', to: '2024-02-12' }],
  ['12 февраля 2024 г.', undefined, { kind: 'date', from: '2024-02-12', to: '2024-02-12' }],
  ['12.02.24', undefined, { kind: 'date', from: '2024-02-12', to: '2024-02-12' }],
  ['10 сент. 2020', undefined, { kind: 'date', from: '2020-09-10', to: '2020-09-10' }],
  ['1 марта 2024г.', undefined, { kind: 'date', from: '2024-03-01', to: '2024-03-01' }],
  ['12 . 02 .\n2024', undefined, { kind: 'date', from: '2024-02-12', to: '2024-02-12' }],

  // --- a month
  ['в январе 2023 г.', undefined, { kind: 'month', from: '2023-01-01', to: '2023-01-31' }],
  ['ЯНВАРЁМ 2023', undefined, { kind: 'month', from: '2023-01-01', to: '2023-01-31' }],
  ['янв. 2024', undefined, { kind: 'month', from: '2024-01-01', to: '2024-01-31' }],
  ['сент. 2023 г.', undefined, { kind: 'month', from: '2023-09-01', to: '2023-09-30' }],
  ['в  мае\n2023 года', undefined, { kind: 'month', from: '2023-05-01', to: '2023-05-31' }],
  ['май 20 23', undefined, { kind: 'month', from: '2023-05-01', to: '2023-05-31' }],
  ['январь', SCHOOL, { kind: 'month', from: '2024-01-01', to: '2024-01-31' }],
  ['сентябрь', SCHOOL, { kind: 'month', from: '2023-09-01', to: '2023-09-30' }],
  ['август', SCHOOL, { kind: 'month', from: '2024-08-01', to: '2024-08-31' }],
  ['январь', P000, { kind: 'month', from: '2023-01-01', to: '2023-01-31' }],
  ['в мае', P001, { kind: 'month', from: '2022-05-01', to: '2022-05-31' }],
  ['февраль', P001, { kind: 'month', from: '2023-02-01', to: '2023-02-28' }],
  ['январь', undefined, { kind: 'month' }],

  // --- a range
  ['Октябрь 2024 – май 2025', undefined, { kind: 'range', from: '2024-10-01', to: '2025-05-31' }],
  ['Сентябрь - октябрь 2024', undefined, { kind: 'range', from: '2024-09-01', to: '2024-10-31' }],
  ['ноябрь—февраль 2024 г.', undefined, { kind: 'range', from: '2023-11-01', to: '2024-02-29' }],
  ['сентябрь 2023 –май', undefined, { kind: 'range', from: '2023-09-01', to: '2024-05-31' }],
  ['с 1 по 15 сентября 2023', undefined, { kind: 'range', from: '2023-09-01', to: '2023-09-15' }],
  ['01.09.2023–30.09.2023', undefined, { kind: 'range', from: '2023-09-01', to: '2023-09-30' }],
  ['с 01.09.2023 по 30.09.2023', undefined, { kind: 'range', from: '2023-09-01', to: '2023-09-30' }],
  ['1 сентября - 15 октября 2023 г.', undefined, { kind: 'range', from: '2023-09-01', to: '2023-10-15' }],
  ['с 1 сентября 2023 г. по 31 мая 2024 г.', undefined, { kind: 'range', from: '2023-09-01', to: '2024-05-31' }],
  ['с 12 по 15.09.2023', undefined, { kind: 'range', from: '2023-09-12', to: '2023-09-15' }],
  ['с сентября по декабрь 2023 года', undefined, { kind: 'range', from: '2023-09-01', to: '2023-12-31' }],
  ['I полугодие 2023 г.', undefined, { kind: 'range', from: '2023-01-01', to: '2023-06-30' }],
  ['во II полугодии 2024 года', undefined, { kind: 'range', from: '2024-07-01', to: '2024-12-31' }],
  ['II квартал 2024', undefined, { kind: 'range', from: '2024-04-01', to: '2024-06-30' }],
  ['IV квартал 2023 г.', undefined, { kind: 'range', from: '2023-10-01', to: '2023-12-31' }],
  ['в течение 2023 года', undefined, { kind: 'range', from: '2023-01-01', to: '2023-12-31' }],
  ['2023 - 2024 гг.', undefined, { kind: 'range', from: '2023-01-01', to: '2024-12-31' }],
  ['сентябрь–декабрь', SCHOOL, { kind: 'range', from: '2023-09-01', to: '2023-12-31' }],
  ['сентябрь - май', SCHOOL, { kind: 'range', from: '2023-09-01', to: '2024-05-31' }],
  ['январь-март', Y2024, { kind: 'range', from: '2024-01-01', to: '2024-03-31' }],
  ['сентябрь–декабрь', undefined, { kind: 'range' }],
  ['2023–2024 учебный год', undefined, { kind: 'range', from: '2023-09-01', to: '2024-08-31' }],
  ['2023/24 уч. год', undefined, { kind: 'range', from: '2023-09-01', to: '2024-08-31' }],
  ['в течение 2023-2024 учебного года', undefined, { kind: 'range', from: '2023-09-01', to: '2024-08-31' }],
  ['с января 2023 г.', undefined, { kind: 'range', from: '2023-01-01' }],
  ['с 1 сентября 2023 года', undefined, { kind: 'range', from: '2023-09-01' }],
  ['Январь 2023 —', undefined, { kind: 'range', from: '2023-01-01' }],

  // --- until
  ['до 10 сентября 2020', undefined, { kind: 'until', to: '2020-09-10' }],
  ['не позднее 1 марта 2024 г.', undefined, { kind: 'until', to: '2024-03-01' }],
  ['до середины ноября 2021 г.', undefined, { kind: 'until', to: '2021-11-15' }],
  ['до конца 2023 года', undefined, { kind: 'until', to: '2023-12-31' }],
  ['до начала учебного года', SCHOOL, { kind: 'until', to: '2023-09-01' }],
  ['до начала учебного года', undefined, { kind: 'until' }],
  ['До 20.01.20 21', undefined, { kind: 'until', to: '2021-01-20' }],
  ['до 01.09.2022 г.', undefined, { kind: 'until', to: '2022-09-01' }],
  ['в срок до 25.05.2024', undefined, { kind: 'until', to: '2024-05-25' }],
  ['по 30 апреля 2022 года', undefined, { kind: 'until', to: '2022-04-30' }],
  ['до мая 2023 г.', undefined, { kind: 'until', to: '2023-05-01' }],
  ['не позднее мая 2023 г.', undefined, { kind: 'until', to: '2023-05-31' }],
  ['к маю', P000, { kind: 'until', to: '2023-05-01' }],
  ['до 20 декабря', Y2024, { kind: 'until', to: '2024-12-20' }],
  ['до конца I полугодия 2024 г.', undefined, { kind: 'until', to: '2024-06-30' }],

  // --- ongoing
  ['постоянно', undefined, { kind: 'ongoing' }],
  ['Постоянно', P000, { kind: 'ongoing' }],
  ['в течение года', undefined, { kind: 'ongoing' }],
  ['в течение учебного года', SCHOOL, { kind: 'ongoing' }],
  ['весь период', undefined, { kind: 'ongoing' }],
  ['на протяжении всего периода реализации ЦМН', undefined, { kind: 'ongoing' }],
  ['в течение всего периода реализации ЦМН', undefined, { kind: 'ongoing' }],
  ['систематически', undefined, { kind: 'ongoing' }],

  // --- schedule
  ['по графику', undefined, { kind: 'schedule' }],
  ['по отдельному графику', undefined, { kind: 'schedule' }],
  ['по мере необходимости', undefined, { kind: 'schedule' }],
  ['по плану', undefined, { kind: 'schedule' }],
  ['ежеквартально', undefined, { kind: 'schedule' }],
  ['Ежемесячно', undefined, { kind: 'schedule' }],
  ['1 раз в четверть', undefined, { kind: 'schedule' }],
  ['1 раз в полугодие, не позднее 20 декабря и 20 мая ежегодно', undefined, { kind: 'schedule' }],
  ['в соответствии со сроками реализации программ наставничества', undefined, { kind: 'schedule' }],
  ['в соответствии со сроками, устанавливаемыми Минпросвещения России', undefined, { kind: 'schedule' }],

  // --- nothing said
  ['—', undefined, { kind: 'unspecified' }],
  ['-', undefined, { kind: 'unspecified' }],
  ['  \n ', undefined, { kind: 'unspecified' }],
];

describe('parseDeadline', () => {
  const rows = CASES.map(([text, period, expected]) => ({
    text,
    period,
    expected,
    label: period ? `${iso(period.from)}…${iso(period.to)}` : 'no period',
  }));

  it.each(rows)('$text ($label)', ({ text, period, expected }) => {
    const result = parseDeadline(text, period);
    expect(result.text).toBe(text);
    expect({ kind: result.kind, from: iso(result.from), to: iso(result.to) }).toEqual({
      kind: expected.kind,
      from: expected.from,
      to: expected.to,
    });
    expect(() => deadlineSchema.parse(result)).not.toThrow();
  });
});

/** Issue 18, item 6: deadlines as schools write them, dated from the roadmap's period. */
describe('parseDeadline: dates beside words, months and terms in the period', () => {
  /** Two school years: a month without a year goes to its first occurrence in the period. */
  const TWO_SCHOOL_YEARS = period('2023-09-01', '2025-08-31');

  const ISSUE_18: [string, Period | undefined, Expected][] = [
    // a date with words keeps its date (the words stay in the text)
    ['До 29.01.2021 по отдельному плану', undefined, { kind: 'until', to: '2021-01-29' }],
    ['до 29.01.2021 г. (по отдельному плану)', undefined, { kind: 'until', to: '2021-01-29' }],
    ['сентябрь 2023, по графику', undefined, { kind: 'month', from: '2023-09-01', to: '2023-09-30' }],
    ['по утверждённому графику до 15 мая 2024 г.', undefined, { kind: 'until', to: '2024-05-15' }],
    ['в течение года по плану', SCHOOL, { kind: 'schedule' }],
    ['октябрь, по мере необходимости', SCHOOL, { kind: 'month', from: '2023-10-01', to: '2023-10-31' }],
    // month only, a school year (September–August)
    ['сентябрь–октябрь', SCHOOL, { kind: 'range', from: '2023-09-01', to: '2023-10-31' }],
    ['февраль–март', SCHOOL, { kind: 'range', from: '2024-02-01', to: '2024-03-31' }],
    ['декабрь–январь', SCHOOL, { kind: 'range', from: '2023-12-01', to: '2024-01-31' }],
    ['Февраль', SCHOOL, { kind: 'month', from: '2024-02-01', to: '2024-02-29' }],
    // a calendar year
    ['февраль–март', Y2024, { kind: 'range', from: '2024-02-01', to: '2024-03-31' }],
    ['сентябрь', Y2024, { kind: 'month', from: '2024-09-01', to: '2024-09-30' }],
    // several years: the first occurrence within the period
    ['январь', TWO_SCHOOL_YEARS, { kind: 'month', from: '2024-01-01', to: '2024-01-31' }],
    ['октябрь', TWO_SCHOOL_YEARS, { kind: 'month', from: '2023-10-01', to: '2023-10-31' }],
    ['октябрь', P000, { kind: 'month', from: '2023-10-01', to: '2023-10-31' }],
    ['май 2024', TWO_SCHOOL_YEARS, { kind: 'month', from: '2024-05-01', to: '2024-05-31' }],
    // halves and school quarters: a school year's own, a calendar year's own
    ['I полугодие', SCHOOL, { kind: 'range', from: '2023-09-01', to: '2023-12-31' }],
    ['II полугодие', SCHOOL, { kind: 'range', from: '2024-01-01', to: '2024-05-31' }],
    ['I полугодие', Y2024, { kind: 'range', from: '2024-01-01', to: '2024-06-30' }],
    ['II квартал', Y2024, { kind: 'range', from: '2024-04-01', to: '2024-06-30' }],
    ['I полугодие', undefined, { kind: 'range' }],
    ['1 четверть', SCHOOL, { kind: 'range', from: '2023-09-01', to: '2023-10-31' }],
    ['в III четверти', SCHOOL, { kind: 'range', from: '2024-01-01', to: '2024-03-31' }],
    ['4 четверть', TWO_SCHOOL_YEARS, { kind: 'range', from: '2024-04-01', to: '2024-05-31' }],
    ['II четверть', Y2024, { kind: 'range', from: '2024-11-01', to: '2024-12-31' }],
    ['1 четверть', undefined, { kind: 'range' }],
    ['I полугодие 2023-2024 учебного года', undefined, { kind: 'range', from: '2023-09-01', to: '2023-12-31' }],
    ['II полугодие 2023/24 уч. года', undefined, { kind: 'range', from: '2024-01-01', to: '2024-05-31' }],
    ['первая четверть', SCHOOL, { kind: 'range', from: '2023-09-01', to: '2023-10-31' }],
    ['III четверть 2024', undefined, { kind: 'range', from: '2024-01-01', to: '2024-03-31' }],
    ['до конца II полугодия', SCHOOL, { kind: 'until', to: '2024-05-31' }],
    ['Январь-февраль (по графику)', SCHOOL, { kind: 'range', from: '2024-01-01', to: '2024-02-29' }],
    // no dates to give
    ['в течение учебного года', SCHOOL, { kind: 'ongoing' }],
    ['ежемесячно', SCHOOL, { kind: 'schedule' }],
    ['по мере необходимости', SCHOOL, { kind: 'schedule' }],
    ['до 25 числа каждого месяца', SCHOOL, { kind: 'schedule' }],
    ['1 раз в четверть', SCHOOL, { kind: 'schedule' }],
  ];

  it.each(ISSUE_18.map(([text, p, expected]) => ({ text, p, expected, label: p ? `${iso(p.from)}…${iso(p.to)}` : 'no period' })))(
    '$text ($label)',
    ({ text, p, expected }) => {
      const result = parseDeadline(text, p);
      expect(result.text).toBe(text);
      expect({ kind: result.kind, from: iso(result.from), to: iso(result.to) }).toEqual({ kind: expected.kind, from: expected.from, to: expected.to });
      expect(() => deadlineSchema.parse(result)).not.toThrow();
    },
  );
});
