/**
 * HTML (a saved web page, Word's «Веб-страница», or mammoth's output for .docx) → SourceDocument.
 *
 *   readHtml(html: string, file: string): SourceDocument   — the whole body (Word's web page, mammoth's output)
 *   readHtmlPage(html: string, file: string): ReadResult   — an .html file: on a page saved from a school's
 *       site only the document is read (html-main.ts finds it), and what was left out is one warning
 *   decodeHtml(bytes: Uint8Array): string   — bytes of an .html file → text, honouring its charset
 *
 * The body is read in document order, the way the text reader reads a text file:
 *  - each line of text is a paragraph: a `<p>`, `<h1>`–`<h6>`, `<li>` («- » in front), text
 *    directly in a `<div>` or `<body>`; a `<br>` outside tables starts a new line, as it
 *    does in a text export;
 *  - `gap`: an empty paragraph (`<p>&nbsp;</p>`, Word's empty line), an empty `<br>` line or
 *    an `<hr>` came before it — the HTML counterpart of a blank line;
 *  - `bold`: a heading, or all of its text inside `<b>`/`<strong>`/font-weight: bold;
 *  - `<table>` → a table block; a cell's parts are its paragraphs, list items and `<br>` lines;
 *    `colspan`/`rowspan` are filled with empty cells so that columns stay aligned; a table
 *    inside a cell is flattened into the cell's parts.
 * `line` counts paragraphs and table rows from 1 in document order (a table's line is its
 * first row's), so that a message can point at a row as it does for a text file.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { plural } from '../lib/plural.ts';
import { findMain, isChromeLine, isHeading, isPageHeading, startsDocument, type LeadLine } from './html-main.ts';
import type { ReadResult } from './read-document.ts';
import { cellOf, ImportError, type Block, type Cell, type Row, type SourceDocument } from './source-document.ts';

const SKIP = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'meta', 'link', 'colgroup', 'col']);
/** Elements that break lines: text before and after them never shares a paragraph or a part. */
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'address',
  'center',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'hr',
  'body',
  'html',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);
const HEADING = /^h[1-6]$/;
const BOLD = new Set(['b', 'strong']);
/** Elements whose emptiness is a blank line. */
const LINE_ELEMENTS = /^(p|h[1-6]|pre)$/;

/** Text as every reader keeps it: whitespace collapsed, soft hyphens (invisible) dropped. */
const clean = (text: string) =>
  text
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const isBoldStyle = (element: HTMLElement) => {
  const weight = /font-weight\s*:\s*([a-z0-9]+)/i.exec(element.getAttribute('style') ?? '')?.[1];
  return weight !== undefined && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600);
};

/**
 * mammoth's footnote machinery: the «[1]» reference in the text and the «↑» link back
 * from the note. Neither is text of the document; the note itself is kept.
 */
const isNoteLink = (element: HTMLElement) =>
  element.tagName === 'A' &&
  (/^(footnote|endnote|comment)-ref-/.test(element.getAttribute('id') ?? '') || /^#(footnote|endnote|comment)-ref-/.test(element.getAttribute('href') ?? ''));
const isNote = (element: HTMLElement) => /^(footnote|endnote)-\d+$/.test(element.getAttribute('id') ?? '');

interface Run {
  text: string;
  bold: boolean;
  heading: boolean;
}

/**
 * Gathers inline text into lines. `split` says whether a `<br>` ends a line; the owner
 * decides what a finished line becomes (a paragraph, a cell's part).
 */
class Lines {
  private runs: Run[] = [];
  /** Put before the next line with text («- » for a list item). */
  prefix = '';
  /** How many lines have been finished so far. */
  written = 0;
  private readonly done: (text: string, bold: boolean, prefix: string, heading: boolean) => void;
  constructor(done: (text: string, bold: boolean, prefix: string, heading: boolean) => void) {
    this.done = done;
  }

  get empty() {
    return !this.runs.some((run) => clean(run.text));
  }

  add(text: string, bold: boolean, heading = false) {
    this.runs.push({ text, bold, heading });
  }

  /** Ends the current line; returns whether it had text. */
  end(): boolean {
    const text = clean(this.runs.map((run) => run.text).join(''));
    const filled = this.runs.filter((run) => clean(run.text));
    const bold = filled.every((run) => run.bold);
    const heading = filled.every((run) => run.heading);
    this.runs = [];
    if (!text) return false;
    this.done(text, bold, this.prefix, heading);
    this.written++;
    this.prefix = '';
    return true;
  }
}

interface Context {
  bold: boolean;
  /** The numbers of the ordered list items around (Word's automatic numbering «2.3.» is not text). */
  numbering?: number[];
  /** Inside a table cell: `<br>` lines become parts, tables are flattened. */
  cell: boolean;
  /** Inside a heading (h1–h3, a CMS's title element): a site page's heading may be the page's, not the document's. */
  heading?: boolean;
}

/** Walks a subtree, feeding text to `lines`; tables outside cells go to `table`. */
function walk(node: Node, lines: Lines, context: Context, hooks: Hooks) {
  if (node.nodeType === 3) {
    lines.add(node.text, context.bold, context.heading);
    return;
  }
  if (node.nodeType !== 1) return;
  const element = node as HTMLElement;
  const tag = element.tagName?.toLowerCase() ?? '';
  if (SKIP.has(tag) || isNoteLink(element)) return;
  if (hooks.skip?.(element)) {
    if (BLOCK.has(tag)) lines.end();
    return;
  }

  if (tag === 'br') {
    if (!context.cell && lines.empty) hooks.blank();
    lines.end();
    return;
  }
  if (tag === 'input' && /checkbox/i.test(element.getAttribute('type') ?? '')) {
    lines.add(element.hasAttribute('checked') ? '☑' : '☐', context.bold);
    return;
  }
  if (tag === 'table' && !context.cell) {
    lines.end();
    hooks.table(element);
    return;
  }

  const bold = context.bold || BOLD.has(tag) || HEADING.test(tag) || isBoldStyle(element);
  const inner: Context = { ...context, bold, heading: context.heading || isHeading(element) };
  if (!BLOCK.has(tag) && tag) {
    for (const child of element.childNodes) walk(child, lines, inner, hooks);
    return;
  }

  // A block: what came before is a line of its own, and so is what it holds.
  lines.end();
  if (tag === 'hr') {
    if (!context.cell) hooks.blank();
    return;
  }
  let itemContext = inner;
  const parent = element.parentNode as HTMLElement | null;
  const numbered = parent?.tagName?.toLowerCase() === 'ol';
  // In a cell only numbers are kept: an automatically numbered «№» column holds nothing else.
  if (tag === 'li' && (!context.cell || numbered) && !isNote(element)) {
    if (numbered) {
      const start = Number(parent.getAttribute('start') ?? '1') || 1;
      const siblings = parent.childNodes.filter((n) => (n as HTMLElement).tagName?.toLowerCase() === 'li');
      const value = Number(element.getAttribute('value'));
      const numbering = [...(context.numbering ?? []), Number.isInteger(value) && value > 0 ? value : start + siblings.indexOf(element)];
      lines.prefix = `${numbering.join('.')}. `;
      itemContext = { ...inner, numbering };
    } else lines.prefix = '- ';
  }
  const before = hooks.count();
  const label = tag === 'li' ? lines.prefix : '';
  const written = lines.written;
  for (const child of element.childNodes) walk(child, lines, itemContext, hooks);
  // A numbered item with no text of its own (Word's «№» column) still shows its number.
  if (label && numbered && context.cell && lines.written === written && lines.empty) {
    lines.prefix = '';
    lines.add(label.trim(), context.bold);
  }
  const had = lines.end();
  if (tag === 'li') lines.prefix = '';
  if (!context.cell && LINE_ELEMENTS.test(tag) && !had && hooks.count() === before) hooks.blank();
}

interface Hooks {
  table(element: HTMLElement): void;
  /** A blank line in the body: the next paragraph opens a new group. */
  blank(): void;
  /** How many lines the body has so far (to tell an empty `<p>` from one that held blocks). */
  count(): number;
  /** An element not to read at all (a site's chrome). */
  skip?(element: HTMLElement): boolean;
}

const cellHooks: Hooks = { table: () => {}, blank: () => {}, count: () => 0 };

/** The parts of a cell given as an HTML fragment (text exports keep cells' HTML). */
export const htmlCell = (html: string): Cell => cellParts(parse(html));

function cellParts(element: HTMLElement): Cell {
  const parts: string[] = [];
  const lines = new Lines((text, _bold, prefix) => parts.push(prefix + text));
  for (const child of element.childNodes) walk(child, lines, { bold: false, cell: true }, cellHooks);
  lines.end();
  return cellOf(parts);
}

const span = (element: HTMLElement, name: string, max: number) => {
  const value = Number.parseInt(element.getAttribute(name) ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, max) : 1;
};

/** The table's own rows, in order (not those of a table nested in a cell). */
function rowElements(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of table.childNodes) {
    if (child.nodeType !== 1) continue;
    const element = child as HTMLElement;
    const tag = element.tagName.toLowerCase();
    if (tag === 'tr') rows.push(element);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...rowElements(element));
  }
  return rows;
}

/** Cells of each row on a grid: a spanned column gets an empty cell in every row it spans. */
function tableRows(table: HTMLElement, nextLine: () => number): Row[] {
  const rows: Row[] = [];
  /** How many more rows each column is taken by a cell with `rowspan` above. */
  const taken: number[] = [];
  for (const tr of rowElements(table)) {
    const cellElements = tr.childNodes.filter((child): child is HTMLElement => child.nodeType === 1 && /^t[dh]$/i.test((child as HTMLElement).tagName));
    if (!cellElements.length) continue;
    const cells: Cell[] = [];
    let column = 0;
    const fill = () => {
      while (taken[column] > 0) {
        taken[column]--;
        cells.push(cellOf([]));
        column++;
      }
    };
    for (const td of cellElements) {
      fill();
      const colspan = span(td, 'colspan', 100);
      const rowspan = span(td, 'rowspan', 1000);
      cells.push(cellParts(td));
      for (let extra = 1; extra < colspan; extra++) cells.push(cellOf([]));
      for (let c = column; c < column + colspan; c++) taken[c] = rowspan - 1;
      column += colspan;
    }
    // Columns on the right still taken by a cell above.
    const last = taken.findLastIndex((rest) => rest > 0);
    while (column <= last) {
      if (taken[column] > 0) taken[column]--;
      cells.push(cellOf([]));
      column++;
    }
    rows.push({ cells, line: nextLine() });
  }
  return rows;
}

/** `<![if !supportLists]>`-style conditionals of Word's HTML, which the parser keeps as text. */
const WORD_CONDITIONALS = /<!\[(?:if\b[^\]]*|endif)\]>/gi;

/** The page's tree, after refusing what is not HTML. */
function parsePage(html: string, file: string): HTMLElement {
  const source = html.replace(/^\uFEFF/, '');
  if (!source.trim()) throw new ImportError(`в файле ${file} нет текста: он пуст`);
  if (source.includes('\u0000') || (source.match(/\uFFFD/g)?.length ?? 0) > source.length / 50) {
    throw new ImportError(
      `файл ${file} — не HTML: похоже на двоичный файл (документы Word, PDF и OpenDocument импортируйте как есть — формат узнаётся по содержимому)`,
    );
  }
  if (!/<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(source)) {
    throw new ImportError(`файл ${file} — не HTML: в нём нет ни одного тега (для простого текста нужен .txt)`);
  }
  return parse(source.replace(WORD_CONDITIONALS, ''), {
    comment: false,
    lowerCaseTagName: true,
    parseNoneClosedTags: true,
    blockTextElements: { script: true, noscript: true, style: true },
  });
}

interface Reading {
  blocks: Block[];
  /** The paragraphs that came from a heading (h1–h3 or a CMS's title element). */
  headings: Set<Block>;
}

/** The blocks of an element, in document order; `skip` leaves elements out whole. */
function readBlocks(from: HTMLElement, skip?: (element: HTMLElement) => boolean): Reading {
  const blocks: Block[] = [];
  const headings = new Set<Block>();
  let line = 0;
  let gap = false;
  const nextLine = () => ++line;
  const lines = new Lines((text, bold, prefix, heading) => {
    const block: Block = { kind: 'paragraph', text: prefix + text, line: nextLine(), bold, gap };
    blocks.push(block);
    if (heading) headings.add(block);
    gap = false;
  });
  const hooks: Hooks = {
    table(element) {
      for (const caption of element.childNodes) {
        if (caption.nodeType === 1 && (caption as HTMLElement).tagName === 'CAPTION') {
          walk(caption, lines, { bold: false, cell: false }, hooks);
        }
      }
      const rows = tableRows(element, nextLine);
      if (rows.length) blocks.push({ kind: 'table', rows, line: rows[0].line });
      gap = false;
    },
    blank() {
      gap = true;
    },
    count: () => line,
    skip,
  };
  walk(from, lines, { bold: false, cell: false }, hooks);
  lines.end();
  return { blocks, headings };
}

const hasText = (blocks: Block[]) =>
  blocks.some((block) => (block.kind === 'paragraph' ? true : block.rows.some((row) => row.cells.some((cell) => cell.text))));

function requireText(blocks: Block[], file: string) {
  if (!hasText(blocks)) throw new ImportError(`в файле ${file} нет текста: ни абзацев, ни заполненных таблиц`);
}

/** The whole body, as it is: Word's «Веб-страница», mammoth's output, a fragment. */
export function readHtml(html: string, file: string): SourceDocument {
  const root = parsePage(html, file);
  const { blocks } = readBlocks(root.querySelector('body') ?? root);
  requireText(blocks, file);
  return { file, blocks };
}

/**
 * How many lines of text a reading has: its paragraphs and the lines in its tables' cells
 * (counted by cell, not by row: an old site lays out the whole page as one table, and the
 * document's table then reads as lines of one of its cells).
 */
const lineCount = (blocks: Block[]) =>
  blocks.reduce(
    (sum, block) => sum + (block.kind === 'paragraph' ? 1 : block.rows.reduce((n, row) => n + row.cells.reduce((m, cell) => m + cell.parts.length, 0), 0)),
    0,
  );

/** A small table before the events table (an approval block laid out in columns) is read as its lines. */
const leadLines = (blocks: Block[], headings: Set<Block>): LeadLine[] => {
  const lines: LeadLine[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') lines.push({ text: block.text, heading: headings.has(block) });
    else if (block.rows.length > 4) break;
    else for (const row of block.rows) for (const cell of row.cells) for (const part of cell.parts) lines.push({ text: part, heading: false });
  }
  return lines;
};

/**
 * An .html file, which may be a page saved from a school's site: only the document is
 * read, not the site around it (html-main.ts finds which is which). What is left out is
 * counted in one warning. A page that is not a site's is read whole, as readHtml reads it.
 */
export function readHtmlPage(html: string, file: string): ReadResult {
  const root = parsePage(html, file);
  const body = root.querySelector('body') ?? root;
  const page = findMain(root);
  const whole = readBlocks(body);
  if (!page.isSitePage) {
    requireText(whole.blocks, file);
    return { document: { file, blocks: whole.blocks }, warnings: [] };
  }

  const { blocks: read, headings } = readBlocks(page.main, page.isChrome);
  let blocks = read.filter((block) => block.kind !== 'paragraph' || !isChromeLine(block.text));
  // The page's heading left inside the content area: leading headings that are not the document's title.
  let pageHeading: string | undefined;
  const lead = leadLines(blocks, headings);
  const dropped = new Set<Block>();
  // Headings before the document starts (its approval block or its name); lines between them may be the document's.
  for (let i = 0; i < lead.length; i++) {
    if (!lead[i].heading) {
      if (startsDocument(lead[i].text)) break;
      continue;
    }
    if (!isPageHeading(lead, i, page.sectionNames)) break;
    const block = blocks.find((b) => b.kind === 'paragraph' && b.text === lead[i].text && headings.has(b) && !dropped.has(b));
    if (!block) break;
    dropped.add(block);
    pageHeading ??= lead[i].text;
  }
  pageHeading ??= page.pageHeading;
  blocks = blocks.filter((block) => !dropped.has(block));
  if (!hasText(blocks)) {
    throw new ImportError(
      `на странице ${file} нет текста документа, только оформление сайта: если документ приложен к странице файлом («Скачать…»), скачайте его и импортируйте сам файл`,
    );
  }

  const left = Math.max(lineCount(whole.blocks) - lineCount(blocks), 0);
  const warnings = left
    ? [
        `со страницы сайта взят только документ: пропущено ${left} ${plural(left, ['строка', 'строки', 'строк'])} оформления сайта ` +
          '(меню, «хлебные крошки», счётчики просмотров, ссылки «Скачать», подвал)' +
          (pageHeading ? `; заголовок страницы «${shorten(pageHeading)}» не принят за название документа` : ''),
      ]
    : [];
  return { document: { file, blocks }, warnings };
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * The text of an .html file. Word saves web pages in windows-1251 more often than not;
 * the charset comes from a BOM or the page's `<meta>`, else UTF-8 if the bytes are valid
 * UTF-8, else windows-1251.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: guess as if there were none.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}
