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
import { ID_PATTERN, type CollectionName } from '../schemas/common.ts';
import { collectionSpec, COLLECTIONS, contentRoot, entryExtension, SITE_SETTINGS_ID, siteSettingsFile } from '../schemas/collections.ts';
import { atLine, decodeEntry, EntryReadError, readEntry, type RawEntry } from './read-entry.ts';
import { checkEntries, formatPath, type EntrySource, type SiteEnv } from './entries.ts';
import { checkPeople } from './people.ts';
import { IMAGE_MAX_BYTES, imageTooLarge } from '../../cms/media.ts';
import { looksLikeConsent, ORIGINAL_COLLECTIONS, ORIGINAL_MAX_BYTES, ORIGINAL_MAX_MB, ORIGINALS_FOLDER } from '../lib/signed-originals.ts';

export interface ContentProblem {
  file: string;
  field?: string;
  message: string;
  /** Where in the file, for a slip not tied to a field (a YAML error, a character); the message says it too. */
  line?: number;
  column?: number;
  /**
   * A person's detail written where it would be published: the build goes on to the leak scan,
   * which fails it naming each output the detail reached (see content-integrity).
   */
  personal?: true;
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

/** How a file's bytes become its fields: read-entry.ts, or a memo of it (check-cache.ts). */
export type EntryReader = (fileName: string, bytes: Uint8Array) => RawEntry;
const readFile: EntryReader = (name, bytes) => readEntry(name, decodeEntry(bytes));

export function checkContent(root: string, content = contentRoot(), env: SiteEnv = process.env, read: EntryReader = readFile): CheckResult {
  const problems: ContentProblem[] = [];
  const sources: EntrySource[] = [];
  const absContent = join(root, content);

  for (const collection of COLLECTIONS) {
    const { dir } = collectionSpec(collection);
    const absDir = join(absContent, dir);
    const seen = new Map<string, string>();
    if (!existsSync(absDir)) continue;
    const accepted = entryExtension(collection);

    for (const name of readdirSync(absDir).sort()) {
      const absFile = join(absDir, name);
      const file = relative(root, absFile);
      if (statSync(absFile).isDirectory()) {
        strayEntries(absFile, root, dir, problems);
        continue;
      }
      if (isSystemFile(name)) continue;
      if (name.startsWith('.')) {
        problems.push({ file, message: hiddenFileMessage(name) });
        continue;
      }
      const wrongName = extensionProblem(name, accepted);
      if (wrongName) {
        problems.push({ file, message: wrongName });
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

      let raw: RawEntry;
      try {
        raw = read(name, readFileSync(absFile));
      } catch (error) {
        if (error instanceof EntryReadError) {
          problems.push({ file, message: error.message, ...(error.line ? { line: error.line, column: error.column } : {}) });
          continue;
        }
        throw error;
      }
      checkControlCharacters(file, raw, problems);
      sources.push({ collection, id, file, data: raw.data, body: raw.body });
    }
  }
  strayContent(absContent, root, problems);
  const checked = checkEntries(sources, problems, env);
  for (const entry of checked) checkImages(entry, join(absContent, collectionSpec(entry.collection).dir), problems);
  for (const entry of checked) checkOriginal(entry, join(absContent, collectionSpec(entry.collection).dir), problems);

  if (!sources.some((entry) => entry.collection === 'settings' && entry.id === SITE_SETTINGS_ID)) {
    const file = relative(root, join(root, content, siteSettingsFile()));
    if (!problems.some((problem) => problem.file === file)) {
      problems.push({
        file,
        message: 'нет файла настроек сайта: без него неизвестны название раздела, организация-владелец и адрес сайта',
      });
    }
  }

  // People's data (152-ФЗ): minors, photos that belong to one card, withheld details written elsewhere.
  checkPeople(checked, problems, { root, content });
  return { problems, entries: checked };
}

/** Files an operating system or git leaves in folders: not content, so not worth a word. */
const SYSTEM_FILES = new Set(['.gitkeep', '.keep', '.ds_store', 'thumbs.db', 'desktop.ini']);
const isSystemFile = (name: string) => SYSTEM_FILES.has(name.toLowerCase()) || name.startsWith('._');

/** Extensions of files that look like entries, wherever they lie. */
const ENTRY_LIKE = new Set(['.yaml', '.yml', '.md', '.markdown', '.mdx', '.json']);
const isEntryLike = (name: string) => ENTRY_LIKE.has(extname(name).toLowerCase());

const COLLECTION_DIRS = COLLECTIONS.map((c) => collectionSpec(c).dir);

function hiddenFileMessage(name: string): string {
  return (
    `имя файла начинается с точки, поэтому файл скрыт и не будет опубликован: если запись нужна на сайте, уберите точку в начале имени («${name.replace(/^\.+/, '')}»); ` +
    'если это черновик или копия — удалите файл или перенесите его из папки содержимого'
  );
}

/**
 * The site reads exactly `*.yaml` (or `*.md`) in a collection's folder: an upper-case «.YAML»,
 * a «.yml» or a «.markdown» would be skipped without a word, so each is named with the fix.
 */
function extensionProblem(name: string, accepted: string): string | undefined {
  const ext = extname(name);
  if (ext === accepted) return undefined;
  if (!ext) return `файл без расширения не будет прочитан: в этой папке нужны файлы ${accepted} — если это запись, переименуйте его в «${name}${accepted}»`;
  const renamed = `${basename(name, ext)}${accepted}`;
  const lower = ext.toLowerCase();
  if (lower === accepted) return `файл с расширением «${ext}» не будет прочитан: переименуйте его в «${renamed}» — расширение пишется строчными буквами`;
  const sameKind = accepted === '.yaml' ? ['.yml'] : ['.markdown', '.mdown', '.mkd', '.mdx'];
  if (sameKind.includes(lower)) return `файл с расширением «${ext}» не будет прочитан: в этой папке нужны файлы ${accepted} — переименуйте его в «${renamed}»`;
  return `файл с расширением «${ext}» не будет прочитан: в этой папке нужны файлы ${accepted}; уберите его отсюда или, если это запись, сохраните её в файл ${accepted}`;
}

/** Every file below `dir`, with the folder names on the way (relative to `dir`). */
function* walkFiles(dir: string, folders: string[] = []): Generator<{ path: string; name: string; folders: string[] }> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walkFiles(path, [...folders, name]);
    else yield { path, name, folders };
  }
}

/** Entries in a subfolder of a collection's folder (mentors/arhiv/…): the site reads only the folder itself. */
function strayEntries(subdir: string, root: string, collectionDir: string, problems: ContentProblem[]) {
  const hiddenSubdir = basename(subdir).startsWith('.');
  for (const { path, name, folders } of walkFiles(subdir)) {
    if (isSystemFile(name) || !isEntryLike(name)) continue;
    const hidden = hiddenSubdir || folders.some((f) => f.startsWith('.'));
    problems.push({
      file: relative(root, path),
      message: hidden
        ? `файл лежит в скрытой папке (её имя начинается с точки) и не будет опубликован: перенесите его прямо в папку «${collectionDir}» или удалите`
        : `файл во вложенной папке не будет опубликован: записи раздела лежат прямо в папке «${collectionDir}» — перенесите файл туда или удалите его`,
    });
  }
}

/**
 * Entries outside every collection's folder (a typo in a folder name, a file dropped at the top).
 * A README at the top is a note for editors, not an entry.
 */
function strayContent(absContent: string, root: string, problems: ContentProblem[]) {
  if (!existsSync(absContent)) return;
  const sections = COLLECTION_DIRS.map((d) => `«${d}»`).join(', ');
  for (const name of readdirSync(absContent).sort()) {
    const path = join(absContent, name);
    if (statSync(path).isDirectory()) {
      if (COLLECTION_DIRS.includes(name)) continue;
      for (const file of walkFiles(path)) {
        if (isSystemFile(file.name) || !isEntryLike(file.name)) continue;
        problems.push({
          file: relative(root, file.path),
          message: `файл лежит в папке «${name}», которая не относится ни к одному разделу сайта, поэтому он не будет опубликован: перенесите его в папку нужного раздела (${sections})`,
        });
      }
    } else if (!isSystemFile(name) && isEntryLike(name) && !/^readme\./i.test(name)) {
      problems.push({
        file: relative(root, path),
        message: `файл лежит вне папок разделов и не будет опубликован: перенесите его в папку нужного раздела (${sections})`,
      });
    }
  }
}

/**
 * Invisible control characters (NUL, BEL, ESC…; tab and line breaks are fine). They come with text
 * copied from other programs, and the site's own YAML reader stops on them, naming no file.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const codeOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const CONTROL_HINT = 'обычно он попадает в текст при копировании из другой программы';

function checkControlCharacters(file: string, raw: RawEntry, problems: ContentProblem[]) {
  let found = false;
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const char = CONTROL.exec(value)?.[0];
      if (!char) return;
      found = true;
      problems.push({
        file,
        field: formatPath(path),
        message: `в поле есть невидимый служебный символ (${codeOf(char)}) — ${CONTROL_HINT}: перепечатайте текст этого поля`,
      });
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(raw.data, []);
  const positioned = (text: string, firstLine: number, what: string, fix: string) => {
    const match = CONTROL.exec(text);
    if (!match) return;
    found = true;
    const before = text.slice(0, match.index);
    const line = firstLine + before.split('\n').length - 1;
    const column = match.index - before.lastIndexOf('\n');
    problems.push({
      file,
      line,
      column,
      message: atLine(line, column, `${what} есть невидимый служебный символ (${codeOf(match[0])}) — ${CONTROL_HINT}: ${fix}`),
    });
  };
  if (raw.body !== undefined && raw.bodyLine !== undefined) positioned(raw.body, raw.bodyLine, 'в тексте после блока полей', 'перепечатайте эту строку');
  // In a comment or a field name: no value shows it, but the site's reader still stops on it.
  if (!found) positioned(raw.fieldsText, raw.fieldsLine, 'в файле', 'удалите его или перепечатайте эту строку');
}

/** The limit lives with the editor's media settings, which refuse the same files at upload (one number, one message). */
export { IMAGE_MAX_MB } from '../../cms/media.ts';

/** A signed original: a file in the entry's own folder, not too large, and not a person's document. */
function checkOriginal(entry: CheckedEntry, dir: string, problems: ContentProblem[]) {
  if (!(ORIGINAL_COLLECTIONS as readonly string[]).includes(entry.collection)) return;
  const value = entry.data.signedOriginal;
  if (typeof value !== 'string') return;
  const field = 'signedOriginal';
  const target = resolve(dir, value);
  const own = resolve(dir, ORIGINALS_FOLDER, entry.id);
  if (looksLikeConsent(value)) {
    problems.push({
      file: entry.file,
      field,
      message: `«${value}» похоже на согласие или другой документ о человеке: такие документы не публикуются (152-ФЗ) — загрузите сюда утверждённый документ с подписью`,
    });
  } else if (!target.startsWith(`${own}/`)) {
    problems.push({
      file: entry.file,
      field,
      message: `подписанный документ должен лежать в папке этой записи (${ORIGINALS_FOLDER}/${entry.id}/), а указан «${value}»: загрузите файл заново через редактор`,
    });
  } else if (!existsSync(target)) {
    problems.push({ file: entry.file, field, message: `файл подписанного документа «${value}» не найден` });
  } else if (statSync(target).size > ORIGINAL_MAX_BYTES) {
    problems.push({
      file: entry.file,
      field,
      message: `файл «${value}» больше ${ORIGINAL_MAX_MB} МБ: сохраните скан с меньшим разрешением (300 точек на дюйм хватит) и загрузите снова`,
    });
  }
}

/** Image fields hold paths relative to the entry; a missing file is reported here, not at render time. */
function checkImages(entry: CheckedEntry, dir: string, problems: ContentProblem[]) {
  for (const field of collectionSpec(entry.collection).images?.fields ?? []) {
    const value = entry.data[field];
    if (typeof value !== 'string') continue;
    const target = resolve(dir, value);
    if (!existsSync(target)) problems.push({ file: entry.file, field, message: `файл изображения «${value}» не найден` });
    else if (statSync(target).size > IMAGE_MAX_BYTES) problems.push({ file: entry.file, field, message: imageTooLarge(value, statSync(target).size) });
    else if (!isImage(target))
      problems.push({ file: entry.file, field, message: `файл «${value}» — не изображение: нужна фотография в формате JPEG, PNG, WebP или AVIF` });
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

export { formatPath };

export function formatProblems(problems: ContentProblem[]): string {
  const lines = problems.map((p) => `  • ${p.file}${p.field ? ` → поле «${p.field}»` : ''}: ${p.message}`);
  return `Ошибки в содержимом сайта (${problems.length}):\n${lines.join('\n')}`;
}
