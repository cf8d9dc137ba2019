/**
 * Plain text as Word and PDF exports leave it (the seeds' format):
 *  - a table row per line, cells separated by tabs, HTML inside cells;
 *  - or one cell per line: a cell opens with a tab, untabbed lines continue it,
 *    and rows are separated by blank lines (a blank line may also fall inside a row);
 *  - `**bold**` around titles; everything else is a paragraph per line.
 */
import { htmlCell } from './read-html.ts';
import { rowNumber } from './roadmap.ts';
import { cellOf, ImportError, type Block, type Cell, type Row, type SourceDocument } from './source-document.ts';

export function readText(source: string, file: string): SourceDocument {
  if (!source.trim()) throw new ImportError(`файл ${file} пуст`);
  if (source.includes('\u0000') || (source.match(/\uFFFD/g)?.length ?? 0) > source.length / 50) {
    throw new ImportError(
      `файл ${file} — не текст: похоже на двоичный файл (документы Word, PDF и OpenDocument импортируйте как есть — формат узнаётся по содержимому)`,
    );
  }
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let bold = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isTabRow(line)) {
      const table = readTabTable(lines, i);
      blocks.push(table.block);
      i = table.next;
    } else if (isCellLine(line) && opensCellTable(lines, i)) {
      const table = readCellPerLineTable(lines, i);
      blocks.push(table.block);
      i = table.next;
    } else {
      const text = line.trim();
      if (text) {
        const opens = text.startsWith('**');
        const closes = text.endsWith('**') && (text.length > 2 || !opens);
        const plain = text.replace(/\*\*/g, '').trim();
        const gap = i > 0 && lines[i - 1].trim() === '';
        if (plain) blocks.push({ kind: 'paragraph', text: plain, line: i + 1, bold: bold || opens, gap });
        if (opens && !closes) bold = true;
        else if (closes) bold = false;
      }
      i++;
    }
  }
  return { file, blocks };
}

/** A line with a tab between two texts, or a tab row with leading empty cells (a continued row). */
const isTabRow = (line: string) => {
  const cells = line.split('\t');
  return cells.length >= 3 || (cells.length === 2 && cells[0].trim() !== '' && cells[1].trim() !== '');
};
/** One cell per line: a tab, then the cell's text (possibly empty), and no further tab. */
const isCellLine = (line: string) => line.startsWith('\t') && line.split('\t').length === 2;
/** An indented line alone is a paragraph; a table is a run of them (a header has several cells). */
const opensCellTable = (lines: string[], start: number) => lines.slice(start, start + 12).filter(isCellLine).length >= 3;
const isSeparatorRow = (line: string) => line.split('\t').every((cell) => /^\s*-*\s*$/.test(cell));

function readTabTable(lines: string[], start: number): { block: Block; next: number } {
  const rows: Row[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    if (isTabRow(line)) {
      if (!isSeparatorRow(line)) rows.push({ cells: line.split('\t').map(htmlCell), line: i + 1 });
      i++;
      continue;
    }
    // Blank lines and wrapped text may fall between rows; the table goes on if a row follows.
    let j = i;
    while (j < lines.length && !isTabRow(lines[j]) && (lines[j].trim() === '' || j === i || lines[j - 1].trim() !== '')) j++;
    if (j < lines.length && isTabRow(lines[j])) {
      const wrapped = lines
        .slice(i, j)
        .map((l) => l.trim())
        .filter(Boolean);
      // One capitalised line right between two numbered rows is a row of its own spanning the
      // table (a stage's name), as Word and LibreOffice write it to text; else it is wrapped text.
      const spanning = j === i + 1 && wrapped.length === 1 && /^[А-ЯЁA-Z]/.test(wrapped[0]) && rowNumber(lines[j].split('\t')[0]) !== undefined;
      if (spanning) rows.push({ cells: [htmlCell(lines[i])], line: i + 1 });
      else if (wrapped.length && rows.length) {
        const last = rows[rows.length - 1].cells;
        const cell = last[last.length - 1];
        last[last.length - 1] = cellOf([...cell.parts, ...wrapped]);
      }
      i = j;
    } else break;
  }
  return { block: { kind: 'table', rows, line: start + 1 }, next: i };
}

function readCellPerLineTable(lines: string[], start: number): { block: Block; next: number } {
  // Cells, each with the line it starts on and whether a blank line came before it.
  const cells: { parts: string[]; line: number; afterBlank: boolean }[] = [];
  let i = start;
  let blank = false;
  while (i < lines.length) {
    const line = lines[i];
    if (isCellLine(line)) {
      cells.push({ parts: [line.slice(1)], line: i + 1, afterBlank: blank });
      blank = false;
    } else if (line.trim() === '') {
      blank = true;
    } else if (!blank && cells.length) {
      cells[cells.length - 1].parts.push(line);
    } else break;
    i++;
  }
  // The header is the first run of cells; later runs are rows, except that a run which
  // does not open with a row number completes a row that is still short of cells.
  const rows: Row[] = [];
  let width = 0;
  let current: { cells: Cell[]; line: number } | undefined;
  for (const [index, cell] of cells.entries()) {
    const parsed = cellOf(cell.parts);
    if (!current) current = { cells: [], line: cell.line };
    else if (index === 0 || cell.afterBlank) {
      const short = width > 0 && current.cells.length < width;
      if (!short || rowNumber(parsed.text) !== undefined) {
        rows.push(current);
        if (!width) width = rows[0].cells.length;
        current = { cells: [], line: cell.line };
      }
    }
    current.cells.push(parsed);
  }
  if (current) rows.push(current);
  return { block: { kind: 'table', rows, line: start + 1 }, next: i };
}
