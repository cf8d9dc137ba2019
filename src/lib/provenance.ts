/**
 * Where a value on a page comes from: the document itself, a blank the document leaves to be
 * filled in by hand, or the importer's working out. The entries record it (approval.blanks,
 * period.origin and period.stated — src/schemas/common.ts, src/schemas/roadmaps.ts); the
 * importer finds the blanks with blanksIn, and the pages say it in the words below.
 *
 * Plain Node: the importer and the tests read it too.
 */
import { formatDate } from './format.ts';
import type { DOCUMENT_BLANKS } from '../schemas/common.ts';
import type { PERIOD_ORIGINS } from '../schemas/vocabulary.ts';

/** What a document may leave blank in its approval. */
export type BlankPart = keyof typeof DOCUMENT_BLANKS;

// Blanks as forms leave them: dots or underscores where a day, a month or a number goes.
const DAY_MONTH_BLANK = /(?:^|\s)от\s*\.{2,}\s*\d{4}|_+\s*\.\s*_+\s*\.\s*(?:\d{4}|\d{2}_+|_+)/iu;
const WORDS_DATE_BLANK = /[«"]?\s*_+\s*[»"]?\s+_{2,}\s*(?:20)?(?:\d{2}|_+)\s*(?:г\.?|года)?/iu;
const NO_DATE = /(?:^|\s)от\s*(?:_{2,}|\.{3,}|…)|(?:^|\s)от\s*(?=№|N\s|$)/iu;
const NUMBER_BLANK = /(?:№|(?<!\p{L})N)\s*(?:_+|\.{2,}|…|$|(?=[,;)]|от(?!\p{L})))/iu;
/** A year the document gives beside a blank day and month: «от ..2020», «__.__.2024». */
const YEAR_GIVEN = /\.{2,}\s*\d{4}|_+\s*\.\s*_+\s*\.\s*\d{4}/u;

/** The parts an approval's text leaves blank, in a fixed order. */
export function blanksIn(text: string): BlankPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const found: BlankPart[] = [];
  if (DAY_MONTH_BLANK.test(flat) || WORDS_DATE_BLANK.test(flat) || NO_DATE.test(flat)) found.push('date');
  if (NUMBER_BLANK.test(flat)) found.push('number');
  return found;
}

/** The document an approval names, in the genitive: «номер приказа». */
const DOCUMENT_GENITIVE: [RegExp, string][] = [
  [/приказ/i, 'приказа'],
  [/распоряжени/i, 'распоряжения'],
  [/постановлени/i, 'постановления'],
  [/протокол/i, 'протокола'],
  [/решени/i, 'решения'],
];

export interface ApprovalFacts {
  date?: Date;
  document?: string;
  blanks?: readonly BlankPart[];
}

/**
 * What the document leaves blank in its approval, as the page says it after the document's own
 * words: «день, месяц и номер приказа в документе не указаны». Nothing where the entry gives the
 * value after all (an editor filled the date in), or where nothing is blank.
 */
export function approvalNote(approval: ApprovalFacts | undefined): string | undefined {
  if (!approval?.blanks?.length) return undefined;
  const date = approval.blanks.includes('date') && !approval.date;
  const number = approval.blanks.includes('number');
  if (!date && !number) return undefined;
  const text = approval.document ?? '';
  const of = DOCUMENT_GENITIVE.find(([pattern]) => pattern.test(text))?.[1];
  const yearGiven = date && YEAR_GIVEN.test(text);
  const parts = [...(date ? [yearGiven ? (number ? 'день, месяц' : 'день и месяц') : 'дата'] : []), ...(number ? ['номер'] : [])];
  const what = parts.length === 2 ? `${parts[0]} и ${parts[1]}` : parts[0];
  const plural = parts.length > 1 || yearGiven;
  const said = plural ? 'не указаны' : date ? 'не указана' : 'не указан';
  return `${what}${of ? ` ${of}` : ''} в документе ${said}`;
}

export type PeriodOrigin = keyof typeof PERIOD_ORIGINS;

export interface PeriodFacts {
  from: Date;
  to: Date;
  origin?: PeriodOrigin;
  stated?: { from: Date; to: Date };
}

/** What a roadmap's page says after its period, where the period is not simply the document's. */
export function periodNote(period: PeriodFacts): string | undefined {
  if (period.origin === 'events') return 'период определён по срокам мероприятий: в документе он не указан';
  if (period.origin === 'widened')
    return period.stated
      ? `по документу — с ${formatDate(period.stated.from)} по ${formatDate(period.stated.to)}; период расширен по срокам мероприятий`
      : 'период расширен по срокам мероприятий, выходящим за указанный в документе';
  return undefined;
}

/** The same in a list of roadmaps, after the dates. */
export function shortPeriodNote(period: PeriodFacts): string | undefined {
  if (period.origin === 'events') return 'определён по срокам мероприятий';
  if (period.origin === 'widened') return 'расширен по срокам мероприятий';
  return undefined;
}
