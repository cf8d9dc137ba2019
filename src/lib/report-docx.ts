/**
 * «Отчёт о реализации программы наставничества за 2025/2026 учебный год» as a Word file, made at
 * build time from the same YearReport as the page, laid out as Russian office documents are
 * (A4, Times New Roman 14, tables 12, margins 30/15/20/20 mm) and ready to sign: a signature
 * block with blank lines, no invented names. The same content gives the same bytes: the file's
 * own dates are the school year's end, not the build's clock.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import type { YearReport } from './year-report.ts';
import { factText, schoolYearEnd, TARGET_STATES } from './indicators.ts';
import { formatDate } from './format.ts';
import { STATUS_LABELS } from './roadmap.ts';
import { INDICATORS, type IndicatorKey } from '../schemas/vocabulary.ts';

const MM = 56.7; // twips in a millimetre
const FONT = 'Times New Roman';

const para = (text: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
  new Paragraph({
    alignment: options.align,
    spacing: { after: 120 },
    children: [new TextRun({ text, bold: options.bold, font: FONT, size: options.size ?? 28 })],
  });

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, font: FONT, size: 28 })] });

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT, size: 24 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

export function reportTitle(report: YearReport) {
  return `Отчёт о реализации программы наставничества за ${report.schoolYear} учебный год`;
}

export async function yearReportDocx(report: YearReport): Promise<Buffer> {
  const org = report.organization.data;
  const contacts = org.contacts;
  const body: (Paragraph | Table)[] = [
    para(org.name, { bold: true, align: AlignmentType.CENTER }),
    ...[contacts?.address, [contacts?.phone && `тел. ${contacts.phone}`, contacts?.email].filter(Boolean).join(', ')]
      .filter((line): line is string => !!line)
      .map((line) => para(line, { align: AlignmentType.CENTER, size: 24 })),
    para(reportTitle(report), { bold: true, align: AlignmentType.CENTER }),
    para(`Состояние мероприятий — на ${formatDate(report.asOf)}.`, { size: 24 }),
  ];
  if (report.entry?.data.summary) body.push(para(report.entry.data.summary));

  body.push(heading('1. Показатели'));
  body.push(
    report.figures.length
      ? table(
          ['Показатель', 'Значение', 'На дату, источник'],
          report.figures.map((f) => [
            f.label,
            factText(f.key, f.fact.value),
            [f.fact.asOf && formatDate(f.fact.asOf), f.fact.source, f.fact.derived].filter(Boolean).join('; '),
          ]),
        )
      : para('Фактические показатели за учебный год не внесены.'),
  );
  if (report.district?.rows.length) {
    const keys = (Object.keys(INDICATORS) as IndicatorKey[]).filter((k) => report.district!.total.has(k));
    body.push(heading('2. Показатели организаций'));
    body.push(
      table(
        ['Организация', ...keys.map((k) => INDICATORS[k])],
        [
          ...report.district.rows.map((r) => [
            r.organization.data.shortName,
            ...keys.map((k) => (r.figures.has(k) ? factText(k, r.figures.get(k)!.value) : '—')),
          ]),
          ['Всего', ...keys.map((k) => factText(k, report.district!.total.get(k)!.value))],
        ],
      ),
    );
  }
  body.push(heading(`${report.district ? 3 : 2}. Целевые показатели: план и факт`));
  body.push(
    report.targets.length
      ? table(
          ['Показатель', 'План', 'Факт', 'Итог'],
          report.targets.map((t) => [
            t.target.indicator,
            `${t.target.value}${t.target.unit ? ` ${t.target.unit}` : ''}`,
            t.fact ? factText(t.target.measure!, t.fact.value) : '—',
            TARGET_STATES[t.state],
          ]),
        )
      : para('На этот учебный год целевых показателей, которые можно сравнить с фактом, нет.'),
  );
  body.push(heading(`${report.district ? 4 : 3}. Мероприятия по разделам дорожной карты`));
  for (const note of report.explanations) body.push(para(note, { size: 24 }));
  body.push(
    report.events.length
      ? table(
          ['Раздел', 'Всего', 'Выполнено', 'Не выполнено или не отмечено'],
          report.events.map((e) => [
            e.stage,
            String(e.tally.total),
            String(e.tally.done),
            e.open.map((o) => `${o.number ? `${o.number}. ` : ''}${o.title} — ${STATUS_LABELS[o.status]}`).join('\n') || '—',
          ]),
        )
      : para('Мероприятий со сроками в этом учебном году нет.'),
  );
  body.push(heading(`${report.district ? 5 : 4}. Практики, опубликованные за год`));
  body.push(...(report.practices.length ? report.practices.map((p) => para(`— ${p.data.title}`)) : [para('Практики не публиковались.')]));
  body.push(heading(`${report.district ? 6 : 5}. Наставники и их достижения`));
  body.push(
    ...(report.mentors.length
      ? report.mentors.map((m) => para(`— ${m.mentor.person.displayName}: ${m.achievements.map((a) => `${a.title} (${a.year})`).join('; ')}`))
      : [para('Достижений наставников за год на доске почёта нет.')]),
  );
  body.push(para(''), para('Руководитель  ____________________ / ____________________ /'), para('«____» ______________ 20___ г.'), para('М. П.'));

  const fixed = schoolYearEnd(report.schoolYear);
  const doc = new Document({
    creator: org.shortName,
    title: reportTitle(report),
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM } } },
        children: body,
      },
    ],
  });
  return deterministic(await Packer.toBuffer(doc), fixed);
}

/** The same bytes for the same report: the package's own dates and the zip's file times fixed. */
async function deterministic(docx: Buffer, date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name];
    if (file.dir) continue;
    let content: string | Uint8Array = await file.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = new TextDecoder().decode(content).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`);
    }
    out.file(name, content, { date });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
