/**
 * From a read document to one content entry: finds whether it holds a roadmap, a
 * regulation or both, builds the entry, and accounts for every word of the part it used.
 */
import { isoDate } from '../lib/format.ts';
import type { Period } from './deadline.ts';
import { isApprovalKeyword, periodFromTitle, readApproval, readTitle, sentenceCase } from './preamble.ts';
import { isClauseLine, readRegulationBody } from './regulation.ts';
import { fieldCalled, stringsOf, vocabularyOf, wordCoverage, type ImportWarning } from './report.ts';
import { hasEventsHeader, readRoadmapTable, type ImportedItem, type ImportedStage } from './roadmap.ts';
import { ImportError, type Block, type SourceDocument } from './source-document.ts';
import { readTargets } from './targets.ts';

export type ImportKind = 'roadmap' | 'regulation';

export interface ImportOptions {
  kind?: ImportKind;
  organization: string;
  /** The organisation's kind decides the roadmap's level (a district office → муниципалитет). */
  organizationKind?: string;
}

export interface ImportResult {
  kind: ImportKind;
  /** The entry's fields (frontmatter for a regulation). */
  data: Record<string, unknown>;
  /** A regulation's Markdown text. */
  body?: string;
  warnings: ImportWarning[];
  coverage: { covered: number; total: number; missing: string[] };
  stats: { stages?: number; items?: number; dated?: number; clauses?: number; sections?: number };
  /** The source lines the entry was made from. */
  lines: [number, number];
}

type Paragraph = Extract<Block, { kind: 'paragraph' }>;
const paragraphsOf = (blocks: Block[]) => blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
const isEventsTable = (block: Block) => block.kind === 'table' && hasEventsHeader(block.rows);

/** Where the roadmap part starts: its first events table, with the title and approval lines above it. */
function roadmapStart(blocks: Block[]): number | undefined {
  const table = blocks.findIndex(isEventsTable);
  if (table < 0) return undefined;
  let start = table;
  while (start > 0) {
    const previous = blocks[start - 1];
    // Word documents often set the approval block in a borderless table: a small table belongs to the heading.
    if (previous.kind === 'table') {
      if (previous.rows.length > 4) break;
    } else if (isClauseLine(previous.text) || /^[·•▪\-–—]/.test(previous.text)) break;
    start--;
  }
  return start;
}

export function importDocument(document: SourceDocument, options: ImportOptions): ImportResult {
  const { blocks } = document;
  const split = roadmapStart(blocks);
  const regulationPart = split === undefined ? blocks : blocks.slice(0, split);
  const hasRegulation = paragraphsOf(regulationPart).filter((p) => isClauseLine(p.text)).length >= 5;
  const hasRoadmap = split !== undefined;
  let kind = options.kind;
  if (!kind) {
    if (hasRoadmap && hasRegulation)
      throw new ImportError(
        `в документе ${document.file} есть и положение, и дорожная карта: укажите, что импортировать, — --kind regulation или --kind roadmap`,
      );
    kind = hasRoadmap ? 'roadmap' : hasRegulation ? 'regulation' : undefined;
  }
  if (!kind)
    throw new ImportError(
      `в документе ${document.file} не найдено ни таблицы мероприятий (с заголовками «мероприятие», «срок»…), ни пронумерованных пунктов положения`,
    );
  if (kind === 'roadmap' && !hasRoadmap)
    throw new ImportError(`в документе ${document.file} нет таблицы мероприятий: не найдена строка заголовков («№», «мероприятие», «срок», «ответственный»)`);
  if (kind === 'regulation' && !hasRegulation)
    throw new ImportError(`в документе ${document.file} не найдено пронумерованных пунктов положения (1.1., 1.2. …)`);
  return kind === 'roadmap' ? importRoadmap(blocks.slice(split), document, options) : importRegulation(regulationPart, document, options);
}

/** A layout table's cells read as lines of text, each cell a group of its own. */
const tableAsParagraphs = (block: Block): Block[] =>
  block.kind === 'paragraph'
    ? [block]
    : block.rows.flatMap((row) => row.cells.flatMap((cell) => cell.parts.map((text, i): Block => ({ kind: 'paragraph', text, line: row.line, gap: i === 0 }))));

const lineSpan = (blocks: Block[]): [number, number] => [blocks[0]?.line ?? 1, blocks.at(-1)?.line ?? 1];
const sourceTexts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text))));
/** The words that carry content: without table headers and lone «УТВЕРЖДАЮ»-style keywords. */
const contentTexts = (blocks: Block[], layoutRows: Set<unknown>) =>
  blocks
    .flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.filter((r) => !layoutRows.has(r)).flatMap((r) => r.cells.flatMap((c) => c.parts))))
    .filter((text) => !isApprovalKeyword(text))
    .map((text) => withoutListMarkers(text.replace(/^(цел[ьи]|задач[аи]):\s*/i, '')));
/** «1) …», «2) …» number the lines of a list; the list's items carry them by their order. */
const withoutListMarkers = (text: string) => text.replace(/(^|\s)\d{1,2}\)(?=\s)/g, '$1').replace(/^([·•▪\-–—]|\d{1,2}\.)\s+/, '');

function importRoadmap(blocks: Block[], document: SourceDocument, options: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  const firstTable = blocks.findIndex(isEventsTable);
  let lastTable = blocks.length - 1;
  while (blocks[lastTable].kind !== 'table') lastTable--;
  const before = paragraphsOf(blocks.slice(0, firstTable).flatMap(tableAsParagraphs));
  const tables = blocks.slice(firstTable, lastTable + 1);
  const between = paragraphsOf(tables);
  const after = paragraphsOf(blocks.slice(lastTable + 1));

  const { approval, used: approvalLines, firstDate } = readApproval(before);
  const { title, used: titleLines } = readTitle(before, approvalLines);
  let period: Period | undefined = periodFromTitle(title);
  const vocabulary = vocabularyOf(sourceTexts(blocks));
  const draft = readRoadmapTable(tables, period, vocabulary, warn);

  const notes: string[] = [];
  const inNotes = fieldCalled('roadmaps', 'notes');
  const goals: string[] = [];
  const tasks: string[] = [];
  let list: string[] | undefined;
  before.forEach((p, i) => {
    if (approvalLines.has(i) || titleLines.has(i)) return;
    const goal = /^цел[ьи](?=[\s:])[^:]*:\s*(.*)$/i.exec(p.text);
    const task = /^задач[аи](?=[\s:])[^:]*:\s*(.*)$/i.exec(p.text);
    if (goal) {
      list = goals;
      if (goal[1]) goals.push(goal[1]);
    } else if (task) {
      list = tasks;
      if (task[1]) tasks.push(task[1]);
    } else if (list && /^([·•▪\-–—]|\d+[.)])\s*/.test(p.text)) list.push(p.text.replace(/^([·•▪\-–—]|\d+[.)])\s*/, ''));
    else {
      list = undefined;
      notes.push(p.text);
      warn(p.line, `строка не отнесена ни к заголовку, ни к утверждению — сохранена в ${inNotes}: «${p.text.slice(0, 60)}»`);
    }
  });
  const trailing = [...between, ...after];
  const { targets, used: targetLines } = readTargets(trailing.map((p) => p.text));
  trailing.forEach((p, i) => {
    if (targetLines.has(i)) return;
    notes.push(p.text);
    warn(p.line, `текст после таблицы сохранён в ${inNotes}: «${p.text.slice(0, 60)}»`);
  });
  for (const u of draft.unplaced) {
    notes.push(u.text);
    warn(u.line, `строка таблицы без мероприятия сохранена в ${inNotes}: «${u.text.slice(0, 60)}»`);
  }

  // The period: as the title names it, widened to every dated event; with no period in the
  // title, from the approval date (or the first event) to the end of the last event's school year.
  const dates = allItems(draft.stages)
    .flatMap((i) => [i.deadline.from, i.deadline.to])
    .filter((d): d is Date => !!d);
  const earliest = dates.length ? new Date(Math.min(...dates.map(Number))) : undefined;
  const latest = dates.length ? new Date(Math.max(...dates.map(Number))) : undefined;
  if (!period) {
    // The date the document was adopted or agreed, else its first event.
    const adopted = approval.date ?? firstDate;
    const from = adopted ? new Date(`${adopted}T00:00:00Z`) : earliest;
    const endYear = latest ? (latest.getUTCMonth() >= 8 ? latest.getUTCFullYear() + 1 : latest.getUTCFullYear()) : undefined;
    if (from && endYear) period = { from, to: new Date(Date.UTC(endYear, 7, 31)) };
  }
  if (!period) throw new ImportError(`в документе ${document.file} не удалось определить период дорожной карты: нет ни года в названии, ни дат у мероприятий`);
  if (earliest && earliest < period.from) period = { ...period, from: earliest };
  if (latest && latest > period.to) period = { ...period, to: latest };

  if (!title) warn(blocks[0]?.line ?? 1, 'не найдено название дорожной карты — взято «Дорожная карта»');
  const data: Record<string, unknown> = {
    title: title ?? 'Дорожная карта',
    organization: options.organization,
    level: options.organizationKind === 'education-office' ? 'municipality' : 'organization',
    period: { from: isoDate(period.from), to: isoDate(period.to) },
    ...(Object.keys(approval).length ? { approval } : {}),
    ...(goals.length ? { goals } : {}),
    ...(tasks.length ? { tasks } : {}),
    stages: draft.stages.map(serialiseStage),
    ...(targets.length ? { targets } : {}),
    ...(notes.length ? { notes } : {}),
    source: document.file.split('/').pop(),
  };
  const items = allItems(draft.stages);
  return {
    kind: 'roadmap',
    data,
    warnings,
    coverage: wordCoverage(contentTexts(blocks, draft.layoutRows), stringsOf(data)),
    stats: { stages: draft.stages.length, items: items.length, dated: items.filter((i) => i.deadline.from || i.deadline.to).length },
    lines: lineSpan(blocks),
  };
}

const allItems = (stages: ImportedStage[]) => stages.flatMap((s) => s.items.flatMap((i) => [i, ...(i.items ?? [])]));

function serialiseItem(item: ImportedItem): Record<string, unknown> {
  const { from, to, ...deadline } = item.deadline;
  return {
    ...item,
    deadline: {
      ...deadline,
      text: item.deadline.text.replace(/\s+/g, ' ').trim(),
      ...(from ? { from: isoDate(from) } : {}),
      ...(to ? { to: isoDate(to) } : {}),
    },
    ...(item.items ? { items: item.items.map(serialiseItem) } : {}),
  };
}
const serialiseStage = (stage: ImportedStage) => ({ ...stage, items: stage.items.map(serialiseItem) });

function importRegulation(blocks: Block[], document: SourceDocument, options: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const paragraphs = paragraphsOf(blocks);
  const firstSection = paragraphs.findIndex((p) => /^\d{1,2}\.\s*[А-ЯЁA-Z]/.test(p.text) || isClauseLine(p.text));
  const head = paragraphs.slice(0, Math.max(firstSection, 0));
  const { approval, used } = readApproval(head);
  const titleLines = head.filter((_, i) => !used.has(i));
  const title =
    sentenceCase(
      titleLines
        .map((p) => p.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ) || 'Положение о наставничестве';
  const draft = readRegulationBody(paragraphs.slice(Math.max(firstSection, 0)));
  for (const table of blocks.filter((b) => b.kind === 'table'))
    warnings.push({ line: table.line, message: 'таблица внутри положения перенесена как текст — проверьте её вид' });
  const tableText = blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text).join(' | ')) : []));
  const body = [draft.body, ...tableText.map((t) => `${t}\n`)].join('\n');
  const data: Record<string, unknown> = {
    title,
    organization: options.organization,
    approval,
    status: 'active',
    ...(draft.legalBases.length ? { legalBases: draft.legalBases } : {}),
    ...(draft.forms.length ? { forms: draft.forms } : {}),
    source: document.file.split('/').pop(),
  };
  return {
    kind: 'regulation',
    data,
    body,
    warnings,
    coverage: wordCoverage(sourceTexts(blocks), [...stringsOf(data), body]),
    stats: { clauses: draft.clauses, sections: draft.sections },
    lines: lineSpan(blocks),
  };
}
