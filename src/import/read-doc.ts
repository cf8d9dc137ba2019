/**
 * An old Word document (.doc, Word 97–2003) → SourceDocument, through word-extractor.
 *
 *   readDoc(buffer: Buffer, file: string): Promise<{ document: SourceDocument; warnings: string[] }>
 *
 * word-extractor finds the text in the OLE container (pieces, deleted revisions dropped), but
 * its plain-text output turns cell marks into tabs and loses which paragraphs are in a table.
 * So its extractor is extended here (ScanningExtractor) to keep, for every paragraph mark,
 * the paragraph's own properties from the file: in a table or not, row end, nesting depth,
 * the row's cell boundaries, the list it is numbered in; and which characters are bold.
 * From these the blocks are rebuilt as readHtml builds them from Word's HTML:
 *  - a paragraph outside tables is a paragraph; an empty one is a `gap` before the next;
 *  - table cells end with mark 7, rows with a row-end paragraph; the row's cell boundaries
 *    (sprmTDefTable) put every row on the table's column grid, so a cell spanning columns
 *    is padded with empty cells as colspan is; a vertically merged cell is empty below
 *    its first row, as in HTML; a table in a cell is flattened into the cell's parts;
 *  - Word's automatic numbering is not in the text: the numbers are computed from the
 *    document's list tables (listNumbering below) as Word shows them — «1.», «1.2.», and
 *    «– » for a bullet, as read-docx writes them — for paragraphs numbered directly or by
 *    their style (styleSheet below), which may also make them bold;
 *  - a «№» column left empty in every row gets a warning: numbers Word drew that this
 *    reader could not compute are named, not silently lost;
 *  - fields keep their result, not their code; soft hyphens are dropped;
 *  - footnotes and endnotes are kept as paragraphs at the end (as read-docx does);
 *    comments are not read; text boxes and headers/footers are not placed in the blocks, and
 *    when they hold text a warning says how many lines were left out (unreadStories).
 * A password-protected .doc (the FIB's fEncrypted bit, or an encrypted .docx in its OLE
 * wrapper), a Word 6/95 file, or a damaged one → ImportError with one Russian line.
 */
import { createRequire } from 'node:module';
import { BULLET_LABEL, docNumberFormat, numberLabel } from './list-numbers.ts';
import type { ReadResult } from './read-document.ts';
import { cellOf, ImportError, type Block, type Cell, type Row } from './source-document.ts';

const require = createRequire(import.meta.url);
// word-extractor's own classes: its public API gives only flattened text.
const WordOleExtractor: new () => any = require('word-extractor/lib/word-ole-extractor.js');
const OleCompoundDoc: new (reader: unknown) => any = require('word-extractor/lib/ole-compound-doc.js');
const BufferReader: new (buffer: Buffer) => unknown = require('word-extractor/lib/buffer-reader.js');

/** Why a file cannot be read, told by the scanner to readDoc. */
class Refusal extends Error {}

const PROTECTED = 'документ защищён паролем — откройте его, снимите пароль и сохраните заново';
/** Word keeps a password-protected .docx in the container a .doc uses, with this stream in it. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
export const isEncryptedDocx = (buffer: Buffer) => buffer.includes(ENCRYPTION_INFO);
const RESAVE = 'откройте его в Word или LibreOffice и сохраните заново (лучше как .docx)';

/** The properties of one paragraph that say where it belongs. */
interface ParagraphProps {
  inTable: boolean;
  /** The row-end mark of a table row. */
  rowEnd: boolean;
  depth: number;
  innerRowEnd: boolean;
  /** Style index: 1–9 are Heading 1–9 in every Word document. */
  style: number;
  /** 1-based index into the document's list overrides, 0 for «not numbered»; undefined: as the style says. */
  list?: number;
  level?: number;
  /** Cell boundaries (twips) of the row this row-end mark ends. */
  centers?: number[];
}

interface Span<T> {
  from: number;
  to: number;
  value: T;
}

/** Walks a grpprl (a list of property modifiers), giving each one's code and where its operand is. */
function* sprms(buffer: Buffer, start: number, end: number): Generator<{ sprm: number; at: number; size: number }> {
  let offset = start;
  while (offset + 2 <= end) {
    const sprm = buffer.readUInt16LE(offset);
    offset += 2;
    let at = offset;
    let size: number;
    switch (sprm >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (offset >= end) return;
        // sprmTDefTable's length is two bytes (and counts itself less one byte); the rest, one.
        if (sprm === 0xd608) {
          if (offset + 2 > end) return;
          size = buffer.readUInt16LE(offset) - 1;
          at = offset + 2;
        } else {
          size = buffer[offset];
          at = offset + 1;
        }
    }
    if (at + size > end) return;
    yield { sprm, at, size };
    offset = at + size;
  }
}

function paragraphProps(buffer: Buffer, start: number, end: number): ParagraphProps {
  const props: ParagraphProps = { inTable: false, rowEnd: false, depth: 0, innerRowEnd: false, style: buffer.readUInt16LE(start) };
  for (const { sprm, at, size } of sprms(buffer, start + 2, end)) {
    if (sprm === 0x2416) props.inTable = buffer[at] === 1;
    else if (sprm === 0x2417) props.rowEnd = buffer[at] === 1;
    else if (sprm === 0x6649) props.depth = buffer.readInt32LE(at);
    else if (sprm === 0x244c) props.innerRowEnd = buffer[at] === 1;
    else if (sprm === 0x460b) props.list = buffer.readInt16LE(at);
    else if (sprm === 0x260a) props.level = buffer[at];
    else if (sprm === 0xd608 && size >= 1) {
      const cells = buffer[at];
      if (size >= 1 + 2 * (cells + 1)) props.centers = Array.from({ length: cells + 1 }, (_, i) => buffer.readInt16LE(at + 1 + 2 * i));
    }
  }
  if (props.inTable && props.depth < 1) props.depth = 1;
  return props;
}

/** The FKP pages a bin table points to (PAPX or CHPX), each as (page, its runs). */
function* fkpPages(word: Buffer, table: Buffer, fibOffset: number): Generator<Buffer> {
  const fc = word.readUInt32LE(fibOffset);
  const lcb = word.readUInt32LE(fibOffset + 4);
  if (lcb < 12 || fc + lcb > table.length) return;
  const count = (lcb - 4) / 8;
  for (let i = 0; i < count; i++) {
    const page = table.readUInt32LE(fc + (count + 1) * 4 + i * 4);
    if ((page + 1) * 512 <= word.length) yield word.subarray(page * 512, (page + 1) * 512);
  }
}

/**
 * word-extractor's extractor, made to keep what its text output throws away. Its methods
 * are called in this order by its extractWordDocument: pieces, character properties,
 * paragraph properties, headers; buildDocument then gets what they gathered.
 */
class ScanningExtractor extends WordOleExtractor {
  paragraphs: Span<ParagraphProps>[] = [];
  /** sprmCFBold's operand over each run that has one: 0 off, 1 on, 0x80 as the style, 0x81 the opposite. */
  bold: Span<number>[] = [];
  word?: Buffer;
  table?: Buffer;

  extract(reader: unknown) {
    const ole = new OleCompoundDoc(reader);
    return ole.read().then(() => {
      const streams = ole._rootStorage?._dirEntry?.streams ?? {};
      // Word keeps a password-protected .docx in an OLE wrapper with this stream.
      if (streams.EncryptionInfo) throw new Refusal(PROTECTED);
      if (!streams.WordDocument)
        throw new Refusal('в нём нет текста Word — похоже, это другой документ Microsoft Office (таблица Excel, презентация), переименованный в .doc');
      return this.documentStream(ole, 'WordDocument')
        .then((stream: unknown) => this.streamBuffer(stream))
        .then((buffer: Buffer) => this.extractWordDocument(ole, buffer));
    });
  }

  extractWordDocument(ole: unknown, buffer: Buffer) {
    if (buffer.length < 0x1aa) throw new Refusal(`файл повреждён; ${RESAVE}`);
    const magic = buffer.readUInt16LE(0);
    if (magic === 0xa5dc) throw new Refusal(`это документ Word 6.0/95 — ${RESAVE}`);
    if (magic !== 0xa5ec) throw new Refusal(`файл повреждён; ${RESAVE}`);
    // FibBase: fEncrypted (password to open) and fObfuscated (XOR «protection»).
    if (buffer.readUInt16LE(0x0a) & 0x8100) throw new Refusal(PROTECTED);
    this.word = buffer;
    return super.extractWordDocument(ole, buffer);
  }

  writeCharacterProperties(word: Buffer, table: Buffer) {
    // Marks deleted revisions as such.
    super.writeCharacterProperties(word, table);
    this.table = table;
    for (const page of fkpPages(word, table, 0x00fa)) {
      const runs = page[511];
      for (let j = 0; j < runs; j++) {
        const offset = page[(runs + 1) * 4 + j] * 2;
        if (!offset) continue;
        const size = page[offset];
        for (const { sprm, at } of sprms(page, offset + 1, Math.min(511, offset + 1 + size))) {
          if (sprm === 0x0835) this.bold.push({ from: page.readUInt32LE(j * 4), to: page.readUInt32LE((j + 1) * 4), value: page[at] });
        }
      }
    }
    this.bold.sort((a, b) => a.from - b.from);
  }

  writeParagraphProperties(word: Buffer, table: Buffer) {
    // word-extractor's own pass only turns row ends into line breaks; this keeps them as they are.
    for (const page of fkpPages(word, table, 0x0102)) {
      const runs = page[511];
      for (let j = 0; j < runs; j++) {
        const offset = page[(runs + 1) * 4 + j * 13] * 2;
        const size = page[offset];
        const start = size ? offset + 1 : offset + 2;
        const length = size ? 2 * size - 1 : 2 * page[offset + 1];
        if (start + length > 512 || length < 2) continue;
        const props = paragraphProps(page, start, start + length);
        this.paragraphs.push({ from: page.readUInt32LE(j * 4), to: page.readUInt32LE((j + 1) * 4), value: props });
      }
    }
    this.paragraphs.sort((a, b) => a.from - b.from);
  }

  buildDocument() {
    return this;
  }
}

/** The span holding a file position, by binary search over sorted, non-overlapping spans. */
function spanAt<T>(spans: Span<T>[], position: number): T | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle];
    if (position < span.from) high = middle - 1;
    else if (position >= span.to) low = middle + 1;
    else return span.value;
  }
  return undefined;
}

interface Piece {
  startCp: number;
  endCp: number;
  startFilePos: number;
  bpc: number;
  text: string;
}

/** One paragraph of a story as it is in the file: its text (fields resolved), how it ends, its properties. */
interface RawParagraph {
  text: string;
  /** Each character's own bold (sprmCFBold's operand), undefined where the style decides. */
  bold: (number | undefined)[];
  mark: string;
  props?: ParagraphProps;
}

const NO_PROPS: ParagraphProps = { inTable: false, rowEnd: false, depth: 0, innerRowEnd: false, style: 0 };

/** The paragraphs of the characters [from, to): the main text, the footnotes, the endnotes. */
function paragraphsOf(scan: ScanningExtractor, from: number, to: number): RawParagraph[] {
  const pieces: Piece[] = scan._pieces;
  const result: RawParagraph[] = [];
  let text = '';
  let bold: (number | undefined)[] = [];
  /** Open fields: whether each is past its code (in its result). */
  const fields: boolean[] = [];
  for (const piece of pieces) {
    const start = Math.max(from, piece.startCp);
    const end = Math.min(to, piece.endCp);
    for (let cp = start; cp < end; cp++) {
      const char = piece.text[cp - piece.startCp];
      const fc = piece.startFilePos + (cp - piece.startCp) * piece.bpc;
      if (char === '\x13') fields.push(false);
      else if (char === '\x14') fields[fields.length - 1] = true;
      else if (char === '\x15') fields.pop();
      else if (char === '\r' || char === '\x07') {
        result.push({ text, bold, mark: char, props: spanAt(scan.paragraphs, fc) });
        text = '';
        bold = [];
      } else if (fields.every((inResult) => inResult)) {
        text += char;
        bold.push(spanAt(scan.bold, fc));
      }
    }
  }
  if (text) result.push({ text, bold, mark: '\r', props: undefined });
  return result;
}

/**
 * A paragraph's text → its lines (a line break or a page break inside it starts a new one),
 * with Word's special characters resolved: soft hyphens and note marks dropped, pictures
 * and drawings counted, non-breaking hyphens as hyphens.
 */
function linesOf(paragraph: RawParagraph, styleBold = false): { text: string; bold: boolean }[] {
  const boldAt = (i: number) => {
    const own = paragraph.bold[i];
    if (own === undefined || own === 0x80) return styleBold;
    return own === 0x81 ? !styleBold : own === 1;
  };
  const lines: { text: string; bold: boolean }[] = [];
  let text = '';
  let bold = true;
  const end = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) lines.push({ text: clean, bold });
    text = '';
    bold = true;
  };
  for (let i = 0; i < paragraph.text.length; i++) {
    const char = paragraph.text[i];
    if (char === '\x0b' || char === '\x0c' || char === '\x0e') end();
    else if (char === '\x1e') text += '-';
    else if (char === '\t' || char === '\u00a0') text += ' ';
    else if (char >= ' ' && char !== '\u00ad') {
      text += char;
      if (char.trim()) bold &&= boldAt(i);
    }
  }
  end();
  return lines;
}

/** Puts each row's cells on the table's column grid: a cell as wide as several columns is followed by empty ones. */
function alignRows(rows: { cells: Cell[]; centers?: number[]; line: number }[]): Row[] {
  const TOLERANCE = 30;
  const grid: number[] = [];
  for (const row of rows) {
    if (row.centers?.length !== row.cells.length + 1) continue;
    for (const x of row.centers) if (!grid.some((g) => Math.abs(g - x) <= TOLERANCE)) grid.push(x);
  }
  grid.sort((a, b) => a - b);
  return rows.map((row) => {
    const centers = row.centers;
    if (centers?.length !== row.cells.length + 1 || grid.length < 2) return { cells: row.cells, line: row.line };
    const cells: Cell[] = [];
    const columnOf = (x: number) => grid.findIndex((g) => Math.abs(g - x) <= TOLERANCE);
    for (let c = 0; c < columnOf(centers[0]); c++) cells.push(cellOf([]));
    row.cells.forEach((cell, i) => {
      cells.push(cell);
      const span = columnOf(centers[i + 1]) - columnOf(centers[i]);
      for (let extra = 1; extra < span; extra++) cells.push(cellOf([]));
    });
    return { cells, line: row.line };
  });
}

interface StyleProps {
  list?: number;
  level?: number;
  bold?: boolean;
}

/**
 * The paragraph styles' numbering and bold (STSH in the table stream), each with what it
 * inherits from its base style: Word numbers headings and «Список нумерованный» through the
 * style, and a title is often bold only by its style. Unreadable: no styles (an empty map).
 */
function styleSheet(scan: ScanningExtractor): Map<number, StyleProps> {
  const resolved = new Map<number, StyleProps>();
  const word = scan.word;
  const table = scan.table;
  if (!word || !table) return resolved;
  const own = new Map<number, StyleProps & { base: number }>();
  try {
    const at = word.readUInt32LE(0x00a2);
    const size = word.readUInt32LE(0x00a6);
    if (!size || at + size > table.length) return resolved;
    const headerSize = table.readUInt16LE(at);
    const count = table.readUInt16LE(at + 2);
    const baseSize = table.readUInt16LE(at + 4);
    let std = at + 2 + headerSize;
    for (let istd = 0; istd < count && std + 2 <= at + size; istd++) {
      const length = table.readUInt16LE(std);
      const start = std + 2;
      std = start + length;
      if (!length) continue;
      const kind = table.readUInt16LE(start + 2) & 0x0f;
      const base = table.readUInt16LE(start + 2) >> 4;
      if (kind !== 1) continue;
      const nameLength = table.readUInt16LE(start + baseSize);
      let upx = start + baseSize + 2 + 2 * nameLength + 2;
      const props: StyleProps & { base: number } = { base };
      for (let u = 0; u < 2 && upx + 2 <= std; u++) {
        if (upx % 2 !== start % 2) upx++;
        const upxSize = table.readUInt16LE(upx);
        const from = upx + 2;
        const to = Math.min(std, from + upxSize);
        if (u === 0) {
          for (const { sprm, at: operand } of sprms(table, from + 2, to)) {
            if (sprm === 0x460b) props.list = table.readInt16LE(operand);
            else if (sprm === 0x260a) props.level = table[operand];
          }
        } else {
          for (const { sprm, at: operand } of sprms(table, from, to)) if (sprm === 0x0835) props.bold = table[operand] === 1;
        }
        upx = to;
      }
      own.set(istd, props);
    }
  } catch {
    return resolved;
  }
  const resolve = (istd: number, depth = 0): StyleProps => {
    const known = resolved.get(istd);
    if (known) return known;
    const props = own.get(istd);
    if (!props) return {};
    const inherited = props.base !== 0xfff && depth < 20 ? resolve(props.base, depth + 1) : {};
    const result = { list: props.list ?? inherited.list, level: props.level ?? inherited.level, bold: props.bold ?? inherited.bold };
    resolved.set(istd, result);
    return result;
  };
  for (const istd of own.keys()) resolve(istd);
  return resolved;
}

interface Level {
  start: number;
  /** nfc, the number format's code (docNumberFormat). */
  format: number;
  /** The label's text: characters 0–8 stand for the numbers of levels 1–9. */
  text: string;
}

/**
 * Word's list tables (PlfLst, PlfLfo in the table stream) → the label of each numbered
 * paragraph, counted in document order as Word counts them: one counter per level of each
 * list, deeper levels restarting after a shallower one, «начать заново» (an override's
 * start) restarting a level. `lists` is false when the document has none to read.
 */
function listNumbering(scan: ScanningExtractor): { numberOf: (props: { list: number; level: number; inTable: boolean }) => string; lists: boolean } {
  const none = { numberOf: () => '', lists: false };
  const word = scan.word;
  const table = scan.table;
  if (!word || !table || word.readUInt16LE(152) < 75) return none;
  try {
    const lstAt = word.readUInt32LE(0x2e2);
    const lstSize = word.readUInt32LE(0x2e6);
    const lfoAt = word.readUInt32LE(0x2ea);
    const lfoSize = word.readUInt32LE(0x2ee);
    if (!lstSize || !lfoSize) return none;

    const lists = new Map<number, Level[]>();
    const count = table.readInt16LE(lstAt);
    let at = lstAt + lstSize;
    for (let i = 0; i < count; i++) {
      const lstf = lstAt + 2 + 28 * i;
      const levels: Level[] = [];
      for (let l = 0; l < (table[lstf + 26] & 1 ? 1 : 9); l++) {
        const chpx = table[at + 24];
        const papx = table[at + 25];
        const xst = at + 28 + papx + chpx;
        const length = table.readUInt16LE(xst);
        levels.push({ start: table.readInt32LE(at), format: table[at + 4], text: table.toString('utf16le', xst + 2, xst + 2 + 2 * length) });
        at = xst + 2 + 2 * length;
      }
      lists.set(table.readInt32LE(lstf), levels);
    }

    const overrides: { list: number; restarts: Map<number, number> }[] = [];
    const lfoCount = table.readInt32LE(lfoAt);
    let data = lfoAt + 4 + 16 * lfoCount;
    for (let i = 0; i < lfoCount; i++) {
      const lfo = lfoAt + 4 + 16 * i;
      const restarts = new Map<number, number>();
      const levels = table[lfo + 12];
      data += 4;
      for (let l = 0; l < levels; l++) {
        const start = table.readInt32LE(data);
        const flags = table.readUInt32LE(data + 4);
        data += 8;
        if (flags & 0x10) restarts.set(flags & 0x0f, start);
        if (flags & 0x20) {
          // A whole level redefined: skip it (its numbers are counted with the list's own format).
          const xst = data + 28 + table[data + 25] + table[data + 24];
          data = xst + 2 + 2 * table.readUInt16LE(xst);
        }
      }
      overrides.push({ list: table.readInt32LE(lfo), restarts });
    }

    // LibreOffice writes the first paragraph of a list with a copy of the list's definition,
    // and reads the two back as one list (so does Word, judging by the numbers it shows): lists
    // defined alike are counted together; a list starts anew only where an override says so.
    const signature = new Map([...lists].map(([id, levels]) => [id, JSON.stringify(levels)]));
    const counters = new Map<string, (number | undefined)[]>();
    const restarted = new Set<number>();
    const numberOf = (props: { list: number; level: number; inTable: boolean }): string => {
      const override = overrides[props.list - 1];
      const levels = override && lists.get(override.list);
      const level = levels?.[Math.min(props.level, levels.length - 1)];
      if (!override || !levels || !level) return '';
      if (docNumberFormat(level.format) === 'bullet') return BULLET_LABEL;
      if (docNumberFormat(level.format) === 'none') return '';
      const key = signature.get(override.list)!;
      const counter = counters.get(key) ?? [];
      counters.set(key, counter);
      const index = Math.min(props.level, levels.length - 1);
      if (!restarted.has(props.list)) {
        restarted.add(props.list);
        for (const [l, start] of override.restarts) counter[l] = l === index ? start - 1 : undefined;
      }
      counter[index] = counter[index] === undefined ? levels[index].start : counter[index]! + 1;
      counter.fill(undefined, index + 1);
      const label = [...level.text]
        .map((char) => {
          const l = char.charCodeAt(0);
          if (l > 8) return char;
          const n = counter[l] ?? levels[l]?.start ?? 1;
          return numberLabel(n, docNumberFormat(levels[l]?.format ?? 0));
        })
        .join('')
        .trim();
      return label ? `${label} ` : '';
    };
    return { numberOf, lists: true };
  } catch {
    // Lists the reader cannot follow: the text is still there, without its automatic numbers.
    return none;
  }
}

/** «№» columns left empty in every row: Word's automatic numbers that the file did not give. */
function emptyNumberColumns(blocks: Block[], lists: boolean): string[] {
  const warnings: string[] = [];
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    const header = block.rows.findIndex((row) => row.cells.some((cell) => /^№/.test(cell.text)));
    if (header < 0 || header > 2) continue;
    const column = block.rows[header].cells.findIndex((cell) => /^№/.test(cell.text));
    const below = block.rows.slice(header + 1);
    if (below.length && below.every((row) => !row.cells[column]?.text)) {
      warnings.push(
        `в таблице (строка ${block.line}) столбец «${block.rows[header].cells[column].text}» пуст во всех строках: ` +
          (lists
            ? 'если номера в Word проставлены автоматически (нумерацией из стиля абзаца), в этом файле .doc они не прочитаны — проверьте нумерацию после импорта'
            : 'номера, проставленные автоматической нумерацией Word, в этом файле .doc не прочитаны — проверьте нумерацию после импорта'),
      );
    }
  }
  return warnings;
}

/**
 * Text boxes and headers live in stories of their own that this reader does not place in the
 * blocks (a text box has no position in the text, only an anchor); when they hold text, the
 * report says so: an approval block or a title is often in a text box.
 */
function unreadStories(scan: ScanningExtractor, bounds: Record<string, number>): string[] {
  const lines = (start: number, length: number) =>
    length > 0 ? paragraphsOf(scan, start, start + length).reduce((n, paragraph) => n + linesOf(paragraph).length, 0) : 0;
  const headers = bounds.ccpText + bounds.ccpFtn;
  const boxes = headers + bounds.ccpHdd + bounds.ccpAtn + bounds.ccpEdn;
  const boxLines = lines(boxes, bounds.ccpTxbx) + lines(boxes + bounds.ccpTxbx, bounds.ccpHdrTxbx);
  const headerLines = lines(headers, bounds.ccpHdd);
  const warnings: string[] = [];
  if (boxLines) {
    warnings.push(
      `в надписях (текстовых полях) документа строк текста: ${boxLines} — из файла .doc они не импортированы; ` +
        'если там гриф утверждения или название, сохраните документ как .docx и импортируйте его',
    );
  }
  if (headerLines)
    warnings.push(`в колонтитулах строк текста: ${headerLines} — колонтитулы не импортируются; если там нужное, перенесите его в текст документа`);
  return warnings;
}

export async function readDoc(buffer: Buffer, file: string): Promise<ReadResult> {
  const fail = (why: string) => new ImportError(`файл ${file} не читается как документ Word (.doc): ${why}`);
  if (isEncryptedDocx(buffer)) throw new ImportError(`файл ${file} не читается как документ Word: ${PROTECTED}`);
  const scan = new ScanningExtractor();
  try {
    await scan.extract(new BufferReader(buffer));
  } catch (error) {
    if (error instanceof Refusal) throw fail(error.message);
    throw fail(`файл повреждён или это не документ Word; ${RESAVE}`);
  }
  const bounds = scan._boundaries as Record<string, number>;
  const { numberOf, lists } = listNumbering(scan);

  const blocks: Block[] = [];
  const warnings: string[] = [];
  let line = 0;
  let gap = false;
  let rows: { cells: Cell[]; centers?: number[]; line: number }[] = [];
  let cells: Cell[] = [];
  let parts: string[] = [];
  const flushTable = () => {
    if (parts.length || cells.length) {
      // A row whose end mark is missing (a damaged or cut table): keep what it holds.
      if (parts.length) cells.push(cellOf(parts));
      rows.push({ cells, line: ++line });
    }
    if (rows.length) blocks.push({ kind: 'table', rows: alignRows(rows), line: rows[0].line });
    rows = [];
    cells = [];
    parts = [];
    gap = false;
  };

  const styles = styleSheet(scan);
  const body = paragraphsOf(scan, 0, bounds.ccpText);
  for (const paragraph of body) {
    const own = paragraph.props ?? NO_PROPS;
    const style = styles.get(own.style);
    const props = { ...own, list: own.list ?? style?.list ?? 0, level: own.level ?? style?.level ?? 0 };
    const label = numberOf(props);
    const styleBold = style?.bold ?? false;
    if (props.inTable) {
      if (props.depth <= 1 && props.rowEnd) {
        rows.push({ cells, centers: props.centers, line: ++line });
        cells = [];
        continue;
      }
      if (props.depth > 1 && props.innerRowEnd) continue;
      const lines = linesOf(paragraph, styleBold);
      lines.forEach((l, i) => parts.push(i === 0 && label ? `${label}${l.text}` : l.text));
      if (!lines.length && label.trim()) parts.push(label.trim());
      if (props.depth <= 1 && paragraph.mark === '\x07') {
        cells.push(cellOf(parts));
        parts = [];
      }
      continue;
    }
    if (rows.length || cells.length || parts.length) flushTable();
    const lines = linesOf(paragraph, styleBold);
    // An empty numbered paragraph still shows its number; an empty plain one is a blank line.
    if (!lines.length && label.trim()) lines.push({ text: '', bold: false });
    if (!lines.length) {
      gap = true;
      continue;
    }
    const heading = props.style >= 1 && props.style <= 9;
    lines.forEach((l, i) => {
      blocks.push({ kind: 'paragraph', text: (i === 0 ? label + l.text : l.text).trim(), line: ++line, bold: heading || l.bold, gap });
      gap = false;
    });
  }
  flushTable();

  // Footnotes and endnotes: each story's paragraphs, after the text (the note marks are dropped).
  const notes = [
    [bounds.ccpText, bounds.ccpFtn],
    [bounds.ccpText + bounds.ccpFtn + bounds.ccpHdd + bounds.ccpAtn, bounds.ccpEdn],
  ];
  for (const [start, length] of notes) {
    if (!length) continue;
    for (const paragraph of paragraphsOf(scan, start, start + length)) {
      for (const l of linesOf(paragraph)) blocks.push({ kind: 'paragraph', text: l.text, line: ++line, bold: false, gap: false });
    }
  }

  if (!blocks.some((block) => (block.kind === 'paragraph' ? true : block.rows.some((row) => row.cells.some((cell) => cell.text))))) {
    throw new ImportError(`в файле ${file} нет текста: ни абзацев, ни заполненных таблиц`);
  }
  // Mark 1 is a picture in the text, mark 8 a drawing anchored to it.
  const pictures = body.reduce((n, p) => n + [...p.text].filter((char) => char === '\x01' || char === '\x08').length, 0);
  if (pictures) warnings.push(`картинок и рисунков в документе: ${pictures} — текст на них (если это скан или схема) не импортирован`);
  warnings.push(...emptyNumberColumns(blocks, lists), ...unreadStories(scan, bounds));
  return { document: { file, blocks }, warnings };
}
