/** «Итоги года» as one table for Excel: a row per fact, in the same words as the page and the .docx. */
import { stringify } from 'csv-stringify/sync';
import type { YearReport } from './year-report.ts';
import { neutraliseCell } from './exports.ts';
import { factText, TARGET_STATES } from './indicators.ts';
import { isoDate } from './format.ts';
import { STATUS_LABELS } from './roadmap.ts';

export const REPORT_CSV_HEADER = ['Часть отчёта', 'Организация', 'Учебный год', 'Что', 'Значение', 'План', 'Итог', 'На дату', 'Источник'];

export function yearReportCsv(report: YearReport): string {
  const org = report.organization.data.shortName;
  const row = (part: string, what: string, value = '', plan = '', state = '', date = '', source = '') => [
    part,
    org,
    report.schoolYear,
    what,
    value,
    plan,
    state,
    date,
    source,
  ];
  const rows = [
    ...report.figures.map((f) =>
      row(
        'Показатели',
        f.label,
        factText(f.key, f.fact.value),
        '',
        '',
        f.fact.asOf ? isoDate(f.fact.asOf) : '',
        [f.fact.source, f.fact.derived].filter(Boolean).join('; '),
      ),
    ),
    ...(report.district?.rows ?? []).flatMap((r) =>
      [...r.figures].map(([key, fact]) => [
        'Показатели организаций',
        r.organization.data.shortName,
        report.schoolYear,
        key,
        factText(key, fact.value),
        '',
        '',
        fact.asOf ? isoDate(fact.asOf) : '',
        fact.source ?? '',
      ]),
    ),
    ...report.targets.map((t) =>
      row(
        'План и факт',
        t.target.indicator,
        t.fact ? factText(t.target.measure!, t.fact.value) : '',
        `${t.target.value}${t.target.unit ? ` ${t.target.unit}` : ''}`,
        TARGET_STATES[t.state],
      ),
    ),
    ...report.events.flatMap((e) => [
      row('Мероприятия', `${e.stage}: выполнено`, String(e.tally.done), String(e.tally.total), '', isoDate(report.asOf)),
      ...e.open.map((o) => row('Мероприятия', `${o.number ? `${o.number}. ` : ''}${o.title}`, '', '', STATUS_LABELS[o.status], isoDate(report.asOf))),
    ]),
    ...report.practices.map((p) => row('Практики', p.data.title, '', '', '', isoDate(p.data.published))),
    ...report.mentors.flatMap((m) => m.achievements.map((a) => row('Наставники', `${m.mentor.person.displayName}: ${a.title}`, String(a.year)))),
  ];
  return (
    '\uFEFF' +
    stringify(
      [REPORT_CSV_HEADER, ...rows].map((r) => r.map(neutraliseCell)),
      { delimiter: ';', record_delimiter: 'windows' },
    )
  );
}
