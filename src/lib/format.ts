/** Russian dates and plurals through the platform's ICU (Intl): no hand-made month tables. */
import { plural } from './plural.ts';

const fullDate = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('ru-RU', { month: 'short', timeZone: 'UTC' });

/** «12 февраля 2024 г.» */
export const formatDate = (date: Date) => fullDate.format(date);
/** «февраль 2024 г.» */
export const formatMonth = (date: Date) => monthYear.format(date);
/** «февр.» */
export const formatShortMonth = (date: Date) => shortMonth.format(date);
/** ISO calendar date «2024-02-12» (dates are UTC midnights). */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
/** «12.02.2024», as dates are written in documents and messages. */
export const numericDate = (date: Date) => isoDate(date).split('-').reverse().join('.');

const decimal = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });
/** «1\u00a0250», «0,75»: a figure the Russian way, at most two decimals. */
export const formatNumber = (value: number) => decimal.format(value);

/** «5 наставников», with a non-breaking space so the number never stands alone at a line end. */
export const countOf = (count: number, forms: readonly [string, string, string]) => `${count}\u00a0${plural(count, forms)}`;

/**
 * A count after «из»: «из 31 мероприятия», «из 24 мероприятий», «из 1 мероприятия». The genitive
 * singular after a number ending in 1 (not 11) — the same word as countOf's form after 2–4 — and
 * the genitive plural otherwise.
 */
export const countAfterOf = (count: number, [, few, many]: readonly [string, string, string]) => `${count}\u00a0${plural(count, [few, many, many])}`;

export const WORDS = {
  mentor: ['наставник', 'наставника', 'наставников'],
  practice: ['практика', 'практики', 'практик'],
  organization: ['организация', 'организации', 'организаций'],
  form: ['форма', 'формы', 'форм'],
  item: ['мероприятие', 'мероприятия', 'мероприятий'],
  pair: ['пара', 'пары', 'пар'],
  year: ['год', 'года', 'лет'],
  document: ['документ', 'документа', 'документов'],
} as const;

/** «2023–2024» or «2025». */
export function yearSpan(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * A name as it reads inside a sentence or after a heading's first words: «Ученик – ученик» →
 * «ученик – ученик» (the editors write form names capitalised, as they open list items and cards).
 * A name that starts with an abbreviation («ИТ-класс», «СПО») keeps its capitals.
 */
export const inSentence = (name: string) => (/^\p{Lu}\p{Ll}/u.test(name) ? name[0].toLocaleLowerCase('ru') + name.slice(1) : name);

/** «1 сентября 2026 г. — 30 июня 2027 г.» */
export const dateRange = (from: Date, to: Date) => `${formatDate(from)} — ${formatDate(to)}`;

export { plural };
