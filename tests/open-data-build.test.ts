/**
 * Issue 22, item 6, on the built demo site: every data set under /api/ — the whole section's and
 * each organisation's share — is there as JSON and as CSV, with a passport (meta.csv as the
 * open-data recommendations lay it out, meta.json) and a structure (structure.csv, a JSON Schema);
 * /otkrytye-dannye/ lists every set with its passport; the structure is the one derived here from
 * the schemas (tests/helpers/open-data.ts), and every JSON and CSV file holds exactly that; the
 * passport's owner and contacts are the settings' and the organisations', its dates the entries'.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '../src/integrity/check.ts';
import { PASSPORT_LABELS } from '../src/lib/open-data/passport.ts';
import { OWNED_COLLECTIONS, PUBLIC_COLLECTIONS, type PublicCollection } from '../src/schemas/collections.ts';
import { load } from './helpers/html.ts';
import { at, expectedCell, expectedFields, parseCsv } from './helpers/open-data.ts';
import { BASE_PATH, OUT, ROOT, TEST_BUILD_DATE } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';

type Json = Record<string, any>;
const SITE = 'https://nastavnichestvo.example';
const TODAY = new Date(`${TEST_BUILD_DATE}T00:00:00Z`);

const { entries } = checkContent(ROOT);
const data = (e: CheckedEntry) => e.data as Json;
const settings = data(entries.find((e) => e.collection === 'settings')!);
const organizations = entries.filter((e) => e.collection === 'organizations');
const organization = (id: string) => data(organizations.find((o) => o.id === id)!);

interface DataSetCase {
  id: string;
  collection: PublicCollection;
  org?: string;
  json: string;
  csv: string;
}
/** Every set there must be: each public collection for the section, each owned one for each organisation. */
const SETS: DataSetCase[] = [
  ...PUBLIC_COLLECTIONS.map((collection) => ({ id: collection, collection, json: `api/${collection}.json`, csv: `api/${collection}.csv` })),
  ...organizations.flatMap((o) =>
    OWNED_COLLECTIONS.map((collection) => ({
      id: `${o.id}-${collection}`,
      collection,
      org: o.id,
      json: `api/organizacii/${o.id}/${collection}.json`,
      csv: `api/organizacii/${o.id}/${collection}.csv`,
    })),
  ),
];

describe('the open data of the demo site', () => {
  const dist = OUT.root;
  const file = (path: string) => readFileSync(join(dist, path), 'utf8');
  const meta = (set: DataSetCase) => JSON.parse(file(`otkrytye-dannye/${set.id}/meta.json`)) as Json;
  const metaCsv = (set: DataSetCase) => new Map(parseCsv(file(`otkrytye-dannye/${set.id}/meta.csv`)) as [string, string][]);
  const local = (url: string) => new URL(url).pathname.slice(1);
  beforeAll(() => {
    builtSite('root');
  });

  it('has every data set as JSON and CSV, with its passport and structure, and the register of them all', () => {
    const missing = SETS.flatMap((set) =>
      [
        set.json,
        set.csv,
        `otkrytye-dannye/${set.id}/meta.csv`,
        `otkrytye-dannye/${set.id}/meta.json`,
        `otkrytye-dannye/${set.collection}/structure.csv`,
        `otkrytye-dannye/${set.collection}/structure.json`,
      ].filter((p) => !existsSync(join(dist, p))),
    );
    expect(missing).toEqual([]);
    expect(SETS.length).toBeGreaterThan(40);
    const [header, ...rows] = parseCsv(file('otkrytye-dannye/list.csv'));
    expect(header).toEqual(['property', 'title', 'value', 'format']);
    expect(rows.map((r) => r[0]).sort()).toEqual(SETS.map((s) => s.id).sort());
    for (const [id, title, url, format] of rows) {
      expect(url, id).toBe(`${SITE}/otkrytye-dannye/${id}/meta.csv`);
      expect(format).toBe('csv');
      expect(title).toBe(meta(SETS.find((s) => s.id === id)!).title);
    }
  });

  it('keeps the JSON an array of records where it always was', () => {
    for (const set of SETS) expect(Array.isArray(JSON.parse(file(set.json))), set.json).toBe(true);
  });

  it('/otkrytye-dannye/ lists every data set with its passport and links to its JSON, CSV, passport and structure', () => {
    const page = load(join(dist, 'otkrytye-dannye/index.html'));
    const labels = Object.values(PASSPORT_LABELS);
    const problems: string[] = [];
    const linked = (el: { querySelectorAll: (s: string) => { getAttribute: (a: string) => string | undefined }[] }, paths: string[], where: string) => {
      const hrefs = el.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!);
      for (const p of paths) if (!hrefs.some((h) => h === `/${p}` || h === `${SITE}/${p}`)) problems.push(`${where}: нет ссылки на ${p}`);
      for (const h of hrefs) if (h.startsWith('/') && !existsSync(join(dist, h))) problems.push(`${where}: ${h} ведёт в никуда`);
    };
    for (const set of SETS) {
      const files = [set.json, set.csv, `otkrytye-dannye/${set.id}/meta.csv`, `otkrytye-dannye/${set.id}/meta.json`];
      if (set.org) {
        const row = page.querySelector(`tr[data-passport-link="${set.id}"]`);
        if (!row) problems.push(`${set.id}: нет на странице`);
        else linked(row, files, set.id);
        continue;
      }
      const section = page.querySelector(`section[aria-labelledby="${set.id}"]`);
      const passport = page.querySelector(`dl[data-passport="${set.id}"]`);
      if (!section || !passport) {
        problems.push(`${set.id}: нет на странице`);
        continue;
      }
      linked(section, [...files, `otkrytye-dannye/${set.collection}/structure.csv`, `otkrytye-dannye/${set.collection}/structure.json`], set.id);
      expect(passport.querySelectorAll('dt').map((dt) => dt.textContent.trim())).toEqual(labels);
      const value = (label: string) => passport.querySelectorAll('dt').find((dt) => dt.textContent.trim() === label)!.nextElementSibling!.textContent;
      const m = meta(set);
      expect(value(PASSPORT_LABELS.identifier).trim()).toBe(set.id);
      expect(value(PASSPORT_LABELS.valid)).toContain('23.11.2026');
      if (m.modified) expect(value(PASSPORT_LABELS.modified)).toContain(m.modified.date.split('-').reverse().join('.'));
      else expect(value(PASSPORT_LABELS.modified)).toContain('не указана');
    }
    expect(problems).toEqual([]);
  });

  it('each set’s structure is the one derived from the schemas, in structure.csv and in the JSON Schema', () => {
    for (const collection of PUBLIC_COLLECTIONS) {
      const expected = expectedFields(collection);
      const [header, ...rows] = parseCsv(file(`otkrytye-dannye/${collection}/structure.csv`));
      expect(header).toEqual(['field name', 'english description', 'russian description', 'format']);
      expect(new Set(rows.map((r) => r[0])), collection).toEqual(new Set(expected.map((f) => f.path)));
      for (const [path, , russian] of rows) expect(russian.startsWith(expected.find((f) => f.path === path)!.title), `${collection} ${path}`).toBe(true);
      // The JSON Schema's properties, at every level, are the same fields.
      const paths: string[] = [];
      const walk = (schema: Json, prefix: string) => {
        for (const [name, prop] of Object.entries(schema.properties as Json)) {
          if (prop.type === 'array') {
            paths.push(`${prefix}${name}`);
            if (prop.items.type === 'object') walk(prop.items, `${prefix}${name}[].`);
          } else if (prop.type === 'object') walk(prop, `${prefix}${name}.`);
          else paths.push(`${prefix}${name}`);
        }
      };
      const schema = JSON.parse(file(`otkrytye-dannye/${collection}/structure.json`));
      expect(schema.$id).toBe(`${SITE}/otkrytye-dannye/${collection}/structure.json`);
      walk(schema.items, '');
      expect(new Set(paths), collection).toEqual(new Set(expected.map((f) => f.path)));
    }
  });

  it('every JSON file is valid against its structure.json (no field undeclared, every kind and closed list right)', () => {
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false, allowUnionTypes: true });
    const validators = new Map(PUBLIC_COLLECTIONS.map((c) => [c, ajv.compile(JSON.parse(file(`otkrytye-dannye/${c}/structure.json`)))]));
    const problems: string[] = [];
    let records = 0;
    for (const set of SETS) {
      const json = JSON.parse(file(set.json)) as Json[];
      records += json.length;
      const validate = validators.get(set.collection)!;
      if (!validate(json)) problems.push(...validate.errors!.slice(0, 5).map((e) => `${set.json}${e.instancePath}: ${e.message}`));
    }
    expect(problems).toEqual([]);
    expect(records).toBeGreaterThan(50);
  });

  it('every CSV file holds its JSON record for record: the columns of the structure, lists as JSON, nothing else', () => {
    const problems: string[] = [];
    for (const set of SETS) {
      const json = JSON.parse(file(set.json)) as Json[];
      const text = file(set.csv);
      if (text.startsWith('\uFEFF') || !text.endsWith('\r\n')) problems.push(`${set.csv}: не UTF-8 без BOM с CRLF`);
      const [header, ...rows] = parseCsv(text);
      const columns = expectedFields(set.collection).filter((f) => f.column);
      if (JSON.stringify([...header].sort()) !== JSON.stringify(columns.map((f) => f.path).sort())) problems.push(`${set.csv}: столбцы ${header.join(',')}`);
      if (rows.length !== json.length) problems.push(`${set.csv}: ${rows.length} строк, а записей ${json.length}`);
      rows.forEach((row, i) =>
        header.forEach((path, j) => {
          if (row[j] !== expectedCell(at(json[i], path))) problems.push(`${set.csv} ${json[i]?.id} ${path}: «${row[j].slice(0, 60)}»`);
        }),
      );
      // Every value of the JSON is in a column (a field the structure does not know would be lost).
      json.forEach((record) => {
        const leaves = (value: unknown, prefix: string): string[] =>
          value && typeof value === 'object' && !Array.isArray(value)
            ? Object.entries(value).flatMap(([k, v]) => leaves(v, `${prefix}${k}.`))
            : [prefix.slice(0, -1)];
        for (const path of leaves(record, '')) if (!header.includes(path)) problems.push(`${set.json} ${record.id}: поле ${path} не попало в CSV`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('the passport: owner and contacts from the settings and the organisations, meta.csv and meta.json agree', () => {
    const owner = organization(settings.owner);
    for (const set of SETS) {
      const m = meta(set);
      const csv = metaCsv(set);
      expect(m.identifier).toBe(set.id);
      expect(csv.get('identifier')).toBe(set.id);
      expect(csv.get('title')).toBe(m.title);
      expect(csv.get('creator')).toBe(m.creator);
      expect(csv.get('standardversion')).toBe('http://opendata.gosmonitor.ru/standard/3.0');
      expect(csv.get('created')).toBe(m.created ? m.created.date.replace(/-/g, '') : '');
      expect(csv.get('modified')).toBe(m.modified ? m.modified.date.replace(/-/g, '') : '');
      expect(csv.get('valid')).toBe(TEST_BUILD_DATE.replace(/-/g, ''));
      expect(m.valid).toBe(TEST_BUILD_DATE);
      expect(m.records).toBe(JSON.parse(file(set.json)).length);
      expect(local(m.data.json)).toBe(set.json);
      expect(local(m.data.csv)).toBe(set.csv);
      const dataRow = [...csv.keys()].find((k) => k.startsWith('data-'))!;
      expect(dataRow).toMatch(new RegExp(`^data-${TEST_BUILD_DATE.replace(/-/g, '')}-structure-[0-9a-f]{8}$`));
      expect(local(csv.get(dataRow)!)).toBe(set.csv);
      expect(local(csv.get(dataRow.replace(/^data-\d+-/, ''))!)).toBe(`otkrytye-dannye/${set.collection}/structure.csv`);
      for (const link of [m.structure.csv, m.structure.json]) expect(existsSync(join(dist, local(link))), link).toBe(true);
      expect(m.license).toContain(settings.title);
      expect(m.accrualPeriodicity).toMatch(/каждой правки.*каждую ночь/);
      if (!set.org) {
        expect(m.creator).toBe(owner.name);
        expect(m.publisher).toEqual({ role: settings.contacts.person, phone: settings.contacts.phone, email: settings.contacts.email });
        continue;
      }
      const org = organization(set.org);
      expect(m.creator).toBe(org.name);
      expect(m.title).toContain(org.shortName);
      if (org.contacts) expect(m.publisher).toEqual({ role: org.contacts.person, phone: org.contacts.phone, email: org.contacts.email });
      else
        expect(m.publisher).toEqual({
          role: settings.contacts.person,
          phone: settings.contacts.phone,
          email: settings.contacts.email,
          of: `контакты раздела: ${owner.shortName}`,
        });
    }
  });

  it('the passport’s dates are the entries’ own, never after the build date, and none where the entries have none', () => {
    const day = (d?: Date) => d?.toISOString().slice(0, 10);
    const published = entries
      .filter((e) => e.collection === 'practices')
      .map((e) => data(e).published as Date)
      .filter((d) => d.getTime() <= TODAY.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    const practices = meta(SETS.find((s) => s.id === 'practices')!);
    expect(practices.created.date).toBe(day(published[0]));
    expect(practices.modified.date).toBe(day(published.at(-1)));
    expect(practices.provenance).toContain('дата публикации');
    const regulations = entries.filter((e) => e.collection === 'regulations').map((e) => data(e).approval?.date as Date | undefined);
    const approved = regulations.filter((d): d is Date => !!d && d.getTime() <= TODAY.getTime()).sort((a, b) => a.getTime() - b.getTime());
    expect(meta(SETS.find((s) => s.id === 'regulations')!).created?.date).toBe(day(approved[0]));
    expect(meta(SETS.find((s) => s.id === 'roadmaps')!).modified.date).toBe(TEST_BUILD_DATE);
    for (const id of ['mentors', 'forms', 'organizations']) {
      const m = meta(SETS.find((s) => s.id === id)!);
      expect(m.created, id).toBeNull();
      expect(m.modified, id).toBeNull();
    }
    // An organisation's share with no entries says so.
    const empty = SETS.filter((s) => s.org && JSON.parse(file(s.json)).length === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const set of empty) expect(meta(set).provenance, set.id).toBe('Записей пока нет.');
  });

  it('the mentors’ data carries no consent, age or name part, in JSON or CSV', () => {
    const [header] = parseCsv(file('api/mentors.csv'));
    expect(header.filter((c) => /^(consent|minor)(\.|$)|^name\./.test(c))).toEqual([]);
    expect(file('api/mentors.json')).not.toMatch(/"(consent|minor|last|middle)"/);
  });
});

describe(`the open data under ${BASE_PATH}`, () => {
  beforeAll(() => {
    builtSite('base');
  });

  it('links and passports carry the base path', () => {
    const dist = OUT.base;
    const page = load(join(dist, 'otkrytye-dannye/index.html'));
    const hrefs = page
      .querySelectorAll('main a[href]')
      .map((a) => a.getAttribute('href')!)
      .filter((h) => !/^(#|mailto:|tel:)/.test(h));
    expect(hrefs.length).toBeGreaterThan(100);
    for (const h of hrefs) expect(h.startsWith(`${BASE_PATH}/`) || h.startsWith(`${SITE}${BASE_PATH}/`), h).toBe(true);
    const m = JSON.parse(readFileSync(join(dist, 'otkrytye-dannye/practices/meta.json'), 'utf8'));
    expect(m.data.json).toBe(`${SITE}${BASE_PATH}/api/practices.json`);
    expect(m.structure.csv).toBe(`${SITE}${BASE_PATH}/otkrytye-dannye/practices/structure.csv`);
    const footer = load(join(dist, 'index.html')).querySelector('.site-footer');
    expect(footer?.querySelector(`a[href="${BASE_PATH}/otkrytye-dannye/"]`)).toBeTruthy();
  });
});
