/**
 * Search results that land on a roadmap's row (src/lib/search/sub-results.ts), computed from the
 * anchors Pagefind returns with each result. The browser test (tests/search.test.ts) checks the
 * same on the built site with the real index.
 */
import { describe, expect, it } from 'vitest';
import { isRowAnchor, queryTerms, rowResults, termOf, type PagefindAnchor } from '../src/lib/search/sub-results.ts';

/** A page as Pagefind reads it: words, and the elements with ids where they start. */
function page(parts: (string | { element: string; id: string })[], match: (word: string) => boolean) {
  const words: string[] = [];
  const anchors: PagefindAnchor[] = [];
  for (const part of parts) {
    if (typeof part === 'string') words.push(...part.split(' '));
    else anchors.push({ ...part, location: words.length });
  }
  const locations = words.flatMap((w, i) => (match(w) ? [i] : []));
  return { url: '/base/dorozhnye-karty/kayalinskaya/', content: words.join(' '), locations, anchors };
}

const plan = [
  { element: 'h1', id: 'title' },
  'Дорожная карта школы',
  { element: 'h2', id: 'plan' },
  'План мероприятий',
  { element: 'tbody', id: 'etap-2' },
  'Формирование базы наставляемых анкетирование',
  { element: 'tr', id: 'p-2-1' },
  '2.1 Проведение анкетирования среди обучающихся и педагогов, желающих принять участие в программе наставничества Январь 2023 Зам. директора по УВР',
  { element: 'tr', id: 'p-2-2' },
  '2.2 Сбор согласий Январь 2023 Зам. директора',
  { element: 'tr', id: 'p-2-3' },
  '2.3 Повторное анкетирование наставников и анкетирование наставляемых Май 2023',
  { element: 'tbody', id: 'etap-3' },
  'Работа пар',
];

describe('search results that land on the row', () => {
  it('links the rows that hold the matches, most matches first, not the stage header or the page’s headings', () => {
    const found = rowResults(page(plan, (w) => /^анкетирован/i.test(w)));
    expect(found.map((r) => r.url)).toEqual(['/base/dorozhnye-karty/kayalinskaya/#p-2-3', '/base/dorozhnye-karty/kayalinskaya/#p-2-1']);
    expect(found.map((r) => r.matches)).toEqual([2, 1]);
  });

  it('shows a row by its opening words (its number first) with the matches marked, and says when it is cut', () => {
    const [row] = rowResults(
      page(plan, (w) => w === 'Проведение'),
      { words: 5 },
    );
    expect(row.words.map((w) => w.text).join(' ')).toBe('2.1 Проведение анкетирования среди обучающихся');
    expect(row.words.filter((w) => w.match).map((w) => w.text)).toEqual(['Проведение']);
    expect(row.cut).toBe(true);
    const [short] = rowResults(
      page(plan, (w) => w === 'согласий'),
      { words: 50 },
    );
    expect(short.words.map((w) => w.text).join(' ')).toBe('2.2 Сбор согласий Январь 2023 Зам. директора');
    expect(short.cut).toBe(false);
  });

  it('gives nothing for a page whose matches are outside rows, and keeps at most the limit', () => {
    expect(rowResults(page(plan, (w) => w === 'План' || w === 'пар'))).toEqual([]);
    expect(
      rowResults(
        page(plan, (w) => w === 'Январь'),
        { limit: 1 },
      ),
    ).toHaveLength(1);
  });

  it('takes roadmap rows and regulation clauses, not other ids', () => {
    expect(isRowAnchor({ element: 'tr', id: 'm-2-4', location: 0 })).toBe(true);
    expect(isRowAnchor({ element: 'p', id: 'p-2-3-1', location: 0 })).toBe(true);
    expect(isRowAnchor({ element: 'h2', id: 'p-2', location: 0 })).toBe(false);
    expect(isRowAnchor({ element: 'tbody', id: 'etap-1', location: 0 })).toBe(false);
    expect(isRowAnchor({ element: 'p', id: 'note', location: 0 })).toBe(false);
  });
});

describe('rows that hold the query’s different words come first', () => {
  const staffing = [
    { element: 'h1', id: 'title' },
    'План',
    { element: 'tr', id: 'p-3-1' },
    '3.1 Анкетирование потенциальных наставников из числа педагогов',
    { element: 'tr', id: 'p-3-3' },
    '3.3 Формирование базы наставников: наставников 19',
    { element: 'tr', id: 'p-5-1' },
    '5.1 Встреча, анкетирование после встречи',
  ];
  const either = (w: string) => /^(анкетирован|наставник)/i.test(w);

  it('shows only the rows with every word of the query when some row has them all', () => {
    const found = rowResults(page(staffing, either), { terms: queryTerms('анкетирование наставников') });
    expect(found.map((r) => r.id)).toEqual(['p-3-1']);
  });

  it('ranks by the number of different words, then by matches, when no row has them all', () => {
    const found = rowResults(
      page(staffing.slice(0, 6), (w) => /^(наставник|анкетирован)/i.test(w)),
      { terms: queryTerms('анкетирование наставников отчёт') },
    );
    expect(found.map((r) => r.id)).toEqual(['p-3-1', 'p-3-3']);
  });

  it('tells which term a matched word stands for by its start, «ё» as «е», punctuation aside', () => {
    const terms = queryTerms('Анкетирование  «наставников» ученик–ученик отчёт');
    expect(terms).toEqual(['анкетирование', 'наставников', 'ученик', 'отчет']);
    expect(termOf('анкетирования', terms)).toBe(0);
    expect(termOf('наставниками,', terms)).toBe(1);
    expect(termOf('«Ученики»', terms)).toBe(2);
    expect(termOf('отчёта', terms)).toBe(3);
    expect(termOf('план', terms)).toBe(-1);
  });
});
