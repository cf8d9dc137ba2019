/**
 * Tables of a PDF page, rebuilt from the lines that draw their borders.
 *
 *   findTables(page, pageIndex, pitch, words?): { tables: PdfTable[]; rest: Piece[] }
 *   joinContinued(first, next): { repeatedHeader } | undefined — a table that goes on after a page break
 *   rowsOf(table): Row[]-shaped cells for SourceDocument
 *
 * Borders touching each other make one grid; its columns are where vertical borders stand,
 * its rows where horizontal ones do. A border missing inside the grid is a merged cell: the
 * text goes to the merged cell's top-left place and the places it covers stay empty, as
 * readHtml pads `colspan`/`rowspan`, so columns stay aligned whatever the merging.
 */
import { emWidth, linesOf, LIST_START, paragraphsOf, type Line } from './pdf-lines.ts';
import type { PageContent, Piece, Segment } from './pdf-page.ts';

/** Borders this close are one border (Word's double lines, a line and its cell's edge). */
const SNAP = 2.5;

/** One merged cell of the grid: the text of every place it covers. */
export interface Region {
  parts: string[];
}

export interface PdfTable {
  page: number;
  /** Column borders, left to right, and row borders, top to bottom. */
  xs: number[];
  ys: number[];
  /** `cells[r][c]`: the region covering that place; `owner[r][c]`: whether it is the region's top-left place. */
  cells: Region[][];
  owner: boolean[][];
  /** Whether the first row has a border along its top: a row a page break cut has none. */
  closedTop: boolean;
}

interface HLine {
  y: number;
  x1: number;
  x2: number;
}
interface VLine {
  x: number;
  y1: number;
  y2: number;
}

/** Collinear pieces of one border, overlapping or touching, as one. */
function mergeLines<T>(lines: T[], at: (l: T) => number, from: (l: T) => number, to: (l: T) => number, make: (at: number, from: number, to: number) => T): T[] {
  const sorted = [...lines].sort((a, b) => at(a) - at(b) || from(a) - from(b));
  const merged: T[] = [];
  for (const line of sorted) {
    const same = merged.findLast((m) => Math.abs(at(m) - at(line)) < SNAP && from(line) <= to(m) + SNAP);
    if (same) {
      const index = merged.indexOf(same);
      merged[index] = make(at(same), Math.min(from(same), from(line)), Math.max(to(same), to(line)));
    } else merged.push(line);
  }
  return merged;
}

/** Values within SNAP of each other → their mean, sorted. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const value of sorted) {
    const group = groups[groups.length - 1];
    if (group && value - group[group.length - 1] < SNAP) group.push(value);
    else groups.push([value]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function components(h: HLine[], v: VLine[]): { h: HLine[]; v: VLine[] }[] {
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const [a, b] = [h[i], v[j]];
      if (b.x >= a.x1 - SNAP && b.x <= a.x2 + SNAP && a.y >= b.y1 - SNAP && a.y <= b.y2 + SNAP) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: HLine[]; v: VLine[] }>();
  const group = (i: number) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    return groups.get(root)!;
  };
  h.forEach((line, i) => group(i).h.push(line));
  v.forEach((line, j) => group(h.length + j).v.push(line));
  return [...groups.values()];
}

/**
 * A component split where two tables stand one on the other, touching (LibreOffice draws the
 * lower table's top border on the upper one's bottom border): at a full-width border no inner
 * column border crosses, with inner column borders above and below that do not line up —
 * neither set holds the other (a header with sub-columns holds the body's borders, so stays
 * one table). Full-width rows between (a stage heading spanning every column) go with the
 * part below: such a row heads the rows that follow.
 */
function splitStacked(grid: { h: HLine[]; v: VLine[] }): { h: HLine[]; v: VLine[] }[] {
  const xs = [...grid.h.flatMap((l) => [l.x1, l.x2]), ...grid.v.map((l) => l.x)];
  if (!xs.length) return [grid];
  const [left, right] = [Math.min(...xs), Math.max(...xs)];
  const inner = grid.v.filter((l) => l.x > left + SNAP && l.x < right - SNAP);
  const across = cluster(grid.h.filter((l) => l.x1 < left + SNAP && l.x2 > right - SNAP).map((l) => l.y)).filter(
    (y) => !inner.some((l) => l.y1 < y - SNAP && l.y2 > y + SNAP),
  );
  if (across.length < 2) return [grid];
  const edgesBetween = (top: number, bottom: number) => cluster(inner.filter((l) => l.y1 < bottom - SNAP && l.y2 > top + SNAP).map((l) => l.x));
  const holds = (a: number[], b: number[]) => b.every((x) => a.some((y) => Math.abs(x - y) < SNAP));
  const cuts: number[] = [];
  let previous: number[] | undefined;
  /** The top of the first full-width row after the last band with inner borders. */
  let open: number | undefined;
  for (let i = 0; i + 1 < across.length; i++) {
    const edges = edgesBetween(across[i], across[i + 1]);
    if (!edges.length) {
      open ??= across[i];
      continue;
    }
    if (previous && !holds(previous, edges) && !holds(edges, previous)) cuts.push(open ?? across[i]);
    previous = edges;
    open = undefined;
  }
  if (!cuts.length) return [grid];
  const bounds = [Number.NEGATIVE_INFINITY, ...cuts, Number.POSITIVE_INFINITY];
  return bounds.slice(0, -1).map((top, k) => {
    const bottom = bounds[k + 1];
    return {
      h: grid.h.filter((l) => l.y > top - SNAP && l.y < bottom + SNAP),
      v: grid.v.filter((l) => l.y1 < bottom - SNAP && l.y2 > top + SNAP).map((l) => ({ x: l.x, y1: Math.max(l.y1, top), y2: Math.min(l.y2, bottom) })),
    };
  });
}

const index = (bounds: number[], value: number) => {
  for (let i = 0; i < bounds.length - 1; i++) if (value < bounds[i + 1]) return i;
  return bounds.length - 2;
};

/** The text of a cell: its lines, in parts — a new part where a paragraph of the cell starts. */
function partsOf(pieces: Piece[], page: number, left: number, right: number, pitch: number, words?: ReadonlySet<string>): string[] {
  const lines = linesOf(pieces, page, false);
  if (!lines.length) return [];
  // The cell's padding is the same on both sides.
  const inner = Math.min(...lines.map((l) => l.left));
  const padding = Math.max(1, inner - left);
  return paragraphsOf(lines, { left: inner, right: right - padding, pitch, words }).map((p) => p.text);
}

/**
 * A text run that crosses a column border, cut at the spaces where the borders it crosses fall:
 * pdf.js may give two cells' text on one baseline as one run («до 1 марта 2025 г. Приказы ОО»),
 * its width with the jump over the border inside. A cut is the space whose text before fits
 * left of the border and whose text after, measured back from the run's end, starts right of
 * it; letters are measured by a proportional face's widths (emWidth), shrunk to the run's width
 * when the face is narrower, so a run of digits and spaces does not shift the cut by a word.
 */
function splitAtBorders(piece: Piece, borders: number[]): (Piece & { whole?: Piece })[] {
  const crossed = borders.filter((x) => x > piece.x + 0.5 * piece.size && x < piece.x + piece.width - 0.5 * piece.size);
  if (!crossed.length || !piece.text.length) return [piece];
  const ems = [...piece.text].map(emWidth);
  const total = ems.reduce((s, w) => s + w, 0);
  const em = Math.min(piece.size, piece.width / total);
  /** `before[i]`: the width of the text before letter i. */
  const before = ems.reduce((acc, w) => [...acc, acc[acc.length - 1] + w * em], [0]);
  const letters = ems.length;
  const chars = [...piece.text];
  const cuts: number[] = [];
  for (const x of crossed) {
    let best = -1;
    let bestMiss = Number.POSITIVE_INFINITY;
    for (let i = 1; i < letters; i++) {
      if (chars[i] !== ' ') continue;
      const leftEnd = piece.x + before[i];
      const rightStart = piece.x + piece.width - (before[letters] - before[i + 1]);
      const miss = Math.max(0, leftEnd - x) + Math.max(0, x - rightStart) + 1e-3 * Math.abs((leftEnd + rightStart) / 2 - x);
      if (miss < bestMiss) [best, bestMiss] = [i, miss];
    }
    if (best > 0 && !cuts.includes(best)) cuts.push(best);
  }
  if (!cuts.length) return [piece];
  const bounds = [0, ...cuts.sort((a, b) => a - b), letters];
  return bounds.slice(0, -1).flatMap((from, k) => {
    const text = chars.slice(from, bounds[k + 1]).join('');
    const trimmed = text.trim();
    const lead = [...text].length - [...text.trimStart()].length;
    if (!trimmed) return [];
    // The last part ends where the run ends: the jump over the border is before it.
    const x = k === cuts.length ? piece.x + piece.width - (before[letters] - before[from + lead]) : piece.x + before[from + lead];
    return [{ ...piece, text: trimmed, x, width: before[from + lead + [...trimmed].length] - before[from + lead], whole: piece }];
  });
}

export function findTables(content: PageContent, page: number, pitch: number, words?: ReadonlySet<string>): { tables: PdfTable[]; rest: Piece[] } {
  const h = mergeLines(
    content.segments.filter((s) => s.y1 === s.y2).map((s): HLine => ({ y: s.y1, x1: s.x1, x2: s.x2 })),
    (l) => l.y,
    (l) => l.x1,
    (l) => l.x2,
    (y, x1, x2) => ({ y, x1, x2 }),
  );
  const v = mergeLines(
    content.segments.filter((s: Segment) => s.x1 === s.x2 && s.y1 !== s.y2).map((s): VLine => ({ x: s.x1, y1: s.y1, y2: s.y2 })),
    (l) => l.x,
    (l) => l.y1,
    (l) => l.y2,
    (x, y1, y2) => ({ x, y1, y2 }),
  );
  const tables: PdfTable[] = [];
  const placed = new Set<Piece>();
  for (const grid of components(h, v).flatMap(splitStacked)) {
    if (grid.h.length < 2 && grid.v.length < 2) continue;
    const xs = cluster([...grid.v.map((l) => l.x), ...grid.h.flatMap((l) => [l.x1, l.x2])]);
    const ys = cluster([...grid.h.map((l) => l.y), ...grid.v.flatMap((l) => [l.y1, l.y2])]);
    if (xs.length < 2 || ys.length < 2 || xs[xs.length - 1] - xs[0] < 20 || ys[ys.length - 1] - ys[0] < 8) continue;
    const hasV = (x: number, y: number) => grid.v.some((l) => Math.abs(l.x - x) < SNAP && l.y1 - SNAP < y && l.y2 + SNAP > y);
    const hasH = (y: number, x: number) => grid.h.some((l) => Math.abs(l.y - y) < SNAP && l.x1 - SNAP < x && l.x2 + SNAP > x);
    const rows = ys.length - 1;
    const columns = xs.length - 1;
    const mid = (bounds: number[], i: number) => (bounds[i] + bounds[i + 1]) / 2;

    // Regions: from each free top-left place, right while no border stands between, then down likewise.
    const cells: Region[][] = Array.from({ length: rows }, () => Array<Region>(columns));
    const owner: boolean[][] = Array.from({ length: rows }, () => Array<boolean>(columns).fill(false));
    const bounds = new Map<Region, { r: number; c: number; r2: number; c2: number }>();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        if (cells[r][c]) continue;
        let c2 = c;
        while (c2 + 1 < columns && !cells[r][c2 + 1] && !hasV(xs[c2 + 1], mid(ys, r))) c2++;
        let r2 = r;
        while (r2 + 1 < rows) {
          let open = true;
          for (let k = c; k <= c2; k++) if (cells[r2 + 1][k] || hasH(ys[r2 + 1], mid(xs, k))) open = false;
          if (!open) break;
          r2++;
        }
        const region: Region = { parts: [] };
        bounds.set(region, { r, c, r2, c2 });
        for (let i = r; i <= r2; i++) for (let k = c; k <= c2; k++) cells[i][k] = region;
        owner[r][c] = true;
      }
    }

    const inside = new Map<Region, Piece[]>();
    const cut = (piece: Piece) =>
      splitAtBorders(
        piece,
        xs.slice(1, -1).filter((x) => hasV(x, piece.y - piece.size * 0.3)),
      );
    for (const piece of content.pieces.flatMap(cut)) {
      const px = piece.x + Math.min(piece.width, piece.size) / 2;
      const py = piece.y - piece.size * 0.3;
      if (px < xs[0] || px > xs[columns] || py < ys[0] || py > ys[rows]) continue;
      const region = cells[index(ys, py)][index(xs, px)];
      inside.set(region, [...(inside.get(region) ?? []), piece]);
      placed.add(piece.whole ?? piece);
    }
    for (const [region, pieces] of inside) {
      const b = bounds.get(region)!;
      region.parts = partsOf(pieces, page, xs[b.c], xs[b.c2 + 1], pitch, words);
    }

    // Rows thinner than a line of text are the gap of a double border, not rows.
    const keep = ys.slice(0, -1).map((y, r) => ys[r + 1] - y >= 4 || cells[r].some((region, c) => owner[r][c] && region.parts.length));
    const width = xs[columns] - xs[0];
    const topCovered = grid.h.filter((l) => Math.abs(l.y - ys[0]) < SNAP).reduce((sum, l) => sum + Math.min(l.x2, xs[columns]) - Math.max(l.x1, xs[0]), 0);
    tables.push({
      page,
      xs,
      ys: ys.filter((_, r) => r === rows || keep[r]),
      cells: cells.filter((_, r) => keep[r]),
      owner: owner.filter((_, r) => keep[r]),
      closedTop: topCovered > width / 2,
    });
  }
  return { tables: tables.sort((a, b) => a.ys[0] - b.ys[0]), rest: content.pieces.filter((p) => !placed.has(p)) };
}

const rowTexts = (table: PdfTable, r: number) => table.cells[r].map((region, c) => (table.owner[r][c] ? region.parts.join(' ') : ''));
const ROW_NUMBER = /^((\d+\.)*\d+\.?|[IVXLC]+\.?)$/;

/**
 * How far apart the same column border may stand on two pages. Word places a table's borders
 * identically on each page and LibreOffice rounds them to hundredths of a point; SNAP (2.5)
 * already joins a double border, so a little more is allowed across pages, and still far less
 * than any real column (a column is tens of points wide).
 */
const SAME_BORDER = 3;
/**
 * Word repeats the rows marked «повторять как заголовок» on each page: one row mostly, two or
 * three when the header has a row of sub-headings or of column numbers («1 2 3 4»). More
 * rows equal to the first ones are the document's own rows, kept.
 */
const MAX_HEADER_ROWS = 3;

/** Row `r` of `a` and row `s` of `b` are the same row: the same merged cells holding the same parts, place by place. */
const sameRow = (a: PdfTable, r: number, b: PdfTable, s: number) =>
  a.cells[r].length === b.cells[s].length &&
  a.cells[r].every((region, c) => {
    const other = b.cells[s][c];
    if (a.owner[r][c] !== b.owner[s][c]) return false;
    // A place a merged cell covers: covered by the cell to its left in both, or by the cell above in both.
    if (!a.owner[r][c]) return (c > 0 && region === a.cells[r][c - 1]) === (c > 0 && other === b.cells[s][c - 1]);
    return region.parts.length === other.parts.length && region.parts.every((part, k) => part === other.parts[k]);
  });

/**
 * Appends `next` (the table at the top of the following page) to `first` when it is the same
 * table going on: same columns. A repeated header is dropped (`repeatedHeader`: how many rows);
 * a first row that continues the row cut by the page break is merged into it. Returns
 * undefined (and changes nothing) otherwise.
 */
export function joinContinued(first: PdfTable, next: PdfTable): { repeatedHeader: number } | undefined {
  if (first.xs.length !== next.xs.length || first.xs.some((x, i) => Math.abs(x - next.xs[i]) > SAME_BORDER)) return undefined;
  // The header repeated on the new page: the first rows again, cell for cell.
  let skip = 0;
  while (skip < next.cells.length && skip < first.cells.length && skip < MAX_HEADER_ROWS) {
    if (!rowTexts(next, skip).some(Boolean) || !sameRow(first, skip, next, skip)) break;
    skip++;
  }
  const rows = next.cells.slice(skip);
  const owner = next.owner.slice(skip);
  if (rows.length && first.cells.length) {
    const last = first.cells.length - 1;
    const numbered = first.cells.filter((_, r) => ROW_NUMBER.test(rowTexts(first, r)[0].trim())).length >= first.cells.length / 2;
    const texts = rows[0].map((region, c) => (owner[0][c] ? region.parts.join(' ') : ''));
    const firstText = texts.find(Boolean) ?? '';
    const lastTexts = rowTexts(first, last);
    const openTop = skip === 0 && !next.closedTop;
    const cut =
      texts.some(Boolean) && (numbered ? !texts[0] : openTop || (/^[a-zа-яё]/.test(firstText) && !/[.;:!?]$/.test(lastTexts[texts.indexOf(firstText)] ?? '.')));
    if (cut) {
      rows[0].forEach((region, c) => {
        if (!owner[0][c] || !region.parts.length) return;
        const target = first.cells[last][c];
        const [head, ...tail] = region.parts;
        const end = target.parts[target.parts.length - 1];
        // A paragraph the page break cut goes on in lower case, or after a line with no end mark.
        if (end !== undefined && !LIST_START.test(head) && (/^[a-zа-яё]/.test(head) || !/[.;:!?]$/.test(end))) {
          target.parts[target.parts.length - 1] = `${end} ${head}`;
        } else target.parts.push(head);
        target.parts.push(...tail);
      });
      rows.shift();
      owner.shift();
    }
  }
  first.cells.push(...rows);
  first.owner.push(...owner);
  return { repeatedHeader: skip };
}

/** The table as rows of cells' parts: each merged cell's text in its top-left place, the places it covers empty. */
export const tableParts = (table: PdfTable): string[][][] => table.cells.map((row, r) => row.map((region, c) => (table.owner[r][c] ? region.parts : [])));

/** All the text lines of a table, for the checks that look at words (a signature stamp in a box). */
export const tableText = (table: PdfTable) => tableParts(table).flat(2).join(' ');

export type { Line };
