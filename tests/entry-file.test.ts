/**
 * Every content file is already in the form the editor writes: opening an entry in
 * Decap and saving it unchanged rewrites not a byte, so a change made in the editor
 * shows in `git diff` as that change alone. The project's own writer (importer,
 * `npm run content:format`) produces the same text as Decap's serialiser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/integrity/check.ts';
import { entryFileText } from '../src/lib/entry-file.ts';
import { decapRead, decapWrite } from './helpers/decap-format.ts';
import { ROOT } from './helpers/project.ts';

const { entries, problems } = checkContent(ROOT);

describe('content files as the editor writes them', () => {
  it('the content is valid', () => expect(problems).toEqual([]));

  it.each(entries.map((e) => [e.file, e]))('%s: saved unchanged in the editor, stays byte for byte the same', (_, entry) => {
    const text = readFileSync(join(ROOT, entry.file), 'utf8');
    const opened = decapRead(entry.collection, text);
    expect(decapWrite(entry.collection, opened), 'npm run content:format приведёт файл к виду, в котором его пишет редактор').toBe(text);
  });

  it.each(entries.map((e) => [e.file, e]))('%s: the project writer gives the same text', (_, entry) => {
    const text = readFileSync(join(ROOT, entry.file), 'utf8');
    expect(entryFileText(entry.collection, entry.written, entry.body)).toBe(text);
  });

  it('a Markdown entry keeps its text exactly, blank lines and all', () => {
    const body = '\n## 1. Раздел\n\n1.1. Пункт: «текст» — с тире.\n\n\n1.2. Ещё пункт\n';
    const text = entryFileText('regulations', { title: 'Положение', organization: 'shkola' }, body);
    expect(decapRead('regulations', text).body).toBe(body);
    expect(decapWrite('regulations', { ...decapRead('regulations', text) })).toBe(text);
  });
});
