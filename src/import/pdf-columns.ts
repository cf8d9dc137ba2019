/**
 * Text set side by side without borders: Word users lay out an approval block
 * («СОГЛАСОВАНО … | УТВЕРЖДАЮ …») as a borderless two-column table. In the PDF it is only
 * lines sharing baselines with a wide gap between; read row by row they would interleave
 * the two blocks. Here they become columns again, to be given as one table row (as the
 * .docx reader gives the table).
 *
 *   splitColumns(lines, pitch): Chunk[]   — runs of ordinary lines, and side-by-side blocks
 *
 * The block goes on as long as its lines keep the layout: a line starting in the left column
 * and one in the right (or set flush right with it: a signature line «_______ И. И. Иванова»,
 * a date), even when the gap between them is too narrow for pdf-lines to see two columns.
 * Two cells aligned differently (one at the top, one centred) put the two columns' lines on
 * baselines of their own, interleaved: those are told by lines closer than a line's pitch
 * that stand in the two columns by turns.
 */
import { lineOf, type Line } from './pdf-lines.ts';

export type Chunk = { kind: 'lines'; lines: Line[] } | { kind: 'columns'; starts: number[]; columns: Line[][] };

/** Lines on one baseline. */
function rowsOf(lines: Line[]): Line[][] {
  const rows: Line[][] = [];
  for (const line of lines) {
    const row = rows[rows.length - 1];
    if (row && row[0].page === line.page && Math.abs(row[0].y - line.y) <= 0.35 * line.size) row.push(line);
    else rows.push([line]);
  }
  return rows;
}

export function splitColumns(lines: Line[], pitch: number): Chunk[] {
  const rows = rowsOf(lines);
  const chunks: Chunk[] = [];
  const plain = (row: Line[]) => {
    const last = chunks[chunks.length - 1];
    if (last?.kind === 'lines') last.lines.push(...row);
    else chunks.push({ kind: 'lines', lines: [...row] });
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length < 2) {
      const block = interleaved(rows, i, pitch);
      if (block) {
        chunks.push(block.chunk);
        i = block.end - 1;
      } else plain(row);
      continue;
    }
    const starts = row.map((line) => line.left);
    let end = Math.max(...row.map((line) => line.right));
    /** Lines cut from one at the gap between the columns: the part set flush right is the last column's, wherever it starts. */
    const placed = new Map<Line, number>();
    const column = (line: Line) => placed.get(line) ?? starts.findLastIndex((start) => start <= line.left + 0.8 * line.size);
    // A line fits the block if it starts in a column and stays out of the next one (or, in the
    // last column, does not reach much further than the block's rows with a gap do).
    const fits = (line: Line, split: boolean) => {
      const k = column(line);
      if (k < 0) return false;
      if (k < starts.length - 1) return line.right < starts[k + 1] - 0.5 * line.size;
      return split || line.right < end + 2 * line.size;
    };
    let j = i + 1;
    let split = 1;
    while (j < rows.length) {
      const cut = rows[j].length === 1 ? cutAtColumn(rows[j][0], starts, end) : undefined;
      if (cut) placed.set(cut[1], starts.length - 1);
      const candidate = cut ?? rows[j];
      const [previous, next] = [rows[j - 1][0], candidate[0]];
      // A blank line between rows with a gap is the layout's; before a lone line, it ends the block.
      const room = (candidate.length > 1 ? 3 : 1.8) * pitch * next.size;
      if (next.page !== previous.page || next.y - previous.y > room || !candidate.every((line) => fits(line, candidate.length > 1))) break;
      rows[j] = candidate;
      if (rows[j].length > 1) end = Math.max(end, ...rows[j].map((line) => line.right));
      if (rows[j].length > 1) split++;
      j++;
    }
    // One row with a gap is a line with a tab in it («Директор ____ И. И. Иванова»); two make a layout.
    if (split < 2) {
      plain(row);
      continue;
    }
    const columns: Line[][] = starts.map(() => []);
    for (const line of rows.slice(i, j).flat()) columns[column(line)].push(line);
    chunks.push({ kind: 'columns', starts, columns });
    i = j - 1;
  }
  return chunks;
}

/**
 * A line that runs from the left column into the last one with a gap between its pieces
 * («_______ Абдуллаева Х. К.      _______ Рамазанова З. М.»), cut there: the left part must end
 * before the last column starts, the right part start in it or end flush with the block's right edge.
 */
function cutAtColumn(line: Line, starts: number[], end: number): [Line, Line] | undefined {
  const last = starts[starts.length - 1];
  const size = line.size;
  if (line.left > last - 0.8 * size) return undefined;
  for (let i = 1; i < line.pieces.length; i++) {
    const [before, after] = [line.pieces.slice(0, i), line.pieces.slice(i)];
    const leftEnd = Math.max(...before.map((p) => p.x + p.width));
    const rightEnd = Math.max(...after.map((p) => p.x + p.width));
    if (after[0].x - leftEnd < 0.5 * size || leftEnd > last - 0.5 * size) continue;
    if (after[0].x >= last - 0.8 * size || Math.abs(rightEnd - end) < size) return [lineOf(before, line.page), lineOf(after, line.page)];
  }
  return undefined;
}

/**
 * Lone lines from `i` on that stand in two columns by turns, on baselines of their own (closer
 * than a line's pitch): at least two in each column, the left ones starting at one edge and
 * ending before the right ones start. Returns the block and the row after it.
 */
function interleaved(rows: Line[][], i: number, pitch: number): { chunk: Chunk; end: number } | undefined {
  const first = rows[i][0];
  const size = first.size;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.8 * size;
  let j = i + 1;
  while (j < rows.length && rows[j].length === 1) {
    const [previous, next] = [rows[j - 1][0], rows[j][0]];
    if (next.page !== previous.page || next.y - previous.y > 1.3 * pitch * size) break;
    j++;
  }
  const lines = rows.slice(i, j).map((row) => row[0]);
  if (lines.length < 4) return undefined;
  // The first two lines are one in each column.
  const [left, middle] = [Math.min(lines[0].left, lines[1].left), Math.max(lines[0].left, lines[1].left)];
  if (middle - left < 4 * size) return undefined;
  // The block is as long as its lines keep the two columns by turns.
  let k = 0;
  let turns = 0;
  const side = (line: Line) => (near(line.left, left) && line.right < middle - 0.5 * size ? 0 : line.left >= middle - 0.8 * size ? 1 : -1);
  while (k < lines.length && side(lines[k]) >= 0) {
    if (k > 0 && side(lines[k]) !== side(lines[k - 1]) && lines[k].y - lines[k - 1].y < 0.8 * pitch * size) turns++;
    k++;
  }
  const block = lines.slice(0, k);
  const columns = [block.filter((line) => side(line) === 0), block.filter((line) => side(line) === 1)];
  if (turns < 2 || columns.some((column) => column.length < 2)) return undefined;
  return { chunk: { kind: 'columns', starts: [left, middle], columns }, end: i + k };
}
