/**
 * Where the importer writes: the path checked before anything is written, the writing done
 * so that nothing is left half-written, and the file system's English errors said in Russian.
 *
 *   checkTarget(target: Target): void                          — ImportError if the path will not do
 *   writeEntryFile(target: string, text: string, shown?): void — temporary file, then rename
 *   fileSystemError(error, shown, action): ImportError | undefined
 *
 * checkTarget's rules. The target must be a file: not an existing folder, not a path ending
 * in «/». Inside the content folder (contentRoot(), CONTENT_ROOT honoured) it must lie
 * directly in the folder of the collection being imported (roadmaps/*.yaml, regulations/*.md)
 * with that extension and a name that fits ID_PATTERN, since the name is the entry's id and
 * the page's address: anything else is «записано» today and a failed build tomorrow. Outside
 * the content folder any path will do.
 *
 * writeEntryFile writes a hidden temporary file beside the target and renames it over the
 * target; whatever fails (a folder in the way, no rights, a full disk), the temporary file
 * and any folder created for it are removed and the error is one Russian line.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { latinId } from '../../cms/latin-id.ts';
import { collectionSpec, contentRoot, entryExtension, ID_PATTERN } from '../schemas/index.ts';
import type { ImportKind } from './import-document.ts';
import { ImportError } from './source-document.ts';

export interface Target {
  /** The project root; relative paths are read from it. */
  root: string;
  /** The path as the user gave it (--out), or undefined for the default one. */
  out: string | undefined;
  /** Where it resolves to. */
  path: string;
  kind: ImportKind;
  /** The entry's id, for the examples in messages. */
  id: string;
}

/** The collection an imported document becomes. */
export const collectionOf = (kind: ImportKind) => (kind === 'roadmap' ? 'roadmaps' : 'regulations');
const KIND_WORDS: Record<ImportKind, { name: string; must: string; it: string }> = {
  roadmap: { name: 'дорожная карта', must: 'должна', it: 'её' },
  regulation: { name: 'положение', must: 'должно', it: 'его' },
};

const isInside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

export function checkTarget({ root, out, path, kind, id }: Target): void {
  const shown = out ?? relative(root, path);
  const collection = collectionOf(kind);
  const extension = entryExtension(collection);
  const refuse = (why: string): never => {
    throw new ImportError(`--out ${shown}: ${why}`);
  };

  const content = resolve(root, contentRoot());
  const folder = resolve(content, collectionSpec(collection).dir);
  const folderShown = relative(root, folder);

  if (/[\\/]$/.test(shown) || (existsSync(path) && statSync(path).isDirectory())) {
    // A file in that folder, unless that would be the wrong place inside the content folder.
    const inFolder = resolve(path, `${id}${extension}`);
    const example = isInside(content, inFolder) && dirname(inFolder) !== folder ? join(folderShown, `${id}${extension}`) : join(shown, `${id}${extension}`);
    refuse(`это папка, а нужен путь к файлу — например, ${example}`);
  }

  if (!isInside(content, path)) return;
  const stem = basename(path, extname(path));
  const name = `${ID_PATTERN.test(stem) ? stem : latinId(stem) || id}${extension}`;
  const example = join(folderShown, name);
  if (dirname(path) !== folder) {
    refuse(
      `${KIND_WORDS[kind].name} в папке содержимого ${KIND_WORDS[kind].must} лежать прямо в ${folderShown}/, иначе сайт ${KIND_WORDS[kind].it} не найдёт — ` +
        `укажите, например, ${example} (или не указывайте --out), либо путь вне ${relative(root, content)}/`,
    );
  }
  if (extname(path) !== extension) {
    refuse(`в ${folderShown}/ сайт читает только файлы ${extension} — укажите, например, ${example}`);
  }
  if (!ID_PATTERN.test(stem)) {
    refuse('имя файла станет адресом страницы, поэтому пишется латиницей: строчные буквы, цифры и дефисы, без пробелов — ' + `укажите, например, ${example}`);
  }
}

/**
 * Node's error about a file → one Russian line, or undefined if it is not a file system error.
 * `shown` is the path as the user knows it.
 */
export function fileSystemError(error: unknown, shown: string, action: 'read' | 'write'): ImportError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  const verb = action === 'read' ? 'прочитать' : 'записать';
  const messages: Record<string, string> = {
    EISDIR: `${shown} — это папка, а нужен путь к файлу`,
    ENOTDIR: `в пути ${shown} файл стоит там, где должна быть папка — выберите другой путь`,
    EEXIST: `в пути ${shown} файл стоит там, где должна быть папка — выберите другой путь`,
    ENOENT: `${shown} не найден — проверьте путь`,
    EACCES: `нет прав, чтобы ${verb} ${shown}: выберите другую папку или попросите администратора компьютера открыть доступ`,
    EPERM: `нет прав, чтобы ${verb} ${shown}: выберите другую папку или попросите администратора компьютера открыть доступ`,
    EROFS: `${shown} на диске, доступном только для чтения: выберите другую папку`,
    ENOSPC: `на диске не хватает места, чтобы записать ${shown}: освободите место и повторите`,
    EDQUOT: `на диске не хватает места, чтобы записать ${shown}: освободите место и повторите`,
    ENAMETOOLONG: `слишком длинный путь: ${shown} — выберите имя покороче`,
    EBUSY: `${shown} сейчас занят другой программой: закройте её и повторите`,
  };
  return new ImportError(messages[code] ?? `не удалось ${verb} ${shown} (код ошибки ${code}) — проверьте путь и повторите`);
}

export function writeEntryFile(target: string, text: string, shown = target): void {
  const temporary = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  let created: string | undefined;
  try {
    created = mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
      // Only folders this call made, so only empty ones (or holding the temporary file).
      if (created) rmSync(created, { recursive: true, force: true });
    } catch {
      // Nothing more can be done about it; the first error is the one to report.
    }
    throw fileSystemError(error, shown, 'write') ?? error;
  }
}
