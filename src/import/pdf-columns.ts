/**
 * Text set side by side without borders: Word users lay out an approval block
 * («СОГЛАСОВАНО … | УТВЕРЖДАЮ …») as a borderless two-column table. In the PDF it is only
 * lines sharing baselines with a wide gap between; read row by row they would interleave
 * the two blocks. Here they become columns again, to be given as one table row (as the
 * .docx reader gives the table).
 *
 *   splitColumns(lines, pitch): Chunk[]   — runs of ordinary lines, and side-by-side blocks
 */
import type { Line } from './pdf-lines.ts';

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
      plain(row);
      continue;
    }
    const starts = row.map((line) => line.left);
    let end = Math.max(...row.map((line) => line.right));
    const column = (line: Line) => starts.findLastIndex((start) => start <= line.left + 0.8 * line.size);
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
      const [previous, next] = [rows[j - 1][0], rows[j][0]];
      // A blank line between rows with a gap is the layout's; before a lone line, it ends the block.
      const room = (rows[j].length > 1 ? 3 : 1.8) * pitch * next.size;
      if (next.page !== previous.page || next.y - previous.y > room || !rows[j].every((line) => fits(line, rows[j].length > 1))) break;
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
