import { describe, expect, it } from 'vitest';
import { countOf, formatDate, formatMonth, inSentence, plural, WORDS, yearSpan } from '../src/lib/format.ts';
import { typo } from '../src/lib/typography.ts';
import { splitBullets } from '../src/lib/inline-list.ts';

describe('Russian formatting', () => {
  it('agrees nouns with numbers', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111].map((n) => countOf(n, WORDS.mentor))).toEqual([
      '1\u00a0наставник',
      '2\u00a0наставника',
      '5\u00a0наставников',
      '11\u00a0наставников',
      '21\u00a0наставник',
      '22\u00a0наставника',
      '25\u00a0наставников',
      '101\u00a0наставник',
      '111\u00a0наставников',
    ]);
    expect(plural(3, WORDS.practice)).toBe('практики');
  });

  it('writes dates the Russian way', () => {
    expect(formatDate(new Date(Date.UTC(2024, 1, 12)))).toBe('12 февраля 2024 г.');
    expect(formatMonth(new Date(Date.UTC(2023, 0, 1)))).toBe('январь 2023 г.');
    expect(yearSpan([2024, 2023])).toBe('2023–2024');
    expect(yearSpan([2025])).toBe('2025');
  });

  it('typesets quotes, dashes and non-breaking spaces', () => {
    const out = typo('Форма "ученик - ученик" и в 2024 г. - это важно');
    expect(out).toContain('«ученик');
    expect(out).toContain('—');
    expect(out).toMatch(/и\u00a0в/);
    expect(out).not.toContain('"');
  });
});

describe('document text kept as written', () => {
  it('typography leaves the blanks of an unfilled order («от ..2020 №») alone', () => {
    expect(typo('Утвержден приказом от ..2020 №')).toMatch(/от\s\.\.2020/);
  });

  it('an inline bullet list from Word splits into its lead and items, losing no words', () => {
    const text = 'Завершение наставничества: · подведение итогов работы; · проведение открытого публичного мероприятия.';
    const { lead, items } = splitBullets(text);
    expect(lead).toBe('Завершение наставничества:');
    expect(items).toEqual(['подведение итогов работы;', 'проведение открытого публичного мероприятия.']);
    expect(splitBullets('Без списка').items).toEqual([]);
  });
});

describe('a name inside a sentence', () => {
  it('a form name in a title keeps lower case; an abbreviation keeps its capitals', () => {
    expect(inSentence('Ученик – ученик')).toBe('ученик – ученик');
    expect(inSentence('ученик – ученик')).toBe('ученик – ученик');
    expect(inSentence('ИТ-класс – ученик')).toBe('ИТ-класс – ученик');
    expect(inSentence('')).toBe('');
  });
});
