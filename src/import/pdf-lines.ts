/**
 * Text pieces of a PDF page → lines → paragraphs, the way a reader sees them.
 *
 *   linesOf(pieces): Line[]                 — pieces on one baseline, left to right; a wide
 *                                             horizontal gap starts a line of its own
 *   paragraphsOf(lines, flow): Paragraph[]  — lines joined into paragraphs (or a cell's parts)
 *
 * A line continues the paragraph above unless something says it does not: a blank space
 * above it, a change of bold or size, a list marker or clause number in front, an indent,
 * or a line above that ended short (with room left for this line's first word, so the
 * writer pressed Enter there).
 */
import type { Piece } from './pdf-page.ts';

export interface Line {
  pieces: Piece[];
  text: string;
  left: number;
  right: number;
  /** Baseline. */
  y: number;
  size: number;
  bold: boolean;
  /** The page it is on (from 0), for flows that cross page breaks. */
  page: number;
}

export interface Paragraph {
  lines: Line[];
  text: string;
  bold: boolean;
  /** Blank space above it, as wide as an empty line at least. */
  gap: boolean;
}

/** Where the lines of a flow may reach: its right edge, and the usual distance between baselines as a share of font size. */
export interface Flow {
  left: number;
  right: number;
  pitch: number;
  /** The document's words (lower case), to tell a word broken at a line end from two words. */
  words?: ReadonlySet<string>;
}

/** A word, or a compound with hyphens («педагог-психолог»): both it and its parts are the document's words. */
const WORD = /[0-9a-zа-яё]+(?:-[0-9a-zа-яё]+)*/gi;

/** The words of the document's text, lower case: a word broken at a line end is whole only where it occurs so elsewhere. */
export function vocabularyOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.match(WORD) ?? []) for (const part of [word, ...word.split('-')]) words.add(part.toLowerCase());
  return words;
}

/** A horizontal gap this many font sizes wide separates text that only shares a baseline. */
const COLUMN_GAP = 3;

/** What starts a paragraph of its own: a list marker, «1)», or a clause number «2.», «2.3.», «2.3.1». */
export const LIST_START = /^\s*([–—\-•·▪○●►✓*]\s?|\d{1,2}[).]\s|\d{1,2}(\.\d{1,2})+\.?\s|[а-яa-z]\)\s)/i;

/**
 * A gap between two pieces of a line wider than this share of the font size is a space: a
 * space is a quarter of the size in Times New Roman and Liberation Serif, about a fifth in
 * narrower faces, while pieces of one word (split by a change of font or by kerning) stand a
 * few hundredths apart.
 */
const WORD_GAP = 0.12;

const joinText = (pieces: Piece[]) => {
  let text = '';
  let right = Number.NEGATIVE_INFINITY;
  for (const piece of pieces) {
    const gap = piece.x - right;
    if (text && gap > WORD_GAP * piece.size && !/\s$/.test(text) && !/^\s/.test(piece.text)) text += ' ';
    text += piece.text;
    right = Math.max(right, piece.x + piece.width);
  }
  return text.replace(/\s+/g, ' ').trim();
};

export function lineOf(pieces: Piece[], page: number): Line {
  const text = joinText(pieces);
  const sizes = pieces.map((p) => p.size).sort((a, b) => a - b);
  return {
    pieces,
    text,
    left: pieces[0].x,
    right: Math.max(...pieces.map((p) => p.x + p.width)),
    y: pieces[0].y,
    size: sizes[Math.floor(sizes.length / 2)],
    bold: pieces.every((p) => p.bold || !p.text.trim()),
    page,
  };
}

/** Pieces on the same baseline (within a third of the font size) make a line; lines top to bottom, left to right. */
export function linesOf(pieces: Piece[], page = 0, splitColumns = true): Line[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Piece[][] = [];
  for (const piece of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(piece.y - row[0].y) <= 0.35 * Math.max(piece.size, row[0].size)) row.push(piece);
    else rows.push([piece]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let start = 0;
    let right = row[0].x + row[0].width;
    for (let i = 1; i <= row.length; i++) {
      const piece = row[i];
      if (!piece || (splitColumns && piece.x - right > COLUMN_GAP * piece.size)) {
        const line = lineOf(row.slice(start, i), page);
        if (line.text) lines.push(line);
        start = i;
      }
      if (piece) right = Math.max(right, piece.x + piece.width);
    }
  }
  return lines;
}

/** The usual baseline distance as a share of font size, from lines that follow each other closely. */
export function pitchOf(lines: Line[]): number {
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    if (a.page !== b.page) continue;
    const ratio = (b.y - a.y) / Math.max(a.size, b.size);
    if (ratio > 0.8 && ratio < 2.2) ratios.push(ratio);
  }
  if (!ratios.length) return 1.17;
  ratios.sort((a, b) => a - b);
  // The lower quartile: most pairs are lines of one paragraph, the rest are farther apart.
  return ratios[Math.floor(ratios.length / 4)];
}

/**
 * Advance widths in ems of a proportional face (Times New Roman's; Arial's and PT Sans's differ
 * by a few hundredths, far less than between «ш» and «1»). pdf.js gives a run's width, not its
 * letters' positions; these place a letter inside the run where an average letter drifts by a
 * word over a long run of narrow digits and spaces or of wide letters.
 */
const EM: Record<string, number> = {
  ' ': 0.25,
  '.': 0.25,
  ',': 0.25,
  ':': 0.28,
  ';': 0.28,
  '!': 0.33,
  '?': 0.44,
  '-': 0.33,
  '–': 0.5,
  '—': 1,
  '/': 0.28,
  '(': 0.33,
  ')': 0.33,
  '«': 0.5,
  '»': 0.5,
  '"': 0.41,
  "'": 0.18,
  '№': 0.95,
  '%': 0.83,
  a: 0.44,
  b: 0.5,
  c: 0.44,
  d: 0.5,
  e: 0.44,
  f: 0.33,
  g: 0.5,
  h: 0.5,
  i: 0.28,
  j: 0.28,
  k: 0.5,
  l: 0.28,
  m: 0.78,
  n: 0.5,
  o: 0.5,
  p: 0.5,
  q: 0.5,
  r: 0.33,
  s: 0.39,
  t: 0.28,
  u: 0.5,
  v: 0.5,
  w: 0.72,
  x: 0.5,
  y: 0.5,
  z: 0.44,
  а: 0.44,
  б: 0.5,
  в: 0.47,
  г: 0.41,
  д: 0.5,
  е: 0.44,
  ё: 0.44,
  ж: 0.69,
  з: 0.4,
  и: 0.54,
  й: 0.54,
  к: 0.49,
  л: 0.5,
  м: 0.64,
  н: 0.54,
  о: 0.5,
  п: 0.54,
  р: 0.5,
  с: 0.44,
  т: 0.44,
  у: 0.5,
  ф: 0.65,
  х: 0.5,
  ц: 0.54,
  ч: 0.5,
  ш: 0.77,
  щ: 0.77,
  ъ: 0.5,
  ы: 0.67,
  ь: 0.46,
  э: 0.43,
  ю: 0.75,
  я: 0.48,
  Г: 0.6,
  Ж: 0.92,
  И: 0.72,
  Л: 0.7,
  М: 0.89,
  П: 0.72,
  Р: 0.56,
  С: 0.67,
  Т: 0.61,
  Ф: 0.78,
  Ш: 0.95,
  Щ: 0.95,
  Ы: 0.86,
  Ю: 0.97,
  I: 0.33,
  J: 0.39,
};

/** A letter's advance in ems: from the table, a digit half an em, any other capital as wide as most capitals. */
export const emWidth = (char: string) => EM[char] ?? (/\d/.test(char) ? 0.5 : char !== char.toLowerCase() ? 0.7 : 0.5);

/** The width of the first word of a line, estimated from its piece's average letter width. */
function firstWordWidth(line: Line): number {
  const piece = line.pieces[0];
  const word = /^\S+/.exec(piece.text.trimStart())?.[0] ?? '';
  const letter = piece.text.length ? piece.width / piece.text.length : piece.size / 2;
  return word.length * letter;
}

/** Whether `line` goes on the paragraph whose lines are `lines`. */
function continues(lines: Line[], line: Line, flow: Flow): boolean {
  const last = lines[lines.length - 1];
  const size = Math.max(last.size, line.size);
  if (line.page === last.page) {
    const dy = line.y - last.y;
    if (dy < 0.5 * size || dy > 1.3 * flow.pitch * size) return false;
  }
  if (line.bold !== last.bold || Math.abs(line.size - last.size) > 1) return false;
  // A word too long for the line goes on whatever it looks like («…/педагог» + «и) от …»).
  if (!/\s/.test(last.text) && last.right > flow.right - 0.6 * last.size) return true;
  if (LIST_START.test(line.text)) return false;
  // Room on the line above for this line's first word: the writer ended the paragraph there.
  // (The word's width is an estimate from average letters: a tenth more, to be sure.)
  if (last.right + 1.1 * firstWordWidth(line) + 0.25 * size < flow.right) return false;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.8 * size;
  // The lines after a paragraph's first share its left edge; the first may be indented
  // either way (a first-line indent, a list item's number hanging out).
  if (lines.length > 1) return near(line.left, lines[1].left);
  const first = lines[0];
  // A centred paragraph wraps around the same centre.
  const centred = near((line.left + line.right) / 2, (first.left + first.right) / 2);
  return (
    near(line.left, first.left) ||
    near(line.left, flow.left) ||
    centred ||
    (LIST_START.test(first.text) && line.left > first.left && line.left < first.left + 4 * size)
  );
}

/**
 * What goes between two lines of a paragraph: a space, unless the line above ends in a word
 * broken there — after a soft hyphen; after a hyphen of a compound word or a range
 * («участников-» / «наставляемых», «декабрь–» / «февраль»), which stays; after a hyphen that
 * only broke a word the document has whole («настав-» / «ничества»), which goes; or, in a
 * narrow cell, after a word too long for the line that was cut where the line ended, when the
 * document has the joined word elsewhere or the next line closes the word's bracket
 * («(обучающиеся/педагог» / «и) от»). Whole words that only fill a
 * narrow cell («Индивидуальные» / «консультации») keep the space: when unsure, a space — a
 * stray space is harmless, a glued word is a wrong word.
 */
function joiner(last: Line, next: Line, flow: Flow): '' | ' ' | '-' {
  if (/\u00ad$/.test(last.text)) return '';
  const tail = /([0-9a-zа-яё]+)[-–]?$/i.exec(last.text)?.[1]?.toLowerCase() ?? '';
  const head = /^[0-9a-zа-яё]+/i.exec(next.text)?.[0]?.toLowerCase() ?? '';
  const known = (word: string) => !!tail && !!head && !!flow.words?.has(word);
  if (/[0-9a-zа-яё][-–]$/i.test(last.text)) return known(tail + head) && !known(`${tail}-${head}`) ? '-' : '';
  if (!/\s/.test(last.text) && last.right > flow.right - 0.6 * last.size && (known(tail + head) || closesBracket(last.text, next.text))) return '';
  return ' ';
}

/** «(обучающиеся/педагог» + «и) от …»: a bracket the line opens and the next line's first word closes, one word cut in two. */
function closesBracket(last: string, next: string): boolean {
  const open = (last.match(/\(/g) ?? []).length - (last.match(/\)/g) ?? []).length;
  return open > 0 && /^[^\s()]+\)/.test(next);
}

/** `'-'`: the hyphen at the end of `joined` goes, and nothing between. */
const join = (joined: string, joint: '' | ' ' | '-', text: string) => (joint === '-' ? joined.slice(0, -1) + text : joined + joint + text);

/** `above`: the bottom edge of a table just above the first line, whose distance tells a blank line. */
export function paragraphsOf(lines: Line[], flow: Flow, above?: { y: number; page: number }): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  const first = lines[0];
  let gap = !!first && !!above && above.page === first.page && first.y - above.y > 1.5 * flow.pitch * first.size;
  const end = () => {
    if (current.length) {
      const text = current.reduce((joined, line, i) => (i ? join(joined, joiner(current[i - 1], line, flow), line.text) : line.text), '');
      paragraphs.push({ lines: current, text: text.replace(/\u00ad/g, ''), bold: current.every((l) => l.bold), gap });
    }
    current = [];
  };
  for (const line of lines) {
    if (current.length && continues(current, line, flow)) {
      current.push(line);
      continue;
    }
    const last = current[current.length - 1];
    end();
    if (last) gap = last.page === line.page && line.y - last.y > 1.8 * flow.pitch * Math.max(line.size, last.size);
    current = [line];
  }
  end();
  return paragraphs;
}
