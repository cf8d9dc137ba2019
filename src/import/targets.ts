/**
 * Target indicators a roadmap states, usually after its table or in a «Целевые показатели»
 * list: «Доля обучающихся, вовлечённых в наставничество, — не менее 10 % в 2025 году,
 * не менее 15 % в 2026 году».
 *
 *   readTargets(lines: string[]): { targets: ImportedTarget[]; used: Set<number> }
 *
 * `lines` are consecutive lines of the document; `used` holds the indexes of those that
 * went into targets, and of a «Целевые показатели:» heading right above them (the field's own
 * title); the rest are kept elsewhere, never dropped.
 *
 * How a sentence is read:
 *  - a line that does not end its sentence is joined to the next one when that makes a target
 *    (or completes one: a year, a value on the next line); every joined line is used;
 *  - dates, «№ …», school years and year phrases («в 2025 году», «к 2026 г.») are set aside, then
 *    every value is found: a comparison word («не менее», «не ниже», «до»…), a number as written,
 *    a unit («%», «балла», «человек») and «из 5» after it;
 *  - a number is a value only when it is bound («не менее 2»), has a unit («100 %») or follows a dash
 *    or a colon and ends the statement («Количество пар — 12»): «Провести 2 встречи» is not a target,
 *    nor is a sentence that starts with an infinitive («Провести не менее 2 встреч»);
 *  - the words before the first value name the indicator; words after a value («… 15 % педагогов»)
 *    narrow it; «…, доля педагогов — 20 %» starts another one; a year belongs to the value it
 *    stands next to, and a sentence's only year holds for all its values.
 *
 * The schema's target has one year: a school year («в 2024–2025 учебном году») or a span of years
 * stays in the indicator's words.
 */

export interface ImportedTarget {
  indicator: string;
  value: number | string;
  unit?: string;
  year?: number;
}

export function readTargets(lines: string[]): { targets: ImportedTarget[]; used: Set<number> } {
  const targets: ImportedTarget[] = [];
  const used = new Set<number>();
  for (const group of sentenceGroups(lines)) {
    const found = sentencesOf(joinLines(group.map((i) => lines[i]))).map(targetsOf);
    if (!found.some((f) => f.length)) continue;
    targets.push(...found.flat());
    // A line that also says something else stays in the notes too: a target shown twice beats text lost.
    if (found.every((f) => f.length)) for (const i of group) used.add(i);
    // «Целевые показатели:» right above is the title of the field the targets went to.
    const above = group[0] - 1;
    if (above >= 0 && !used.has(above) && isHeading(lines[above])) used.add(above);
  }
  return { targets, used };
}

/** «Целевые показатели:», «Ожидаемые результаты» — a heading line and nothing else. */
const isHeading = (line: string) => LABEL_ONLY.test(line.trim().replace(/[\s:.]+$/, ''));

// ---------------------------------------------------------------------------------------
// Lines → sentences

const countTargets = (text: string) => sentencesOf(text).reduce((n, s) => n + targetsOf(s).length, 0);

/** Runs of consecutive line indexes that make one statement. */
function sentenceGroups(lines: string[]): number[][] {
  const groups: number[][] = [];
  for (let i = 0; i < lines.length; ) {
    const group = [i];
    let text = lines[i].trim();
    for (let j = i + 1; j < lines.length && continues(text, lines[j].trim()); j++) {
      group.push(j);
      text = joinLines([text, lines[j]]);
    }
    groups.push(group);
    i = group[group.length - 1] + 1;
  }
  return groups;
}

/** Whether `next` carries on the statement `text` left unfinished, and joining them reads a target. */
function continues(text: string, next: string): boolean {
  if (!text || !next || /[.;!?:]$/.test(text)) return false;
  // A new list item or a capitalised line is a new statement; a dash is one only before a value.
  if (/^(?:\d+[.)]\s|[-–—•·▪*]\s+(?!не\s|до\s|от\s|\d))/i.test(next) || !/^[a-zа-яё\d%(«"—–-]/.test(next)) return false;
  const before = countTargets(text);
  const joined = joinLines([text, next]);
  if (!before) return countTargets(joined) > 0;
  if (countTargets(next)) return false; // «Доля обучающихся — 10 %» / «доля педагогов — 20 %»: two statements
  // A complete target takes the next line only when it was cut off («… не менее 15 %» / «в 2026 году.»).
  return UNFINISHED.test(text) || stripYears(next) === '';
}

/** A line ending on a comma, a dash, a preposition or a comparison word goes on. */
const UNFINISHED = /(?:[,—–-]|(?<![а-яё])(?:и|или|а|в|во|на|к|из|от|до|по|для|с|со|не менее|не ниже|не более|не выше|чем))$/i;

function joinLines(lines: string[]): string {
  // «настав-» / «ничество»: a word broken by a hyphen is one word again.
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .reduce((text, line) => (/[а-яё]-$/i.test(text) && /^[а-яё]/.test(line) ? text.slice(0, -1) + line : text ? `${text} ${line}` : line), '');
}

/** Sentences of a statement: «;» ends one, and so does «.» before a capital (not after an initial or «г.»). */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=;)\s+|(?<!(?:^|[\s(])[а-яёa-z])(?<=\.)\s+(?=[А-ЯЁ])/)
    .map((s) => s.trim())
    .filter((s) => /[а-яёa-z]/i.test(s));
}

// ---------------------------------------------------------------------------------------
// A sentence → targets

const NUM = String.raw`\d+(?:[.,]\d+)?`;
const UNIT = String.raw`%|процент[а-яё]*|балл[а-яё]*|человек[а-яё]*|чел\.|единиц[а-яё]*|ед\.|шт\.|пар[аы]?(?![а-яё])|раз[а]?(?![а-яё])|час(?:а|ов)?(?![а-яё])`;
/** Bounds that make a number a value by themselves. */
const STRONG = String.raw`не\s+(?:менее|ниже|более|выше|меньше|больше|свыше)(?:\s+чем)?`;
/** Bounds that need a unit or a dash before them: «от 10 до 18 лет» is an age, not a value. */
const WEAK = String.raw`более\s+чем|менее\s+чем|более|менее|свыше|выше|ниже|около|порядка|на\s+уровне|на|до|от`;
const VALUE = new RegExp(
  String.raw`(?<![а-яё\d.,/])(?:(${STRONG}|${WEAK})\s+)?(?<![\d.,/])((${NUM})(?:\s*(?:[-–—]|\s+до\s+)\s*${NUM})?)(?!\d|[.,/]\d)(?:\s*(${UNIT}))?(?:\s+(из\s+${NUM}(?:\s*(?:${UNIT}))?))?`,
  'gi',
);

/** «в 2025 году», «к 2026 г.», «2025 год»: a preposition or a «год» word makes a number a year. */
const YEAR = new RegExp(
  String.raw`(?:(?<![а-яё])(?:в|во|к|на|до|к\s+концу|по\s+итогам|в\s+течение)\s+)(20\d\d)(?![\d.,])(?:\s*(?:год[а-яё]*|гг?(?![а-яё])\.?))?|(?<![\d.,])(20\d\d)\s*(?:год[а-яё]*|г(?![а-яё])\.?)`,
  'gi',
);
/** What is never a value, kept as words: dates, numbers of documents, school years, spans of years. */
const NOT_VALUES = [
  /(?<!\d)\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)/g,
  /№\s*[\dа-яёa-z\-/.]+/gi,
  /(?<!\d)20\d\d\s*[-–—/]\s*(?:20)?\d\d(?!\d)(?:\s*(?:гг?\.?|уч[а-яё.]*\s*г[а-яё.]*|учебн[а-яё]*\s+год[а-яё]*))?/gi,
];

const mask = (s: string, re: RegExp) => s.replace(re, (m) => '§'.repeat(m.length));
function stripYears(text: string): string {
  return text
    .replace(YEAR, ' ')
    .replace(/[\s,.;:—–()-]+/g, ' ')
    .trim();
}

/** «Провести», «Организовать», «Обеспечить»: an event or a task, not an indicator. */
const INFINITIVE = /^[а-яё]+(?:[аеиоуяюыэ]ть|ться|[сз]ти|чь)$/i;
const LIST_MARK = /^\s*(?:\d+[.)]|[-–—•·▪*])\s+/;
const LABEL = /^[^:]*(?:показател|результат|ожида)[^:]*:\s*/i;
/** A heading word and nothing else: «Целевые показатели», «Ожидаемый результат». */
const LABEL_ONLY = /^(?:(?:целев|ожидаем|планируем)[а-яё]*\s+)?(?:показател|индикатор|результат)[а-яё]*$/i;
/** The verb between an indicator and its value: «составит», «увеличится до» (the «до» is the value's). */
const VERBS = String.raw`составит|составляет|составлять|достигнет|достигает|увеличится|увеличивается|возрастёт|возрастет|вырастет|повысится|снизится|сократится|уменьшится|будет|станет|равен|равна|равно`;
const LINKING = new RegExp(String.raw`(?:[\s,:—–-]|(?<![а-яё])(?:${VERBS})(?![а-яё]))+$`, 'i');
/** Words that end on such a verb name the next value: «…, а число наставников увеличится до 12». */
const ENDS_ON_VERB = new RegExp(String.raw`(?<![а-яё])(?:${VERBS})\s*$`, 'i');

interface Value {
  start: number;
  end: number;
  value: number | string;
  unit?: string;
  valid: boolean;
}
interface YearAt {
  start: number;
  end: number;
  year: number;
}

function targetsOf(sentence: string): ImportedTarget[] {
  const text = sentence.replace(LIST_MARK, '').replace(/\s+/g, ' ').trim();
  if (INFINITIVE.test(/^[а-яё]+/i.exec(text)?.[0] ?? '')) return [];

  const masked = NOT_VALUES.reduce(mask, text);
  const years: YearAt[] = [...masked.matchAll(YEAR)].map((m) => ({ start: m.index, end: m.index + m[0].length, year: Number(m[1] ?? m[2]) }));
  const bare = mask(masked, YEAR);

  const candidates: Value[] = [...bare.matchAll(VALUE)].map((m) => {
    // The masked text keeps every position, and numbers and bounds are never masked: the groups are as written.
    const [, bound, written, first, unit, outOf] = m;
    const value = bound ? `${bound.toLowerCase().replace(/\s+/g, ' ')} ${written}` : written !== first ? written : Number(first.replace(',', '.'));
    const units = [unit && (unit === '%' ? '%' : unit), outOf].filter(Boolean).join(' ');
    const strong = !!bound && new RegExp(`^${STRONG}$`, 'i').test(bound);
    return { start: m.index, end: m.index + m[0].length, value, ...(units ? { unit: units } : {}), valid: strong || !!unit || !!outOf };
  });
  // A bare number is a value after a dash or a colon when nothing but a year follows it.
  candidates.forEach((c, k) => {
    if (c.valid) return;
    const after = bare.slice(c.end, candidates[k + 1]?.start ?? bare.length);
    c.valid = /[—–:-]\s*$/.test(bare.slice(0, c.start)) && /^[\s§,.;:)—–-]*$/.test(after) && (k === candidates.length - 1 || /[,;]/.test(after));
  });
  const values = candidates.filter((c) => c.valid);
  if (!values.length) return [];

  const words = (from: number, to: number) => {
    let s = text.slice(from, to);
    for (const y of years.filter((y) => y.start >= from && y.end <= to).reverse()) s = s.slice(0, y.start - from) + ' ' + s.slice(y.end - from);
    return s.replace(/\s+/g, ' ');
  };
  const yearsIn = (from: number, to: number) => years.filter((y) => y.start >= from && y.end <= to);
  const tidy = (s: string) =>
    s
      .replace(/^[\s,;:—–.)-]+|[\s,;:—–.(-]+$/g, '')
      .replace(/^(?:и|а|или)\s+|\s+(?:и|а|или)$/gi, '')
      .trim();
  /** The words that name an indicator, without a label, a trailing dash or «составит». */
  const name = (s: string) => {
    let n = tidy(s.replace(LINKING, ''));
    if (/:\s*$/.test(s.replace(/[\s—–-]+$/, '')) && LABEL_ONLY.test(n)) return ''; // «Результат: 100 % педагогов …»
    const unlabelled = n.replace(LABEL, '');
    if (unlabelled !== n && /[а-яё]{5}/i.test(unlabelled)) n = unlabelled;
    return tidy(n);
  };

  // The sentence's head: before the first value; a year right before that value is its own.
  const first = values[0];
  const adjacent = (y: YearAt, at: number) => /^[\s,:—–-]*$/.test(bare.slice(y.end, at).replace(LINKING, ''));
  const headYears = yearsIn(0, first.start);
  const ownFirst = headYears.find((y) => adjacent(y, first.start));
  const head = name(words(0, first.start));
  const distinct = new Set(years.map((y) => y.year));
  const common = distinct.size === 1 ? [...distinct][0] : headYears.find((y) => y !== ownFirst)?.year;

  const targets: ImportedTarget[] = [];
  let ownHead = '';
  let ownYear = ownFirst?.year;
  values.forEach((v, k) => {
    const next = values[k + 1];
    const tailEnd = next?.start ?? text.length;
    // After this value: its own words and year up to the first «,», «;», «и»; after that, the
    // next value's words — when they name it («…, доля педагогов — 20 %») or only give its year.
    let split = tailEnd;
    let nextHead = '';
    let nextYear: number | undefined;
    if (next) {
      const sep = /,|;|\s(?:и|а|или)\s/i.exec(bare.slice(v.end, tailEnd));
      if (sep) {
        const at = v.end + sep.index + sep[0].length;
        const rest = words(at, tailEnd);
        const restYears = yearsIn(at, tailEnd);
        if (/[—–:-]\s*$/.test(rest) || !tidy(rest) || ENDS_ON_VERB.test(rest)) {
          split = v.end + sep.index;
          nextHead = name(rest);
          nextYear = restYears.find((y) => adjacent(y, tailEnd))?.year ?? restYears[0]?.year;
        }
      }
    }
    const narrowing = tidy(words(v.end, split));
    const year = ownYear ?? yearsIn(v.end, split)[0]?.year ?? common;
    const indicator = [ownHead || head, narrowing].filter(Boolean).join(' ');
    if (/[а-яёa-z]{5}/i.test(indicator.replace(/\s+/g, ''))) {
      targets.push({ indicator, value: v.value, ...(v.unit ? { unit: v.unit } : {}), ...(year !== undefined ? { year } : {}) });
    }
    ownHead = nextHead;
    ownYear = nextYear;
  });
  return targets;
}
