/**
 * From a read document to one content entry: finds whether it holds a roadmap, a
 * regulation or both (asking when that is unclear), builds the entry, and accounts for
 * every word of the source: what the entry holds and what it leaves out.
 */
import { isoDate } from '../lib/format.ts';
import { legalBasesView } from '../lib/legal-acts.ts';
import type { PeriodOrigin } from '../lib/provenance.ts';
import type { Period } from './deadline.ts';
import { BULLET_CHARS, LIST_MARK } from './list-marks.ts';
import {
  approvalLines,
  isApprovalKeyword,
  isApprovalTable,
  opensApproval,
  periodFromTitle,
  readApproval,
  readTitle,
  statedPeriod,
  schoolYearOf,
  sentenceCase,
} from './preamble.ts';
import { clauseCount as regulationClauses, isClauseLine, isSectionLine, readRegulationBody } from './regulation.ts';
import { documentCoverage, fieldCalled, stringsOf, vocabularyOf, type Coverage, type CoverageUnit, type ImportWarning } from './report.ts';
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
  /** Over every word of the source, not only the part imported: what is missing is named in `passages`. */
  coverage: Coverage;
  stats: { stages?: number; items?: number; dated?: number; clauses?: number; sections?: number };
  /** The source lines the entry was made from. */
  lines: [number, number];
}

type Paragraph = Extract<Block, { kind: 'paragraph' }>;
type Table = Extract<Block, { kind: 'table' }>;
const paragraphsOf = (blocks: Block[]) => blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
const isEventsTable = (block: Block) => block.kind === 'table' && hasEventsHeader(block.rows);
const clauseCount = (blocks: Block[]) => regulationClauses(paragraphsOf(blocks).map((p) => p.text));
/**
 * Numbered clauses that make a text a regulation: a roadmap's preamble or a letter may
 * number a few lines (tasks, points of an order); a regulation has dozens (seed 003's, 42).
 */
const MIN_CLAUSES = 5;
const isRegulationText = (blocks: Block[]) => clauseCount(blocks) >= MIN_CLAUSES;
/**
 * Above a roadmap that has no heading of its own, a table this small still belongs to it (an
 * approval block, a title in a frame); a longer one is the regulation's own (forms, duties).
 */
const MAX_HEADING_TABLE_ROWS = 4;
/** A line that opens a roadmap placed after a regulation: its approval, «Приложение», or its title. */
const opensRoadmap = (block: Block) =>
  block.kind === 'table'
    ? isApprovalTable(block)
    : opensApproval(block.text) || /^(приложени|план(?![а-яё])|дорожн\S* карт)/i.test(block.text) || (!!block.bold && /план|карт/i.test(block.text));

/**
 * Where the document's parts lie (block indexes). A roadmap begins at the document's
 * start, so that its title, approval, goals and tasks are all read — or, after a
 * regulation, at the first line of its own heading.
 */
function partsOf(blocks: Block[]): { roadmap?: [number, number]; regulation?: [number, number] } {
  const table = blocks.findIndex(isEventsTable);
  if (table < 0) return isRegulationText(blocks) ? { regulation: [0, blocks.length] } : {};
  if (!isRegulationText(blocks.slice(0, table))) {
    // A regulation may follow the roadmap instead: it begins with its approval, title or first section.
    const lastTable = blocks.findLastIndex(isEventsTable);
    if (!isRegulationText(blocks.slice(lastTable + 1))) return { roadmap: [0, blocks.length] };
    const start = blocks.findIndex(
      (b, i) =>
        i > lastTable &&
        (b.kind === 'table' ? isApprovalTable(b) : opensApproval(b.text) || /^положени/i.test(b.text) || isSectionLine(b.text) || isClauseLine(b.text)),
    );
    return { roadmap: [0, start], regulation: [start, blocks.length] };
  }
  const lastClause = blocks.findLastIndex((b, i) => i < table && b.kind === 'paragraph' && isClauseLine(b.text));
  let start = blocks.findIndex((b, i) => i > lastClause && i <= table && opensRoadmap(b));
  if (start < 0) {
    // No heading of its own: the lines just above the table, up to the regulation's last clause or list.
    start = table;
    while (start > lastClause + 1) {
      const previous = blocks[start - 1];
      if (previous.kind === 'table' ? previous.rows.length > MAX_HEADING_TABLE_ROWS : LIST_MARK.test(previous.text)) break;
      start--;
    }
  }
  return { regulation: [0, start], roadmap: [start, blocks.length] };
}

const MONTH = '(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])';
const DAY = '\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}';
/** A deadline alone on a line or in a cell: «сентябрь 2024», «до 15.09.2024», «февраль–март», «в течение года». */
const DEADLINE_ONLY = new RegExp(
  `^(?:(?:до|с|к|в|по)\\s+)?(?:${MONTH}|${DAY})(?:\\s*20\\d\\d)?(?:\\s*г\\.?|\\s*года?)?(?:\\s*[-–—]\\s*(?:${MONTH}|${DAY})(?:\\s*20\\d\\d)?(?:\\s*г\\.?|\\s*года?)?)?\\.?$|^(?:в течение (?:всего )?(?:учебного )?(?:года|периода)|ежемесячно|ежеквартально|ежегодно|постоянно|по графику)\\.?$`,
  'i',
);
/** A dated term inside a line: a month with its year, or a day. */
const DATED = new RegExp(`(?:^|[^а-яё])${MONTH}(?![а-яё])\\s*20\\d\\d|${DAY}`, 'i');
/** A role at the end of a line, the person's name (up to 40 characters) after it: a plan's row ends with who does it. */
const RESPONSIBLE = /(директор|заместител|зам\.|куратор|руководител|психолог|наставник|педагог|методист|учител|воспитател|администраци|УВР|ВР)[^.;]{0,40}$/i;
const wordCount = (text: string) => text.match(/[a-zа-яё0-9]+/gi)?.length ?? 0;

// What tells a roadmap that lost its layout from a regulation (unclearRegulation).
/** Three lines alike are a pattern; one or two are chance (a clause that names a month and the director). */
const PATTERN_LINES = 3;
/** Two rows with a deadline and a responsible make a plan; one may be a clause's example. */
const PLAN_TABLE_ROWS = 2;
/** A cell that names who is responsible is short; a long one that mentions a director is a clause's text. */
const RESPONSIBLE_CELL_CHARS = 80;
/** A regulation is mostly its numbered clauses and their lists; under half, the numbers are something else's. */
const MIN_CLAUSE_SHARE = 0.5;

/**
 * Why numbered lines may not be a regulation at all — a roadmap's table that lost its
 * layout (text pulled from a PDF column by column or row by row), or a regulation that
 * also holds a plan of events. Undefined when the regulation looks like one.
 */
function unclearRegulation(blocks: Block[]): string | undefined {
  const paragraphs = paragraphsOf(blocks);
  const clauses = paragraphs.filter((p) => isClauseLine(p.text));
  const bare = clauses.filter((p) => wordCount(p.text.replace(/^[\d.\s]+/, '')) < 2);
  // Half the numbers alone: a column of numbers, not clauses that happen to wrap.
  if (bare.length >= PATTERN_LINES && bare.length >= clauses.length / 2)
    return `номера ${bare.length} пунктов из ${clauses.length} стоят отдельно от текста — так выглядит таблица, извлечённая из PDF по столбцам`;
  const rows = clauses.filter((p) => DATED.test(p.text) && RESPONSIBLE.test(p.text) && !/[.;]$/.test(p.text));
  // A third is enough: a row that wraps has its deadline or responsible on a line after its number.
  if (rows.length >= PATTERN_LINES && rows.length >= clauses.length / 3)
    return `${rows.length} пронумерованных строк из ${clauses.length} похожи на строки плана мероприятий (срок и ответственный в одной строке, например строка ${rows[0].line})`;
  const deadlines = paragraphs.filter((p) => DEADLINE_ONLY.test(p.text));
  if (deadlines.length >= PATTERN_LINES)
    return `${deadlines.length} строк состоят только из срока (строка ${deadlines[0].line}: «${deadlines[0].text}») — похоже на таблицу мероприятий, потерявшую разметку`;
  for (const table of blocks.filter((b): b is Table => b.kind === 'table')) {
    const planRows = table.rows.filter(
      (row) =>
        row.cells.some((c) => DEADLINE_ONLY.test(c.text) || DATED.test(c.text)) &&
        row.cells.some((c) => RESPONSIBLE.test(c.text) && c.text.length < RESPONSIBLE_CELL_CHARS),
    );
    if (planRows.length >= PLAN_TABLE_ROWS)
      return `в нём есть таблица, похожая на план мероприятий (строка ${table.line}: сроки и ответственные), но без строки заголовков`;
  }
  // The regulation's own text: clauses and sections with their lists and continued lines.
  // Counted from the first numbered line: the title and approval above it are not the body.
  const first = blocks.findIndex((b) => b.kind === 'paragraph' && (isClauseLine(b.text) || isSectionLine(b.text)));
  const body = blocks.slice(Math.max(first, 0));
  let counted = 0;
  let inClause = false;
  for (const p of paragraphsOf(body)) {
    const structural = isClauseLine(p.text) || isSectionLine(p.text) || LIST_MARK.test(p.text);
    if (structural || (inClause && !p.gap && /^[a-zа-яё(«"]/.test(p.text))) counted += wordCount(p.text);
    inClause = structural || (inClause && !p.gap);
  }
  const total = body.reduce(
    (n, b) => n + (b.kind === 'paragraph' ? wordCount(b.text) : b.rows.reduce((m, r) => m + wordCount(r.cells.map((c) => c.text).join(' ')), 0)),
    0,
  );
  if (total && counted / total < MIN_CLAUSE_SHARE) return `пронумерованные пункты — лишь ${Math.round((100 * counted) / total)} % его текста`;
  return undefined;
}

export function importDocument(document: SourceDocument, options: ImportOptions): ImportResult {
  const { blocks } = document;
  const parts = partsOf(blocks);
  let kind = options.kind;
  if (!kind) {
    if (parts.roadmap && parts.regulation && parts.regulation[1] > 0)
      throw new ImportError(
        `в документе ${document.file} есть и положение, и дорожная карта: укажите, что импортировать, — --kind regulation или --kind roadmap`,
      );
    if (parts.regulation && !parts.roadmap) {
      const why = unclearRegulation(blocks.slice(...parts.regulation));
      if (why)
        throw new ImportError(
          `не ясно, положение ли документ ${document.file} или дорожная карта: ${why}; укажите, что это, — --kind roadmap или --kind regulation`,
        );
    }
    kind = parts.roadmap ? 'roadmap' : parts.regulation ? 'regulation' : undefined;
  }
  if (!kind)
    throw new ImportError(
      `в документе ${document.file} не найдено ни таблицы мероприятий (с заголовками «мероприятие», «срок»…), ни пронумерованных пунктов положения`,
    );
  if (kind === 'roadmap' && !parts.roadmap)
    throw new ImportError(`в документе ${document.file} нет таблицы мероприятий: не найдена строка заголовков («№», «мероприятие», «срок», «ответственный»)`);
  const regulation = parts.regulation ?? (isRegulationText(blocks) ? [0, blocks.length] : undefined);
  if (kind === 'regulation' && (!regulation || regulation[1] === 0))
    throw new ImportError(`в документе ${document.file} не найдено пронумерованных пунктов положения (1.1., 1.2. …)`);
  const [from, to] = kind === 'roadmap' ? parts.roadmap! : regulation!;
  return kind === 'roadmap' ? importRoadmap(document, from, to, options) : importRegulation(document, from, to, options);
}

/** A layout table's cells read as lines of text, each cell a group of its own. */
const tableAsParagraphs = (block: Block): Paragraph[] =>
  block.kind === 'paragraph'
    ? [block]
    : isApprovalTable(block)
      ? approvalLines(block).map((p) => ({ kind: 'paragraph', ...p }))
      : block.rows.flatMap((row) =>
          row.cells.flatMap((cell) => cell.parts.map((text, i): Paragraph => ({ kind: 'paragraph', text, line: row.line, gap: i === 0 }))),
        );

const lineSpan = (blocks: Block[]): [number, number] => [blocks[0]?.line ?? 1, blocks.at(-1)?.line ?? 1];
const sourceTexts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text))));

/** «1) …», «2) …», «Задачи:», «Целевые показатели:» number and name the lines of a list: the entry's lists carry them by their order and field. */
const LIST_LAYOUT = new RegExp(
  `^(?:(?:цел[ьи]|задач[аи]|целев\\S* показател\\S*)(?=[\\s:])[^:]*:\\s*)?(?:[${BULLET_CHARS}]\\s+|\\d{1,2}[.)]\\s+)?|(?<=\\s)\\d{1,2}\\)(?=\\s)`,
  'gi',
);

/**
 * Every piece of the source for counting its words; inside the imported part, the words the
 * entry carries by its structure are set apart: header rows, lone «УТВЕРЖДАЮ», list numbers.
 */
function coverageUnits(blocks: Block[], part: [number, number], layoutRows: Set<unknown>, lists: boolean): CoverageUnit[] {
  const unit = (text: string, line: number, inside: boolean): CoverageUnit => {
    if (!inside) return { text, line };
    if (isApprovalKeyword(text)) return { text: '', line, layout: text, imported: true };
    if (!lists) return { text, line, imported: true };
    const layout = text.match(LIST_LAYOUT)?.join(' ') ?? '';
    return { text: text.replace(LIST_LAYOUT, ' '), line, layout, imported: true };
  };
  return blocks.flatMap((block, index) => {
    const inside = index >= part[0] && index < part[1];
    if (block.kind === 'paragraph') return [unit(block.text, block.line, inside)];
    return block.rows.flatMap((row) =>
      row.cells.flatMap((cell) =>
        cell.parts.map((text) => (inside && layoutRows.has(row) ? { text: '', line: row.line, layout: text, imported: true } : unit(text, row.line, inside))),
      ),
    );
  });
}

/**
 * Fields the importer fills from elsewhere (the organisation's id, the file's name, the
 * canonical stage) or copies (a regulation's legal bases repeat lines of its text): their
 * words are not the source's words carried over, and would credit words that were not.
 */
const DERIVED = new Set(['organization', 'source', 'level', 'status', 'legalBases', 'forms', 'kind', 'stage', 'blanks']);
const withoutDerived = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutDerived)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).flatMap(([key, v]) => (DERIVED.has(key) ? [] : [[key, withoutDerived(v)]])))
      : value;
const entryTexts = (data: Record<string, unknown>, body?: string) => [...stringsOf(withoutDerived(data)), ...(body ? [body] : [])];

const datesOf = (stages: ImportedStage[]) =>
  allItems(stages)
    .flatMap((i) => [i.deadline.from, i.deadline.to])
    .filter((d): d is Date => !!d);

/** How much of a line a warning quotes: enough to find it in the source. */
const QUOTE_CHARS = 60;
const quote = (text: string) => `«${text.slice(0, QUOTE_CHARS)}»`;

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const earliestOf = (dates: Date[]) => (dates.length ? new Date(Math.min(...dates.map(Number))) : undefined);
const latestOf = (dates: Date[]) => (dates.length ? new Date(Math.max(...dates.map(Number))) : undefined);
/** Months as Date counts them. */
const AUGUST = 7;
const SEPTEMBER = 8;
/** A school year ends on 31 August: an event in August closes the year it is in, one from September on the next. */
const endOfSchoolYear = (date: Date) => new Date(Date.UTC(date.getUTCMonth() >= SEPTEMBER ? date.getUTCFullYear() + 1 : date.getUTCFullYear(), AUGUST, 31));

/** A roadmap's part around its events tables: the lines above them, the tables (lines between them included), the lines after. */
function aroundTables(blocks: Block[]): { before: Paragraph[]; tables: Block[]; trailing: Paragraph[] } {
  const firstTable = blocks.findIndex(isEventsTable);
  let lastTable = blocks.length - 1;
  while (blocks[lastTable].kind !== 'table') lastTable--;
  const tables = blocks.slice(firstTable, lastTable + 1);
  return {
    before: blocks.slice(0, firstTable).flatMap(tableAsParagraphs),
    tables,
    trailing: [...paragraphsOf(tables), ...paragraphsOf(blocks.slice(lastTable + 1))],
  };
}

/**
 * The period that dates month-only deadlines («январь», «февраль–март»), settled before the
 * table is read: the one the document names («Срок реализации: …», the title's year), else the school year of the approval, else the years of the
 * events dated in full (a first reading).
 */
function datingPeriod(
  namedPeriod: Period | undefined,
  adopted: string | undefined,
  tables: Block[],
  vocabulary: ReturnType<typeof vocabularyOf>,
): Period | undefined {
  if (namedPeriod) return namedPeriod;
  if (adopted) return schoolYearOf(dateOf(adopted));
  const dated = datesOf(readRoadmapTable(tables, undefined, vocabulary, () => {}).stages);
  const first = earliestOf(dated);
  const last = latestOf(dated);
  return first && last ? { from: schoolYearOf(first).from, to: schoolYearOf(last).to } : undefined;
}

/** A table of events most of which have neither a deadline nor a responsible is some other table with a «мероприятие» column. */
function checkIsPlan(file: string, items: ImportedItem[]): void {
  const real = items.filter((i) => i.deadline.text.trim() || i.responsible.length);
  if (real.length < items.length / 2 || !items.length)
    throw new ImportError(
      `в документе ${file} таблица мероприятий не похожа на дорожную карту: ` +
        (items.length ? `у ${items.length - real.length} мероприятий из ${items.length} нет ни сроков, ни ответственных` : 'в ней нет ни одного мероприятия') +
        ' — проверьте, что это план мероприятий, и его столбцы «срок» и «ответственный»',
    );
}

const GOALS = /^цел[ьи](?=[\s:])[^:]*:\s*(.*)$/i;
const TASKS = /^задач[аи](?=[\s:])[^:]*:\s*(.*)$/i;
const LIST_ITEM = new RegExp(`^([${BULLET_CHARS}]|\\d+[.)])\\s*`);

/**
 * The lines above the table that are neither the approval nor the title: «Цели:» and
 * «Задачи:» with the lists under them; any other line is kept as a note.
 */
function readPreambleLists(lines: Paragraph[], skip: (index: number) => boolean, keep: (p: Paragraph, why: string) => void) {
  const goals: string[] = [];
  const tasks: string[] = [];
  let list: string[] | undefined;
  lines.forEach((p, i) => {
    if (skip(i)) return;
    const goal = GOALS.exec(p.text);
    const task = TASKS.exec(p.text);
    if (goal) {
      list = goals;
      if (goal[1]) goals.push(goal[1]);
    } else if (task) {
      list = tasks;
      if (task[1]) tasks.push(task[1]);
    } else if (list && LIST_ITEM.test(p.text)) list.push(p.text.replace(LIST_ITEM, ''));
    else {
      list = undefined;
      keep(p, 'строка не отнесена ни к заголовку, ни к утверждению — сохранена в');
    }
  });
  return { goals, tasks };
}

/** A roadmap's period and where it comes from: the document's own, or worked out from the events (the page says which). */
interface ShownPeriod extends Period {
  origin: PeriodOrigin;
  /** The document's own period, where the events run beyond it. */
  stated?: Period;
}

/**
 * The period shown: as the document names it, widened to every dated event; with no period in
 * the title, from the approval date (or the first event) to the end of the last event's school year.
 */
function shownPeriod(namedPeriod: Period | undefined, adopted: string | undefined, dating: Period | undefined, dates: Date[]): ShownPeriod | undefined {
  const earliest = earliestOf(dates);
  const latest = latestOf(dates);
  let period = namedPeriod;
  if (!period) {
    const from = adopted ? dateOf(adopted) : earliest;
    period = from && latest ? { from, to: endOfSchoolYear(latest) } : dating;
  }
  if (!period) return undefined;
  if (earliest && earliest < period.from) period = { ...period, from: earliest };
  if (latest && latest > period.to) period = { ...period, to: latest };
  if (!namedPeriod) return { ...period, origin: 'events' };
  const widened = period.from < namedPeriod.from || period.to > namedPeriod.to;
  return widened ? { ...period, origin: 'widened', stated: namedPeriod } : { ...period, origin: 'document' };
}

/** The period as the entry writes it: a document's own period needs no word of its origin (the schema's default). */
const serialisePeriod = ({ from, to, origin, stated }: ShownPeriod) => ({
  from: isoDate(from),
  to: isoDate(to),
  ...(origin === 'document' ? {} : { origin }),
  ...(stated ? { stated: { from: isoDate(stated.from), to: isoDate(stated.to) } } : {}),
});

function importRoadmap(document: SourceDocument, partFrom: number, partTo: number, options: ImportOptions): ImportResult {
  const blocks = document.blocks.slice(partFrom, partTo);
  const warnings: ImportWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });
  const { before, tables, trailing } = aroundTables(blocks);

  const { approval, used: approvalLines, firstDate } = readApproval(before);
  const { title, used: titleLines } = readTitle(before, approvalLines);
  // «Срок реализации: …» above the table says more than the title's school year.
  const namedPeriod = statedPeriod(before.map((p) => p.text)) ?? periodFromTitle(title);
  const adopted = approval.date ?? firstDate;
  const vocabulary = vocabularyOf(sourceTexts(blocks));
  const dating = datingPeriod(namedPeriod, adopted, tables, vocabulary);
  const draft = readRoadmapTable(tables, dating, vocabulary, warn);
  const items = allItems(draft.stages);
  checkIsPlan(document.file, items);

  // Nothing is dropped: a line that fits no field is kept in the notes, with a warning.
  const notes: string[] = [];
  const inNotes = fieldCalled('roadmaps', 'notes');
  const keep = ({ text, line }: { text: string; line: number }, why: string) => {
    notes.push(text);
    warn(line, `${why} ${inNotes}: ${quote(text)}`);
  };
  const { goals, tasks } = readPreambleLists(before, (i) => approvalLines.has(i) || titleLines.has(i), keep);
  const { targets, used: targetLines } = readTargets(trailing.map((p) => p.text));
  trailing.forEach((p, i) => {
    if (!targetLines.has(i)) keep(p, 'текст после таблицы сохранён в');
  });
  for (const u of draft.unplaced) keep(u, 'строка таблицы без мероприятия сохранена в');

  const period = shownPeriod(namedPeriod, adopted, dating, datesOf(draft.stages));
  if (!period) throw new ImportError(`в документе ${document.file} не удалось определить период дорожной карты: нет ни года в названии, ни дат у мероприятий`);
  if (!title) warn(blocks[0]?.line ?? 1, 'не найдено название дорожной карты — взято «Дорожная карта»');
  const data: Record<string, unknown> = {
    title: title ?? 'Дорожная карта',
    organization: options.organization,
    level: options.organizationKind === 'education-office' ? 'municipality' : 'organization',
    period: serialisePeriod(period),
    ...(Object.keys(approval).length ? { approval } : {}),
    ...(goals.length ? { goals } : {}),
    ...(tasks.length ? { tasks } : {}),
    stages: draft.stages.map(serialiseStage),
    ...(targets.length ? { targets } : {}),
    ...(notes.length ? { notes } : {}),
    source: document.file.split('/').pop(),
  };
  return {
    kind: 'roadmap',
    data,
    warnings,
    coverage: documentCoverage(coverageUnits(document.blocks, [partFrom, partTo], draft.layoutRows, true), entryTexts(data)),
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

function importRegulation(document: SourceDocument, partFrom: number, partTo: number, options: ImportOptions): ImportResult {
  const blocks = document.blocks.slice(partFrom, partTo);
  const firstSection = Math.max(
    0,
    blocks.findIndex((b) => b.kind === 'paragraph' && (isSectionLine(b.text) || isClauseLine(b.text))),
  );
  // Above the first section: the approval (in lines or in a borderless table) and the title.
  const head: Paragraph[] = [];
  const headTables: Table[] = [];
  for (const block of blocks.slice(0, firstSection)) {
    if (block.kind === 'paragraph') head.push(block);
    else if (isApprovalTable(block)) head.push(...tableAsParagraphs(block));
    else headTables.push(block);
  }
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
  // A table above the first section is not the title: it opens the body.
  const draft = readRegulationBody([...headTables, ...blocks.slice(firstSection)]);
  const body = draft.body;
  const warnings: ImportWarning[] = draft.tableLines.map((line) => ({
    line,
    message: 'таблица внутри положения перенесена таблицей Markdown — проверьте её вид',
  }));
  // A basis the vocabulary of acts does not know is shown as written (or with its kind in the nominative): the editor checks it.
  for (const view of legalBasesView(draft.legalBases).filter((v) => !v.act)) {
    const at = blocks.find((b) => b.kind === 'paragraph' && b.text.replace(/\s+/g, ' ').includes(view.written.slice(0, QUOTE_CHARS)));
    warnings.push({
      line: at?.line ?? blocks[0]?.line ?? 1,
      message: `акт не найден в словаре актов (src/lib/legal-acts.ts): на сайте нормативное основание будет показано как написано${view.nominative ? ', вид акта — в именительном падеже' : ''}, без ссылки — проверьте его: ${quote(view.written)}`,
    });
  }
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
    coverage: documentCoverage(coverageUnits(document.blocks, [partFrom, partTo], new Set(), false), entryTexts(data, body)),
    stats: { clauses: draft.clauses, sections: draft.sections },
    lines: lineSpan(blocks),
  };
}
