/**
 * A regulation from a document's blocks: sections become `## N. Title` and numbered
 * clauses paragraphs that open with their number (src/lib/markdown/clause-anchors.ts
 * gives both stable anchors); bullet lines become a Markdown list; a table becomes a
 * Markdown table where it stands.
 */
import { actLine, actsNamedIn } from '../lib/legal-acts.ts';
import { FORMS_NAMED } from './forms-named.ts';
import { BULLET_CHARS } from './list-marks.ts';
import type { Block } from './source-document.ts';

type Table = Extract<Block, { kind: 'table' }>;

const SECTION = /^(\d{1,2})\.\s*([А-ЯЁA-Z«"].{0,150})$/;
// A clause number, never a date («30.03.2022г.» is not clause 30.03).
const CLAUSE = /^(?!\d{1,2}\.\d{1,2}\.\d{2,4})(\d{1,2}(?:\.\d{1,2})+\.?)\s*(.*)$/;
/**
 * A section numbered the federal model regulations' way, «I. Общие положения», perhaps after
 * «Раздел»/«Глава» and without the dot then. Numerals I–XX; a Cyrillic «І» or «Х» typed for
 * the Latin letter is read as it; a name's initials («Х. М. Рамазанова») are not a section.
 */
const ROMAN_SECTION = /^(?:(?:раздел|глава)\s+([IVXІХ]{1,5})\.?|([IVXІХ]{1,5})\.)\s*(?![А-ЯЁ]\.\s)([А-ЯЁA-Z«"].{0,150})$/i;
const ROMAN_NUMERAL = /^X{0,2}(?:IX|IV|V?I{0,3})$/;
// Under Roman sections clauses are numbered flat, «3. Текст», and run on or start again.
const FLAT_CLAUSE = /^(\d{1,3})\.\s+(\S.*)$/;
/** A clause's sub-point, «а) …» or «1) …»: an item of its clause's list. */
const SUBPOINT = /^(?:[а-яё]|\d{1,2})\)\s*\S/;
const BULLET = new RegExp(`^(?:[${BULLET_CHARS}]\\s*)+`);
const LAW = /закон|кодекс|распоряжени|приказ|письм|постановлени|указ|концепци|стратеги|методологи/i;

export const isClauseLine = (text: string) => CLAUSE.test(text.trim());

/** A Roman-numbered section's numeral (in Latin letters) and title, or undefined. */
export function romanSection(text: string): { number: string; title: string } | undefined {
  const match = ROMAN_SECTION.exec(text.replace(/\s+/g, ' ').trim());
  if (!match || /[;,]$/.test(match[3])) return undefined;
  const number = (match[1] ?? match[2]).toUpperCase().replace(/І/g, 'I').replace(/Х/g, 'X');
  return ROMAN_NUMERAL.test(number) ? { number, title: match[3].trim() } : undefined;
}

/** A section line of either numbering: «2. Название» or «II. Название». */
export const isSectionLine = (text: string) => ARABIC_SECTION_LINE.test(text) || romanSection(text) !== undefined;
const ARABIC_SECTION_LINE = /^\d{1,2}\.\s*[А-ЯЁA-Z«"]/;

/** How many of the paragraphs are clauses: «N.N.» ones, and «N.» ones under a Roman section. */
export function clauseCount(texts: string[]): number {
  let roman = false;
  let count = 0;
  for (const text of texts) {
    if (romanSection(text)) roman = true;
    else if (isClauseLine(text) || (roman && FLAT_CLAUSE.test(text.trim()))) count++;
  }
  return count;
}

export interface RegulationDraft {
  body: string;
  legalBases: string[];
  forms: string[];
  clauses: number;
  sections: number;
  /** Where the tables carried into the body as Markdown tables stand in the source. */
  tableLines: number[];
}

type Piece = { type: 'section' | 'appendix' | 'clause' | 'bullet' | 'text' | 'bold' | 'table'; text: string };
/** «Приложение 1 к Положению…», «ПРИЛОЖЕНИЕ № 2»: an appendix (a consent form, a plan) after the clauses, a part of its own. */
const APPENDIX = /^приложение\s*(№\s*)?\d+\b/i;

/** The regulation's blocks in order: its paragraphs, and its tables where they stand. */
export function readRegulationBody(source: Block[]): RegulationDraft {
  const blocks: Piece[] = [];
  const tableLines: number[] = [];
  let roman = false;
  for (const block of source) {
    if (block.kind === 'table') {
      const table = markdownTable(block);
      if (table) {
        blocks.push({ type: 'table', text: table });
        tableLines.push(block.line);
      }
      continue;
    }
    const text = block.text.replace(/\s+/g, ' ').trim();
    const last = blocks[blocks.length - 1];
    const section = SECTION.exec(text);
    const clause = CLAUSE.exec(text);
    const romanHeading = romanSection(text);
    const flat = roman ? FLAT_CLAUSE.exec(text) : null;
    if (APPENDIX.test(text)) {
      roman = false;
      blocks.push({ type: 'appendix', text });
    } else if (romanHeading) {
      roman = true;
      blocks.push({ type: 'section', text: `${romanHeading.number}. ${romanHeading.title}` });
    } else if (clause) blocks.push({ type: 'clause', text: `${clause[1]} ${clause[2]}`.trim() });
    else if (flat) blocks.push({ type: 'clause', text: `${flat[1]}. ${flat[2]}` });
    else if (SUBPOINT.test(text)) blocks.push({ type: 'bullet', text });
    else if (section && !/[;,]$/.test(text)) blocks.push({ type: 'section', text: `${section[1]}. ${section[2].trim()}` });
    else if (BULLET.test(text)) blocks.push({ type: 'bullet', text: text.replace(BULLET, '').trim() });
    else if (block.bold) blocks.push({ type: 'bold', text });
    else if (last && /^[a-zа-яё(«"]/.test(text) && last.type !== 'section' && last.type !== 'table' && !/[.:;]$/.test(last.text))
      // «Приложение 1» / «к Положению о наставничестве» is one heading over two lines, as is a wrapped paragraph.
      last.text = `${last.text} ${text}`;
    else blocks.push({ type: 'text', text });
  }

  const markdown: string[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.type === 'section' || block.type === 'appendix') markdown.push(`## ${block.text}`, '');
    else if (block.type === 'bullet') markdown.push(`- ${escapeItem(block.text)}`, ...(next?.type === 'bullet' ? [] : ['']));
    else if (block.type === 'bold') markdown.push(`**${block.text}**`, '');
    else if (block.type === 'table') markdown.push(block.text, '');
    else markdown.push(escapeMarkdown(block.text), '');
  });

  // Legal bases: the list that follows the first clause naming the documents the act rests on,
  // as written (the page reads them as acts, src/lib/legal-acts.ts); a clause that names them in
  // its own sentence gives the known acts it names, in the nominative.
  const legalBases: string[] = [];
  const basis = blocks.findIndex((b) => b.type === 'clause' && /в соответствии|нормативн|на основании|разработано/i.test(b.text));
  if (basis >= 0) {
    for (const b of blocks.slice(basis + 1)) {
      if (b.type !== 'bullet') break;
      if (LAW.test(b.text)) legalBases.push(b.text.replace(/[;.,]+$/, '').trim());
    }
    if (!legalBases.length) legalBases.push(...actsNamedIn(blocks[basis].text).map(actLine));
  }
  const all = blocks
    .filter((b) => b.type !== 'table')
    .map((b) => b.text)
    .join('\n');
  const forms = FORMS_NAMED.filter(({ pattern }) => pattern.test(all)).map(({ id }) => id);
  return {
    body:
      markdown
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim() + '\n',
    legalBases,
    forms,
    clauses: blocks.filter((b) => b.type === 'clause').length,
    sections: blocks.filter((b) => b.type === 'section').length,
    tableLines,
  };
}

/**
 * A cell's paragraphs in one line: a Markdown table row cannot break, and the site's
 * sanitiser drops a raw «<br>» (it runs before raw HTML is parsed), so the parts are
 * joined by «; » — or by a space after a part that already ends with punctuation.
 */
const cellLine = (parts: string[]) =>
  parts
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .reduce((line, part) => (line ? `${line}${/[.,;:!?]$/.test(line) ? ' ' : '; '}${part}` : part), '');

/** Text that stays text in a cell: a «|» would end the cell, a «<» open a tag. */
const escapeCell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');

/**
 * A table as a Markdown table, its first row the header; empty when it holds no text
 * (a layout table left empty, a table whose rows were all dropped), which is then left out.
 */
export function markdownTable(table: Table): string {
  const rows = table.rows.map((row) => row.cells.map((c) => escapeCell(cellLine(c.parts.length ? c.parts : [c.text]))));
  if (!rows.some((cells) => cells.some(Boolean))) return '';
  const width = Math.max(...rows.map((cells) => cells.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] || ' ').join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

/** A list item's text stays text: «1) …» would open a list of Markdown's own numbering inside it. */
const escapeItem = (text: string) => text.replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');

/** Text from a document must stay text: a line that Markdown would read as markup is escaped. */
function escapeMarkdown(text: string): string {
  // A backslash escapes punctuation only: «\3. » would show the backslash, «3\. » reads «3. ».
  return text
    .replace(/^(#{1,6}\s|>\s|[*+-]\s)/, '\\$1')
    .replace(/^(\d+)\.(\s)/, '$1\\.$2')
    .replace(/</g, '&lt;');
}
