/**
 * Rewrites every content file in the form Decap CMS writes it (src/lib/entry-file.ts),
 * so that a later save in the editor changes only what the editor changed.
 * The data is not touched: a file whose fields would read differently is left alone and reported.
 *
 *   npm run format:content            — rewrite the files that differ
 *   npm run format:content -- --check — only list them (exit 1 if any)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkContent } from '../src/integrity/check.ts';
import { readEntry } from '../src/integrity/read-entry.ts';
import { entryFileText } from '../src/lib/entry-file.ts';

const root = process.cwd();
const check = process.argv.includes('--check');
const { entries, problems } = checkContent(root);
if (problems.length) {
  console.error(`Сначала исправьте ошибки в содержимом (npm run check:content): ${problems.length}`);
  process.exit(1);
}

let differing = 0;
for (const entry of entries) {
  const path = join(root, entry.file);
  const before = readFileSync(path, 'utf8');
  const after = entryFileText(entry.collection, entry.written, entry.body);
  if (after === before) continue;
  const reread = readEntry(entry.file, after);
  if (!isDeepStrictEqual(reread.data, entry.written) || (reread.body ?? '') !== (entry.body ?? '')) {
    console.error(`${entry.file}: после переписывания поля читаются иначе — файл оставлен как есть`);
    process.exitCode = 1;
    continue;
  }
  differing++;
  if (check) console.log(`${entry.file}: не в том виде, в котором его пишет редактор`);
  else {
    writeFileSync(path, after);
    console.log(`${entry.file}: переписан`);
  }
}
console.log(check ? `Файлов не в формате редактора: ${differing} из ${entries.length}` : `Переписано файлов: ${differing} из ${entries.length}`);
if (check && differing) process.exitCode = 1;
