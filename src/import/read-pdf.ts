/**
 * A PDF (a Word or LibreOffice export, mostly) → SourceDocument, through pdf.js (bundled by unpdf).
 *
 *   readPdf(buffer: Buffer, file: string): Promise<ReadResult>
 *
 * A PDF has no paragraphs or tables, only text placed on pages and lines drawn; they are
 * rebuilt as a reader sees them (pdf-page.ts reads a page, pdf-tables.ts the tables,
 * pdf-lines.ts lines and paragraphs, pdf-furniture.ts what is not the document's text):
 *  - a table is found from its borders; each cell's lines are its parts; merged cells give
 *    empty places as readHtml's `colspan`/`rowspan` do;
 *  - a table that goes on after a page break is one table: the repeated header is dropped
 *    and a row the break cut in two is one row again;
 *  - footnote marks (small raised digits after a word) are dropped, the footnotes kept;
 *  - paragraphs go on across page breaks; running headers, footers and page numbers are
 *    dropped, and so is an electronic-signature stamp, each with a warning;
 *  - a roadmap whose table has no drawn borders is refused (its cells cannot be told from lines);
 *  - a scan (pictures, no text), an empty, a password-protected or a damaged file is refused
 *    with one line saying what to do.
 */
import { plural } from '../lib/plural.ts';
import { dropFootnoteMarks } from './pdf-footnotes.ts';
import { dropPageFurniture, dropSignatureStamps, isSignatureStamp, type PageLines } from './pdf-furniture.ts';
import { splitColumns, type Chunk } from './pdf-columns.ts';
import { linesOf, paragraphsOf, pitchOf, vocabularyOf, type Line } from './pdf-lines.ts';
import { readPage, type PageContent } from './pdf-page.ts';
import { findTables, joinContinued, tableParts, tableText, type PdfTable } from './pdf-tables.ts';
import type { ReadResult } from './read-document.ts';
import { cellOf, ImportError, type Block } from './source-document.ts';

/** Fewer letters than this per page, with pictures on the pages: a scan with at most a stray line of text. */
const SCAN_LETTERS_PER_PAGE = 15;
/**
 * A framed box of at most this many places (a stamp is one cell, or two columns of three
 * lines: «Сертификат | …», «Владелец | …», «Действителен | …») that reads as a signature stamp
 * is the stamp; a bigger table that mentions the signature is the document's.
 */
const STAMP_MAX_CELLS = 6;
/**
 * paragraphsOf tells a blank line below a table at 1.5 pitches from its bottom border and
 * between lines at 1.8 pitches from the baseline above: below side-by-side lines (a table
 * without borders) the edge is put this many pitches under their last baseline, so a blank
 * line there is told as between lines.
 */
const BASELINE_TO_EDGE = 0.3;

type Entry = { kind: 'line'; line: Line; top: number } | { kind: 'table'; table: PdfTable; top: number };
type Margins = { left: number; right: number };

async function openPdf(buffer: Buffer, file: string) {
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const pdfjs = (await getResolvedPDFJS()) as unknown as typeof import('unpdf/pdfjs');
  try {
    // A copy: pdf.js takes over the bytes it is given.
    const pdf = await getDocumentProxy(new Uint8Array(buffer), { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
    return { pdf, pdfjs };
  } catch (error) {
    if ((error as Error)?.name === 'PasswordException') {
      throw new ImportError(`файл ${file} не читается как PDF: документ защищён паролем — откройте его в программе для PDF, снимите пароль и сохраните заново`);
    }
    throw damaged(file);
  }
}

const damaged = (file: string) =>
  new ImportError(
    `файл ${file} не читается как PDF: он повреждён или это не PDF — откройте его в программе для PDF и сохраните заново, а лучше импортируйте исходный документ Word`,
  );

async function readPages(buffer: Buffer, file: string): Promise<PageContent[]> {
  const { pdf, pdfjs } = await openPdf(buffer, file);
  const contents: PageContent[] = [];
  try {
    for (let p = 1; p <= pdf.numPages; p++) contents.push(await readPage(await pdf.getPage(p), pdfjs));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw damaged(file);
  } finally {
    await pdf.destroy();
  }
  return contents;
}

/** Refuses a scan and a PDF with no text; returns how many pictures the pages paint. */
function picturesOfReadable(contents: PageContent[], file: string): number {
  const letters = contents.reduce((sum, page) => sum + page.pieces.reduce((n, piece) => n + piece.text.replace(/\s/g, '').length, 0), 0);
  const images = contents.reduce((sum, page) => sum + page.images, 0);
  if (images && letters < SCAN_LETTERS_PER_PAGE * contents.length) {
    throw new ImportError(
      `файл ${file} — скан без текстового слоя: на страницах картинки, а не текст — обработайте его программой распознавания текста и сохраните как .docx или PDF с текстовым слоем, либо импортируйте исходный документ Word`,
    );
  }
  if (!letters) throw new ImportError(`в файле ${file} нет текста: страницы PDF пусты`);
  return images;
}

/** A roadmap's words: its title or the headers of its table. */
const ROADMAP_WORDS = /дорожн\S* карт|план\S* мероприяти|мероприяти|сроки?\b/i;
/**
 * Baselines holding separate runs of text: a table's rows when two or more stand on many of
 * them and three or more on some (an approval block set side by side has two columns, never three).
 */
const TABLE_ROWS = 5;
const WIDE_ROWS = 2;

/**
 * A roadmap whose table has no drawn borders: its cells are text standing in columns, which a
 * PDF does not tell from lines (a cell's second line is a line like any other), so it is not
 * read at all rather than read as a jumble; the source document has the table.
 */
function refuseBorderlessRoadmap(lines: Line[], file: string) {
  const perBaseline = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.page}:${Math.round(line.y)}`;
    perBaseline.set(key, (perBaseline.get(key) ?? 0) + 1);
  }
  const counts = [...perBaseline.values()];
  if (
    counts.filter((n) => n >= 2).length < TABLE_ROWS ||
    counts.filter((n) => n >= 3).length < WIDE_ROWS ||
    !ROADMAP_WORDS.test(lines.map((line) => line.text).join('\n'))
  )
    return;
  throw new ImportError(
    `в файле ${file} таблица мероприятий без линий границ: в PDF её ячейки не отличить от строк текста — импортируйте исходный .docx/.odt или сохраните PDF с границами таблицы`,
  );
}

/** The page's lines and tables, top to bottom, page after page; a signature stamp drawn as a framed box is left out and counted. */
function entriesOf(found: { tables: PdfTable[] }[], pages: PageLines[], kept: Set<Line>): { entries: Entry[]; stamps: number } {
  let stamps = 0;
  const entries: Entry[] = [];
  found.forEach(({ tables }, p) => {
    const page: Entry[] = [
      ...pages[p].lines.filter((line) => kept.has(line)).map((line): Entry => ({ kind: 'line', line, top: line.y - line.size })),
      ...tables.flatMap((table): Entry[] => {
        if (table.cells.length <= STAMP_MAX_CELLS && isSignatureStamp(tableText(table))) {
          stamps++;
          return [];
        }
        return [{ kind: 'table', table, top: table.ys[0] }];
      }),
    ];
    entries.push(...page.sort((a, b) => a.top - b.top));
  });
  return { entries, stamps };
}

/**
 * Where lines start and may reach on a page of each width: the text's margins, from the
 * widest line or table (or, in a document of short lines, as wide as the left margin).
 */
function marginsOf(contents: PageContent[], lines: Line[], found: { tables: PdfTable[] }[]): (page: number) => Margins {
  const byWidth = new Map<number, Margins>();
  const widen = (page: number, left: number, right: number) => {
    const width = Math.round(contents[page].width);
    const margins = byWidth.get(width) ?? { left: Number.POSITIVE_INFINITY, right: 0 };
    byWidth.set(width, { left: Math.min(margins.left, left), right: Math.max(margins.right, right) });
  };
  for (const line of lines) widen(line.page, line.left, line.right);
  for (const { tables } of found) for (const table of tables) widen(table.page, Number.POSITIVE_INFINITY, table.xs[table.xs.length - 1]);
  for (const [width, margins] of byWidth) margins.right = Math.max(margins.right, width - margins.left);
  return (page) => byWidth.get(Math.round(contents[page].width)) ?? { left: 0, right: contents[page].width };
}

/** Side-by-side lines as one row of a borderless table, each column a cell. */
export function sideBySideRow(chunk: Extract<Chunk, { kind: 'columns' }>, pitch: number, words: ReadonlySet<string>): Block {
  const { starts } = chunk;
  const cells = chunk.columns.map((lines, k) => {
    // A column may hold no line of a chunk (a borderless table's cell left empty in every row of it).
    if (!lines.length) return cellOf([]);
    // The cell's edge is not drawn: before the next column, or (the last) as wide as the one before it.
    const widest = Math.max(...lines.map((line) => line.right));
    const edge = k + 1 < starts.length ? starts[k + 1] : k > 0 ? 2 * starts[k] - starts[k - 1] : widest;
    const right = Math.max(widest, edge - lines[0].size);
    return cellOf(paragraphsOf(lines, { left: starts[k], right, pitch, words }).map((p) => p.text));
  });
  return { kind: 'table', rows: [{ cells, line: 0 }], line: 0 };
}

/**
 * Paragraphs from the runs of lines between tables, and a table block for each table, a table
 * that goes on at the top of the next page joined to it. Table blocks are filled (rows) by
 * numberLines once the joining is done; `tables` says which PdfTable each stands for.
 */
function assembleBlocks(
  entries: Entry[],
  margins: (page: number) => Margins,
  pitch: number,
  words: ReadonlySet<string>,
): { blocks: Block[]; tables: Map<Block, PdfTable>; repeatedHeader: number } {
  const blocks: Block[] = [];
  let run: Line[] = [];
  /** The bottom of the table just above the lines of `run`. */
  let above: { y: number; page: number } | undefined;
  const flush = () => {
    if (!run.length) return;
    const flowMargins = margins(run[0].page);
    for (const chunk of splitColumns(run, pitch)) {
      if (chunk.kind === 'lines') {
        for (const paragraph of paragraphsOf(chunk.lines, { ...flowMargins, pitch, words }, above)) {
          blocks.push({ kind: 'paragraph', text: paragraph.text, line: 0, bold: paragraph.bold, gap: paragraph.gap });
        }
      } else blocks.push(sideBySideRow(chunk, pitch, words));
      const last = chunk.kind === 'lines' ? undefined : chunk.columns.flat().reduce((a, b) => (b.y > a.y ? b : a));
      above = last && { y: last.y + BASELINE_TO_EDGE * pitch * last.size, page: last.page };
    }
    run = [];
    above = undefined;
  };
  /** The table the last entry belongs to, the page it reached, and whether it ended that page. */
  let previous: { table: PdfTable; page: number; last: boolean } | undefined;
  const tables = new Map<Block, PdfTable>();
  let repeatedHeader = 0;
  entries.forEach((entry, i) => {
    if (entry.kind === 'line') {
      run.push(entry.line);
      previous = undefined;
      return;
    }
    const { table } = entry;
    flush();
    above = { y: table.ys[table.ys.length - 1], page: table.page };
    const firstOnPage = i === 0 || pageOf(entries[i - 1]) !== table.page;
    const joined = previous?.last && previous.page + 1 === table.page && firstOnPage ? joinContinued(previous.table, table) : undefined;
    if (previous && joined) {
      repeatedHeader += joined.repeatedHeader;
      previous = { table: previous.table, page: table.page, last: isLastOnPage(entries, i) };
      return;
    }
    const block: Block = { kind: 'table', rows: [], line: 0 };
    tables.set(block, table);
    blocks.push(block);
    previous = { table, page: table.page, last: isLastOnPage(entries, i) };
  });
  flush();
  return { blocks, tables, repeatedHeader };
}

/** Fills the table blocks from their (joined) tables and numbers paragraphs and rows in order; drops tables left without rows. */
function numberLines(blocks: Block[], tables: Map<Block, PdfTable>): Block[] {
  let lineNumber = 0;
  for (const block of blocks) {
    if (block.kind === 'paragraph') block.line = ++lineNumber;
    else {
      const table = tables.get(block);
      if (table) block.rows = tableParts(table).map((cells) => ({ cells: cells.map((parts) => cellOf(parts)), line: 0 }));
      for (const row of block.rows) row.line = ++lineNumber;
      block.line = block.rows[0]?.line ?? lineNumber;
    }
  }
  return blocks.filter((b) => b.kind === 'paragraph' || b.rows.length);
}

export async function readPdf(buffer: Buffer, file: string): Promise<ReadResult> {
  const contents = (await readPages(buffer, file)).map((page) => ({ ...page, pieces: dropFootnoteMarks(page.pieces) }));
  const images = picturesOfReadable(contents, file);

  const allLines = contents.flatMap((page, p) => linesOf(page.pieces, p));
  const pitch = pitchOf(allLines);
  const words = vocabularyOf(allLines.map((line) => line.text));
  const found = contents.map((page, p) => findTables(page, p, pitch, words));
  const pages: PageLines[] = found.map(({ rest }, p) => ({ height: contents[p].height, lines: linesOf(rest, p) }));
  if (found.every(({ tables }) => !tables.length))
    refuseBorderlessRoadmap(
      pages.flatMap((page) => page.lines),
      file,
    );
  const warnings: string[] = [];
  const furniture = dropPageFurniture(pages);
  if (furniture) warnings.push(`колонтитулы и номера страниц не импортированы: ${furniture} ${plural(furniture, ['строка', 'строки', 'строк'])}`);

  const { kept, stamps: stampLines } = dropSignatureStamps(pages.flatMap((page) => page.lines));
  const { entries, stamps: stampBoxes } = entriesOf(found, pages, new Set(kept));
  if (stampLines + stampBoxes) {
    warnings.push('штамп электронной подписи (сертификат, владелец, срок действия) не импортирован: это отметка о подписи, а не текст документа');
  }

  const { blocks, tables, repeatedHeader } = assembleBlocks(entries, marginsOf(contents, kept, found), pitch, words);
  if (repeatedHeader) {
    warnings.push(`повтор шапки таблицы на следующих страницах не перенесён: ${repeatedHeader} ${plural(repeatedHeader, ['строка', 'строки', 'строк'])}`);
  }
  if (images) warnings.push(`картинок в документе: ${images} — текст на них (если это скан или схема) не импортирован`);
  return { document: { file, blocks: numberLines(blocks, tables) }, warnings };
}

const pageOf = (entry: Entry) => (entry.kind === 'line' ? entry.line.page : entry.table.page);
const isLastOnPage = (entries: Entry[], i: number) => i === entries.length - 1 || pageOf(entries[i + 1]) !== pageOf(entries[i]);
