/**
 * Reads the «сроки» cell of a roadmap item: what kind of deadline it is and, where the
 * words allow, the dates it means.
 *
 * The text is kept exactly as written (`text`); dates are UTC midnights. Years come from
 * the text or from the roadmap's period only — never from today's date.
 *
 * How it works:
 *  1. the text is normalised (case, «ё», dashes, whitespace, numbers broken by a line
 *     wrap, month names in any case or abbreviated → one genitive spelling);
 *  2. chrono-node's strict Russian parser finds day-level dates («12 февраля 2024 г.»,
 *     «12.02.24», «с 1 по 15 сентября 2023», «01.09.2023-30.09.2023»); each one it is
 *     sure of (day and month certain) becomes one token, its year only if chrono read it;
 *  3. a small tokenizer reads the rest — month names with or without a year, years,
 *     school years, halves and quarters, «с», «до», «по», «не позднее», «начала / середины /
 *     конца», dashes — and a handful of token patterns give the deadline;
 *  4. what the grammar cannot read is classed by its wording: recurring or «по графику» →
 *     schedule, «постоянно», «в течение всего периода» → ongoing, a lone «до» → until,
 *     anything else → unspecified.
 *
 * Choices worth knowing:
 *  - «до мая 2023» / «к маю 2023» means «before May begins»: to = 1 May (like «до начала
 *    мая»); «не позднее мая 2023» / «по май 2023» lets May in: to = 31 May.
 *    «до 1 мая» is inclusive: to = 1 May.
 *  - A recurring deadline («1 раз в полугодие, не позднее 20 декабря и 20 мая ежегодно»,
 *    «ежеквартально») is a schedule with no dates even if it names days: it is not one range.
 *  - Alternatives joined by «или» («в соответствии со сроками реализации программ
 *    наставничества или май 2021 г.»): the first alternative that names explicit dates wins
 *    (here: kind month, May 2021), so the item still shows on the calendar.
 *  - «в течение года», «в течение учебного года» without a year are ongoing, without dates;
 *    with a year («в течение 2023 года») they are ranges.
 *  - Halves, quarters and school terms without a year («II квартал», «I полугодие», «3 четверть»)
 *    are dated from the period: in a school-year period (it starts in August or September) halves
 *    are the school's — I: Sep–Dec, II: Jan–May — and «четверти» always are (Sep–Oct, Nov–Dec,
 *    Jan–Mar, Apr–May); otherwise halves and quarters are the calendar's. With no period they get
 *    no dates. «I полугодие 2023–2024 учебного года» is the school's half of that year.
 *  - A month, half or term named without a year in a period of several years goes to its first
 *    occurrence in the period («январь» in 2023–2025 → January 2024). The result does not say the
 *    year was chosen: `parseDeadline(text)` without a period tells (no dates then).
 *  - Words beside a date («До 29.01.2021 по отдельному плану», «сентябрь, по графику») do not hide
 *    it: when the whole text is not a date, it is read again without «по … плану / графику»,
 *    «по мере необходимости», «в течение года» and the like — the date wins, the text keeps the words.
 *  - Months listed with commas («ноябрь, март») are a range from the first to the last; «до»
 *    dates listed one after another («до 20 декабря 2025 г., до 20 декабря 2026 г.») — a step each
 *    year — are until the last one.
 *  - «2023–2024 гг.» is two calendar years; «2023–2024 учебный год» is 1 Sep 2023 – 31 Aug 2024.
 */
import * as chrono from 'chrono-node';
import type { DEADLINE_KINDS } from '../schemas/vocabulary.ts';

export type DeadlineKind = keyof typeof DEADLINE_KINDS;

/** The roadmap's period, UTC midnight dates. */
export interface Period {
  from: Date;
  to: Date;
}

export interface ParsedDeadline {
  /** The cell as written, unchanged. */
  text: string;
  from?: Date;
  to?: Date;
  kind: DeadlineKind;
}

// ---------------------------------------------------------------------------------------
// Dates

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
const isValidDay = (y: number, m: number, d: number) => m >= 0 && m < 12 && d >= 1 && d <= lastDay(y, m);

interface Span {
  from: Date;
  to: Date;
}

/** A period «looks like a school year» when it starts in August or September. */
const isAcademic = (period: Period) => [7, 8].includes(period.from.getUTCMonth());

/**
 * The year of a month named without one: for a school-year period Sep–Dec are in its
 * first year and Jan–Aug in the next; otherwise the first year in which that month falls
 * (at least partly) inside the period. No period, or no such year → unknown.
 */
function yearOfMonth(m: number, period?: Period): number | undefined {
  if (!period) return undefined;
  const first = period.from.getUTCFullYear();
  if (isAcademic(period)) return m >= 8 ? first : first + 1;
  for (let y = first; y <= period.to.getUTCFullYear(); y++) {
    if (utc(y, m, lastDay(y, m)) >= period.from && utc(y, m, 1) <= period.to) return y;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Normalisation

/** Month names in every grammatical case, plus the usual abbreviations; index = month. */
const MONTH_FORMS = [
  'январ(?:ь|я|е|ем|ю)|янв',
  'феврал(?:ь|я|е|ем|ю)|февр?',
  'март(?:а|е|ом|у)?|мар',
  'апрел(?:ь|я|е|ем|ю)|апр',
  'ма(?:й|я|е|ем|ю)',
  'июн(?:ь|я|е|ем|ю)?',
  'июл(?:ь|я|е|ем|ю)?',
  'август(?:а|е|ом|у)?|авг',
  'сентябр(?:ь|я|е|ем|ю)|сент?',
  'октябр(?:ь|я|е|ем|ю)|окт',
  'ноябр(?:ь|я|е|ем|ю)|нояб?',
  'декабр(?:ь|я|е|ем|ю)|дек',
];
/** The one spelling every month is rewritten to (genitive: what chrono reads after a day). */
const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTH_ANY = new RegExp(`(?<![а-я])(?:${MONTH_FORMS.map((f) => `(${f})`).join('|')})(?![а-я])\\.?`, 'g');
const MONTH_CANON = `(?:${MONTHS.join('|')})`;
const monthIndex = (word: string) => MONTHS.indexOf(word);

const isYear = (n: number) => n >= 1990 && n <= 2099;

function normalise(text: string): string {
  let s = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/\s+/g, ' ');
  s = s.replace(MONTH_ANY, (...groups: unknown[]) => {
    const m = groups.slice(1, 13).findIndex((g) => g !== undefined);
    return ` ${MONTHS[m]} `;
  });
  // «20.01. 2021», «20 . 01 .2021» → «20.01.2021»
  s = s.replace(/(?<!\d)(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{2,4})(?!\d)/g, '$1.$2.$3');
  // A number broken by a line wrap or a double space: «20.01.20 21», «20 23 г.» → 2021, 2023.
  // Joined only when the result is a plausible year and what follows is not a month or
  // another date (so «20 21 мая» stays two numbers).
  s = s.replace(/(?<!\d)(\d{1,3}) +(\d{1,3})(?!\d)/g, (whole, a: string, b: string, offset: number, all: string) => {
    const joined = a + b;
    const rest = all.slice(offset + whole.length);
    if (joined.length !== 4 || !isYear(Number(joined))) return whole;
    if (new RegExp(`^\\s*(?:[./]\\d|${MONTH_CANON})`).test(rest)) return whole;
    return joined;
  });
  // «2020г.», «до10.09» → «2020 г.», «до 10.09»
  s = s.replace(/(\d)(?=[а-я])/g, '$1 ').replace(/([а-я])(?=\d)/g, '$1 ');
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------
// Tokens

interface Day {
  t: 'day';
  y?: number;
  m: number;
  d: number;
}
type Term =
  | Day
  | { t: 'dayrange'; a: Day; b: Day }
  | { t: 'month'; y?: number; m: number }
  /** «полугодие», «квартал», «четверть»; `school` — the first year of the school year it is part of. */
  | { t: 'part'; unit: 'half' | 'quarter' | 'term'; n: number; y?: number; school?: number }
  | { t: 'year'; y: number }
  | { t: 'acad'; y?: number }
  /** «года» with no number: «в течение года», «до конца года». */
  | { t: 'yearword' };

type Token =
  | Term
  | { t: 'from' }
  /** «до», «к» (before the thing) or «по», «не позднее» (through it); between two terms: «to». */
  | { t: 'until'; through: boolean; word: string }
  | { t: 'mod'; at: 'start' | 'mid' | 'end' }
  | { t: 'dash' }
  | { t: 'num'; n: number }
  | { t: 'word'; word: string };

const TERMS = new Set(['day', 'dayrange', 'month', 'part', 'year', 'acad', 'yearword']);
const isTerm = (x: Token | undefined): x is Term => !!x && TERMS.has(x.t);

/** Words that carry nothing for the dates: «в течение 2023 года» reads as «2023». */
const FILLER = new Set([
  'в',
  'во',
  'на',
  'течение',
  'течении',
  'срок',
  'сроки',
  'сроком',
  'период',
  'периода',
  'периоде',
  'всего',
  'весь',
  'всей',
  'включительно',
  'г',
  'гг',
  'года',
  'год',
  'году',
]);

const YEAR_SUFFIX = String.raw`(?:\s*(?:гг|г|года|году|год)(?![а-я])\.?)?`;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ORDINAL: [RegExp, number][] = [
  [/^перв/, 1],
  [/^втор/, 2],
  [/^трет/, 3],
  [/^четв/, 4],
];

type Lexer = [RegExp, (m: RegExpExecArray) => Token | undefined];

const LEXERS: Lexer[] = [
  // «2023–2024 учебный год», «2023/24 уч. г.»
  [
    new RegExp(String.raw`(\d{4})\s*[-/]\s*(\d{4}|\d{2})\s*(?:гг?\.?\s*)?(?:учебн[а-я]*|уч\.?)\s*(?:год[а-я]*|г(?![а-я])\.?)`, 'y'),
    (m) => ({ t: 'acad', y: Number(m[1]) }),
  ],
  [/(?:учебн[а-я]*|уч\.?)\s*(?:год[а-я]*|г(?![а-я])\.?)/y, () => ({ t: 'acad' })],
  // «I полугодие 2023 г.», «2-й квартал 2024», «второе полугодие»
  [
    new RegExp(
      String.raw`(iv|i{1,3}|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четв[а-я]*)(?:\s*-?\s*(?:ое|ий|ый|го|ого|ом|я|ая|е|й|м)(?![а-я]))?\s*(полугод[а-я]*|квартал[а-я]*|четверт[а-я]*)(?:\s+(\d{4})(?!\d|\s*[-/]\s*\d)${YEAR_SUFFIX})?`,
      'y',
    ),
    (m) => {
      const n = ROMAN[m[1]] ?? (Number(m[1]) || ORDINAL.find(([re]) => re.test(m[1]))?.[1]);
      const unit = m[2].startsWith('полугод') ? 'half' : m[2].startsWith('квартал') ? 'quarter' : 'term';
      if (!n || (unit === 'half' && n > 2)) return undefined;
      return { t: 'part', unit, n, y: m[3] ? Number(m[3]) : undefined };
    },
  ],
  // «12.02.2024», «1.09.23» (chrono missed it)
  [
    /(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])/y,
    (m) => {
      const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      const [mo, d] = [Number(m[2]) - 1, Number(m[1])];
      return isValidDay(y, mo, d) ? { t: 'day', y, m: mo, d } : undefined;
    },
  ],
  // «09.2023» → September 2023
  [/(\d{1,2})\.(\d{4})(?!\d)/y, (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 12 ? { t: 'month', m: Number(m[1]) - 1, y: Number(m[2]) } : undefined)],
  // «15.05» — a day without a year
  [
    /(\d{1,2})\.(\d{1,2})(?![\d.])/y,
    (m) => {
      const [mo, d] = [Number(m[2]) - 1, Number(m[1])];
      return isValidDay(2000, mo, d) ? { t: 'day', m: mo, d } : undefined;
    },
  ],
  [
    new RegExp(String.raw`(${MONTH_CANON})(?:\s*(\d{4})(?!\d)${YEAR_SUFFIX})?`, 'y'),
    (m) => ({ t: 'month', m: monthIndex(m[1]), y: m[2] ? Number(m[2]) : undefined }),
  ],
  [new RegExp(String.raw`(\d{4})(?!\d)${YEAR_SUFFIX}`, 'y'), (m) => (isYear(Number(m[1])) ? { t: 'year', y: Number(m[1]) } : undefined)],
  [/\d+/y, (m) => ({ t: 'num', n: Number(m[0]) })],
  [/не\s+(?:позднее|позже)(?![а-я])/y, (m) => ({ t: 'until', through: true, word: m[0] })],
  [/начиная\s+со?(?![а-я])/y, () => ({ t: 'from' })],
  [/(?:с|со|от)(?![а-я])/y, () => ({ t: 'from' })],
  [/(?:до|к)(?![а-я])/y, (m) => ({ t: 'until', through: false, word: m[0] })],
  [/по(?![а-я])/y, (m) => ({ t: 'until', through: true, word: m[0] })],
  [/начал[а-я]*/y, () => ({ t: 'mod', at: 'start' })],
  [/середин[а-я]*/y, () => ({ t: 'mod', at: 'mid' })],
  [/(?:конец|конц[а-я]*)/y, () => ({ t: 'mod', at: 'end' })],
  [/(?:год|года|году|годом)(?![а-я])/y, () => ({ t: 'yearword' })],
  [/-/y, () => ({ t: 'dash' })],
  [/[а-яa-z]+/y, (m) => ({ t: 'word', word: m[0] })],
];

/** Where chrono is sure of the day and month; the year only if chrono read it. */
function chronoDay(c: chrono.ParsedComponents): Day | undefined {
  if (!c.isCertain('day') || !c.isCertain('month')) return undefined;
  const day: Day = { t: 'day', m: c.get('month')! - 1, d: c.get('day')! };
  if (c.isCertain('year')) day.y = c.get('year')!;
  return day;
}

/** A fixed reference: chrono's guesses from it are never used (only certain components are). */
const REFERENCE = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 };

function tokenize(s: string): Token[] | undefined {
  // Day-level dates from chrono, replaced by placeholders «§n».
  const found: Term[] = [];
  let marked = '';
  let last = 0;
  for (const r of chrono.ru.strict.parse(s, REFERENCE)) {
    const a = chronoDay(r.start);
    const b = r.end ? chronoDay(r.end) : undefined;
    if (!a || (r.end && !b)) continue;
    // chrono takes the «с» of «с 1 по 15 сентября» into its text: leave it to the grammar.
    const lead = /^(?:с|со|от)\s+/.exec(r.text)?.[0].length ?? 0;
    const start = r.index + lead;
    if (start < last) continue;
    marked += `${s.slice(last, start)} §${found.length} `;
    found.push(b ? { t: 'dayrange', a, b } : a);
    last = r.index + r.text.length;
  }
  marked += s.slice(last);

  const tokens: Token[] = [];
  let pos = 0;
  const skip = /[\s,.;:()«»"'!?*_/]+/y;
  while (pos < marked.length) {
    skip.lastIndex = pos;
    if (skip.exec(marked)) pos = skip.lastIndex;
    if (pos >= marked.length) break;
    const placeholder = /§(\d+)/y;
    placeholder.lastIndex = pos;
    const p = placeholder.exec(marked);
    if (p) {
      tokens.push(found[Number(p[1])]);
      pos = placeholder.lastIndex;
      continue;
    }
    let matched = false;
    for (const [re, make] of LEXERS) {
      re.lastIndex = pos;
      const m = re.exec(marked);
      if (!m || m[0].length === 0) continue;
      const token = make(m);
      if (!token) continue;
      pos = re.lastIndex;
      matched = true;
      if (!(token.t === 'word' && FILLER.has(token.word))) tokens.push(token);
      break;
    }
    if (!matched) return undefined; // a symbol the grammar does not know
  }
  // «I полугодие 2023–2024 учебного года»: the school's half of that school year.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [part, year] = [tokens[i], tokens[i + 1]];
    if (part.t === 'part' && part.y === undefined && part.unit !== 'quarter' && year.t === 'acad' && year.y !== undefined) {
      tokens.splice(i, 2, { ...part, school: year.y });
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------
// Terms → dates

type Dated = Day | { t: 'month'; y?: number; m: number };
const isDated = (x: Term): x is Dated => x.t === 'day' || x.t === 'month';
/** Position in the year, to tell whether a range's first end lies after its second. */
const key = (x: Dated, end: boolean) => x.m * 32 + (x.t === 'day' ? x.d : end ? 31 : 0);

/**
 * Gives years to the ends of a range that lack one: a year written once applies to both
 * ends («Сентябрь - октябрь 2024»), the first end going to the year before when it lies
 * later in the year («ноябрь - февраль 2024»); with no year at all, the period decides.
 */
function settleYears(a: Term, b: Term, period?: Period): [Term, Term] {
  if (!isDated(a) || !isDated(b)) return [a, b];
  const after = key(a, false) > key(b, true);
  if (a.y === undefined && b.y !== undefined) return [{ ...a, y: after ? b.y - 1 : b.y }, b];
  if (a.y !== undefined && b.y === undefined) return [a, { ...b, y: after ? a.y + 1 : a.y }];
  if (a.y === undefined && b.y === undefined) {
    const y = yearOfMonth(a.m, period);
    return y === undefined
      ? [a, b]
      : [
          { ...a, y },
          { ...b, y: after ? y + 1 : y },
        ];
  }
  return [a, b];
}

/** The days a term covers, or undefined when the text and the period do not say. */
function spanOf(x: Term, period?: Period): Span | undefined {
  switch (x.t) {
    case 'day': {
      const y = x.y ?? yearOfMonth(x.m, period);
      if (y === undefined || !isValidDay(y, x.m, x.d)) return undefined;
      return { from: utc(y, x.m, x.d), to: utc(y, x.m, x.d) };
    }
    case 'dayrange': {
      const [a, b] = settleYears(x.a, x.b, period);
      const from = spanOf(a, period)?.from;
      const to = spanOf(b, period)?.to;
      return from && to ? { from, to } : undefined;
    }
    case 'month': {
      const y = x.y ?? yearOfMonth(x.m, period);
      return y === undefined ? undefined : { from: utc(y, x.m, 1), to: utc(y, x.m, lastDay(y, x.m)) };
    }
    case 'part':
      return partSpan(x, period);
    case 'year':
      return { from: utc(x.y, 0, 1), to: utc(x.y, 11, 31) };
    case 'acad': {
      const y = x.y ?? period?.from.getUTCFullYear();
      return y === undefined ? undefined : { from: utc(y, 8, 1), to: utc(y + 1, 7, 31) };
    }
    case 'yearword':
      return undefined;
  }
}

type Part = Extract<Term, { t: 'part' }>;

/** Months [first, last] of school half-years and terms («четверти»), from September; May ends the lessons. */
const SCHOOL_MONTHS: Record<'half' | 'term', [number, number][]> = {
  half: [
    [8, 11],
    [12, 16],
  ],
  term: [
    [8, 9],
    [10, 11],
    [12, 14],
    [15, 16],
  ],
};

/** Months counted from January of `y` (12 → January of the next year). */
const monthSpan = (y: number, [a, b]: [number, number]): Span => ({
  from: utc(y + Math.floor(a / 12), a % 12, 1),
  to: utc(y + Math.floor(b / 12), b % 12, lastDay(y + Math.floor(b / 12), b % 12)),
});

function schoolPart(unit: 'half' | 'term', n: number, startYear: number): Span | undefined {
  const months = SCHOOL_MONTHS[unit][n - 1];
  return months && monthSpan(startYear, months);
}

function calendarPart(unit: 'half' | 'quarter', n: number, y: number): Span {
  const size = unit === 'half' ? 6 : 3;
  return monthSpan(y, [(n - 1) * size, n * size - 1]);
}

/**
 * A half, quarter or term: of the school year or calendar year named, else its first
 * occurrence in the period (school halves in a school-year period, calendar ones otherwise).
 */
function partSpan(x: Part, period?: Period): Span | undefined {
  if (x.school !== undefined) return x.unit === 'quarter' ? undefined : schoolPart(x.unit, x.n, x.school);
  // «I четверть 2024»: the term that falls in 2024 (Sep–Oct 2024; «III четверть 2024» — Jan–Mar 2024).
  if (x.y !== undefined) return x.unit === 'term' ? schoolPart('term', x.n, x.n <= 2 ? x.y : x.y - 1) : calendarPart(x.unit, x.n, x.y);
  if (!period) return undefined;
  const school = x.unit === 'term' || (x.unit === 'half' && isAcademic(period));
  for (let y = period.from.getUTCFullYear() - 1; y <= period.to.getUTCFullYear(); y++) {
    const span = school ? schoolPart(x.unit as 'half' | 'term', x.n, y) : calendarPart(x.unit as 'half' | 'quarter', x.n, y);
    if (span && span.to >= period.from && span.from <= period.to) return span;
  }
  return undefined;
}

type Dates = Omit<ParsedDeadline, 'text'>;

function single(x: Term, period?: Period): Dates {
  // «в течение года», «в течение учебного года»: no year named — the whole period.
  if (x.t === 'yearword' || (x.t === 'acad' && x.y === undefined)) return { kind: 'ongoing' };
  const kind: DeadlineKind = x.t === 'day' ? 'date' : x.t === 'month' ? 'month' : 'range';
  const span = spanOf(x, period);
  return span ? { kind, from: span.from, to: span.to } : { kind };
}

function range(a: Term, b: Term, period?: Period): Dates {
  const [x, y] = settleYears(a, b, period);
  const from = spanOf(x, period)?.from;
  const to = spanOf(y, period)?.to;
  return { kind: 'range', ...(from && to ? { from, to } : {}) };
}

function until(through: boolean, at: 'start' | 'mid' | 'end' | undefined, x: Term, period?: Period): Dates {
  const span = spanOf(x, period);
  if (!span) return { kind: 'until' };
  if (x.t === 'day') return { kind: 'until', to: span.to };
  let to: Date;
  if (at === 'start') to = span.from;
  else if (at === 'end') to = span.to;
  else if (at === 'mid') {
    to =
      x.t === 'month'
        ? utc(span.from.getUTCFullYear(), span.from.getUTCMonth(), 15)
        : new Date(span.from.getTime() + Math.floor((span.to.getTime() - span.from.getTime()) / 86_400_000 / 2) * 86_400_000);
  } else to = through ? span.to : span.from;
  return { kind: 'until', to };
}

/** The token patterns; undefined when the text is not one of them. */
function grammar(s: string, period?: Period): Dates | undefined {
  const all = tokenize(s);
  if (!all || all.length === 0) return undefined;
  let t = all;

  // «до 20 декабря 2025 г., до 20 декабря 2026 г.»: a step each year — the deadline is the last one.
  const lastUntil = t.findLastIndex((x) => x.t === 'until');
  if (t[0].t === 'until' && lastUntil > 1 && t.slice(1, lastUntil).every(isTerm)) t = t.slice(lastUntil);

  // «до», «не позднее», «к», «по» first
  if (t[0].t === 'until') {
    const through = t[0].through;
    if (t.length === 1) return { kind: 'until' }; // «до» with the date left blank
    const at = t[1].t === 'mod' ? t[1].at : undefined;
    const rest = t.slice(at ? 2 : 1);
    if (rest.length === 1 && isTerm(rest[0])) return until(through, at, rest[0], period);
    return undefined;
  }

  const from = t[0].t === 'from';
  if (from) t = t.slice(1);
  if (t[0]?.t === 'mod' && !from) {
    // «в конце мая 2023» reads as «май 2023»; «в начале учебного года» is left to the wording
    t = t.slice(1);
    if (t.length === 1 && (t[0].t === 'yearword' || (t[0].t === 'acad' && t[0].y === undefined))) return undefined;
  }

  // «с 1 по 15 сентября 2023» / «01.09.2023-30.09.2023» as one chrono range
  if (t.length === 1 && t[0].t === 'dayrange') return single(t[0], period);
  if (t.length === 1 && isTerm(t[0])) {
    if (!from) return single(t[0], period);
    const start = spanOf(t[0], period)?.from; // «с января 2023 г.» — open range
    return { kind: 'range', ...(start ? { from: start } : {}) };
  }
  if (t.length === 2 && isTerm(t[0]) && t[1].t === 'dash') {
    const start = spanOf(t[0], period)?.from; // «Январь 2023-»
    return { kind: 'range', ...(start ? { from: start } : {}) };
  }
  // «ноябрь, март»: months listed in order, with no dash — the work runs from the first to the last.
  if (!from && t.length >= 2 && t.every((x) => x.t === 'month')) return range(t[0], t[t.length - 1], period);
  const middle = t[1];
  // «-» or «до», «по» between two terms
  const separator = middle?.t === 'dash' || (middle?.t === 'until' && ['до', 'по'].includes(middle.word));
  if (t.length === 3 && separator && isTerm(t[0]) && isTerm(t[2])) return range(t[0], t[2], period);
  // «с 12 по 15.09.2023», «12-15.09.2023»
  if (t.length === 3 && separator && t[0].t === 'num' && t[2].t === 'day') {
    const day = t[0].n;
    if (day < 1 || day > 31) return undefined;
    return range({ ...t[2], d: day }, t[2], period);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Wording

const RECURRING = /ежегодн|ежекварт|ежемесячн|еженедельн|ежедневн|(?<![а-я])раза? в(?![а-я])|(?<![а-я])кажд[а-я]+/;
const SCHEDULE = /(?<![а-я])по (?:[а-я]+ )?(?:график|план|расписани)|по мере|по необходимости|по запросу|по согласованию|в соответствии|согласно|регулярн/;
const ONGOING = /постоянн|систематическ|весь период|всего период|в течени[ея]|на протяжении|круглогодичн|в период|в ходе|весь срок|всего срока|на весь/;
/** How a date is carried out, said beside it: «до 29.01.2021 по отдельному плану». */
const ASIDE =
  /(?<![а-я])(?:(?:по|согласно|в соответствии со?) (?:[а-я]+ )?(?:график|план|расписани)[а-я]*|по (?:мере )?необходимости|по запросу|по согласованию|в течение (?:учебного )?года)(?![а-я])/g;
const UNTIL = /^(?:в срок до|срок до|до|к|не позднее|не позже)(?![а-я])/;

export function parseDeadline(text: string, period?: Period): ParsedDeadline {
  const s = normalise(text);
  if (!/[а-яa-z0-9]/.test(s)) return { text, kind: 'unspecified' }; // «», «—», «.»
  if (RECURRING.test(s)) return { text, kind: 'schedule' };

  // «… или май 2021 г.»: the first alternative naming dates wins.
  for (const alternative of s.split(/ или /)) {
    const dates = grammar(alternative, period) ?? grammar(alternative.replace(ASIDE, ' '), period);
    if (dates) return finish(text, dates);
  }

  if (SCHEDULE.test(s)) return { text, kind: 'schedule' };
  if (ONGOING.test(s)) return { text, kind: 'ongoing' };
  if (UNTIL.test(s)) return { text, kind: 'until' }; // «до начала реализации программы»
  return { text, kind: 'unspecified' };
}

/** Drops dates that contradict each other (end before start) rather than return a bad deadline. */
function finish(text: string, dates: Dates): ParsedDeadline {
  const result: ParsedDeadline = { text, kind: dates.kind };
  if (dates.from && dates.to && dates.from > dates.to) return result;
  if (dates.from) result.from = dates.from;
  if (dates.to) result.to = dates.to;
  return result;
}
