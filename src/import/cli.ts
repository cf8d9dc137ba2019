/**
 * `npm run import -- <file> [--org <id>] [--kind roadmap|regulation] [--out <path>] [--stdout] [--force]`
 *
 * Reads .pdf, .doc, .docx, .odt, .html or .txt (read-document.ts), writes one content entry valid under the schemas (or prints
 * it as JSON with --stdout) and a short report. Bad input gets a one-line error and a
 * non-zero exit; nothing is half-written and nothing is overwritten without --force.
 *
 * Limits: a file over 100 MB is not read; a .docx is measured unpacked before it is read
 * (zip-limits.ts); --out is checked before anything is written (output.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { entryFileText } from '../lib/entry-file.ts';
import { plainTools } from '../schemas/common.ts';
import { collectionSpec, contentRoot, entryExtension, schemaFor } from '../schemas/index.ts';
import { formatPath } from '../integrity/check.ts';
import { plural } from '../lib/format.ts';
import { importDocument, type ImportKind, type ImportResult } from './import-document.ts';
import { checkTarget, collectionOf, fileSystemError, writeEntryFile } from './output.ts';
import { passageLines } from './report.ts';
import { FORMATS_NAMED, readDocument } from './read-document.ts';
import { ImportError, type SourceDocument } from './source-document.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = `использование: npm run import -- <файл ${FORMATS_NAMED}> [--org <id>] [--kind roadmap|regulation] [--out <путь>] [--stdout] [--force]`;

const count = (n: number, forms: [string, string, string]) => `${n} ${plural(n, forms)}`;

/** One summary line; the share of words is over the whole source, what is left out is listed above it (passageLines). */
export function reportLine(result: ImportResult): string {
  const percent = result.coverage.total ? ((100 * result.coverage.covered) / result.coverage.total).toFixed(1) : '100';
  const parts =
    result.kind === 'roadmap'
      ? [
          `дорожная карта: ${count(result.stats.stages!, ['раздел', 'раздела', 'разделов'])}`,
          count(result.stats.items!, ['мероприятие', 'мероприятия', 'мероприятий']),
          `с датами — ${result.stats.dated}`,
        ]
      : [`положение: ${count(result.stats.sections!, ['раздел', 'раздела', 'разделов'])}`, count(result.stats.clauses!, ['пункт', 'пункта', 'пунктов'])];
  parts.push(count(result.warnings.length, ['предупреждение', 'предупреждения', 'предупреждений']));
  parts.push(`слов источника перенесено: ${percent} % (${result.coverage.covered} из ${result.coverage.total})`);
  const { layout } = result.coverage;
  const markup = layout ? `; не перенесена разметка — ${count(layout, ['слово', 'слова', 'слов'])} (заголовки столбцов, «УТВЕРЖДАЮ», номера в списках)` : '';
  return parts.join(', ') + markup;
}

/** Guesses the organisation from the names of those already in the content. */
function guessOrganization(root: string, document: SourceDocument): string | undefined {
  const dir = join(root, organizationsDir());
  if (!existsSync(dir)) return undefined;
  const text = document.blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  for (const file of readdirSafe(dir)) {
    const data = parseYaml(readFileSync(join(dir, file), 'utf8')) ?? {};
    const names = [data.name, data.shortName].filter(Boolean).map((n: string) => n.replace(/\s+/g, ' ').toLowerCase());
    if (names.some((n: string) => text.includes(n))) return basename(file, extname(file));
  }
  return undefined;
}
/** The organisations' folder, relative to the project (CONTENT_ROOT honoured). */
const organizationsDir = () => join(contentRoot(), collectionSpec('organizations').dir);
const readdirSafe = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(entryExtension('organizations')));

/** The file as the editor would write it, so that its first save in Decap changes nothing else. */
export function serialiseEntry(result: ImportResult): string {
  const data = result.data as Record<string, unknown>;
  return entryFileText(collectionOf(result.kind), data, result.kind === 'regulation' ? result.body : undefined);
}

export async function runImport(argv: string[], root = process.cwd()): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        org: { type: 'string' },
        kind: { type: 'string' },
        out: { type: 'string' },
        stdout: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return { code: 2, stdout: '', stderr: `${(error as Error).message}\n${USAGE}\n` };
  }
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) return { code: 2, stdout: '', stderr: `${USAGE}\n` };
  const kind = args.values.kind as ImportKind | undefined;
  if (kind && kind !== 'roadmap' && kind !== 'regulation') return { code: 2, stdout: '', stderr: `--kind: «${kind}» — нужно roadmap или regulation\n` };

  try {
    const { document, warnings: readerWarnings } = await readDocument(resolve(root, file), file);
    document.file = file;
    for (const warning of readerWarnings) err.push(`внимание: ${warning}`);
    let organization = args.values.org ?? guessOrganization(root, document);
    if (!organization) {
      if (!args.values.stdout) throw new ImportError(`не указана организация: добавьте --org <идентификатор из ${organizationsDir()}>`);
      organization = 'organizaciya';
      err.push('внимание: организация не указана и не найдена среди известных — в записи стоит «organizaciya»');
    }
    const orgFile = join(root, organizationsDir(), `${organization}${entryExtension('organizations')}`);
    const orgKind = existsSync(orgFile) ? (parseYaml(readFileSync(orgFile, 'utf8'))?.kind as string | undefined) : undefined;
    if (!existsSync(orgFile)) err.push(`внимание: организации «${organization}» нет в ${organizationsDir()} — создайте её до сборки`);

    const result = importDocument(document, { kind, organization, organizationKind: orgKind });
    const collection = collectionOf(result.kind);
    const schema = schemaFor(collection, plainTools);
    const checked = schema.safeParse(result.data);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new ImportError(`запись не прошла проверку: поле «${formatPath(issue.path)}» — ${issue.message}`);
    }

    for (const w of result.warnings) err.push(`строка ${w.line}: ${w.message}`);
    err.push(...passageLines(result.coverage));
    err.push(reportLine(result));
    if (args.values.stdout) {
      out.push(JSON.stringify(result.kind === 'regulation' ? { ...result.data, body: result.body } : result.data, null, 2));
      return { code: 0, stdout: `${out.join('\n')}\n`, stderr: `${err.join('\n')}\n` };
    }
    const id = entryId(result, organization);
    const target = resolve(root, args.values.out ?? join(contentRoot(), collectionSpec(collection).dir, `${id}${entryExtension(collection)}`));
    checkTarget({ root, out: args.values.out, path: target, kind: result.kind, id });
    if (existsSync(target) && !args.values.force) throw new ImportError(`${relative(root, target)} уже существует: чтобы заменить, добавьте --force`);
    writeEntryFile(target, serialiseEntry(result), args.values.out ?? relative(root, target));
    err.push(`записано: ${relative(root, target)}`);
    return { code: 0, stdout: '', stderr: `${err.join('\n')}\n` };
  } catch (error) {
    if (error instanceof ImportError) return { code: 1, stdout: '', stderr: `${[...err, `ошибка: ${error.message}`].join('\n')}\n` };
    const where = (error as NodeJS.ErrnoException | undefined)?.path;
    const russian = fileSystemError(error, where ? relative(root, where) : 'файл', 'read');
    if (russian) return { code: 1, stdout: '', stderr: `${[...err, `ошибка: ${russian.message}`].join('\n')}\n` };
    // A fault of the importer itself, not of the document: said in Russian, with the technical detail for a bug report.
    const detail = ((error as Error).message ?? String(error)).split('\n')[0];
    const line =
      `импорт не смог разобрать ${file} — это ошибка программы, а не документа: сообщите о ней, приложив файл, ` +
      `а пока попробуйте сохранить документ в другом формате (.docx, .odt или PDF) (подробности: ${detail})`;
    return { code: 1, stdout: '', stderr: `${[...err, `ошибка: ${line}`].join('\n')}\n` };
  }
}

function entryId(result: ImportResult, organization: string): string {
  if (result.kind === 'regulation') return organization;
  const period = result.data.period as { from: string; to: string };
  const [a, b] = [period.from.slice(0, 4), period.to.slice(0, 4)];
  return a === b ? `${organization}-${a}` : `${organization}-${a}-${b}`;
}
