/**
 * Public data by allow-list, in the built site: the JSON under /api/ carries exactly the
 * published and derived fields of src/lib/public-fields.ts — never `source`, `notes`,
 * `consent`, `minor` — for the demo site and for a fixture whose entries carry editor-only
 * fields. (The declaration itself: tests/public-fields.test.ts.)
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckedEntry } from '../src/integrity/check.ts';
import { publicName } from '../src/lib/people.ts';
import { plainValue, PUBLIC_COLLECTIONS, PUBLIC_FIELDS, type FieldPolicy, type PublicCollection } from '../src/lib/public-fields.ts';
import { astroBuild, fixtureCopy, listFiles, OUT, projectRelative, ROOT, TMP } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';

// ---- The built JSON ----

type Json = Record<string, unknown>;

/** Every problem of one published record against its entry and declaration, at every level. */
function recordProblems(record: Json, data: Json, policy: FieldPolicy, path: string): string[] {
  const problems: string[] = [];
  const derived = policy.derived ?? {};
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(policy.published, key) && !Object.hasOwn(derived, key)) problems.push(`${path}.${key}: не объявлено публикуемым`);
  }
  for (const key of Object.keys(policy.internal)) {
    if (Object.hasOwn(record, key) && !Object.hasOwn(derived, key)) problems.push(`${path}.${key}: внутреннее поле опубликовано`);
  }
  for (const [key, how] of Object.entries(policy.published)) {
    const value = data[key];
    if (value === undefined || how === 'made') continue;
    if (!Object.hasOwn(record, key)) {
      problems.push(`${path}.${key}: есть в файле записи, нет в JSON`);
      continue;
    }
    if (how === 'value') {
      if (JSON.stringify(record[key]) !== JSON.stringify(plainValue(value, key))) problems.push(`${path}.${key}: значение не совпадает с записью`);
    } else if (how === 'ref') {
      // checkContent gives a reference as its id; the content layer as { id, collection }.
      const idOf = (v: unknown) => (typeof v === 'string' ? v : (v as { id: string }).id);
      // A list may leave out a person whose consent has ended (they are off the whole site).
      const ids = Array.isArray(value) ? value.map(idOf).filter((id) => (record[key] as string[]).includes(id)) : idOf(value);
      if (JSON.stringify(record[key]) !== JSON.stringify(ids)) problems.push(`${path}.${key}: ссылка не совпадает с записью`);
    } else if (Array.isArray(value)) {
      const list = record[key] as Json[];
      if (!Array.isArray(list) || list.length !== value.length) problems.push(`${path}.${key}: не тот список`);
      else value.forEach((v, i) => problems.push(...recordProblems(list[i], v, how, `${path}.${key}[${i}]`)));
    } else {
      problems.push(...recordProblems(record[key] as Json, value as Json, how, `${path}.${key}`));
    }
  }
  return problems;
}

/** Keys named like an editor's or a consent field, anywhere in the JSON. */
function keysAnywhere(value: unknown, names: Set<string>, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysAnywhere(v, names, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [...(names.has(k) ? [`${path}.${k}`] : []), ...keysAnywhere(v, names, `${path}.${k}`)]);
}
const NEVER = new Set(['source', 'notes', 'consent', 'minor', 'last', 'middle', 'givenBy', 'showSurname', 'showPhoto']);

/** The checks on one built site against the content it was built from. */
function checkApi(dist: () => string, content: () => string) {
  let entries: CheckedEntry[];
  let files: string[];
  beforeAll(() => {
    entries = checkContent(ROOT, content()).entries;
    files = listFiles(join(dist(), 'api'), (p) => p.endsWith('.json'));
  });
  const collectionOf = (file: string) => file.slice(file.lastIndexOf('/') + 1, -'.json'.length) as PublicCollection;
  const records = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json[];

  it('has every collection’s JSON, and per organisation', () => {
    for (const c of PUBLIC_COLLECTIONS) expect(files).toContain(join(dist(), 'api', `${c}.json`));
    expect(files.some((f) => f.includes('/api/organizacii/'))).toBe(true);
  });

  it('no record anywhere under /api/ carries source, notes, consent, minor or a name part', () => {
    const found = files.flatMap((f) => keysAnywhere(records(f), NEVER).map((k) => `${relative(dist(), f)}: ${k}`));
    expect(found).toEqual([]);
  });

  it('every record carries exactly its published and derived fields, at every level, with the entry’s values', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of files) {
      const collection = collectionOf(file);
      const policy: FieldPolicy = PUBLIC_FIELDS[collection];
      const own = new Map(entries.filter((e) => e.collection === collection).map((e) => [e.id, e]));
      for (const record of records(file)) {
        const where = `${relative(dist(), file)} ${record.id}`;
        const entry = own.get(record.id as string);
        if (!entry) {
          problems.push(`${where}: нет такой записи`);
          continue;
        }
        problems.push(...recordProblems(record, entry.data, policy, where));
        if (typeof record.url !== 'string' || !/^https?:\/\//.test(record.url)) problems.push(`${where}: нет адреса страницы`);
        checked++;
      }
    }
    expect(problems).toEqual([]);
    // Every entry is published (people: while their consent holds, so at least one).
    for (const c of PUBLIC_COLLECTIONS) {
      const ids = new Set(records(join(dist(), 'api', `${c}.json`)).map((r) => r.id));
      const own = entries.filter((e) => e.collection === c);
      if (c === 'mentors') expect(ids.size).toBeGreaterThan(0);
      else
        expect(
          own.filter((e) => !ids.has(e.id)).map((e) => e.id),
          c,
        ).toEqual([]);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a mentor is published by the name that may be shown, with the photo only where it may be shown; images are in dist/', () => {
    const mentors = records(join(dist(), 'api/mentors.json'));
    for (const entry of entries.filter((e) => e.collection === 'mentors')) {
      const record = mentors.find((m) => m.id === entry.id);
      if (!record) continue; // consent ended: off the site, which other tests check
      const person = publicName(entry.data as unknown as Parameters<typeof publicName>[0]);
      expect(record.name).toBe(person.displayName);
      expect(typeof record.photo === 'string' && /^https?:\/\/.+\.webp$/.test(record.photo), `${entry.id}: photo`).toBe(person.showPhoto);
      expect(Object.hasOwn(record, 'photoAlt'), `${entry.id}: photoAlt`).toBe(person.showPhoto && entry.data.photoAlt !== undefined);
      if (person.showPhoto) expect(existsSync(join(dist(), new URL(record.photo as string).pathname)), `${entry.id}: ${record.photo}`).toBe(true);
    }
    const practices = records(join(dist(), 'api/practices.json'));
    for (const entry of entries.filter((e) => e.collection === 'practices')) {
      const record = practices.find((p) => p.id === entry.id)!;
      expect(typeof record.cover === 'string', `${entry.id}: cover`).toBe(Boolean(entry.data.cover));
      if (record.cover) expect(existsSync(join(dist(), new URL(record.cover as string).pathname)), `${entry.id}: ${record.cover}`).toBe(true);
    }
  });
}

describe('the demo site’s /api/', () => {
  beforeAll(() => {
    builtSite('root');
  });
  checkApi(
    () => OUT.root,
    () => 'src/content',
  );
});

describe('a site whose entries carry editor-only fields', () => {
  const out = join(TMP, 'dist-public-fields');
  let content = '';
  let build: { status: number | null; output: string };
  beforeAll(async () => {
    content = fixtureCopy('public-fields');
    /** Adds lines before the line `before` matches, or at the end of the file. */
    const add = (file: string, lines: string, before?: RegExp) => {
      const text = readFileSync(join(content, file), 'utf8');
      const next = before ? text.replace(before, `${lines}\n$&`) : `${text.replace(/\n*$/, '\n')}${lines}\n`;
      if (next === text) throw new Error(`${file}: некуда добавить`);
      writeFileSync(join(content, file), next);
    };
    add('roadmaps/test-rm.yaml', 'source: Дорожная карта УО, приказ № 1 (черновик из почты)\nnotes:\n  - Нераспознанный абзац о совещании 12 марта');
    add('forms/uchitel-uchitel.yaml', 'source: Методические рекомендации Минпросвещения, с правками методиста');
    add('regulations/test-reg.md', 'source: polozhenie-2026.docx', /^title:/m);
    add('organizations/uo-test.yaml', "id: uo-test\ncontacts: {address: 'ул. Школьная, 1', person: методический отдел}");
    mkdirSync(join(content, 'mentors/photos'), { recursive: true });
    mkdirSync(join(content, 'practices/covers'), { recursive: true });
    const image = (colour: string) =>
      sharp({ create: { width: 64, height: 64, channels: 3, background: colour } })
        .jpeg()
        .toBuffer();
    writeFileSync(join(content, 'mentors/photos/anna.jpg'), await image('#88aacc'));
    writeFileSync(join(content, 'mentors/photos/artem.jpg'), await image('#cc8888'));
    writeFileSync(join(content, 'practices/covers/cover.jpg'), await image('#88cc88'));
    add('mentors/ivanova-anna.yaml', 'photo: ./photos/anna.jpg\nphotoAlt: Анна Петровна у доски', /^position:/m);
    add('mentors/uchenik-artem.yaml', 'photo: ./photos/artem.jpg\nphotoAlt: Артём на олимпиаде', /^position:/m);
    add(
      'practices/test-practice.md',
      'cover: ./covers/cover.jpg\ncoverAlt: Семинар\nattachments: [{title: Программа, file: /files/programma.pdf}]',
      /^summary:/m,
    );
    build = astroBuild({ CONTENT_ROOT: projectRelative(content), OUT_DIR: out });
  }, 600_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds', () => expect(build.status, build.output.slice(-3000)).toBe(0));

  it('the fixture does carry the editor-only fields the JSON must leave out', () => {
    const roadmap = checkContent(ROOT, projectRelative(content)).entries.find((e) => e.collection === 'roadmaps')!;
    expect(roadmap.data).toMatchObject({ source: expect.any(String), notes: [expect.any(String)] });
  });

  checkApi(
    () => out,
    () => projectRelative(content),
  );
});
