/**
 * What stands around a document's main part: the approval block («УТВЕРЖДАЮ», «Принят
 * решением педсовета…»), the title, the period it names, goals and tasks, target indicators.
 */
import { isoDate } from '../lib/format.ts';
import { blanksIn, type BlankPart } from '../lib/provenance.ts';

import type { Block } from './source-document.ts';

type Paragraph = { text: string; line: number; bold?: boolean; gap?: boolean };
type Table = Extract<Block, { kind: 'table' }>;

const APPROVE = /^(утвержд\S*|утверждаю)/i;
const AGREE = /^(согласован\S*|принят\S*|рассмотрен\S*)/i;
const POSITION = /^(директор|заведующ|руководител|начальник|и\.\s?о\.)/i;
const TITLE_WORDS = /план(?![а-яё])|дорожн\S* карт|положени[ея](?![а-яё])|программ/i;
const DATE = /(\d{1,2})\.(\d{1,2})\.(\d{4})/;
const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
/** «30 августа 2024 г.», with the day in quotes as order forms have it: «30» августа, "30" августа. */
const WORDS_DATE = /(?<!\d)[«"“„]?\s*(\d{1,2})\s*[»"”]?\s+(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*\s+(\d{4})(?!\d)/i;

/** The first date a text names, as «01.09.2024» or in words. */
function dateIn(text: string): string | undefined {
  const numeric = DATE.exec(text);
  const words = WORDS_DATE.exec(text);
  if (numeric && (!words || numeric.index < words.index)) return dayOf(+numeric[3], +numeric[2], +numeric[1]);
  if (words) return dayOf(+words[3], MONTHS.indexOf(words[2].toLowerCase()) + 1, +words[1]);
  return undefined;
}

/** «Приложение № 1 к приказу …» above a district's or school's plan: the order that approved it. */
const APPENDIX = /^приложени[ея](?:\s*№\s*\d+)?(?:\s+к\s+(?:приказу|распоряжению|постановлению|решению)(?![а-яё]).*)?$/i;
const TO_ORDER = /^к\s+(?:приказу|распоряжению|постановлению|решению)(?![а-яё])/i;
const isAppendixApproval = (paragraphs: Paragraph[], i: number) => {
  const text = paragraphs[i].text.trim();
  if (!APPENDIX.test(text)) return false;
  return /\s+к\s/i.test(text) || TO_ORDER.test(paragraphs[i + 1]?.text.trim() ?? '');
};

export interface Approval {
  /** The date of the approval itself (from «УТВЕРЖДЕНО … от 01.09.2024»). */
  date?: string;
  document?: string;
  approvedBy?: string;
  agreed?: string;
  /** What the approving document's text leaves blank to be filled in by hand («от ..2020 №»): the page says it is not given. */
  blanks?: BlankPart[];
}

/** A line that is only «УТВЕРЖДАЮ», «СОГЛАСОВАНО:»…: layout, carrying no information of its own. */
export const isApprovalKeyword = (line: string) => /^(утвержд\S*|согласован\S*|принят[оа]?)\s*:?$/i.test(line.trim());

/** A line that opens an approval or agreement block («УТВЕРЖДАЮ», «Принят решением педсовета…»). */
export const opensApproval = (line: string) => APPROVE.test(line.trim()) || AGREE.test(line.trim());

/** A small table holding «СОГЛАСОВАНО»/«УТВЕРЖДАЮ»: Word's borderless layout of the approval block. */
export const isApprovalTable = (table: Table) => table.rows.length <= 6 && table.rows.some((row) => row.cells.some((cell) => cell.parts.some(opensApproval)));

/**
 * An approval table's cells as lines, column by column: each column is one block
 * («СОГЛАСОВАНО …» on the left, «УТВЕРЖДАЮ …» on the right), however many rows it spans.
 */
export function approvalLines(table: Table): Paragraph[] {
  const width = Math.max(...table.rows.map((row) => row.cells.length));
  const lines: Paragraph[] = [];
  for (let column = 0; column < width; column++) {
    table.rows.forEach((row, r) => row.cells[column]?.parts.forEach((text, i) => lines.push({ text, line: row.line, gap: i === 0 && r === 0 })));
  }
  return lines;
}

/** Lines of an approval or agreement block, without a lone keyword line. */
const blockText = (lines: string[]) => {
  const [first, ...rest] = lines;
  return (isApprovalKeyword(first) ? rest : lines).join(' ').replace(/\s+/g, ' ').trim();
};

export function readApproval(paragraphs: Paragraph[]): { approval: Approval; used: Set<number>; firstDate?: string } {
  const used = new Set<number>();
  let firstDate: string | undefined;
  const approval: Approval = {};
  const approves = (i: number) => APPROVE.test(paragraphs[i].text) || isAppendixApproval(paragraphs, i);
  const firstKeyword = paragraphs.findIndex((p, i) => approves(i) || AGREE.test(p.text));
  if (firstKeyword < 0) return { approval, used };
  let end = paragraphs.findIndex((p, i) => i > firstKeyword && (p.bold || (TITLE_WORDS.test(p.text) && !approves(i) && !AGREE.test(p.text))));
  if (end < 0) end = paragraphs.length;
  const blocks: { kind: 'approve' | 'agree'; lines: number[] }[] = [];
  // Two blocks side by side that came out line by line («СОГЛАСОВАНО», «УТВЕРЖДАЮ», then a line
  // of each in turn — text taken from a PDF): the lines below the two keywords alternate between them.
  let sideBySide: { from: number; blocks: typeof blocks } | undefined;
  for (let i = firstKeyword; i < end; i++) {
    const text = paragraphs[i].text;
    const last = blocks.at(-1);
    if (isApprovalKeyword(text) && last?.lines.length === 1 && last.lines[0] === i - 1 && isApprovalKeyword(paragraphs[i - 1].text)) {
      blocks.push({ kind: APPROVE.test(text) ? 'approve' : 'agree', lines: [i] });
      sideBySide = { from: i + 1, blocks: blocks.slice(-2) };
      continue;
    }
    if (sideBySide && !(approves(i) || AGREE.test(text))) {
      sideBySide.blocks[(i - sideBySide.from) % 2].lines.push(i);
      continue;
    }
    sideBySide = undefined;
    if (approves(i) || AGREE.test(text)) {
      const kind = approves(i) ? 'approve' : 'agree';
      const block = { kind, lines: [i] } as (typeof blocks)[number];
      // «Директор» written just above «УТВЕРЖДАЮ» belongs to the approval, not to the block before.
      const previous = blocks[blocks.length - 1];
      if (kind === 'approve' && previous && previous.lines.at(-1) === i - 1 && POSITION.test(paragraphs[i - 1].text)) {
        block.lines.unshift(previous.lines.pop()!);
      }
      blocks.push(block);
    } else blocks[blocks.length - 1].lines.push(i);
  }
  for (const block of blocks) {
    block.lines.forEach((i) => used.add(i));
    const lines = block.lines.map((i) => paragraphs[i].text);
    if (!firstDate) firstDate = dateIn(lines.join(' '));
    if (block.kind === 'approve') {
      const keywordFirst = block.lines.findIndex((i) => approves(i));
      const ordered = keywordFirst > 0 ? [lines[keywordFirst], ...lines.slice(0, keywordFirst), ...lines.slice(keywordFirst + 1)] : lines;
      const text = blockText(ordered);
      if (/приказ|распоряжени|решени|протокол/i.test(text)) {
        approval.document = text;
        const blanks = blanksIn(text);
        if (blanks.length) approval.blanks = blanks;
      } else approval.approvedBy = text;
      const date = dateIn(text);
      if (date) approval.date = date;
    } else {
      const agreed = [approval.agreed, blockText(lines)].filter(Boolean).join('; ');
      if (agreed) approval.agreed = agreed;
    }
  }
  return { approval, used, firstDate };
}

function dayOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return isoDate(date);
}

/** Headings that follow a roadmap's title, set bold like it: the title stops at them. */
const SECTION_HEADING = /^(пояснительн\S* записк|цел[ьи](?![а-яё])|задач[аи](?![а-яё])|срок\S* реализаци|ожидаем\S* результат|целев\S* показател)/i;

/** The title: the bold lines that name the document, or the run of lines that starts with its name. */
export function readTitle(paragraphs: Paragraph[], skip: Set<number>): { title?: string; used: Set<number> } {
  const used = new Set<number>();
  const start = paragraphs.findIndex((p, i) => !skip.has(i) && TITLE_WORDS.test(p.text) && (p.bold || /^(план|дорожн|положени)/i.test(p.text)));
  if (start < 0) return { used };
  const lines = [start];
  const bold = paragraphs[start].bold;
  for (let i = start + 1; i < paragraphs.length && !skip.has(i); i++) {
    const p = paragraphs[i];
    // A list below the title («- для педагогов», «1) …») is not part of it, nor is the next heading.
    if ((bold ? !p.bold : p.gap) || /^([·•▪\-–—]|\d{1,2}\))\s/.test(p.text) || SECTION_HEADING.test(p.text.trim())) break;
    lines.push(i);
  }
  lines.forEach((i) => used.add(i));
  const title = lines
    .map((i) => paragraphs[i].text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { title: sentenceCase(title), used };
}

/** «ПОЛОЖЕНИЕ о наставничестве» → «Положение о наставничестве»: capitals are the document's layout, not its words. */
export function sentenceCase(text: string): string {
  // The words set in capitals at the start (numbers and «№» among them).
  const capitals = /^(?:[«("]?(?:[А-ЯЁA-Z-]+|№|\d+)[»)",.:]?(?:\s+|$))+/.exec(text)?.[0] ?? '';
  if (!/[А-ЯЁA-Z]{4,}/.test(capitals)) return text;
  // A name in quotes («КАЯЛИНСКАЯ СОШ») is a proper name: its capitals are left as they are.
  const lowered = capitals
    .split(/(«[^»]*»?|"[^"]*"?)/)
    .map((piece, i) => (i % 2 ? piece : piece.replace(/[А-ЯЁA-Z-]+/g, (word) => (isCapitalisedWord(word) ? word.toLowerCase() : word))))
    .join('');
  const sentence = lowered + text.slice(capitals.length);
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
/** Prepositions and conjunctions a title in capitals is written with: words, not abbreviations. */
const SHORT_WORDS = new Set('О ОБ В ВО НА ПО С СО К КО И ИЛИ ДЛЯ ПРИ ЗА ИЗ ОТ ДО ГОД ПЛАН'.split(' '));
/**
 * A word written in capitals, as opposed to an abbreviation («МБОУ», «СОШ», «ЦНППМ», «УВР»): words have
 * vowels; the names of school types end in «ОУ» (общеобразовательное учреждение).
 */
const isCapitalisedWord = (word: string) =>
  SHORT_WORDS.has(word) || (word.length >= 4 && !/ОУ$/.test(word) && (word.match(/[АЕЁИОУЫЭЮЯAEIOU]/g)?.length ?? 0) / word.length >= 0.3);

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * The school year a date falls in; a document dated in August is for the year about to
 * begin (roadmaps are approved at the end of August).
 */
export function schoolYearOf(date: Date): { from: Date; to: Date } {
  const year = date.getUTCFullYear() - (date.getUTCMonth() >= 7 ? 0 : 1);
  return { from: utc(year, 9, 1), to: utc(year + 1, 8, 31) };
}

/** The period a title names: «на 2023- 2024 учебный год», «на 2020 год», «на 2024–2026 годы». */
export function periodFromTitle(title: string | undefined): { from: Date; to: Date } | undefined {
  if (!title) return undefined;
  const academic = /(20\d\d)\s*[-–—/]\s*(20\d\d|\d\d)\s*(учебн|уч\.)/i.exec(title);
  if (academic) {
    const second = academic[2].length === 2 ? 2000 + Number(academic[2]) : Number(academic[2]);
    return { from: utc(Number(academic[1]), 9, 1), to: utc(second, 8, 31) };
  }
  const span = /(20\d\d)\s*[-–—]\s*(20\d\d)/.exec(title);
  if (span) return { from: utc(Number(span[1]), 1, 1), to: utc(Number(span[2]), 12, 31) };
  const single = /(20\d\d)\s*(год|г\.|гг)/i.exec(title);
  if (single) return { from: utc(Number(single[1]), 1, 1), to: utc(Number(single[1]), 12, 31) };
  return undefined;
}

const STATED_PERIOD = /срок\S*\s+реализаци\S*[^:.]{0,40}:\s*(.+)/i;
const ANY_DATE = new RegExp(`${DATE.source}|${WORDS_DATE.source}`, 'gi');

/**
 * The period the text above the table states: «Срок реализации: 1 сентября 2025 года – 31 мая
 * 2026 года», «Сроки реализации программы: 2025–2026 учебный год». It says more than the
 * title's school year, so it is taken before it.
 */
export function statedPeriod(texts: string[]): { from: Date; to: Date } | undefined {
  for (const text of texts) {
    const stated = STATED_PERIOD.exec(text)?.[1];
    if (!stated) continue;
    // The statement ends with its sentence («… 31 мая 2026 года. Ответственный …»).
    const sentence = stated.split(/\.\s+(?=[А-ЯЁA-Z])/)[0];
    const dates = [...sentence.matchAll(ANY_DATE)].map((m) => dateIn(m[0])).filter((d): d is string => !!d);
    if (dates.length >= 2) return { from: new Date(dates[0]), to: new Date(dates[dates.length - 1]) };
    const named = periodFromTitle(sentence);
    if (named) return named;
  }
  return undefined;
}
