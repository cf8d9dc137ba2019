/**
 * The import corpus (issue 18, item 7): documents made here, in the layouts Word users make and
 * in every format the importer takes, each beside its expected entry derived from the model it
 * was written from (tests/fixtures/import/make-corpus.ts) — never from the importer's output.
 *
 * One `it` per layout feature, so that a failure names the feature that broke and lists, per
 * document, what was missed. Coverage is counted here independently, over the document's text
 * as written, and compared with the importer's report line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../src/import/cli.ts';
import { ROOT, TMP } from './helpers/project.ts';
import { deflated, zip } from './helpers/zip.ts';

const DIR = 'tests/fixtures/import';

interface ExpectedItem {
  number: string;
  title: string;
  deadline: { text: string; dated: boolean; from?: string; to?: string };
  responsible: string[];
  result?: string;
}
interface ExpectedRoadmap {
  title: string;
  period: { from: string; to: string };
  approvalDate?: string;
  goals: string[];
  tasks: string[];
  stages: { number?: string; title: string; items: ExpectedItem[] }[];
  targets: { indicator: string; bound?: string; value: number; unit?: string; year?: number }[];
}
interface ExpectedRegulation {
  title: string;
  approvalDate?: string;
  sections: { number: string; title: string }[];
  clauses: { number: string; text: string }[];
}
interface Expected {
  name: string;
  features: string[];
  files: string[];
  org: string;
  kind: 'roadmap' | 'regulation' | 'both';
  roadmap?: ExpectedRoadmap;
  regulation?: ExpectedRegulation;
  sourceText: string[];
  chrome?: string[];
}

const CORPUS: Expected[] = readdirSync(join(ROOT, DIR))
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(ROOT, DIR, f), 'utf8')));

// ---- running the importer, once per file and kind ---------------------------------------------

interface Outcome {
  code: number;
  stderr: string;
  /** The entry printed by --stdout (a regulation with its `body`). */
  entry?: Record<string, any>;
  /** The coverage the report line gives, in percent. */
  reported?: number;
}

const runs = new Map<string, Promise<Outcome>>();
function imported(doc: Expected, file: string, kind?: 'roadmap' | 'regulation'): Promise<Outcome> {
  const key = `${file}|${kind ?? ''}`;
  if (!runs.has(key)) {
    runs.set(
      key,
      (async () => {
        const args = [join(DIR, file), '--stdout', '--org', doc.org, ...(kind ? ['--kind', kind] : [])];
        const result = await runImport(args, ROOT).catch((error: Error) => ({ code: 99, stdout: '', stderr: `исключение: ${error.message}` }));
        const reported = /слов источника перенесено: ([\d.]+) %/.exec(result.stderr)?.[1];
        let entry: Record<string, any> | undefined;
        try {
          entry = result.code === 0 ? JSON.parse(result.stdout) : undefined;
        } catch {
          entry = undefined;
        }
        return { code: result.code, stderr: result.stderr, entry, reported: reported === undefined ? undefined : Number(reported) };
      })(),
    );
  }
  return runs.get(key)!;
}

/** The kind to import a document as: a document holding both is imported once as each. */
const kindsOf = (doc: Expected): ('roadmap' | 'regulation')[] => (doc.kind === 'both' ? ['regulation', 'roadmap'] : [doc.kind]);
const kindArg = (doc: Expected, kind: 'roadmap' | 'regulation') => (doc.kind === 'both' ? kind : undefined);

/** The entry of a file as the given kind, or a problem saying why there is none. */
async function entryOf(doc: Expected, file: string, kind: 'roadmap' | 'regulation'): Promise<{ entry?: Record<string, any>; problem?: string }> {
  const outcome = await imported(doc, file, kindArg(doc, kind));
  if (outcome.code !== 0 || !outcome.entry) return { problem: `импорт не удался (код ${outcome.code}): ${lastLine(outcome.stderr)}` };
  if (kind === 'regulation' && typeof outcome.entry.body !== 'string') return { problem: 'импортировано не как положение' };
  if (kind === 'roadmap' && !Array.isArray(outcome.entry.stages)) return { problem: 'импортировано не как дорожная карта' };
  return { entry: outcome.entry };
}
const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

// ---- comparing -------------------------------------------------------------------------------

const space = (text: string) => text.replace(/\s+/g, ' ').trim();
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .match(/[a-zа-я0-9]+/g) ?? [];
const wordLine = (text: string) => words(text).join(' ');
const noEnd = (text: string) => space(text).replace(/[.;,:]+$/, '');
const numberOf = (text?: string) => (text ?? '').trim().replace(/\.$/, '');

/** Every string inside a value. */
const stringsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(stringsOf)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(stringsOf)
        : [];

/** Items of an entry with the stage each is in, sub-items included. */
function entryItems(entry: Record<string, any>): { stage: any; item: any }[] {
  return (entry.stages ?? []).flatMap((stage: any) =>
    (stage.items ?? []).flatMap((item: any) => [item, ...(item.items ?? [])].map((x: any) => ({ stage, item: x }))),
  );
}

type Aspect = 'result' | 'items' | 'numbers' | 'stages' | 'deadlines' | 'responsible' | 'targets' | 'preamble' | 'approval' | 'clauses' | 'chrome';

/** What a roadmap entry misses of its model, by aspect. */
function roadmapProblems(expected: ExpectedRoadmap, entry: Record<string, any>, aspects: Aspect[]): string[] {
  const problems: string[] = [];
  const has = (a: Aspect) => aspects.includes(a);
  const found = entryItems(entry);
  const byTitle = new Map(found.map((x) => [space(x.item.title ?? ''), x]));
  for (const stage of expected.stages) {
    for (const item of stage.items) {
      const x = byTitle.get(space(item.title));
      if (!x) {
        if (has('items')) problems.push(`нет мероприятия ${item.number} «${item.title}»`);
        continue;
      }
      if (has('numbers') && numberOf(x.item.number) !== item.number)
        problems.push(`«${item.title}»: номер ${JSON.stringify(x.item.number)}, а нужен ${item.number}`);
      if (has('stages') && wordLine(x.stage.title ?? '') !== wordLine(stage.title))
        problems.push(`«${item.title}» в разделе «${x.stage.title}», а нужен «${stage.title}»`);
      if (has('deadlines')) {
        const got = x.item.deadline ?? {};
        if (space(got.text ?? '') !== space(item.deadline.text)) problems.push(`«${item.title}»: срок «${got.text}», а в документе «${item.deadline.text}»`);
        else if (got.from !== item.deadline.from || got.to !== item.deadline.to)
          problems.push(
            `«${item.title}»: срок «${item.deadline.text}» → ${got.from ?? '…'}–${got.to ?? '…'}, а нужно ${item.deadline.from ?? '…'}–${item.deadline.to ?? '…'}`,
          );
      }
      if (has('result') && item.result && space(x.item.result ?? '') !== item.result)
        problems.push(`«${item.title}»: результат «${x.item.result ?? ''}», а нужен «${item.result}»`);
      if (has('responsible')) {
        const got = (x.item.responsible ?? []).map(noEnd);
        if (JSON.stringify(got) !== JSON.stringify(item.responsible.map(noEnd)))
          problems.push(`«${item.title}»: ответственные ${JSON.stringify(got)}, а нужны ${JSON.stringify(item.responsible)}`);
      }
    }
  }
  if (has('items')) {
    const expectedCount = expected.stages.reduce((n, s) => n + s.items.length, 0);
    if (found.length !== expectedCount) problems.push(`мероприятий ${found.length}, а в документе ${expectedCount}`);
  }
  if (has('stages')) {
    const got = (entry.stages ?? []).map((s: any) => `${numberOf(s.number)}|${wordLine(s.title ?? '')}`);
    const want = expected.stages.map((s) => `${s.number ?? ''}|${wordLine(s.title)}`);
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`разделы ${JSON.stringify(got)}, а нужны ${JSON.stringify(want)}`);
  }
  if (has('preamble')) {
    if (wordLine(entry.title ?? '') !== wordLine(expected.title)) problems.push(`название «${entry.title}», а нужно «${expected.title}»`);
    if (entry.period?.from !== expected.period.from || entry.period?.to !== expected.period.to)
      problems.push(`период ${entry.period?.from}–${entry.period?.to}, а нужен ${expected.period.from}–${expected.period.to}`);
    for (const field of ['goals', 'tasks'] as const) {
      const got = (entry[field] ?? []).map(noEnd);
      const want = expected[field].map(noEnd);
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${field}: ${JSON.stringify(got)}, а нужно ${JSON.stringify(want)}`);
    }
  }
  if (has('approval') && expected.approvalDate && entry.approval?.date !== expected.approvalDate)
    problems.push(`дата утверждения ${entry.approval?.date}, а нужна ${expected.approvalDate}`);
  if (has('approval') && (entry.notes ?? []).some((n: string) => /УТВЕРЖД|СОГЛАСОВАН|ПРИНЯТО/.test(n))) problems.push('строки утверждения попали в notes');
  if (has('targets')) {
    const targets: any[] = entry.targets ?? [];
    for (const t of expected.targets) {
      const match = targets.find((g) => wordLine(g.indicator ?? '') === wordLine(t.indicator) && g.year === t.year);
      const value = match ? `${match.value} ${match.unit ?? ''}`.replace(/\s+/g, ' ') : '';
      const number = String(t.value);
      const ok =
        match &&
        (value.includes(number) || value.includes(number.replace('.', ','))) &&
        (!t.bound || value.includes(t.bound)) &&
        (!t.unit || value.includes(t.unit === '%' ? '%' : t.unit.split(' ')[0].slice(0, 4)));
      if (!ok)
        problems.push(
          `нет показателя «${t.indicator}» — ${t.bound ?? ''} ${t.value} ${t.unit ?? ''}${t.year ? ` в ${t.year}` : ''}${match ? ` (есть: ${value})` : ''}`,
        );
    }
    if (targets.length !== expected.targets.length) problems.push(`показателей ${targets.length}, а в документе ${expected.targets.length}`);
  }
  return problems;
}

/** Sections, clauses and approval of a regulation entry against its model. */
function regulationProblems(expected: ExpectedRegulation, entry: Record<string, any>, aspects: Aspect[]): string[] {
  const problems: string[] = [];
  const body: string = entry.body ?? '';
  if (aspects.includes('clauses')) {
    const sections = [...body.matchAll(/^## (\d+)\.?\s+(.*)$/gm)].map((m) => `${m[1]} ${wordLine(m[2])}`);
    const want = expected.sections.map((s) => `${s.number} ${wordLine(s.title)}`);
    if (JSON.stringify(sections) !== JSON.stringify(want)) problems.push(`разделы ${JSON.stringify(sections)}, а нужны ${JSON.stringify(want)}`);
    const numbers = [...body.matchAll(/^\\?(\d{1,2}(?:\.\d{1,2})+)\.?\s/gm)].map((m) => m[1]);
    const wantNumbers = expected.clauses.map((c) => c.number);
    if (JSON.stringify(numbers) !== JSON.stringify(wantNumbers)) problems.push(`номера пунктов ${numbers.join(' ')}, а нужны ${wantNumbers.join(' ')}`);
    const text = ` ${wordLine(body)} `;
    for (const c of expected.clauses)
      if (!text.includes(` ${wordLine(`${c.number} ${c.text}`)} `)) problems.push(`пункт ${c.number} не найден целиком: «${c.text}»`);
  }
  if (aspects.includes('approval')) {
    if (expected.approvalDate && entry.approval?.date !== expected.approvalDate)
      problems.push(`дата утверждения ${entry.approval?.date}, а нужна ${expected.approvalDate}`);
    if (/УТВЕРЖД|СОГЛАСОВАН|ПРИНЯТО/.test(body)) problems.push('текст утверждения попал в текст положения');
  }
  if (aspects.includes('preamble') && wordLine(entry.title ?? '') !== wordLine(expected.title))
    problems.push(`название «${entry.title}», а нужно «${expected.title}»`);
  return problems;
}

/** Problems of every file of the documents having a feature, by file; [] when all is right. */
async function featureProblems(feature: string, aspects: Aspect[]): Promise<string[]> {
  const docs = CORPUS.filter((d) => feature === '*' || d.features.includes(feature));
  expect(docs.length, `в корпусе нет документов с «${feature}»`).toBeGreaterThan(0);
  const report: string[] = [];
  for (const doc of docs)
    for (const file of doc.files)
      for (const kind of kindsOf(doc)) {
        const expected = kind === 'roadmap' ? doc.roadmap : doc.regulation;
        if (!expected) continue;
        const { entry, problem } = await entryOf(doc, file, kind);
        const problems = problem
          ? [problem]
          : kind === 'roadmap'
            ? roadmapProblems(expected as ExpectedRoadmap, entry!, aspects)
            : regulationProblems(expected as ExpectedRegulation, entry!, aspects);
        if (problems.length) report.push(`${file}${doc.kind === 'both' ? ` (--kind ${kind})` : ''}: ${problems.join('; ')}`);
      }
  return report;
}

// ---- the features -----------------------------------------------------------------------------

describe('import corpus: layouts Word users make', () => {
  it('every item of every document is found, under its title, and nothing more', async () => {
    expect(await featureProblems('*', ['items'])).toEqual([]);
  });

  it('Word automatic numbering in the № column (1., 2. … and 1. / 1.1.)', async () => {
    expect(await featureProblems('numbering-column', ['items', 'numbers'])).toEqual([]);
  });

  it('Word automatic numbering in regulation clauses (1. / 1.1.): each number once, in order', async () => {
    expect(await featureProblems('numbering-clauses', ['clauses'])).toEqual([]);
  });

  it('a vertically merged stage column spanning many rows', async () => {
    expect(await featureProblems('merged-stage-column', ['items', 'stages', 'responsible', 'result'])).toEqual([]);
  });

  it('stage names as rows spanning the whole table', async () => {
    expect(await featureProblems('stage-rows', ['items', 'stages'])).toEqual([]);
  });

  it('an approval block as a borderless two-column table («СОГЛАСОВАНО … | УТВЕРЖДАЮ …»)', async () => {
    expect(await featureProblems('approval-table', ['approval', 'preamble'])).toEqual([]);
  });

  it('a dash list of goals and tasks before the table keeps the title, approval and period', async () => {
    expect(await featureProblems('dash-lists', ['preamble', 'approval'])).toEqual([]);
  });

  it('a long table continued after page breaks with a repeated header row', async () => {
    expect(await featureProblems('long-table', ['items', 'numbers', 'stages', 'responsible'])).toEqual([]);
  });

  it('month-only deadlines in a school-year period («январь», «февраль–март», «в течение года»)', async () => {
    expect(await featureProblems('months-school-year', ['deadlines'])).toEqual([]);
  });

  it('month-only deadlines in a calendar-year period', async () => {
    expect(await featureProblems('months-calendar', ['deadlines'])).toEqual([]);
  });

  it('targets after the table: two in one sentence, one across a line break, «не ниже 4,5 балла из 5»', async () => {
    expect(await featureProblems('targets', ['targets'])).toEqual([]);
  });

  it('«до 29.01.2025 по отдельному плану» keeps its text and its date', async () => {
    const report: string[] = [];
    for (const doc of CORPUS.filter((d) => d.features.includes('by-separate-plan'))) {
      const item = doc.roadmap!.stages.flatMap((s) => s.items).find((i) => /по отдельному плану/.test(i.deadline.text))!;
      for (const file of doc.files) {
        const { entry, problem } = await entryOf(doc, file, 'roadmap');
        const got = entry && entryItems(entry).find((x) => space(x.item.title) === item.title)?.item.deadline;
        if (problem || !got || space(got.text) !== item.deadline.text || got.to !== item.deadline.to)
          report.push(`${file}: ${problem ?? JSON.stringify(got ?? 'нет мероприятия')}`);
      }
    }
    expect(report).toEqual([]);
  });

  it('responsibles of every event', async () => {
    expect(await featureProblems('*', ['responsible'])).toEqual([]);
  });

  it('a regulation with a roadmap as an appendix: the kind is asked, then each part imports', async () => {
    const report: string[] = [];
    for (const doc of CORPUS.filter((d) => d.features.includes('kind-asked')))
      for (const file of doc.files) {
        const asked = await imported(doc, file);
        const errors = asked.stderr.split('\n').filter((l) => l.startsWith('ошибка:'));
        if (asked.code === 0 || errors.length !== 1 || !/--kind/.test(errors[0]) || !/[а-яё]{3}/i.test(errors[0]))
          report.push(`${file} без --kind: код ${asked.code}, ${JSON.stringify(errors)}`);
      }
    report.push(...(await featureProblems('kind-asked', ['items', 'stages', 'deadlines', 'clauses', 'approval'])));
    expect(report).toEqual([]);
  });

  it("a school site's saved HTML page: the document, without the site's chrome", async () => {
    const report = await featureProblems('site-page', ['preamble', 'approval', 'items', 'numbers', 'stages']);
    for (const doc of CORPUS.filter((d) => d.features.includes('site-page')))
      for (const file of doc.files) {
        const { entry } = await entryOf(doc, file, 'roadmap');
        if (!entry) continue;
        const text = stringsOf(entry).join('\n');
        const leaked = (doc.chrome ?? []).filter((line) => text.includes(line));
        if (leaked.length) report.push(`${file}: в запись попало ${JSON.stringify(leaked)}`);
      }
    expect(report).toEqual([]);
  });
});

// ---- the acceptance figures ---------------------------------------------------------------------

describe('import corpus: the figures issue 18 accepts by', () => {
  it('≥ 98 % of datable deadlines over the corpus are dated as the text allows', async () => {
    let datable = 0;
    let right = 0;
    const misses: string[] = [];
    for (const doc of CORPUS.filter((d) => d.roadmap))
      for (const file of doc.files) {
        const { entry } = await entryOf(doc, file, 'roadmap');
        const items = entry ? entryItems(entry).map((x) => x.item) : [];
        const missed: string[] = [];
        for (const item of doc.roadmap!.stages.flatMap((s) => s.items)) {
          if (!item.deadline.dated) continue;
          datable++;
          const got = items.find((i) => space(i.title ?? '') === item.title)?.deadline;
          if (got && got.from === item.deadline.from && got.to === item.deadline.to) right++;
          else missed.push(`«${item.deadline.text}» → ${got ? `${got.from ?? '…'}–${got.to ?? '…'}` : 'нет мероприятия'}`);
        }
        if (missed.length) misses.push(`${file}: ${missed.join(', ')}`);
      }
    expect(datable).toBeGreaterThan(100);
    const share = `${((100 * right) / datable).toFixed(1)} % (${right} из ${datable})`;
    expect(right / datable, `датировано верно ${share}; промахи:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.98);
  });

  it('the reported coverage is within 1 point of the share of the source words found in the entry', async () => {
    const report: string[] = [];
    for (const doc of CORPUS)
      for (const file of doc.files)
        for (const kind of kindsOf(doc)) {
          const outcome = await imported(doc, file, kindArg(doc, kind));
          if (outcome.code !== 0 || !outcome.entry) {
            report.push(`${file}: импорт не удался — ${lastLine(outcome.stderr)}`);
            continue;
          }
          const measured = coverage(doc.sourceText, stringsOf(outcome.entry));
          if (outcome.reported === undefined || Math.abs(outcome.reported - measured) > 1)
            report.push(
              `${file}${doc.kind === 'both' ? ` (--kind ${kind})` : ''}: в отчёте ${outcome.reported} %, по тексту источника ${measured.toFixed(1)} %`,
            );
        }
    expect(report).toEqual([]);
  });

  it('the same roadmap or regulation in each format gives the same stages, items, deadlines and responsibles', async () => {
    const report: string[] = [];
    for (const doc of CORPUS.filter((d) => d.files.length > 1))
      for (const kind of kindsOf(doc)) {
        const shapes = new Map<string, string>();
        for (const file of doc.files) {
          const { entry, problem } = await entryOf(doc, file, kind);
          shapes.set(file, problem ? `нет записи: ${problem}` : JSON.stringify(shapeOf(entry!, kind)));
        }
        const reference = shapes.get(`${doc.name}.docx`)!;
        for (const [file, shape] of shapes)
          if (shape !== reference) report.push(`${file} отличается от ${doc.name}.docx${doc.kind === 'both' ? ` (--kind ${kind})` : ''}`);
      }
    expect(report).toEqual([]);
  });
});

/** Share, in percent, of the source's words (with repeats) that the entry's strings hold. */
function coverage(source: string[], entry: string[]): number {
  const available = new Map<string, number>();
  for (const word of entry.flatMap(words)) available.set(word, (available.get(word) ?? 0) + 1);
  const all = source.flatMap(words);
  let covered = 0;
  for (const word of all) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      covered++;
      available.set(word, left - 1);
    }
  }
  return all.length ? (100 * covered) / all.length : 100;
}

/** What must not depend on the format a document was saved in. */
function shapeOf(entry: Record<string, any>, kind: 'roadmap' | 'regulation') {
  if (kind === 'regulation')
    return {
      title: wordLine(entry.title ?? ''),
      body: (entry.body as string)
        .split('\n')
        .filter((l) => /^(## |\\?\d+\.\d)/.test(l))
        .map(wordLine),
    };
  return (entry.stages ?? []).map((s: any) => ({
    number: s.number,
    title: wordLine(s.title ?? ''),
    items: entryItems({ stages: [s] }).map(({ item }) => ({
      number: numberOf(item.number),
      title: space(item.title ?? ''),
      deadline: [space(item.deadline?.text ?? ''), item.deadline?.from, item.deadline?.to],
      responsible: (item.responsible ?? []).map(noEnd),
    })),
  }));
}

// ---- refusals -----------------------------------------------------------------------------------

const WORK = join(TMP, `import-corpus-${process.pid}`);
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** Latin words left in a line once paths, options and programs' names are out: English leaking through. */
const englishWords = (line: string) =>
  (
    line
      .replace(/--\w+/g, ' ')
      .replace(/\S*[/.]\S*/g, ' ')
      .match(/[A-Za-z]{3,}/g) ?? []
  ).filter((w) => !['Word', 'LibreOffice', 'OpenDocument', 'FineReader', 'ZIP', 'PDF', 'OCR', 'RTF', 'docx', 'odt', 'pdf', 'doc', 'txt', 'html'].includes(w));

/** A .docx-named archive whose document part inflates to 110 MB: deflated 1 MB at a time, so it costs nothing to make. */
const zipBomb = (): Buffer =>
  zip([
    { name: '[Content_Types].xml', ...deflated(['<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>']) },
    { name: '_rels/.rels', ...deflated(['<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>']) },
    { name: 'word/document.xml', ...deflated([{ repeat: '<w:p><w:r><w:t>наставничество</w:t></w:r></w:p>', bytes: 110 * 1024 * 1024 }]) },
  ]);

describe('import corpus: what the importer must refuse', () => {
  const REFUSED: [string, string][] = [
    ['a scan (a PDF with no text layer)', `${DIR}/scan.pdf`],
    ['an empty PDF', `${DIR}/empty.pdf`],
    ['a password-protected PDF', `${DIR}/password.pdf`],
    ['a password-protected .odt', `${DIR}/password.odt`],
    ['a zip bomb named .docx', 'zip-bomb'],
  ];
  it.each(REFUSED)('%s: one Russian line, non-zero exit, nothing written', async (_, path) => {
    mkdirSync(WORK, { recursive: true });
    const out = mkdtempSync(join(WORK, 'out-'));
    const args = (file: string) => [file, '--org', 'shkola-5', '--out', join(out, 'plan.yaml')];
    let result: { status: number | null; signal: NodeJS.Signals | null; stderr: string };
    if (path === 'zip-bomb') {
      const file = join(WORK, 'plan.docx');
      writeFileSync(file, zipBomb());
      // A child process with a capped heap: an archive that blows up shows as a crash, not as a hung run.
      const child = spawnSync(process.execPath, ['--max-old-space-size=512', 'scripts/import.ts', ...args(file)], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      result = { status: child.status, signal: child.signal, stderr: child.stderr ?? '' };
    } else {
      // The same command in this process (scripts/import.ts only wraps runImport): a child costs seconds.
      const run = await runImport(args(path), ROOT);
      result = { status: run.code, signal: null, stderr: run.stderr };
    }
    const errors = (result.stderr ?? '').split('\n').filter((l) => l.startsWith('ошибка:'));
    expect(result.signal, result.stderr).toBeNull();
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).not.toMatch(/heap|FATAL|Error:|at .+:\d+:\d+/);
    expect(errors, result.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(/[а-яё]{4}/i);
    expect(englishWords(errors[0]), errors[0]).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, 'plan.yaml'))).toBe(false);
  });
});
