/**
 * One word to the search however its dashes, quotes and «ё» are typed (src/lib/search/normalise.ts):
 * the query a visitor types and the text Pagefind indexes are brought to the same form, and what
 * the index keeps is turned back into the page's own characters before a reader sees it.
 */
import { describe, expect, it } from 'vitest';
import { DASHES, fromIndex, JOINERS, MARKED, MARKS, normaliseQuery, QUOTES, toIndex } from '../src/lib/search/normalise.ts';
import { indexableHtml } from '../src/lib/search/index-html.ts';
import { queryTerms, rowResults, termsOf } from '../src/lib/search/sub-results.ts';

describe('the query', () => {
  it('«ученик-ученик», «ученик – ученик», «ученик—ученик» and every other dash give one query', () => {
    const variants = ['ученик-ученик', 'ученик – ученик', 'ученик—ученик', 'ученик ‑ ученик', ...[...DASHES].map((d) => `ученик${d}ученик`)];
    for (const variant of variants) expect(normaliseQuery(variant), variant).toBe('ученик ученик');
  });

  it('quotes of every kind are dropped, «ё» is «е», case and spacing do not matter', () => {
    for (const quoted of ['«Точка роста»', '„Точка роста“', '"Точка роста"', "'Точка роста'", '“Точка роста”', '‘Точка роста’', '‹Точка роста›']) {
      expect(normaliseQuery(quoted), quoted).toBe('точка роста');
    }
    expect(normaliseQuery('  Отчёт   о  Ёлке ')).toBe('отчет о елке');
    expect(normaliseQuery('«Учитель – учитель»')).toBe(normaliseQuery('учитель-учитель'));
    expect(normaliseQuery('—')).toBe('');
  });

  it('«№» and the word joiner of «273-\u2060ФЗ» are spaces: Pagefind would look for an empty word', () => {
    expect(normaliseQuery('№ 273-ФЗ')).toBe('273 фз');
    expect(normaliseQuery('№273-\u2060ФЗ')).toBe('273 фз');
    expect(normaliseQuery('Федеральный\u00a0закон')).toBe('федеральный закон');
  });

  it('knows every quote the brief names', () => {
    for (const q of '«»„“"\'') expect(QUOTES).toContain(q);
    for (const d of '-‐‑‒–—―−') expect(DASHES).toContain(d);
    // The patterns spell the lists out again: each of them is a space or nothing in a query.
    for (const d of DASHES) expect(normaliseQuery(`а${d}б`), d).toBe('а б');
    for (const q of QUOTES) expect(normaliseQuery(`а${q}б`), q).toBe('аб');
  });
});

describe('the text Pagefind indexes', () => {
  it('marks dashes and typographic quotes with ASCII punctuation, so Pagefind splits the words there', () => {
    const indexed = toIndex('2026–2028 «коллега»–совместная учитель‑ученик');
    // Pagefind splits a word into parts only at ASCII punctuation (pagefind/src/fossick/splitting.rs).
    expect(indexed).toMatch(/^[\x20-\x7E\u0400-\u04FF]+$/);
    const parts = (word: string) => word.split(/[\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]+/).filter(Boolean);
    expect(indexed.split(' ').map(parts)).toEqual([
      ['2026', '2028'],
      ['коллега', 'совместная'],
      ['учитель', 'ученик'],
    ]);
    // No whitespace is added: Pagefind counts words between spaces, and the row anchors count the same way.
    expect(indexed.split(' ')).toHaveLength(3);
  });

  it('splits «273-\u2060ФЗ» (typography’s word joiner after the hyphen) into «273» and «ФЗ»', () => {
    const indexed = toIndex('№\u00a0273-\u2060ФЗ');
    expect(indexed).toMatch(/^№\u00a0273-`[!-/:-@[-`{-~]`ФЗ$/);
    expect(fromIndex(indexed)).toBe('№\u00a0273-\u2060ФЗ');
  });

  it('has an ASCII mark for every dash and quote that is not ASCII, and reads each back', () => {
    const nonAscii = [...DASHES, ...QUOTES, ...JOINERS].filter((c) => c > '~');
    expect([...MARKED].sort()).toEqual(nonAscii.sort());
    expect(new Set(MARKS).size).toBe(MARKED.length);
    for (const [i, c] of [...MARKED].entries()) {
      expect(toIndex(`а${c}б`), c).toBe(`а\`${MARKS[i]}\`б`);
      expect(fromIndex(toIndex(`а${c}б`)), c).toBe(`а${c}б`);
    }
    expect(MARKS).toMatch(/^[!-/:-@[-`{-~]+$/);
    expect(MARKS).not.toMatch(/[&<>"'`]/);
  });

  it('gives the reader the page’s own characters back', () => {
    const text = 'Форма «ученик – ученик»: 2026–2028, тел. 000‑00‑31, „лапки“ и ‘одиночные’ — и `код` с обратными кавычками';
    expect(fromIndex(toIndex(text))).toBe(text);
    // In an excerpt with Pagefind's marks around a whole word.
    expect(fromIndex(`<mark>${toIndex('«ученик–ученик»')}</mark>`)).toBe('<mark>«ученик–ученик»</mark>');
  });

  it('changes only the words of the indexed part of a page: markup, filters, metadata, ignored parts and scripts stay', () => {
    const html = [
      '<!doctype html><html lang="ru"><head><title>Форма «Ученик – ученик»</title></head><body>',
      '<header><a href="/">Раздел «Наставничество»</a></header>',
      '<main data-pagefind-body><h1 id="t" title="«атрибут»">Форма «Ученик – ученик»</h1>',
      '<p>Сроки: 2026–2028 <b>ученик</b>–ученик</p>',
      '<div hidden data-pagefind-ignore><span data-pagefind-meta="title">Форма «Ученик – ученик»</span>',
      '<span data-pagefind-filter="form">Ученик – ученик</span></div>',
      '<script>var dash = "–";</script><style>q::before{content:"«"}</style></main>',
      '<footer>© «Школа»</footer></body></html>',
    ].join('');
    const out = indexableHtml(html);
    expect(out).toContain(`<h1 id="t" title="«атрибут»">${toIndex('Форма «Ученик – ученик»')}</h1>`);
    expect(out).toContain(`<p>${toIndex('Сроки: 2026–2028 ')}<b>ученик</b>${toIndex('–ученик')}</p>`);
    expect(out).toContain('<span data-pagefind-meta="title">Форма «Ученик – ученик»</span>');
    expect(out).toContain('<span data-pagefind-filter="form">Ученик – ученик</span>');
    expect(out).toContain('<script>var dash = "–";</script><style>q::before{content:"«"}</style>');
    expect(out).toContain('<title>Форма «Ученик – ученик»</title>');
    expect(out).toContain('<header><a href="/">Раздел «Наставничество»</a></header>');
    expect(out).toContain('<footer>© «Школа»</footer>');
    // Nothing else moves: only the marked characters differ.
    expect(fromIndex(out)).toBe(html);
  });

  it('leaves a page without an indexed part as it is', () => {
    const html = '<html><body><p>2026–2028 «текст»</p></body></html>';
    expect(indexableHtml(html)).toBe(html);
  });
});

describe('the rows a result links to', () => {
  it('a word joined by any dash stands for each of its parts', () => {
    const terms = queryTerms('учитель – ученик');
    expect(terms).toEqual(['учитель', 'ученик']);
    for (const word of ['учитель–ученик', 'Учитель-ученик»,', '«учитель—ученика', 'учителя‑ученики']) {
      expect(termsOf(word, terms).sort(), word).toEqual([0, 1]);
    }
    expect(termsOf('ученик', terms)).toEqual([1]);
    expect(termsOf('план', terms)).toEqual([]);
  });

  it('«ученик-ученик», «ученик – ученик» and «ученик—ученик» rank the rows alike', () => {
    const content = toIndex('Форма 1.1 Пары учитель–ученик и учитель 1.2 Пары ученик – ученик 1.3 Прочее ученик');
    const words = content.split(' ');
    const locations = words.flatMap((w, i) => (/учени|учител/i.test(fromIndex(w)) ? [i] : []));
    const at = (text: string) => words.findIndex((w) => w === text);
    const fragment = {
      url: '/formy/x/',
      content,
      locations,
      anchors: [
        { element: 'p', id: 'p-1-1', location: at('1.1') },
        { element: 'p', id: 'p-1-2', location: at('1.2') },
        { element: 'p', id: 'p-1-3', location: at('1.3') },
      ],
    };
    const ranked = (query: string) => rowResults(fragment, { terms: queryTerms(query) }).map((r) => r.id);
    const variants = ['учитель-ученик', 'учитель – ученик', 'учитель—ученик', 'учитель‑ученик'].map(ranked);
    for (const found of variants) expect(found).toEqual(variants[0]);
    // The row with both words, written with an en dash and no spaces, is the one offered.
    expect(variants[0]).toEqual(['p-1-1']);
    // The row's words are the page's own: the dash as written, not the index's mark.
    const [row] = rowResults(fragment, { terms: queryTerms('учитель–ученик') });
    expect(row.words.map((w) => w.text).join(' ')).toBe('1.1 Пары учитель–ученик и учитель');
  });
});
