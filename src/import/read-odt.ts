/**
 * An OpenDocument text (.odt: LibreOffice, «Мой Офис», Word's «Сохранить как ODT») → SourceDocument.
 *
 *   readOdt(buffer: Buffer, file: string): Promise<{ document: SourceDocument; warnings: string[] }>
 *
 * The archive is unpacked within the limits of zip-limits.ts (a «zip bomb» is refused before
 * anything is parsed), content.xml and styles.xml are parsed with @xmldom/xmldom, and the
 * body is read in document order into the blocks readHtml makes of the same document:
 *  - text:p and text:h are paragraphs; an empty one is a `gap` before the next; a line
 *    break inside starts a new line; headings are bold, and so is a paragraph all of whose
 *    text is bold by its styles (fo:font-weight, through parent styles);
 *  - lists: bullets are «– » lines (as read-docx writes Word's); numbered items carry the number as the document shows
 *    it, counted here from the list style (format, prefix, suffix, display levels, start
 *    value, LibreOffice's label template) with continue-list / continue-numbering; headings
 *    get their outline numbers the same way; a cached <text:number> is preferred when given;
 *  - tables: each cell's parts are its paragraphs and list items (a numbered «№» column
 *    reads «1.», «2.»…, as read-docx gives it); a spanned cell is followed by
 *    the covered cells ODF writes, read as empty cells — so columns stay aligned exactly as
 *    readHtml pads colspan/rowspan; header rows are ordinary rows; a nested table is
 *    flattened into its cell's parts;
 *  - footnotes and endnotes are kept as paragraphs after the text (as read-docx does);
 *    text boxes, frames and shapes (often the approval block or the title) are read where they
 *    are anchored, as paragraphs; so are sections and any other element this reader does not
 *    know, by what they contain; text it still cannot place is counted in a warning;
 *    comments, tracked deletions and page furniture are not read; pictures are counted.
 * Refusals (ImportError, one Russian line): not an archive / damaged / a bomb (zip-limits.ts),
 * encrypted (the manifest lists encryption data), another OpenDocument kind, no content.xml,
 * broken XML, no text at all.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { BULLET_LABEL } from './list-numbers.ts';
import { labelOf, NS, odtStyles, startValue, type LevelStyle, type OdtStyles } from './odt-styles.ts';
import type { ReadResult } from './read-document.ts';
import { cellOf, ImportError, type Block, type Cell, type Row } from './source-document.ts';
import { unpackArchive } from './zip-limits.ts';

const WHAT = 'документ .odt';
const RESAVE = 'сохраните документ заново в LibreOffice или Word';
const PROTECTED = 'документ защищён паролем — откройте его, снимите пароль и сохраните заново';

const clean = (text: string) =>
  text
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function parseXml(xml: Buffer, name: string, fail: (why: string) => never): Document {
  try {
    return new DOMParser({
      onError(level, message) {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml.toString('utf8'), 'text/xml');
  } catch {
    return fail(`часть «${name}» повреждена (испорчен XML); ${RESAVE}`);
  }
}

/** Text-namespace elements at block level that hold no text of the document (a deletion is a tracked one). */
const SKIPPED_TEXT = new Set([
  'tracked-changes',
  'deletion',
  'sequence-decls',
  'variable-decls',
  'user-field-decls',
  'dde-connection-decls',
  'soft-page-break',
  'bookmark',
  'bookmark-start',
  'bookmark-end',
  'alphabetical-index-auto-mark-file',
]);

const childElements = (node: Node): Element[] => Array.from(node.childNodes).filter((child): child is Element => child.nodeType === 1);
const is = (element: Element, ns: string, name: string) => element.namespaceURI === ns && element.localName === name;

interface Run {
  text: string;
  bold: boolean;
}

/** A chain of lists counted as one: a list and those that continue it. */
interface ListChain {
  counters: number[];
}

interface ListContext {
  chain: ListChain;
  style: string;
  levels?: LevelStyle[];
  level: number;
}

/** Where finished lines go: paragraphs of the body, or parts of a cell. */
interface Sink {
  cell: boolean;
  line(text: string, bold: boolean, label: string): void;
  blank(): void;
  table(element: Element): void;
}

class OdtReader {
  readonly blocks: Block[] = [];
  readonly notes: Element[] = [];
  pictures = 0;
  /** Elements whose own text could not be placed in the blocks. */
  unread = 0;
  private line = 0;
  private gap = false;
  private readonly chains = new Map<string, ListChain>();
  private readonly lastByStyle = new Map<string, ListChain>();
  private lastChain?: ListChain;
  private readonly outline: number[] = [];
  private readonly styles: OdtStyles;

  constructor(styles: OdtStyles) {
    this.styles = styles;
  }

  readonly body: Sink = {
    cell: false,
    line: (text, bold, label) => {
      this.blocks.push({ kind: 'paragraph', text: label + text, line: ++this.line, bold, gap: this.gap });
      this.gap = false;
    },
    blank: () => {
      this.gap = true;
    },
    table: (element) => {
      const rows = this.rows(element);
      if (rows.length) this.blocks.push({ kind: 'table', rows, line: rows[0].line });
      this.gap = false;
    },
  };

  /** Block-level content: paragraphs, headings, lists, tables, sections, text boxes. */
  blocksOf(parent: Element, sink: Sink, list?: ListContext) {
    for (const element of childElements(parent)) {
      if (element.namespaceURI === NS.text) {
        switch (element.localName) {
          case 'p':
          case 'h':
            this.paragraph(element, sink, list ? '' : this.headingLabel(element));
            continue;
          case 'list':
            this.list(element, sink, list);
            continue;
          case 'numbered-paragraph':
            this.numberedParagraph(element, sink);
            continue;
          case 'table-of-content':
          case 'alphabetical-index':
          case 'illustration-index':
          case 'table-index':
          case 'object-index':
          case 'user-index':
          case 'bibliography': {
            // The index's source holds templates, not text of the document.
            const body = childElements(element).find((child) => is(child, NS.text, 'index-body'));
            if (body) this.blocksOf(body, sink, list);
            continue;
          }
          default:
            if (!SKIPPED_TEXT.has(element.localName ?? '')) this.container(element, sink, list);
            continue;
        }
      }
      if (is(element, NS.table, 'table')) sink.table(element);
      else if (is(element, NS.draw, 'image')) this.pictures++;
      // Comments, forms, embedded binaries; a picture's title and description.
      else if (element.namespaceURI !== NS.office && element.namespaceURI !== NS.svg) this.container(element, sink, list);
    }
  }

  /**
   * An element this reader has no meaning for (a section, a frame or text box, a shape, another
   * program's wrapper): its paragraphs and tables are read in place; text right inside it
   * cannot be placed and is counted, so that the report says something was not read.
   */
  private container(element: Element, sink: Sink, list?: ListContext) {
    if (Array.from(element.childNodes).some((node) => (node.nodeType === 3 || node.nodeType === 4) && node.nodeValue?.trim())) this.unread++;
    this.blocksOf(element, sink, list);
  }

  /** ODF's list item outside a list (text:numbered-paragraph): its cached number, if written, then its text. */
  private numberedParagraph(element: Element, sink: Sink) {
    const number = childElements(element).find((child) => is(child, NS.text, 'number'));
    const label = number ? clean(number.textContent ?? '') : '';
    for (const child of childElements(element)) {
      if (is(child, NS.text, 'p') || is(child, NS.text, 'h')) this.paragraph(child, sink, label ? `${label} ` : '');
    }
  }

  /** The outline number of a heading outside lists (text:outline-style), counted here. */
  private headingLabel(element: Element): string {
    if (!is(element, NS.text, 'h') || element.getAttributeNS(NS.text, 'is-list-header') === 'true') return '';
    const level = Number(element.getAttributeNS(NS.text, 'outline-level') || '1') - 1;
    const style = this.styles.outline[level];
    if (!style || style.format === 'none') return '';
    const start = startValue(element.getAttributeNS(NS.text, 'start-value'));
    const restart = element.getAttributeNS(NS.text, 'restart-numbering') === 'true';
    this.outline[level] = start !== undefined ? start : restart || this.outline[level] === undefined ? style.start : this.outline[level] + 1;
    this.outline.length = level + 1;
    const label = labelOf(this.styles.outline, this.outline, level);
    return label ? `${label} ` : '';
  }

  private list(element: Element, sink: Sink, outer?: ListContext) {
    const style = element.getAttributeNS(NS.text, 'style-name') || outer?.style || '';
    let chain = outer?.chain;
    if (!chain) {
      const continues = element.getAttributeNS(NS.text, 'continue-list');
      if (continues) chain = this.chains.get(continues);
      else if (element.getAttributeNS(NS.text, 'continue-numbering') === 'true') chain = this.lastByStyle.get(style) ?? this.lastChain;
      chain ??= { counters: [] };
      this.lastByStyle.set(style, chain);
      this.lastChain = chain;
    }
    const id = element.getAttributeNS(NS.xml, 'id');
    if (id) this.chains.set(id, chain);
    const context: ListContext = { chain, style, levels: this.styles.listLevels(style), level: outer ? outer.level + 1 : 0 };

    for (const item of childElements(element)) {
      const header = is(item, NS.text, 'list-header');
      if (!header && !is(item, NS.text, 'list-item')) continue;
      const first = childElements(item)[0];
      // An item that only wraps a deeper list has no number of its own (LibreOffice writes these).
      const numbered = !header && !!first && (is(first, NS.text, 'p') || is(first, NS.text, 'h'));
      let label = '';
      if (numbered) {
        const { counters } = chain;
        const level = context.level;
        const start = startValue(item.getAttributeNS(NS.text, 'start-value'));
        const levelStyle = context.levels?.[level];
        counters[level] = start !== undefined ? start : counters[level] === undefined ? (levelStyle?.start ?? 1) : counters[level] + 1;
        counters.length = level + 1;
        if (levelStyle?.bullet) label = BULLET_LABEL;
        else if (context.levels) label = labelOf(context.levels, counters, level);
        if (label && !levelStyle?.bullet) label += ' ';
      }
      let labelled = false;
      for (const child of childElements(item)) {
        if (is(child, NS.text, 'p') || is(child, NS.text, 'h')) {
          this.paragraph(child, sink, labelled ? '' : label);
          labelled = true;
        } else if (is(child, NS.text, 'list')) this.list(child, sink, context);
        else if (is(child, NS.table, 'table')) sink.table(child);
      }
    }
  }

  private paragraph(element: Element, sink: Sink, label: string) {
    const heading = is(element, NS.text, 'h');
    const style = element.getAttributeNS(NS.text, 'style-name');
    const lines: Run[][] = [[]];
    let cached: string | undefined;
    const inline = (node: Node, bold: boolean) => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === 3 || child.nodeType === 4) {
          lines[lines.length - 1].push({ text: child.nodeValue ?? '', bold });
          continue;
        }
        if (child.nodeType !== 1) continue;
        const element = child as Element;
        if (element.namespaceURI === NS.text) {
          switch (element.localName) {
            case 's':
              lines[lines.length - 1].push({ text: ' '.repeat(Math.min(100, Number(element.getAttributeNS(NS.text, 'c')) || 1)), bold });
              continue;
            case 'tab':
              lines[lines.length - 1].push({ text: '\t', bold });
              continue;
            case 'line-break':
              lines.push([]);
              continue;
            case 'note': {
              const body = childElements(element).find((c) => is(c, NS.text, 'note-body'));
              if (body) this.notes.push(body);
              continue;
            }
            case 'number':
              cached = clean(element.textContent ?? '');
              continue;
            case 'span': {
              const own = this.styles.bold(element.getAttributeNS(NS.text, 'style-name'), 'text');
              inline(element, own ?? bold);
              continue;
            }
            case 'tracked-changes':
            case 'change':
            case 'change-start':
            case 'change-end':
            case 'ruby-text':
            case 'bookmark':
            case 'bookmark-start':
            case 'bookmark-end':
            case 'soft-page-break':
              continue;
            default:
              inline(element, bold);
              continue;
          }
        }
        if (element.namespaceURI === NS.office) continue; // annotations
        if (is(element, NS.draw, 'image')) this.pictures++;
        // A frame, text box or shape anchored here: its paragraphs come after this one's lines.
        else if (element.namespaceURI !== NS.svg) anchored.push(element);
      }
    };
    const anchored: Element[] = [];
    inline(element, this.styles.bold(style, 'paragraph') ?? false);

    if (cached !== undefined) label = cached ? `${cached} ` : '';
    let any = false;
    for (const runs of lines) {
      const text = clean(runs.map((run) => run.text).join(''));
      if (!text) continue;
      const bold = heading || runs.filter((run) => clean(run.text)).every((run) => run.bold);
      sink.line(text, bold, any ? '' : label);
      any = true;
    }
    // An empty numbered paragraph still shows its number (a «№» cell holds nothing else).
    if (!any && label.trim()) sink.line(label.trim(), false, '');
    // An empty paragraph that only holds a text box is where the box stands, not a blank line.
    else if (!any && !anchored.length) sink.blank();
    for (const element of anchored) this.container(element, sink);
  }

  private cellOf(element: Element): Cell {
    const parts: string[] = [];
    const sink: Sink = {
      cell: true,
      line: (text, _bold, label) => parts.push(label + text),
      blank: () => {},
      table: (table) => {
        for (const row of this.rowElements(table)) {
          for (const cell of childElements(row)) if (is(cell, NS.table, 'table-cell')) parts.push(...this.cellOf(cell).parts);
        }
      },
    };
    this.blocksOf(element, sink);
    return cellOf(parts);
  }

  private rowElements(table: Element): Element[] {
    const rows: Element[] = [];
    for (const child of childElements(table)) {
      if (is(child, NS.table, 'table-row')) {
        const repeated = Math.min(1000, Number(child.getAttributeNS(NS.table, 'number-rows-repeated')) || 1);
        for (let i = 0; i < repeated; i++) rows.push(child);
      } else if (child.namespaceURI === NS.table && /^table-(header-rows|rows|row-group)$/.test(child.localName ?? '')) {
        rows.push(...this.rowElements(child));
      }
    }
    return rows;
  }

  private rows(table: Element): Row[] {
    const rows: Row[] = [];
    for (const row of this.rowElements(table)) {
      const cells: Cell[] = [];
      for (const cell of childElements(row)) {
        const covered = is(cell, NS.table, 'covered-table-cell');
        if (!covered && !is(cell, NS.table, 'table-cell')) continue;
        const repeated = Math.min(100, Number(cell.getAttributeNS(NS.table, 'number-columns-repeated')) || 1);
        const value = covered ? cellOf([]) : this.cellOf(cell);
        for (let i = 0; i < repeated; i++) cells.push(value);
      }
      if (cells.length) rows.push({ cells, line: ++this.line });
    }
    return rows;
  }

  /** Footnotes and endnotes, after the text: plain paragraphs, as read-docx keeps them. */
  finishNotes() {
    for (let i = 0; i < this.notes.length; i++) {
      this.gap = false;
      this.blocksOf(this.notes[i], { ...this.body, blank: () => {} });
    }
  }
}

export async function readOdt(buffer: Buffer, file: string): Promise<ReadResult> {
  const fail = (why: string): never => {
    throw new ImportError(`файл ${file} не читается как ${WHAT}: ${why}`);
  };
  const { parts } = unpackArchive(buffer, { file, what: WHAT, resave: RESAVE });

  const manifest = parts.get('META-INF/manifest.xml');
  if (manifest?.includes('encryption-data')) fail(PROTECTED);
  const mimetype = parts.get('mimetype')?.toString('latin1').trim();
  if (mimetype && !mimetype.startsWith('application/vnd.oasis.opendocument.text')) {
    const kind = /spreadsheet/.test(mimetype) ? 'таблица (.ods)' : /presentation/.test(mimetype) ? 'презентация (.odp)' : 'не текстовый документ';
    fail(`это ${kind}, а нужен текстовый документ`);
  }
  const contentXml = parts.get('content.xml');
  if (!contentXml) fail(`в архиве нет текста документа (content.xml) — похоже, это не документ .odt; ${RESAVE}`);
  const content = parseXml(contentXml!, 'content.xml', fail);
  const stylesXml = parts.get('styles.xml');
  const styles = odtStyles(content, stylesXml ? parseXml(stylesXml, 'styles.xml', fail) : undefined);

  const text = content.getElementsByTagNameNS(NS.office, 'text')[0];
  if (!text) fail(`в нём нет текста (это не текстовый документ); ${RESAVE}`);
  const reader = new OdtReader(styles);
  reader.blocksOf(text, reader.body);
  reader.finishNotes();

  const blocks = reader.blocks;
  if (!blocks.some((block) => (block.kind === 'paragraph' ? true : block.rows.some((row) => row.cells.some((cell) => cell.text))))) {
    throw new ImportError(`в файле ${file} нет текста: ни абзацев, ни заполненных таблиц`);
  }
  const warnings: string[] = [];
  if (reader.unread) {
    warnings.push(`фрагментов текста в незнакомой этому импорту разметке .odt: ${reader.unread} — они не импортированы, сверьте результат с документом`);
  }
  if (reader.pictures) warnings.push(`картинок в документе: ${reader.pictures} — текст на них (если это скан или схема) не импортирован`);
  return { document: { file, blocks }, warnings };
}
