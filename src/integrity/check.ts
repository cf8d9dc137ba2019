/**
 * The build's own content integrity check.
 *
 * Astro's content layer only logs a dangling reference and keeps the last of two
 * entries with the same id; for a public site about real people that is not enough.
 * This check reads every content file with the same schemas, and reports — all at
 * once, in words an editor understands — schema errors, duplicate ids, references
 * to entries that do not exist, and people published without consent (the schema
 * demands `consent.publication: true`).
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, relative, extname, basename, resolve } from 'node:path';
import { z } from 'astro/zod';
import {
  COLLECTIONS,
  ID_PATTERN,
  idString,
  plainTools,
  type CollectionName,
  type SchemaTools,
} from '../schemas/common.ts';
import { collectionFiles, contentRoot, schemaFactories } from '../schemas/index.ts';
import { EntryReadError, readEntry } from './read-entry.ts';
import { checkPeople } from './people.ts';

/** The one settings file the site reads (the CMS edits it as a file collection). */
export const SITE_SETTINGS_ID = 'site';

export interface ContentProblem {
  file: string;
  field?: string;
  message: string;
}

export interface CheckedEntry {
  collection: CollectionName;
  id: string;
  file: string;
  /** The fields as the schema gives them: defaults filled in, dates as Date. */
  data: Record<string, unknown>;
  /** The fields as written in the file. */
  written: Record<string, unknown>;
  body?: string;
}

export interface CheckResult {
  problems: ContentProblem[];
  entries: CheckedEntry[];
}

const REF_MARK = '__ref';
interface RefMarker {
  [REF_MARK]: CollectionName;
  id: string;
}

/** Tools that turn each reference into a marker, so the parsed tree says where references are. */
const markingTools: SchemaTools = {
  ...plainTools,
  ref: (collection) => idString.transform((id): RefMarker => ({ [REF_MARK]: collection, id })),
};

/** Extensions each collection accepts; anything else in its folder is an editor's mistake worth reporting. */
function acceptedExtensions(pattern: string): string[] {
  return [pattern.replace('*', '')];
}

export function checkContent(root: string, content = contentRoot()): CheckResult {
  const problems: ContentProblem[] = [];
  const entries: CheckedEntry[] = [];
  const refs: { from: CheckedEntry; field: string; target: RefMarker }[] = [];
  const ids = new Map<CollectionName, Map<string, string>>();

  for (const collection of COLLECTIONS) {
    const { dir, pattern } = collectionFiles[collection];
    const absDir = join(root, content, dir);
    const seen = new Map<string, string>();
    ids.set(collection, seen);
    if (!existsSync(absDir)) continue;
    const schema = schemaFactories[collection](markingTools) as z.ZodType;
    const accepted = acceptedExtensions(pattern);

    for (const name of readdirSync(absDir).sort()) {
      const absFile = join(absDir, name);
      if (name.startsWith('.') || statSync(absFile).isDirectory()) continue;
      const file = relative(root, absFile);
      const ext = extname(name).toLowerCase();
      if (!accepted.includes(ext)) {
        problems.push({
          file,
          message: `файл с расширением «${ext || 'без расширения'}» не будет прочитан: в этой папке нужны файлы ${accepted.join(', ')}`,
        });
        continue;
      }
      const id = basename(name, extname(name));
      if (!ID_PATTERN.test(id)) {
        problems.push({
          file,
          message: `имя файла «${id}» станет адресом страницы: нужны латинские строчные буквы, цифры и дефисы`,
        });
      }
      const earlier = seen.get(id);
      if (earlier) {
        problems.push({ file, message: `идентификатор «${id}» уже занят файлом ${earlier}` });
        continue;
      }
      seen.set(id, file);

      let raw;
      try {
        raw = readEntry(name, readFileSync(absFile, 'utf8'));
      } catch (error) {
        if (error instanceof EntryReadError) {
          problems.push({ file, message: error.message });
          continue;
        }
        throw error;
      }
      if (raw.data === null || typeof raw.data !== 'object' || Array.isArray(raw.data)) {
        problems.push({ file, message: 'файл пуст или не содержит полей' });
        continue;
      }
      const parsed = schema.safeParse(raw.data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push({ file, field: formatPath(issue.path), message: issue.message });
        }
        continue;
      }
      const entry: CheckedEntry = { collection, id, file, data: parsed.data as Record<string, unknown>, written: raw.data as Record<string, unknown>, body: raw.body };
      const written = (parsed.data as { id?: string }).id;
      if (written && written !== id) {
        problems.push({ file, field: 'id', message: `идентификатор «${written}» не совпадает с именем файла «${id}»: переименуйте файл или исправьте поле` });
      }
      entries.push(entry);
      collectRefs(entry.data, [], (field, target) => refs.push({ from: entry, field, target }));
      checkImages(entry, absDir, problems);
      if ((collection === 'regulations' || collection === 'practices') && !raw.body?.trim()) {
        problems.push({
          file,
          message: collection === 'regulations' ? 'нет текста положения после блока полей' : 'нет описания практики после блока полей',
        });
      }
    }
  }

  if (!entries.some((entry) => entry.collection === 'settings' && entry.id === SITE_SETTINGS_ID)) {
    const file = relative(root, join(root, content, collectionFiles.settings.dir, `${SITE_SETTINGS_ID}.yaml`));
    if (!problems.some((problem) => problem.file === file)) {
      problems.push({
        file,
        message: 'нет файла настроек сайта: без него неизвестны название раздела, организация-владелец и адрес сайта',
      });
    }
  }

  for (const { from, field, target } of refs) {
    if (!ids.get(target[REF_MARK])?.has(target.id)) {
      problems.push({
        file: from.file,
        field,
        message: `ссылка на несуществующую запись «${target.id}» в разделе «${COLLECTION_LABELS[target[REF_MARK]]}»`,
      });
    }
  }

  checkDemoMarks(entries, problems);
  const checked = entries.map((entry) => ({ ...entry, data: unmark(entry.data) as Record<string, unknown> }));
  // People's data (152-ФЗ): minors, photos that belong to one card, withheld details written elsewhere.
  checkPeople(checked, problems, { root, content });
  return { problems, entries: checked };
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
      problems.push({ file: entry.file, field: 'demo', message: `организация «${orgId}» — вымышленный пример, значит и эта запись должна быть помечена «пример» (demo: true)` });
    }
  }
}

export const COLLECTION_LABELS: Record<CollectionName, string> = {
  organizations: 'организации',
  forms: 'формы наставничества',
  regulations: 'положения',
  roadmaps: 'дорожные карты',
  practices: 'практики',
  mentors: 'наставники',
  settings: 'настройки',
};

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
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmark(v)]));
  return value;
}

/** Image fields hold paths relative to the entry; a missing file is reported here, not at render time. */
function checkImages(entry: CheckedEntry, dir: string, problems: ContentProblem[]) {
  for (const field of ['photo', 'cover'] as const) {
    const value = entry.data[field];
    if (typeof value !== 'string') continue;
    const target = resolve(dir, value);
    if (!existsSync(target)) problems.push({ file: entry.file, field, message: `файл изображения «${value}» не найден` });
    else if (!isImage(target)) problems.push({ file: entry.file, field, message: `файл «${value}» — не изображение: нужна фотография в формате JPEG, PNG, WebP или AVIF` });
  }
}

/** By the file's first bytes, not its name: a renamed document is caught here, not by the image pipeline. */
function isImage(path: string): boolean {
  const head = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 12, 0);
  } finally {
    closeSync(fd);
  }
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  return (
    (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) || // JPEG
    ascii(1, 4) === 'PNG' ||
    (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') ||
    (ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12)))
  );
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part + 1}]` : String(part))).join('.').replace(/\.\[/g, '[');
}

export function formatProblems(problems: ContentProblem[]): string {
  const lines = problems.map((p) => `  • ${p.file}${p.field ? ` → поле «${p.field}»` : ''}: ${p.message}`);
  return `Ошибки в содержимом сайта (${problems.length}):\n${lines.join('\n')}`;
}

