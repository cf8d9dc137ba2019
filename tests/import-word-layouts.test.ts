/**
 * Layouts Word users make (issue 18, item 3, for .docx): automatic numbering in a regulation's
 * clauses and in a roadmap's «№» column; a stage column merged down over several events;
 * a header typed again after a page break; stages as rows across the whole table; merged
 * cells. The documents are written here with the `docx` package, as Word would save them.
 */
import { readFileSync } from 'node:fs';
import {
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { writeListNumbers } from '../src/import/docx-numbering.ts';
import { importDocument } from '../src/import/import-document.ts';
import { readDocx } from '../src/import/read-docx.ts';
import { readText } from '../src/import/read-text.ts';
import { cellOf, type Block, type SourceDocument } from '../src/import/source-document.ts';

interface Item {
  number?: string;
  title: string;
  deadline: { text: string; from?: string; to?: string };
  responsible: string[];
  result?: string;
  items?: Item[];
}
interface Stage {
  number?: string;
  title: string;
  stage?: string;
  items: Item[];
}

type Numbered = { reference: string; level: number; instance?: number };
const paragraph = (text: string, numbering?: Numbered, bold = false) =>
  new Paragraph({ children: text ? [new TextRun({ text, bold })] : ([] as ParagraphChild[]), ...(numbering ? { numbering } : {}) });

const DECIMAL = (text: string, level = 0, start = 1): ILevelsOptions => ({ level, format: LevelFormat.DECIMAL, text, start });

async function docxOf(children: (Paragraph | Table)[], levels: Record<string, ILevelsOptions[]> = {}): Promise<Buffer> {
  const config = Object.entries(levels).map(([reference, list]) => ({ reference, levels: list }));
  return Packer.toBuffer(new Document({ numbering: { config }, sections: [{ children }] }));
}

async function imported(buffer: Buffer, kind?: 'roadmap' | 'regulation') {
  const { document } = await readDocx(buffer, 'dokument.docx');
  return importDocument(document, { organization: 'shkola', ...(kind ? { kind } : {}) });
}

const stagesOf = (result: { data: Record<string, unknown> }) => result.data.stages as Stage[];
const eventsOf = (stages: Stage[]) => stages.flatMap((s) => s.items);

describe('Word’s automatic numbering is read as Word shows it', () => {
  const REGULATION = { reg: [DECIMAL('%1.'), DECIMAL('%1.%2.', 1)] };
  const regulation = () => {
    const at = (level: number) => ({ reference: 'reg', level });
    return docxOf(
      [
        paragraph('ПОЛОЖЕНИЕ о наставничестве в школе'),
        paragraph('Общие положения', at(0), true),
        paragraph('Настоящее положение разработано в соответствии с законом об образовании.', at(1)),
        paragraph('Наставничество — форма передачи опыта.', at(1)),
        // An unnumbered paragraph between sections: mammoth starts a new list after it.
        paragraph('Термины приведены ниже.'),
        paragraph('Цели и задачи наставничества', at(0), true),
        paragraph('Цель — раскрытие потенциала каждого наставляемого.', at(1)),
        paragraph('Задачи определяет куратор.', at(1)),
        paragraph('Куратор ведёт учёт пар.', at(1)),
        paragraph('Формы наставничества', at(0), true),
        paragraph('Используется форма «учитель – учитель».', at(1)),
      ],
      REGULATION,
    );
  };

  it('numbers a regulation’s sections and clauses 1., 1.1., 1.2., 2., 2.1. … once each, never restarting', async () => {
    const result = await imported(await regulation(), 'regulation');
    const body = result.body ?? '';
    const numbers = [...body.matchAll(/^(?:## )?(\d+\.(?:\d+\.)?) /gm)].map((m) => m[1]);
    expect(numbers).toEqual(['1.', '1.1.', '1.2.', '2.', '2.1.', '2.2.', '2.3.', '3.', '3.1.']);
    expect(body).toContain('## 2. Цели и задачи наставничества');
    expect(body).toContain('2.3. Куратор ведёт учёт пар.');
    expect(result.stats).toEqual({ clauses: 6, sections: 3 });
  });

  it('keeps a numbered bold heading bold: the number takes the formatting of the text after it', async () => {
    const { document } = await readDocx(await regulation(), 'polozhenie.docx');
    const heading = document.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('2. '));
    expect(heading).toMatchObject({ text: '2. Цели и задачи наставничества', bold: true });
  });

  /** A roadmap whose «№» cells hold only Word’s automatic number. */
  const autoNumberedRoadmap = () => {
    const header = new TableRow({ children: ['№', 'Мероприятие', 'Срок', 'Ответственный'].map((t) => new TableCell({ children: [paragraph(t)] })) });
    const rows = ['Издание приказа', 'Анкетирование педагогов', 'Встреча наставников', 'Итоговый отчёт'].map(
      (title, i) =>
        new TableRow({
          children: [
            new TableCell({ children: [paragraph('', { reference: 'num', level: 0 })] }),
            new TableCell({ children: [paragraph(title)] }),
            new TableCell({ children: [paragraph(`до ${10 + i}.10.2025`)] }),
            new TableCell({ children: [paragraph('куратор')] }),
          ],
        }),
    );
    return docxOf([paragraph('План мероприятий на 2025–2026 учебный год'), new Table({ rows: [header, ...rows] })], { num: [DECIMAL('%1.')] });
  };

  it('gives a roadmap’s «№» column its numbers, one per row', async () => {
    const { document } = await readDocx(await autoNumberedRoadmap(), 'plan.docx');
    const table = document.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells[0].text)).toEqual(['№', '1.', '2.', '3.', '4.']);
    const events = eventsOf(stagesOf(await imported(await autoNumberedRoadmap())));
    expect(events.map((e) => [e.number, e.title])).toEqual([
      ['1', 'Издание приказа'],
      ['2', 'Анкетирование педагогов'],
      ['3', 'Встреча наставников'],
      ['4', 'Итоговый отчёт'],
    ]);
  });

  it('imports seed 001 with Word numbering in its «№» column as it imports the seed’s text', async () => {
    const text = readText(readFileSync('tests/fixtures/seeds/001_aa8843fff351d2b5.txt', 'utf8'), 'seed-001.txt');
    const fromText = importDocument(text, { organization: 'selivanovskaya-sh-28' });
    // The same document, its numbers «1.»…«7.» drawn by Word instead of typed.
    const children: (Paragraph | Table)[] = [];
    for (const block of text.blocks) {
      if (block.kind === 'paragraph') children.push(paragraph(block.text));
      else {
        const rows = block.rows.map(
          (row) =>
            new TableRow({
              children: row.cells.map((cell, c) => {
                const auto = c === 0 && /^\d+\.$/.test(cell.text);
                const parts = auto ? [''] : cell.parts.length ? cell.parts : [''];
                return new TableCell({ children: parts.map((part) => paragraph(part, auto ? { reference: 'num', level: 0 } : undefined)) });
              }),
            }),
        );
        children.push(new Table({ rows }));
      }
    }
    const fromWord = await imported(await docxOf(children, { num: [DECIMAL('%1.')] }));
    const shape = (stages: Stage[]) => stages.map((s) => [s.number, s.title, s.items.map((i) => [i.number, i.title])]);
    expect(stagesOf(fromWord).map((s) => s.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(shape(stagesOf(fromWord))).toEqual(shape(stagesOf(fromText)));
  });
});

describe('writeListNumbers: Word’s numbering rules', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const level = (ilvl: number, format: string, text: string, extra = '') =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
  const numbering = (abstracts: string[], nums: string) =>
    `<w:numbering ${W}>${abstracts.map((levels, id) => `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`).join('')}${nums}</w:numbering>`;
  const num = (id: number, abstract: number, overrides = '') => `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstract}"/>${overrides}</w:num>`;
  const p = (text: string, numId?: number, ilvl = 0, style?: string) =>
    `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr>${text ? `<w:r><w:t>${text}</w:t></w:r>` : ''}</w:p>`;
  const documentOf = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
  /** Each paragraph's text as Word would show it now. */
  const texts = (xml: string | undefined) =>
    [...(xml ?? '').matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

  it('writes letters, Russian letters, roman numerals, a start other than 1 and bullets', () => {
    const abstracts = [
      level(0, 'lowerLetter', '%1)'),
      level(0, 'upperRoman', '%1.'),
      level(0, 'russianLower', '%1)'),
      `<w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>`,
      level(0, 'bullet', '•'),
    ];
    const nums = [0, 1, 2, 3, 4].map((i) => num(i + 1, i)).join('');
    const body = [
      p('один', 1),
      p('два', 1),
      p('раз', 2),
      p('два', 2),
      p('три', 2),
      ...Array.from({ length: 10 }, (_, i) => p(`буква ${i + 1}`, 3)),
      p('пятый', 4),
      p('шестой', 4),
      p('пункт', 5),
    ].join('');
    expect(texts(writeListNumbers(documentOf(body), numbering(abstracts, nums)))).toEqual([
      'a) один',
      'b) два',
      'I. раз',
      'II. два',
      'III. три',
      'а) буква 1',
      'б) буква 2',
      'в) буква 3',
      'г) буква 4',
      'д) буква 5',
      'е) буква 6',
      'ж) буква 7',
      'з) буква 8',
      'и) буква 9',
      // Word’s Russian letters leave out «й».
      'к) буква 10',
      '5. пятый',
      '6. шестой',
      '– пункт',
    ]);
  });

  it('restarts a level after the one above it unless w:lvlRestart says otherwise, and writes legal numbers decimal', () => {
    const abstracts = [
      level(0, 'decimal', '%1.') + level(1, 'decimal', '%1.%2.'),
      level(0, 'decimal', '%1.') + level(1, 'decimal', '%1.%2.', '<w:lvlRestart w:val="0"/>'),
      level(0, 'upperRoman', '%1.') + level(1, 'decimal', '%1.%2.', '<w:isLgl/>'),
    ];
    const body = [
      p('', 1),
      p('', 1, 1),
      p('', 1, 1),
      p('', 1),
      p('', 1, 1),
      p('', 2),
      p('', 2, 1),
      p('', 2),
      p('', 2, 1),
      p('', 3),
      p('', 3),
      p('', 3, 1),
    ].join('');
    expect(texts(writeListNumbers(documentOf(body), numbering(abstracts, num(1, 0) + num(2, 1) + num(3, 2))))).toEqual([
      '1. ',
      '1.1. ',
      '1.2. ',
      '2. ',
      '2.1. ',
      '1. ',
      '1.1. ',
      '2. ',
      // Never restarted: goes on from 1.1.
      '2.2. ',
      'I. ',
      'II. ',
      '2.1. ',
    ]);
  });

  it('counts on across lists of one definition, and starts again where a list overrides its start', () => {
    const abstracts = [level(0, 'decimal', '%1.') + level(1, 'decimal', '%1.%2.')];
    const nums =
      num(1, 0) +
      num(2, 0) +
      num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>') +
      num(4, 0, `<w:lvlOverride w:ilvl="0">${level(0, 'lowerLetter', '%1)')}</w:lvlOverride>`);
    const body = [p('a', 1), p('b', 2), p('c', 3), p('d', 3), p('e', 4)].join('');
    expect(texts(writeListNumbers(documentOf(body), numbering(abstracts, nums)))).toEqual(['1. a', '2. b', '1. c', '2. d', 'a) e']);
  });

  it('numbers paragraphs by their style, and counts on through table cells', () => {
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:styleId="Punkt"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Podpunkt"><w:basedOn w:val="Punkt"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
    </w:styles>`;
    const abstracts = [level(0, 'decimal', '%1.') + level(1, 'decimal', '%1.%2.')];
    const cell = (content: string) => `<w:tc>${content}</w:tc>`;
    const body = [
      p('Раздел', undefined, 0, 'Punkt'),
      p('пункт', undefined, 0, 'Podpunkt'),
      `<w:tbl><w:tr>${cell(p('', 2))}${cell(p('в ячейке'))}</w:tr><w:tr>${cell(p('', 2))}${cell(p('ещё'))}</w:tr></w:tbl>`,
      p('не в списке', 0, 0, 'Punkt'),
      p('пункт', undefined, 0, 'Podpunkt'),
    ].join('');
    const out = writeListNumbers(documentOf(body), numbering(abstracts, num(1, 0) + num(2, 0)), styles);
    expect(texts(out)).toEqual(['1. Раздел', '1.1. пункт', '2. ', 'в ячейке', '3. ', 'ещё', 'не в списке', '3.1. пункт']);
    // mammoth must see plain paragraphs now: no list left but «none» (numId 0).
    expect([...(out ?? '').matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]).every((id) => id === '0')).toBe(true);
  });

  it('leaves a document without numbering as it is', () => {
    expect(writeListNumbers(documentOf(p('текст')), numbering([level(0, 'decimal', '%1.')], num(1, 0)))).toBeUndefined();
    expect(writeListNumbers(documentOf(p('текст', 1)), undefined)).toBeUndefined();
  });
});

/** A roadmap table: a header and rows of cells, each cell given as its text or its options. */
type CellSpec = string | { text?: string; auto?: boolean; merge?: 'restart' | 'continue'; span?: number };
const roadmapDocx = async (title: string, tables: CellSpec[][][]) => {
  const cell = (spec: CellSpec) => {
    const s = typeof spec === 'string' ? { text: spec } : spec;
    return new TableCell({
      children: [paragraph(s.text ?? '', s.auto ? { reference: 'num', level: 0 } : undefined)],
      ...(s.merge ? { verticalMerge: s.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
      ...(s.span ? { columnSpan: s.span } : {}),
    });
  };
  const children: (Paragraph | Table)[] = [paragraph(title)];
  for (const rows of tables) {
    // A table broken off where the page ends and started again below, as users do it.
    if (children.length > 1) children.push(paragraph(''));
    children.push(new Table({ rows: rows.map((row) => new TableRow({ children: row.map(cell) })) }));
  }
  return docxOf(children, { num: [DECIMAL('%1.')] });
};

const STAGES: [string, string[]][] = [
  ['Подготовка условий для запуска программы наставничества', ['издание приказа о внедрении', 'разработка положения о наставничестве', 'назначение куратора']],
  [
    'Формирование базы наставляемых',
    ['анкетирование обучающихся', 'сбор согласий родителей', 'составление базы наставляемых', 'встреча с классными руководителями'],
  ],
  ['Завершение программы наставничества', ['итоговое анкетирование', 'отчёт куратора']],
];
const TITLE = 'Дорожная карта на 2025–2026 учебный год';
const deadlineOf = (n: number) => `до ${String(n).padStart(2, '0')}.10.2025`;

describe('a stage column merged down over its events', () => {
  /** № (typed, Word’s, or none) | Этап (merged down) | Мероприятие | Срок | Ответственный. */
  const table = (numbers: 'typed' | 'auto' | 'none', capital: boolean): CellSpec[][] => {
    let n = 0;
    const header = [...(numbers === 'none' ? [] : ['№ п/п']), 'Этап', 'Мероприятие', 'Срок', 'Ответственный'];
    const rows = STAGES.flatMap(([stage, events]) =>
      events.map((event, i): CellSpec[] => {
        n++;
        const number: CellSpec[] = numbers === 'typed' ? [`${n}.`] : numbers === 'auto' ? [{ auto: true }] : [];
        const title = capital ? event[0].toUpperCase() + event.slice(1) : event;
        return [
          ...number,
          i === 0 ? { text: stage, merge: 'restart' } : { merge: 'continue' },
          title,
          deadlineOf(n),
          i % 2 ? 'куратор' : 'заместитель директора',
        ];
      }),
    );
    return [header, ...rows];
  };

  for (const numbers of ['typed', 'auto', 'none'] as const) {
    for (const capital of [false, true]) {
      it(`keeps every event apart (№ ${numbers}, titles ${capital ? 'capitalised' : 'in lower case'})`, async () => {
        const stages = stagesOf(await imported(await roadmapDocx(TITLE, [table(numbers, capital)])));
        expect(stages.map((s) => [s.title, s.items.length])).toEqual(STAGES.map(([stage, events]) => [stage, events.length]));
        const events = eventsOf(stages);
        expect(events.map((e) => e.title.toLowerCase())).toEqual(STAGES.flatMap(([, list]) => list));
        expect(events.map((e) => e.deadline.text)).toEqual(events.map((_, i) => deadlineOf(i + 1)));
        // The numbers are the events’: the first event of a stage keeps its own.
        if (numbers !== 'none') expect(events.map((e) => e.number)).toEqual(events.map((_, i) => String(i + 1)));
        expect(stages.map((s) => s.stage)).toEqual(['preparation', 'mentees', 'completion']);
      });
    }
  }
});

describe('a row broken by a page break, seen as two rows', () => {
  const document = (rows: string[][]): SourceDocument => ({
    file: 'plan.txt',
    blocks: [
      { kind: 'paragraph', text: TITLE, line: 1 },
      { kind: 'table', line: 2, rows: rows.map((cells, i) => ({ line: i + 2, cells: cells.map((c) => cellOf(c ? [c] : [])) })) },
    ] as Block[],
  });
  const header = ['№', 'Мероприятие', 'Срок', 'Ответственный'];

  it('goes on in the cells that did not fit, not in those the row above has filled', () => {
    const rows = [
      header,
      ['1.', 'Проведение встречи наставников и', deadlineOf(1), 'куратор'],
      ['', 'наставляемых в актовом зале', '', ''],
      ['2.', 'Отчёт', deadlineOf(2), 'директор'],
    ];
    const events = eventsOf(stagesOf(importDocument(document(rows), { organization: 'shkola' })));
    expect(events.map((e) => e.title)).toEqual(['Проведение встречи наставников и наставляемых в актовом зале', 'Отчёт']);
  });

  it('is a new event when it has a deadline or a responsible of its own', () => {
    const rows = [header, ['1.', 'Проведение встречи наставников и', deadlineOf(1), 'куратор'], ['', 'анкетирование наставляемых', deadlineOf(2), 'психолог']];
    const events = eventsOf(stagesOf(importDocument(document(rows), { organization: 'shkola' })));
    expect(events.map((e) => [e.title, e.responsible])).toEqual([
      ['Проведение встречи наставников и', ['куратор']],
      ['анкетирование наставляемых', ['психолог']],
    ]);
  });
});

describe('responsibles one per line of the cell', () => {
  it('takes each paragraph of the cell for a responsible, keeping a role broken over two lines whole', () => {
    const cell = (parts: string[]) => cellOf(parts);
    const row = (n: number, responsible: string[]) => ({
      line: n + 2,
      cells: [cell([`${n}.`]), cell([`Мероприятие ${n}`]), cell([deadlineOf(n)]), cell(responsible)],
    });
    const document: SourceDocument = {
      file: 'plan.docx',
      blocks: [
        { kind: 'paragraph', text: TITLE, line: 1 },
        {
          kind: 'table',
          line: 2,
          rows: [
            { line: 2, cells: ['№', 'Мероприятие', 'Срок', 'Ответственный'].map((t) => cell([t])) },
            row(1, ['Морозова И. П.', 'Лебедева К. Р.']),
            row(2, ['наставники', 'наставляемые']),
            row(3, ['заместитель директора', 'по УВР', 'Петрова Н. В.']),
            row(4, ['Морозова И. П. Лебедева К. Р.']),
            row(5, ['Директор Н. В. Петрова']),
          ],
        },
      ],
    };
    const events = eventsOf(stagesOf(importDocument(document, { organization: 'shkola' })));
    expect(events.map((e) => e.responsible)).toEqual([
      ['Морозова И. П.', 'Лебедева К. Р.'],
      ['наставники', 'наставляемые'],
      ['заместитель директора по УВР Петрова Н. В.'],
      ['Морозова И. П.', 'Лебедева К. Р.'],
      ['Директор Н. В. Петрова'],
    ]);
  });
});

describe('a table that goes on after a page break with its header typed again', () => {
  const header = ['№', 'Мероприятие', 'Срок', 'Ответственный'];
  const event = (n: number): CellSpec[] => [`${n}.`, `Мероприятие номер ${n}`, deadlineOf(n), 'куратор'];

  it('skips the repeated header in the middle of the table, with its column numbers', async () => {
    const rows = [header, ['1', '2', '3', '4'], event(1), event(2), header, ['1', '2', '3', '4'], event(3), event(4)];
    const result = await imported(await roadmapDocx(TITLE, [rows]));
    expect(eventsOf(stagesOf(result)).map((e) => e.number)).toEqual(['1', '2', '3', '4']);
    expect(result.data.notes).toBeUndefined();
  });

  it('skips a two-row header repeated in a second table', async () => {
    const top = ['№', 'Мероприятие', 'Сроки', 'Ответственные'];
    const second = ['', '', 'выполнения', 'исполнители'];
    const result = await imported(
      await roadmapDocx(TITLE, [
        [top, second, event(1), event(2)],
        [top, second, event(3)],
      ]),
    );
    const events = eventsOf(stagesOf(result));
    expect(events.map((e) => [e.number, e.title])).toEqual([1, 2, 3].map((n) => [String(n), `Мероприятие номер ${n}`]));
    expect(JSON.stringify(result.data)).not.toMatch(/выполнения|исполнители/);
  });
});

describe('stages as rows across the whole table', () => {
  it('takes a merged row in the «№» column for a stage, with its number', async () => {
    const across = (text: string): CellSpec[] => [{ text, span: 4 }];
    const rows: CellSpec[][] = [
      ['№', 'Мероприятие', 'Срок', 'Ответственный'],
      across('1. Подготовка условий для запуска программы'),
      ['1.1.', 'Издание приказа', deadlineOf(1), 'директор'],
      ['1.2.', 'Назначение куратора', deadlineOf(2), 'директор'],
      across('Этап 2. Работа наставнических пар'),
      ['2.1.', 'Встречи пар', deadlineOf(3), 'наставники'],
    ];
    const stages = stagesOf(await imported(await roadmapDocx(TITLE, [rows])));
    expect(stages.map((s) => [s.number, s.title, s.items.map((i) => i.number)])).toEqual([
      ['1', 'Подготовка условий для запуска программы', ['1.1', '1.2']],
      [undefined, 'Этап 2. Работа наставнических пар', ['2.1']],
    ]);
  });

  it('takes a merged row in a table without a «№» column for a stage', async () => {
    const rows: CellSpec[][] = [
      ['Мероприятие', 'Срок', 'Ответственный'],
      [{ text: 'Подготовка условий для запуска программы', span: 3 }],
      ['Издание приказа', deadlineOf(1), 'директор'],
      [{ text: 'Завершение программы', span: 3 }],
      ['Итоговый отчёт', deadlineOf(2), 'куратор'],
    ];
    const stages = stagesOf(await imported(await roadmapDocx(TITLE, [rows])));
    expect(stages.map((s) => [s.title, s.items.map((i) => i.title)])).toEqual([
      ['Подготовка условий для запуска программы', ['Издание приказа']],
      ['Завершение программы', ['Итоговый отчёт']],
    ]);
  });
});

describe('horizontally merged cells', () => {
  it('reads a header cell merged over two columns as naming both, and cells merged across columns as one', async () => {
    const rows: CellSpec[][] = [
      ['№', 'Мероприятие', { text: 'Срок', span: 2 }, 'Ответственный'],
      ['1.', 'Издание приказа', '01.09.2025', '05.09.2025', 'директор'],
      // A deadline merged over both deadline columns.
      ['2.', 'Встречи наставнических пар', { text: 'в течение года', span: 2 }, 'наставники'],
      // A title merged over the «№» column too: no number, the text is the event’s.
      [{ text: 'Итоговая конференция', span: 2 }, '20.05.2026', '', 'куратор'],
    ];
    const result = await imported(await roadmapDocx(TITLE, [rows]));
    const events = eventsOf(stagesOf(result));
    expect(events.map((e) => [e.title, e.deadline.text, e.responsible])).toEqual([
      // «начало» and «окончание» under one «Срок»: a span.
      ['Издание приказа', '01.09.2025 – 05.09.2025', ['директор']],
      ['Встречи наставнических пар', 'в течение года', ['наставники']],
      ['Итоговая конференция', '20.05.2026', ['куратор']],
    ]);
    expect(events[0].deadline).toMatchObject({ from: '2025-09-01', to: '2025-09-05' });
    expect(result.data.notes).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });
});

describe('a file named .docx that is an old Word document', () => {
  it('says it is a .doc named .docx and what to do, in one line', async () => {
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600, 7)]);
    const message = await readDocx(ole, 'plan.docx').then(
      () => '',
      (error: Error) => error.message,
    );
    expect(message).toMatch(/^файл plan\.docx не читается как документ Word \(\.docx\): .*\.doc\b/);
    expect(message).toMatch(/переименуйте/);
    expect(message).not.toContain('\n');
  });
});
