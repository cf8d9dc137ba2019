/** The HTML and DOCX readers: what a document's blocks come out as, and what they refuse. */
import { crc32 } from 'node:zlib';
import { Document, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../src/import/read-docx.ts';
import { decodeHtml, readHtml } from '../src/import/read-html.ts';
import { cellOf, ImportError, type Block, type SourceDocument } from '../src/import/source-document.ts';
import { writeDocx } from './helpers/write-docx.ts';

const p = (text: string, line: number, bold = false, gap = false): Block => ({ kind: 'paragraph', text, line, bold, gap });
const row = (line: number, ...cells: (string | string[])[]) => ({
  cells: cells.map((cell) => cellOf(typeof cell === 'string' ? [cell] : cell)),
  line,
});

/** Blocks without line numbers (and with the optional flags spelled out), for comparing two readings. */
const shape = (doc: SourceDocument) =>
  doc.blocks.map((block) =>
    block.kind === 'paragraph'
      ? { kind: block.kind, text: block.text, bold: !!block.bold, gap: !!block.gap }
      : { kind: block.kind, rows: block.rows.map((r) => r.cells) },
  );

/** Expects an ImportError with a one-line message naming the file. */
async function refusal(read: () => unknown, file: string): Promise<string> {
  let caught: unknown;
  try {
    await read();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportError);
  const message = (caught as Error).message;
  expect(message).not.toMatch(/[\r\n]/);
  expect(message).toContain(file);
  expect(message.length).toBeLessThan(300);
  return message;
}

describe('readHtml', () => {
  const ROADMAP = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Дорожная карта</title>
<style>td { border: 1px solid }</style><script>var x = '<p>не текст</p>';</script></head>
<body>
<div align="right">УТВЕРЖДАЮ<br>Директор МБОУ «СШ&nbsp;№&nbsp;5»<br>_______ И.&nbsp;И.&nbsp;Иванова</div>
<p>&nbsp;</p>
<p align="center"><b>ДОРОЖНАЯ КАРТА</b><br><strong>реализации   программы
   наставничества</strong></p>
<h2>на 2024&ndash;2025 учебный год</h2>
<p class=MsoNormal><![if !supportLists]><span>1.<span>&nbsp;&nbsp;</span></span><![endif]>Цели: <b>повысить</b> качество</p>
<ul><li>первая цель</li><li>вторая <i>цель</i><ol><li>подпункт</li></ol></li><li> </li></ul>
<table border="1">
<thead><tr><th>№</th><th>Мероприятие</th><th>Сроки</th><th>Ответственные</th></tr></thead>
<tbody>
<tr><td colspan="4"><p><b>1. Подготовительный этап</b></p></td></tr>
<tr><td>1.1</td><td><p>Разработка положения</p><p>Утверждение приказом</p></td><td rowspan="2">сентябрь&nbsp;2024</td>
  <td><ul><li>директор</li><li>зам. директора по&nbsp;УВР</li></ul></td></tr>
<tr><td>1.2</td><td>Анкетирование<br>педагогов и&nbsp;обучающихся</td><td>куратор</td></tr>
<tr style="page-break-before: always"><th>№</th><th>Мероприятие</th><th>Сроки</th><th>Ответственные</th></tr>
<tr><td>1.3</td><td>Сверка списков<table><tr><td>5–9 классы</td><td>10–11 классы</td></tr></table></td><td colspan="2">октябрь</td></tr>
</tbody></table>
<br clear="all" style="page-break-before: always">
<p>Исполнитель: <span>Петрова&nbsp;А.&nbsp;А.</span></p>
</body></html>`;

  it('reads a roadmap page into paragraphs and a table, in document order', () => {
    const doc = readHtml(ROADMAP, 'roadmap.html');
    expect(doc.file).toBe('roadmap.html');
    expect(doc.blocks).toEqual([
      p('УТВЕРЖДАЮ', 1),
      p('Директор МБОУ «СШ № 5»', 2),
      p('_______ И. И. Иванова', 3),
      p('ДОРОЖНАЯ КАРТА', 4, true, true),
      p('реализации программы наставничества', 5, true),
      p('на 2024–2025 учебный год', 6, true),
      p('1. Цели: повысить качество', 7),
      p('- первая цель', 8),
      p('- вторая цель', 9),
      p('1. подпункт', 10),
      {
        kind: 'table',
        line: 11,
        rows: [
          row(11, '№', 'Мероприятие', 'Сроки', 'Ответственные'),
          row(12, '1. Подготовительный этап', [], [], []),
          row(13, '1.1', ['Разработка положения', 'Утверждение приказом'], 'сентябрь 2024', ['директор', 'зам. директора по УВР']),
          row(14, '1.2', ['Анкетирование', 'педагогов и обучающихся'], [], 'куратор'),
          row(15, '№', 'Мероприятие', 'Сроки', 'Ответственные'),
          row(16, '1.3', ['Сверка списков', '5–9 классы', '10–11 классы'], 'октябрь', []),
        ],
      },
      p('Исполнитель: Петрова А. А.', 17, false, true),
    ]);
  });

  it('keeps every column aligned under colspan and rowspan', () => {
    const doc = readHtml(
      `<table>
        <tr><td rowspan="3">1</td><td colspan="2">a</td><td rowspan="2">d</td></tr>
        <tr><td>b</td><td>c</td></tr>
        <tr><td>e</td><td>f</td><td>g</td></tr>
      </table>`,
      'grid.html',
    );
    const [table] = doc.blocks;
    expect(table.kind === 'table' && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1', 'a', '', 'd'],
      ['', 'b', 'c', ''],
      ['', 'e', 'f', 'g'],
    ]);
  });

  it('tells bold from partly bold, and drops mammoth footnote links but not the notes', () => {
    const doc = readHtml(
      `<p><strong>Весь</strong> <b>жирный</b></p>
       <p><span style="font-weight:700">Тоже жирный</span></p>
       <p>Наполовину <b>жирный</b><sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>
       <p></p><p></p>
       <ol><li id="footnote-1"><p>Сноска <a href="#footnote-ref-1">↑</a></p></li></ol>`,
      'bold.html',
    );
    expect(doc.blocks).toEqual([p('Весь жирный', 1, true), p('Тоже жирный', 2, true), p('Наполовину жирный', 3), p('Сноска', 4, false, true)]);
  });

  it('refuses what is not HTML or has no text, in one line', async () => {
    expect(
      await refusal(
        () =>
          readHtml(
            '<html><head><title>Пусто</title></head><body><p>&nbsp;</p><script>alert(1)</script><table><tr><td> </td></tr></table></body></html>',
            'empty.html',
          ),
        'empty.html',
      ),
    ).toMatch(/нет текста/);
    expect(await refusal(() => readHtml('', 'zero.html'), 'zero.html')).toMatch(/нет текста/);
    expect(await refusal(() => readHtml('Просто текст без тегов.\nВторая строка.', 'plain.html'), 'plain.html')).toMatch(/не HTML/);
    expect(await refusal(() => readHtml('PK\u0003\u0004\u0000\u0000binary', 'zip.html'), 'zip.html')).toMatch(/не HTML/);
  });

  it('decodes a Word web page saved in windows-1251', () => {
    const head = Buffer.from('<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1251"></head><body><p>');
    const word = Buffer.from([0xcf, 0xeb, 0xe0, 0xed]); // «План»
    const bytes = Buffer.concat([head, word, Buffer.from('</p></body></html>')]);
    expect(readHtml(decodeHtml(bytes), 'cp1251.html').blocks).toEqual([p('План', 1)]);
    expect(decodeHtml(Buffer.from('<p>План</p>'))).toBe('<p>План</p>');
  });
});

describe('readDocx', () => {
  const ROADMAP: SourceDocument = {
    file: 'roadmap.txt',
    blocks: [
      p('Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 5»', 1),
      p('УТВЕРЖДАЮ:', 3, false, true),
      p('директор МБОУ «СШ № 5»', 4),
      p('_________ И. И. Иванова', 5),
      p('приказ от 01.09.2024 № 123', 6),
      p('ДОРОЖНАЯ КАРТА', 8, true, true),
      p('реализации программы наставничества на 2024–2025 учебный год', 9, true),
      {
        kind: 'table',
        line: 11,
        rows: [
          row(11, '№ п/п', 'Мероприятие', 'Сроки', 'Ответственные'),
          row(12, '1', 'Подготовка условий для запуска программы наставничества', [], []),
          row(
            13,
            '1.1',
            ['1) Разработка положения о наставничестве;', '2) утверждение дорожной карты.'],
            ['август', 'сентябрь 2024'],
            ['Директор', 'Куратор Петрова А. А.'],
          ),
          row(14, '1.2', ['- анкетирование педагогов', '- анкетирование обучающихся'], 'до 15.10.2024', 'Куратор'),
        ],
      },
      p('- Исполнитель: Петрова А. А.', 16, false, true),
    ],
  };

  it('gives back the blocks of a document written to .docx', async () => {
    const { document, warnings } = await readDocx(await writeDocx(ROADMAP), 'roadmap.docx');
    expect(document.file).toBe('roadmap.docx');
    expect(shape(document)).toEqual(shape(ROADMAP));
    expect(warnings).toEqual([]);
  });

  it('handles what mammoth makes of Word: merged cells, title style, line breaks, footnotes, pictures', async () => {
    const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const cell = (parts: string[], options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
      new TableCell({ children: parts.length ? parts.map((t) => new Paragraph(t)) : [new Paragraph({})], ...options });
    const word = new Document({
      footnotes: { 1: { children: [new Paragraph('По приказу № 12')] } },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Дорожная карта', heading: HeadingLevel.TITLE }),
            new Paragraph({
              children: [new TextRun({ text: 'на 2024 год', bold: true }), new TextRun({ text: 'для педагогов', bold: true, break: 1 })],
            }),
            new Paragraph({ children: [new TextRun('Утверждена'), new FootnoteReferenceRun(1)] }),
            new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
            new Table({
              rows: [
                new TableRow({ tableHeader: true, children: [cell(['№']), cell(['Мероприятие']), cell(['Срок'])] }),
                new TableRow({ children: [cell(['1. Этап'], { columnSpan: 3 })] }),
                new TableRow({
                  children: [cell(['1.1']), cell(['Встреча', 'пар']), cell(['сентябрь'], { verticalMerge: VerticalMergeType.RESTART })],
                }),
                new TableRow({ children: [cell(['1.2']), cell(['Отчёт']), cell([], { verticalMerge: VerticalMergeType.CONTINUE })] }),
              ],
            }),
          ],
        },
      ],
    });
    const { document, warnings } = await readDocx(await Packer.toBuffer(word), 'word.docx');
    expect(shape(document)).toEqual([
      { kind: 'paragraph', text: 'Дорожная карта', bold: true, gap: false },
      { kind: 'paragraph', text: 'на 2024 год', bold: true, gap: false },
      { kind: 'paragraph', text: 'для педагогов', bold: true, gap: false },
      { kind: 'paragraph', text: 'Утверждена', bold: false, gap: false },
      // The picture's paragraph has no text: a blank line.
      {
        kind: 'table',
        rows: [
          [cellOf(['№']), cellOf(['Мероприятие']), cellOf(['Срок'])],
          [cellOf(['1. Этап']), cellOf([]), cellOf([])],
          [cellOf(['1.1']), cellOf(['Встреча', 'пар']), cellOf(['сентябрь'])],
          [cellOf(['1.2']), cellOf(['Отчёт']), cellOf([])],
        ],
      },
      { kind: 'paragraph', text: 'По приказу № 12', bold: false, gap: false },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/картинок в документе: 1/);
  });

  /** A stored (uncompressed) ZIP archive of the given files. */
  function zip(files: Record<string, string>): Buffer {
    const locals: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const [name, content] of Object.entries(files)) {
      const data = Buffer.from(content);
      const fileName = Buffer.from(name);
      const crc = crc32(data);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(fileName.length, 26);
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt32LE(crc, 16);
      entry.writeUInt32LE(data.length, 20);
      entry.writeUInt32LE(data.length, 24);
      entry.writeUInt16LE(fileName.length, 28);
      entry.writeUInt32LE(offset, 42);
      locals.push(local, fileName, data);
      central.push(entry, fileName);
      offset += local.length + fileName.length + data.length;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Object.keys(files).length, 8);
    end.writeUInt16LE(Object.keys(files).length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
  }

  it('refuses what is not a .docx, in one line', async () => {
    // Deterministic «random» bytes.
    let seed = 42;
    const noise = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23));
    const cases: [string, Buffer, RegExp][] = [
      ['noise.docx', noise, /не ZIP-архив/],
      ['empty.docx', Buffer.alloc(0), /пуст/],
      ['other.docx', zip({ '[Content_Types].xml': '<Types/>', 'readme.txt': 'не документ' }), /word\/document\.xml/],
      ['cut.docx', (await writeDocx(ROADMAP)).subarray(0, 2000), /архив повреждён/],
      ['old.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise]), /\.doc\b/],
    ];
    for (const [file, buffer, why] of cases) {
      const message = await refusal(() => readDocx(buffer, file), file);
      expect(message).toContain(`файл ${file} не читается как документ Word (.docx): `);
      expect(message).toMatch(why);
    }
  });

  it('refuses a .docx with no text', async () => {
    const empty = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({}), new Paragraph('   ')] }] }));
    expect(await refusal(() => readDocx(empty, 'blank.docx'), 'blank.docx')).toMatch(/нет текста/);
  });
});
