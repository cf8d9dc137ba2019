/**
 * The checks of the content that need no files on disk: each entry against its schema, the id
 * it records, its text, the references between entries, organisation chains, links in texts and
 * demo marks. The build's check (check.ts) reads the files and runs these; the editor runs the
 * same on the entries it loads, with the one being saved in place of its file
 * (src/admin/validation.ts): one validation in both places. No Node modules here: it runs in the browser.
 */
import { idString, plainTools, type CollectionName, type RefFactory, type SchemaTools } from '../schemas/common.ts';
import { collectionSpec, COLLECTIONS, schemaFor } from '../schemas/collections.ts';
import { checkInternalLinks, entryOfLink, linkOptions, linksIn } from './links.ts';
import type { CheckedEntry, ContentProblem } from './check.ts';

/** An entry as written: its fields and text, before any check. */
export interface EntrySource {
  collection: CollectionName;
  id: string;
  /** The file, as problems name it. */
  file: string;
  data: Record<string, unknown>;
  body?: string;
}

/** Where the site is published, for telling links to its own pages (see links.ts). */
export type SiteEnv = Record<string, string | undefined>;

const REF_MARK = '__ref';
interface RefMarker {
  [REF_MARK]: CollectionName;
  id: string;
}

/** Tools that turn each reference into a marker, so the parsed tree says where references are. */
const markingTools: SchemaTools = {
  ...plainTools,
  ref: ((collection: CollectionName) => idString.transform((id): RefMarker => ({ [REF_MARK]: collection, id }))) as unknown as RefFactory,
};
const markingSchemas = new Map<CollectionName, ReturnType<typeof schemaFor>>();
const markingSchema = (collection: CollectionName) => {
  if (!markingSchemas.has(collection)) markingSchemas.set(collection, schemaFor(collection, markingTools));
  return markingSchemas.get(collection)!;
};

/** A text of nothing but HTML comments (<!-- … -->) shows nothing on the page: it is as good as empty. */
const isBlankText = (body: string | undefined) => !body || !body.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();

/**
 * Checks every entry and the links between them; problems are added to `problems`. Returns the
 * entries that passed their schema, as the schema gives them (defaults filled in, references as ids).
 */
export function checkEntries(sources: EntrySource[], problems: ContentProblem[], env: SiteEnv): CheckedEntry[] {
  const entries: CheckedEntry[] = [];
  const refs: { from: CheckedEntry; field: string; target: RefMarker }[] = [];
  for (const source of sources) {
    const entry = checkEntry(source, problems);
    if (!entry) continue;
    entries.push(entry);
    collectRefs(entry.data, [], (field, target) => refs.push({ from: entry, field, target }));
  }
  const ids = new Map<CollectionName, Set<string>>(COLLECTIONS.map((name) => [name, new Set<string>()]));
  // An entry that failed its schema still exists: a reference to it is not dangling.
  for (const { collection, id } of sources) ids.get(collection)!.add(id);
  for (const { from, field, target } of refs) {
    if (!ids.get(target[REF_MARK])!.has(target.id)) {
      problems.push({
        file: from.file,
        field,
        message: `ссылка на несуществующую запись «${target.id}» в разделе «${collectionSpec(target[REF_MARK]).section}»`,
      });
    }
  }
  checkParents(entries, problems);
  checkInternalLinks(entries, problems, env);
  checkDemoMarks(entries, problems);
  return entries.map((entry) => ({ ...entry, data: unmark(entry.data) as Record<string, unknown> }));
}

/** One entry against its schema, the id it records and its text. */
export function checkEntry(source: EntrySource, problems: ContentProblem[]): CheckedEntry | undefined {
  const { collection, id, file, data, body } = source;
  const parsed = markingSchema(collection).safeParse(data);
  if (!parsed.success) {
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = formatPath(issue.path);
      // A value can fail one check twice (zod's address check: protocol and host); say it once.
      if (reported.has(`${field}\n${issue.message}`)) continue;
      reported.add(`${field}\n${issue.message}`);
      problems.push({ file, field, message: issue.message });
    }
    return undefined;
  }
  const entry: CheckedEntry = { collection, id, file, data: parsed.data as Record<string, unknown>, written: data, body };
  const written = (parsed.data as { id?: string }).id;
  if (written && written !== id) {
    problems.push({ file, field: 'id', message: `идентификатор «${written}» не совпадает с именем файла «${id}»: переименуйте файл или исправьте поле` });
  }
  const text = collectionSpec(collection).body;
  if (text && isBlankText(body)) problems.push({ file, message: text.missing });
  return entry;
}

/** An organisation above itself, directly or round a circle (a → b → a): district pages would never end. */
function checkParents(entries: CheckedEntry[], problems: ContentProblem[]) {
  const organizations = entries.filter((e) => e.collection === 'organizations');
  const parentOf = new Map(
    organizations.map((e) => {
      const parent = e.data.parent;
      return [e.id, isRef(parent) ? parent.id : typeof parent === 'string' ? parent : undefined] as const;
    }),
  );
  for (const org of organizations) {
    const chain = [org.id];
    let next = parentOf.get(org.id);
    while (next && parentOf.has(next) && !chain.includes(next)) {
      chain.push(next);
      next = parentOf.get(next);
    }
    if (next !== org.id) continue;
    problems.push({
      file: org.file,
      field: 'parent',
      message:
        chain.length === 1
          ? 'организация указана вышестоящей для самой себя: уберите это поле или впишите управление образования, которому она подчиняется'
          : `вышестоящие организации замыкаются по кругу: «${[...chain, org.id].join(' → ')}» — у одной из них это поле нужно убрать или исправить`,
    });
  }
}

/**
 * Fictional content stays marked «пример» all the way down: a practice, mentor, roadmap or
 * regulation of a fictional organisation must say so too, or a visitor takes it for real.
 */
function checkDemoMarks(entries: CheckedEntry[], problems: ContentProblem[]) {
  const demoOrgs = new Set(entries.filter((e) => e.collection === 'organizations' && e.data.demo === true).map((e) => e.id));
  for (const entry of entries) {
    if (entry.collection === 'organizations' || entry.collection === 'settings' || entry.data.demo === true) continue;
    const org = entry.data.organization;
    const orgId = isRef(org) ? org.id : org;
    if (typeof orgId === 'string' && demoOrgs.has(orgId)) {
      problems.push({
        file: entry.file,
        field: 'demo',
        message: `организация «${orgId}» — вымышленный пример, значит и эта запись должна быть помечена «пример» (demo: true)`,
      });
    }
  }
}

function isRef(value: unknown): value is RefMarker {
  return typeof value === 'object' && value !== null && REF_MARK in value;
}

function collectRefs(value: unknown, path: PropertyKey[], found: (field: string, ref: RefMarker) => void) {
  if (isRef(value)) return found(formatPath(path), value);
  if (Array.isArray(value)) value.forEach((item, i) => collectRefs(item, [...path, i], found));
  else if (value && typeof value === 'object' && !(value instanceof Date))
    for (const [key, item] of Object.entries(value)) collectRefs(item, [...path, key], found);
}

function unmark(value: unknown): unknown {
  if (isRef(value)) return value.id;
  if (Array.isArray(value)) return value.map(unmark);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmark(v)]));
  return value;
}

/** A field's place as an editor reads it: «stages[2].items[1].deadline». */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part + 1}]` : String(part)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** An entry that refers to another, and where: a reference field, or «body» for a link in its text. */
export interface Referrer {
  source: EntrySource;
  field: string;
}

/**
 * The entries that refer to `target`: by a reference field, or by a link in their text to its page.
 * Deleting `target` would leave each of them dangling: the editor refuses it, naming them.
 */
export function referrersOf(target: { collection: CollectionName; id: string }, sources: EntrySource[], env: SiteEnv): Referrer[] {
  const found: Referrer[] = [];
  const options = linkOptions(sources, env);
  for (const source of sources) {
    if (source.collection === target.collection && source.id === target.id) continue;
    const parsed = markingSchema(source.collection).safeParse(source.data);
    if (parsed.success)
      collectRefs(parsed.data, [], (field, ref) => {
        if (ref[REF_MARK] === target.collection && ref.id === target.id) found.push({ source, field });
      });
    const linked = linksIn(source.body ?? '').some((link) => {
      const to = entryOfLink(link, options);
      return to?.collection === target.collection && to.id === target.id;
    });
    if (linked) found.push({ source, field: 'body' });
  }
  return found;
}
