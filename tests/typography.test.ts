/**
 * The site's typography (src/lib/typography.ts) sets spaces, dashes and quotes, and nothing else:
 * a document's words, brackets and punctuation come out as they went in. Each row of the table is
 * an input and what the page must show; the invariant below checks every row (and the seed
 * documents, line by line) against the rule «only spaces and dashes change kind, a typed straight
 * quote may become a «ёлочка»».
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Typograf from 'typograf';
import { KEPT_RULES, typo } from '../src/lib/typography.ts';
import { SEEDS } from './helpers/project.ts';

const NBSP = '\u00a0';
/** U+2060 WORD JOINER: no line break on either side, invisible, ignored by search and find. */
const WJ = '\u2060';

/** What may differ between a text and its typeset form: the kind of a space or a dash («--» typed for one); a straight quote's shape; a word joiner. */
const same = (text: string) =>
  text
    .replace(/\u2060/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[-\u2010-\u2015\u2212]+/g, '-')
    .replace(/["«»„“]/g, '"');

const cases: [what: string, input: string, output: string][] = [
  // Brackets and the words around them stay as typed.
  ['a bracket inside a word', 'приказ(ы) о закреплении', `приказ(ы) о${NBSP}закреплении`],
  ['a bracket right after a word', 'программа(проект)', 'программа(проект)'],
  ['spaces inside brackets', '( см. приложение )', `( см.${NBSP}приложение )`],
  ['a bracket after a number', 'Приложение 1(форма)', 'Приложение 1(форма)'],
  // Law numbers: «№» tied to the number, the hyphen of «273-ФЗ» never a line end.
  ['a federal law', 'от 29.12.2012 № 273-ФЗ', `от${NBSP}29.12.2012 №${NBSP}273-${WJ}ФЗ`],
  ['a law number without «№»', 'Федеральный закон 152-ФЗ', `Федеральный закон 152-${WJ}ФЗ`],
  ['an order number with a letter', 'от 25.12.2019 г. № Р-145', `от${NBSP}25.12.2019${NBSP}г. №${NBSP}Р-145`],
  ['a Latin N for «№»', 'от 23.01.2020 N МР-42/02', `от${NBSP}23.01.2020 N${NBSP}МР-42/02`],
  ['«№» written close', 'школа №28', 'школа №28'],
  ['a blank number left to fill in', 'Утвержден приказом от ..2020 №', `Утвержден приказом от${NBSP}..2020 №`],
  ['an ordinal', 'на 5-й год', `на${NBSP}5-${WJ}й год`],
  [
    'an address written out',
    'сайт https://school2.ru/2020-plan и почта 2020-plan@school2.ru',
    `сайт https://school2.ru/2020-plan и${NBSP}почта 2020-plan@school2.ru`,
  ],
  // Dates and years.
  ['a date in figures', 'до 30.04.2022', `до${NBSP}30.04.2022`],
  ['a date in words', 'до 10 сентября 2020', `до${NBSP}10${NBSP}сентября 2020`],
  ['a year with «г.»', 'в 2020 г. принят', `в${NBSP}2020${NBSP}г. принят`],
  ['a year range', '2023-2024 гг.', `2023–2024${NBSP}гг.`],
  ['a year range typed with a space', 'на 2023- 2024 учебный год', `на${NBSP}2023- 2024 учебный год`],
  ['an ISO date stays ISO', 'с 2020-09-01', `с${NBSP}2020-09-01`],
  ['a month range', 'январь-март', 'январь–март'],
  // Quotes: straight ones become «ёлочки», typed ones stay as typed.
  ['straight quotes', 'письмо "О направлении"', `письмо «О${NBSP}направлении»`],
  ['straight quotes inside «ёлочки»', '«Школа "Лидер"»', '«Школа „Лидер“»'],
  ['«ёлочки» inside «ёлочки» kept', 'МОУ «Школа «Лидер»»', 'МОУ «Школа «Лидер»»'],
  ['English quotes kept', 'проект “Старт”', 'проект “Старт”'],
  ['an apostrophe kept', "Д'Артаньян", "Д'Артаньян"],
  // Dashes.
  ['a spaced hyphen between words', 'ученик - ученик', `ученик${NBSP}— ученик`],
  ['an en dash between words', 'ученик – ученик', `ученик${NBSP}— ученик`],
  ['a dash typed as two hyphens', 'ученик -- ученик', `ученик${NBSP}— ученик`],
  ['a hyphen touching one word only', 'работодатель -ученик', 'работодатель -ученик'],
  ['a dash touching quotes', '«коллега –молодой коллега»–совместная', '«коллега –молодой коллега»–совместная'],
  ['a compound word', 'СОШ-сад', 'СОШ-сад'],
  ['«из-за» not made from «из за»', 'из за погоды', `из${NBSP}за${NBSP}погоды`],
  ['«как-то» not made from «как то»', 'такие, как то: беседы', `такие, как${NBSP}то: беседы`],
  // Abbreviations and initials: spaces that are there become non-breaking, none is added.
  ['«т. е.»', 'т. е. наставник', `т.${NBSP}е. наставник`],
  ['«т.е.» written close', 'т.е. наставник', 'т.е. наставник'],
  ['«и т. д.»', 'база и т. д.', `база и${NBSP}т.${NBSP}д.`],
  ['initials before a surname', 'Исакова Н. Р. и А. Г. Гаммакуева', `Исакова${NBSP}Н. Р. и${NBSP}А.${NBSP}Г.${NBSP}Гаммакуева`],
  ['initials written close', 'А.Г.Гаммакуева', 'А.Г.Гаммакуева'],
  ['«им.»', 'СОШ-сад им. Б. Рамазанова', `СОШ-сад им.${NBSP}Б. Рамазанова`],
  ['a village', 'с.Селиваново', 'с.Селиваново'],
  ['a clause reference', 'ст. 10.1 и п. 2.2', `ст.${NBSP}10.1 и${NBSP}п.${NBSP}2.2`],
  // Punctuation as typed: no commas added, none removed, no ellipsis or symbols made.
  ['no comma before «а»', 'Мы учимся а они учат', `Мы${NBSP}учимся а${NBSP}они учат`],
  ['three dots', 'и так далее...', `и${NBSP}так далее...`],
  ['a colon without a space', 'Задача:сбор', 'Задача:сбор'],
  ['a comma without a space', 'МОУ «Средняя школа № 2»,в том числе', `МОУ «Средняя школа №${NBSP}2»,в том числе`],
  ['a space before a comma', 'наставник , наставляемый', 'наставник , наставляемый'],
  ['«(c)» and fractions', '(c) 1/2 ставки, 10 x 5', `(c) 1/2 ставки, 10 x${NBSP}5`],
  ['double punctuation', 'итоги!! Что дальше?!', 'итоги!! Что дальше?!'],
  ['a Latin letter in a Russian word', 'Cовет', 'Cовет'],
  ['a phone number', 'тел. 8 (817) 552-12-34', 'тел. 8 (817) 552-12-34'],
  ['an arrow', 'план -> отчёт', `план -> отчёт`],
  ['a degree', 'при 20 C', `при${NBSP}20 C`],
  ['«2020год»', 'в 2020году', `в${NBSP}2020году`],
];

describe('typography keeps a document’s wording', () => {
  it.each(cases)('%s', (_what, input, output) => {
    expect(typo(input)).toBe(output);
  });

  it.each(cases)('%s: only spaces, dashes and straight quotes change kind', (_what, input) => {
    expect(same(typo(input))).toBe(same(input));
  });

  it('every line of the seed documents comes out with the same words, brackets and punctuation', () => {
    const changed: string[] = [];
    for (const file of ['000_92cfe020492d1e8c.txt', '001_aa8843fff351d2b5.txt', '003_d4ef5299309bf860.txt'])
      for (const line of readFileSync(join(SEEDS, file), 'utf8').split('\n')) {
        const text = line.trim();
        if (text && same(typo(text)) !== same(text)) changed.push(`${file}: ${text.slice(0, 100)}`);
      }
    expect(changed).toEqual([]);
  });

  it('a law number is one unbreakable unit and still reads as typed', () => {
    const out = typo('Федеральным Законом «Об образовании в Российской Федерации» от 29.12.2012 года № 273-ФЗ');
    expect(out).toContain(`№${NBSP}273-${WJ}ФЗ`);
    // What a reader copies or searches for is the text with its ordinary hyphen.
    expect(out.replace(/\u2060/g, '').replace(/\u00a0/g, ' ')).toContain('№ 273-ФЗ');
  });

  it('keeps only rules that exist in the installed Typograf (a renamed rule would silently do nothing)', () => {
    const known = new Set(Typograf.getRules().map((rule) => rule.name));
    expect(KEPT_RULES.filter((name) => !known.has(name))).toEqual([]);
  });

  it('trims a text (a Markdown text node keeps its own neighbouring spaces: src/lib/markdown/typography.ts)', () => {
    expect(typo(' и ')).toBe('и');
    expect(typo('')).toBe('');
    expect(typo(undefined)).toBe('');
  });
});
