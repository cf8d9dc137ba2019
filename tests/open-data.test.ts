/**
 * Issue 22, item 6 (no build): the open data's structure comes from the schemas (the editor's field
 * names) and the declaration of public fields; the CSV holds what the JSON holds; a passport's dates
 * come from the entries and the build date, never made up; the feed's lastBuildDate and the
 * sitemap's lastmod come from the content; the sitemap leaves out the editor, the embeds and the
 * search page, and nothing else. The built files: tests/open-data-build.test.ts, tests/feeds-build.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { dataCsv } from '../src/lib/open-data/csv.ts';
import { dateSpan, ownDates } from '../src/lib/open-data/dates.ts';
import { feedLastBuildDate } from '../src/lib/open-data/feed.ts';
import { makePassport, metaCsv, PASSPORT_LABELS, STANDARD, type PassportInput } from '../src/lib/open-data/passport.ts';
import { pageDates, sitemapRules, type SitemapEntry } from '../src/lib/open-data/sitemap.ts';
import { csvColumns, flatFields, jsonSchema, structureOf, structureRows, structureVersion } from '../src/lib/open-data/structure.ts';
import { PUBLIC_COLLECTIONS } from '../src/lib/public-fields.ts';
import { expectedFields, parseCsv } from './helpers/open-data.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = day('2026-11-23');

describe('the structure of each data set', () => {
  it.each(PUBLIC_COLLECTIONS)('%s: every field at every level, named as the schema and public-fields.ts name it', (collection) => {
    const made = flatFields(structureOf(collection)).map((f) => ({ path: f.path, title: f.title, column: f.column }));
    const expected = expectedFields(collection);
    const byPath = (list: { path: string }[]) => [...list].sort((a, b) => a.path.localeCompare(b.path));
    expect(byPath(made)).toEqual(byPath(expected));
    expect(made.length).toBeGreaterThan(5);
  });

  it.each(PUBLIC_COLLECTIONS)('%s: the CSV columns are the fields outside lists; structure.csv describes each field in its order', (collection) => {
    const columns = csvColumns(collection);
    expect(new Set(columns)).toEqual(
      new Set(
        expectedFields(collection)
          .filter((f) => f.column)
          .map((f) => f.path),
      ),
    );
    const rows = structureRows(collection);
    expect(rows.map((r) => r[0])).toEqual(flatFields(structureOf(collection)).map((f) => f.path));
    // Each description starts with the field's name: the editor's words.
    for (const [path, english, russian] of rows) {
      expect(english).toBe('');
      expect(russian.startsWith(expectedFields(collection).find((f) => f.path === path)!.title)).toBe(true);
    }
  });

  it('says what a closed list, a reference, a date and a list are', () => {
    const rows = new Map(structureRows('practices').map((r) => [r[0], r]));
    expect(rows.get('organization')![2]).toContain('id записи набора «Организации»');
    expect(rows.get('published')![3]).toBe('date');
    expect(rows.get('years')![3]).toBe('array');
    expect(rows.get('years')![2]).toContain('в CSV — массив JSON в одной ячейке');
    expect(rows.get('participants.pairs')![3]).toBe('integer');
    const roadmaps = new Map(structureRows('roadmaps').map((r) => [r[0], r]));
    expect(roadmaps.get('stages[].items[].effectiveStatus')![2]).toContain('overdue — просрочено');
    expect(roadmaps.get('targets[].value')![3]).toBe('number|string');
    // Closed lists added later carry their labels too, not bare keys.
    expect(roadmaps.get('period.origin')![2]).toContain('events — определён по срокам мероприятий');
  });

  it.each(PUBLIC_COLLECTIONS)('%s: every closed list gives each key its Russian label', (collection) => {
    const lists = flatFields(structureOf(collection)).filter((f) => f.values);
    for (const field of lists) for (const [key, label] of Object.entries(field.values!)) expect(label, `${field.path}: ${key}`).not.toBe(key);
  });

  it('the JSON Schema names each field and allows nothing undeclared', () => {
    const schema = jsonSchema('mentors', 'https://example.org/s.json', 'Наставники') as {
      items: { additionalProperties: boolean; properties: Record<string, { title: string }> };
    };
    expect(schema.items.additionalProperties).toBe(false);
    expect(schema.items.properties.position.title).toBe('должность или статус');
    expect(Object.keys(schema.items.properties)).not.toContain('consent');
    expect(Object.keys(schema.items.properties)).not.toContain('minor');
  });

  it('the structure’s version changes with the structure only', () => {
    expect(structureVersion('practices')).toMatch(/^[0-9a-f]{8}$/);
    expect(structureVersion('practices')).toBe(structureVersion('practices'));
    expect(structureVersion('practices')).not.toBe(structureVersion('mentors'));
  });
});

describe('a data set as CSV', () => {
  const record = {
    id: 'p1',
    url: 'https://example.org/praktiki/p1/',
    title: '=HYPERLINK("x")',
    organization: 'sosh-1',
    years: [2025, 2026],
    forms: ['uchenik-uchenik'],
    summary: 'Две строки,\nс запятой и "кавычками"',
    participants: { pairs: 3, description: 'пары' },
    results: [{ indicator: 'успеваемость', before: 1, after: 2 }],
    published: '2026-01-02',
    demo: false,
  };

  it('has a header of the fields’ names, one row a record, groups opened, lists as JSON, formulas neutralised; UTF-8, comma, CRLF, no BOM', () => {
    const text = dataCsv('practices', [record]);
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, row, ...rest] = parseCsv(text);
    expect(rest).toEqual([]);
    expect(header).toEqual(csvColumns('practices'));
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('title')).toBe(`'=HYPERLINK("x")`);
    expect(cell('years')).toBe('[2025,2026]');
    expect(JSON.parse(cell('results'))).toEqual(record.results);
    expect(cell('participants.pairs')).toBe('3');
    expect(cell('summary')).toBe(record.summary);
    expect(cell('demo')).toBe('false');
    expect(cell('cover')).toBe('');
  });

  it('with no records is the header alone', () => {
    expect(parseCsv(dataCsv('mentors', []))).toEqual([csvColumns('mentors')]);
  });
});

describe('the dates of a data set', () => {
  const practice = (id: string, published: string) => ({ id, data: { title: id, published: day(published) } });

  it('are the entries’ own: publication of a practice, approval of a document, the date of the figures', () => {
    expect(ownDates('practices', { published: day('2026-01-02') })).toEqual([{ date: day('2026-01-02'), kind: 'дата публикации' }]);
    expect(ownDates('regulations', { approval: { date: day('2025-09-01') } })[0].kind).toBe('дата утверждения');
    expect(ownDates('roadmaps', { approval: {} })).toEqual([]);
    expect(ownDates('results', { figures: [{ asOf: day('2026-05-30') }] })[0].date).toEqual(day('2026-05-30'));
    expect(ownDates('mentors', { since: 2020 })).toEqual([]);
    expect(ownDates('organizations', {})).toEqual([]);
  });

  it('earliest and latest up to the build date; a date ahead of it is not yet an event', () => {
    const entries = [practice('a', '2025-03-01'), practice('b', '2026-10-05'), practice('c', '2027-01-01')];
    const { first, last } = dateSpan('practices', entries, TODAY);
    expect(first?.entry.id).toBe('a');
    expect(last?.entry.id).toBe('b');
    expect(dateSpan('practices', [practice('c', '2027-01-01')], TODAY)).toEqual({ first: undefined, last: undefined });
  });
});

describe('a passport', () => {
  const input = (over: Partial<PassportInput> = {}): PassportInput => ({
    identifier: 'practices',
    collection: 'practices',
    owner: 'Управление образования',
    contacts: { person: 'методист', phone: '+7 (800) 000-00-01', email: 'od@example.org' },
    links: {
      json: 'https://e.org/api/practices.json',
      csv: 'https://e.org/api/practices.csv',
      structureCsv: 'https://e.org/s.csv',
      structureJson: 'https://e.org/s.json',
    },
    recordCount: 2,
    buildDate: TODAY,
    source: '«Наставничество», Управление образования, https://e.org/otkrytye-dannye/',
    ...over,
  });
  const dated = (iso: string, record: string) => ({ date: day(iso), kind: 'дата публикации', entry: {}, record });

  it('takes its dates from the entries, says on what each rests and what changed last', () => {
    const p = makePassport(input({ first: dated('2024-06-25', 'практика «А»'), last: dated('2026-10-05', 'практика «Б»') }));
    expect(p.created).toEqual({ date: '2024-06-25', basis: 'дата публикации: практика «А»' });
    expect(p.modified).toEqual({ date: '2026-10-05', basis: 'дата публикации: практика «Б»' });
    expect(p.provenance).toContain('практика «Б», 05.10.2026');
    expect(p.valid).toBe('2026-11-23');
    expect(p.creator).toBe('Управление образования');
    expect(p.publisher).toMatchObject({ role: 'методист', phone: '+7 (800) 000-00-01', email: 'od@example.org' });
    expect(p.accrualPeriodicity).toMatch(/каждой правки.*каждую ночь/);
    expect(p.license).toContain('ссылкой на источник: «Наставничество»');
    expect(p.standardversion).toBe(STANDARD.version);
  });

  it('with no dates in its entries gives none rather than a made-up one', () => {
    const p = makePassport(input({ collection: 'mentors', identifier: 'mentors' }));
    expect(p.created).toBeNull();
    expect(p.modified).toBeNull();
    expect(p.provenance).toContain('не датируются');
    expect(p.license).toContain('152-ФЗ');
  });

  it('of roadmaps changes on the build date (their states are computed on it); of nothing says so', () => {
    expect(makePassport(input({ collection: 'roadmaps', identifier: 'roadmaps', changesDaily: true })).modified?.date).toBe('2026-11-23');
    const empty = makePassport(input({ collection: 'roadmaps', identifier: 'roadmaps', changesDaily: true, recordCount: 0 }));
    expect(empty.modified).toBeNull();
    expect(empty.provenance).toBe('Записей пока нет.');
  });

  it('one organisation’s share is named after it', () => {
    const p = makePassport(input({ identifier: 'sosh-1-practices', organization: 'МБОУ СОШ № 1' }));
    expect(p.title).toBe('Лучшие практики наставничества: МБОУ СОШ № 1');
    expect(p.description).toContain('(МБОУ СОШ № 1)');
  });

  it('meta.csv is «property,value» with the recommendations’ names, dates as ГГГГММДД, the data and structure rows', () => {
    const p = makePassport(input({ first: dated('2024-06-25', 'а'), last: dated('2026-10-05', 'б') }));
    const rows = new Map(parseCsv(metaCsv(p, 'abcd1234')) as [string, string][]);
    expect(rows.get('property')).toBe('value');
    for (const key of [
      'standardversion',
      'identifier',
      'title',
      'description',
      'creator',
      'subject',
      'format',
      'publishername',
      'publisherphone',
      'publishermbox',
      'valid',
      'provenance',
    ])
      expect(rows.get(key), key).toBeTruthy();
    expect(rows.get('created')).toBe('20240625');
    expect(rows.get('modified')).toBe('20261005');
    expect(rows.get('data-20261123-structure-abcd1234')).toBe('https://e.org/api/practices.csv');
    expect(rows.get('structure-abcd1234')).toBe('https://e.org/s.csv');
  });

  it('labels every row the recommendations list', () => {
    expect(Object.values(PASSPORT_LABELS)).toEqual(
      expect.arrayContaining([
        'Идентификационный номер',
        'Наименование набора данных',
        'Владелец набора данных',
        'Ответственное лицо',
        'Дата первой публикации набора данных',
        'Дата последнего внесения изменений',
        'Содержание последнего изменения',
        'Периодичность актуализации',
        'Ключевые слова',
        'Версия методических рекомендаций',
      ]),
    );
  });
});

describe('the feed’s lastBuildDate', () => {
  it('is the newest item’s date, never after the build date; with no items, the build date', () => {
    expect(feedLastBuildDate([day('2026-01-02'), day('2026-10-05')], TODAY)).toEqual(day('2026-10-05'));
    expect(feedLastBuildDate([day('2027-01-01'), day('2026-10-05')], TODAY)).toEqual(TODAY);
    expect(feedLastBuildDate([], TODAY)).toEqual(TODAY);
  });
});

describe('the sitemap', () => {
  const entries: SitemapEntry[] = [
    { collection: 'organizations', id: 'uo', data: {} },
    { collection: 'organizations', id: 'sosh-1', data: { parent: 'uo' } },
    { collection: 'forms', id: 'uchenik-uchenik', data: {} },
    {
      collection: 'practices',
      id: 'p1',
      data: { organization: 'sosh-1', forms: ['uchenik-uchenik'], years: [2025], mentors: ['m1'], published: day('2025-05-01') },
    },
    { collection: 'practices', id: 'p2', data: { organization: 'uo', forms: [], years: [2026], mentors: [], published: day('2026-02-01') } },
    { collection: 'practices', id: 'p3', data: { organization: 'uo', forms: [], years: [2027], mentors: [], published: day('2027-02-01') } },
    { collection: 'regulations', id: 'r1', data: { organization: 'sosh-1', approval: { date: day('2024-09-01') } } },
    { collection: 'roadmaps', id: 'k1', data: { organization: 'sosh-1', approval: {} } },
    { collection: 'mentors', id: 'm1', data: { organization: 'sosh-1', forms: ['uchenik-uchenik'] } },
    { collection: 'mentors', id: 'm2', data: { organization: 'sosh-1', forms: [] } },
  ];
  const dateOf = pageDates(entries, TODAY);
  const iso = (d?: Date) => d?.toISOString().slice(0, 10);

  it('gives each page the newest own date of the entries it shows, up to the build date', () => {
    expect(iso(dateOf('praktiki/p1/'))).toBe('2025-05-01');
    expect(iso(dateOf('polozheniya/r1/'))).toBe('2024-09-01');
    expect(iso(dateOf('praktiki/'))).toBe('2026-02-01'); // p3 is dated ahead of the build
    expect(iso(dateOf(''))).toBe('2026-02-01');
    expect(iso(dateOf('otkrytye-dannye/'))).toBe('2026-02-01');
    expect(iso(dateOf('nastavniki/m1/'))).toBe('2025-05-01'); // the practice that names them
    expect(iso(dateOf('formy/uchenik-uchenik/'))).toBe('2025-05-01');
    expect(iso(dateOf('organizacii/sosh-1/'))).toBe('2025-05-01');
    expect(iso(dateOf('organizacii/uo/'))).toBe('2026-02-01'); // its own and its organisations’
    expect(iso(dateOf('praktiki/forma/uchenik-uchenik/'))).toBe('2025-05-01');
    expect(iso(dateOf('praktiki/organizaciya/uo/'))).toBe('2026-02-01');
    expect(iso(dateOf('praktiki/god/2025/'))).toBe('2025-05-01');
  });

  it('gives no lastmod where the entries carry no date', () => {
    expect(dateOf('dorozhnye-karty/k1/')).toBeUndefined();
    expect(dateOf('nastavniki/m2/')).toBeUndefined();
    expect(dateOf('formy/')).toBeUndefined();
    expect(dateOf('praktiki/god/2027/')).toBeUndefined();
  });

  it.each(['/', '/nastavnichestvo/'])('under %s leaves out the editor, the embeds and the search page, and nothing else', (base) => {
    const { filter, serialize } = sitemapRules(base, () => entries, TODAY);
    const page = (path: string) => `https://example.org${base}${path}`;
    for (const path of ['admin/', 'embed/mentors/sosh-1/', 'poisk/']) expect(filter(page(path)), path).toBe(false);
    for (const path of ['', 'praktiki/', 'organizacii/poisk/', 'praktiki/embed/', 'otkrytye-dannye/']) expect(filter(page(path)), path).toBe(true);
    expect(serialize<{ url: string; lastmod?: string }>({ url: page('praktiki/p1/') }).lastmod).toBe('2025-05-01T00:00:00.000Z');
    expect(serialize({ url: page('dorozhnye-karty/k1/') })).toEqual({ url: page('dorozhnye-karty/k1/') });
  });
});

describe('a built image’s address in the CSV', () => {
  it('is quoted, so that the build’s renaming of images finds its end (src/integrations/published-images.ts)', () => {
    const text = dataCsv('mentors', [{ id: 'm', url: 'https://e.org/nastavniki/m/', photo: 'https://e.org/_astro/m.abc_def.webp', position: 'учитель' }]);
    expect(text).toContain('"https://e.org/_astro/m.abc_def.webp"');
  });
});
