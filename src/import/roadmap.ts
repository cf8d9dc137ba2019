/**
 * A roadmap from a document: the table of events, the approval block and title before
 * it, target indicators after it. Columns are found by what their headers mean, in any
 * order and wording, so that tables nobody here has seen still import.
 */
import type { StageKey } from '../schemas/vocabulary.ts';
import { parseDeadline, type Period } from './deadline.ts';
import { cellOf, type Block, type Cell, type Row } from './source-document.ts';
import type { Warn } from './report.ts';

type Meaning = 'number' | 'stage' | 'title' | 'deadline' | 'responsible' | 'result' | 'extra';

/** Header words → column meaning; the first that matches wins («Срок реализации мероприятия» is a deadline). */
const HEADER_MEANINGS: [Meaning, RegExp][] = [
  ['number', /^\s*(№|n°|no\.?|номер)|п\s*[./]\s*п/i],
  ['deadline', /срок|дата|период|когда/i],
  ['responsible', /ответствен|исполнител|кто /i],
  ['result', /результат|документ|продукт|показател|форма отч[её]т/i],
  ['title', /мероприят|содержан|деятельност|действи|работ/i],
  ['stage', /этап|раздел|направлени/i],
  ['title', /наименован|названи/i],
];

export function headerMeaning(text: string): Meaning | undefined {
  if (!text.trim()) return undefined;
  return HEADER_MEANINGS.find(([, pattern]) => pattern.test(text))?.[0];
}

const ROW_NUMBER = /^\s*((?:\d+\.)*\d+)\.?\s*$|^\s*([IVXLC]+)\.?\s*$/;
/** The number a row opens with («2.1», «3.», «IV»), if its cell is only a number. */
export const rowNumber = (text: string) => {
  const match = ROW_NUMBER.exec(text);
  return match ? (match[1] ?? match[2]) : undefined;
};

export interface ImportedItem {
  number?: string;
  title: string;
  description?: string;
  deadline: { text: string; from?: Date; to?: Date; kind: string };
  responsible: string[];
  result?: string;
  items?: ImportedItem[];
}
export interface ImportedStage {
  number?: string;
  title: string;
  stage?: StageKey;
  description?: string;
  items: ImportedItem[];
}

/** The canonical stage a row names, where it clearly names one (DOMAIN.md's seven). */
export function canonicalStage(title: string): StageKey | undefined {
  const t = title.toLowerCase();
  if (/заверш/.test(t)) return 'completion';
  if (/организац\S* (и осуществлени\S* )?работ/.test(t)) return 'work';
  if (/(пар|групп)/.test(t) && /формирован|закреплен|подбор/.test(t)) return 'pairs';
  if (/отбор|обучени/.test(t) && /наставник|^отбор/.test(t)) return 'training';
  if (/наставляем/.test(t) && /баз|банк|формирован/.test(t)) return 'mentees';
  if (/наставник/.test(t) && /баз|банк/.test(t)) return 'mentors';
  if (/подготовк|нормативн|обеспечит/.test(t)) return 'preparation';
  return undefined;
}

interface Columns {
  meanings: Meaning[];
  labels: string[];
}

/** Finds the header row (possibly split over two rows) and says what each column holds. */
function findHeader(rows: Row[]): { columns: Columns; end: number } | undefined {
  for (let r = 0; r < Math.min(rows.length, 8); r++) {
    const labels = rows[r].cells.map((c) => c.text);
    const meanings = labels.map((label) => headerMeaning(label) ?? 'extra');
    const found = new Set(meanings.filter((m) => m !== 'extra'));
    if (found.size < 2 || !(found.has('title') || found.has('deadline'))) continue;
    if (labels.some((label) => /\d{2}\.\d{2}\.\d{2,4}/.test(label))) continue;
    // A header cell merged across columns («Срок» over «начало | окончание») leaves the columns
    // after it unlabelled: they hold what it names. A column left unlabelled at the start stays extra.
    labels.forEach((label, i) => {
      if (!label && i > 0 && labels[i - 1] && meanings[i - 1] !== 'number') {
        labels[i] = labels[i - 1];
        meanings[i] = meanings[i - 1];
      }
    });
    let end = r + 1;
    // A header split over two rows, with no row number in the second: lower-case continuations
    // («Срок» / «исполнения»), or header words of their own under a group heading («Выполнение»
    // over «Сроки | Исполнители»), which then say what their columns hold.
    const next = rows[end];
    const continuation = (text: string) => !text || /^[a-zа-яё(]/.test(text);
    const subheading = (text: string) => !!headerMeaning(text) && !/\d/.test(text);
    const nextTexts = next?.cells.map((c) => c.text) ?? [];
    if (
      next &&
      !next.cells.some((c) => rowNumber(c.text)) &&
      nextTexts.some(Boolean) &&
      nextTexts.every((text) => continuation(text) || subheading(text)) &&
      (nextTexts.every(continuation) || nextTexts.filter(subheading).length >= 2)
    ) {
      next.cells.forEach((cell, i) => {
        if (cell.text) labels[i] = `${labels[i] ?? ''} ${cell.text}`.trim();
      });
      labels.forEach((label, i) => (meanings[i] = headerMeaning(label) ?? 'extra'));
      next.cells.forEach((cell, i) => {
        const own = headerMeaning(cell.text);
        if (own && !continuation(cell.text)) meanings[i] = own;
      });
      end++;
    }
    return { columns: { meanings, labels }, end };
  }
  return undefined;
}

/** Whether a table has an events header (within its first rows): what makes it a roadmap table. */
export const hasEventsHeader = (rows: Row[]) => findHeader(rows) !== undefined;

const isNumberingRow = (row: Row) => {
  const texts = row.cells.map((c) => c.text).filter(Boolean);
  return texts.length >= 3 && texts.every((t, i) => t === String(i + 1));
};

const rowKey = (row: Row) => row.cells.map((c) => c.text.toLowerCase()).join('\u0000');

/**
 * A header typed again where the table goes on after a page break (or in a second table):
 * a row whose cells name the columns again, or any row of the header as it was, wherever it falls.
 */
function isRepeatedHeader(row: Row, columns: Columns, headerRows: Row[]) {
  const texts = row.cells.map((c) => c.text);
  if (texts.some(Boolean) && headerRows.some((header) => rowKey(header) === rowKey(row))) return true;
  return texts.filter(Boolean).length >= 2 && texts.every((t, i) => !t || headerMeaning(t) === columns.meanings[i]);
}

interface Fields {
  number: string;
  stage: Cell;
  title: Cell;
  deadline: Cell;
  responsible: Cell;
  result: Cell;
  extra: string[];
  line: number;
}

const EMPTY = cellOf([]);

function fieldsOf(row: Row, columns: Columns): Fields {
  const out: Fields = { number: '', stage: EMPTY, title: EMPTY, deadline: EMPTY, responsible: EMPTY, result: EMPTY, extra: [], line: row.line };
  row.cells.forEach((cell, i) => {
    const meaning = columns.meanings[i] ?? 'extra';
    if (meaning === 'number') out.number = cell.text;
    else if (meaning === 'deadline' && out.deadline.text && cell.text) {
      // Two deadline columns («начало», «окончание» under one «Срок»): a span of time.
      out.deadline = cellOf([`${out.deadline.text} – ${cell.text}`]);
    } else if (meaning === 'extra') {
      if (cell.text) out.extra.push(columns.labels[i] ? `${columns.labels[i]}: ${cell.text}` : cell.text);
    } else {
      const current = out[meaning];
      out[meaning] = current.text ? cellOf([...current.parts, ...cell.parts]) : cell;
    }
  });
  return out;
}

/**
 * Joins text continued after a page break. The break may fall mid-word: the pieces are
 * glued without a space when the glued word occurs elsewhere in the document.
 */
/** Short words that begin a continued line on their own, never as the end of a broken word. */
const SHORT_WORDS = new Set('и в во на по с со к ко о об от до из за для не ни но а или что как их его ее её при без под над через у же ли бы'.split(' '));

function joinContinued(before: string, after: string, vocabulary: Map<string, number>): string {
  if (!before) return after;
  if (!after) return before;
  const tail = /([а-яёa-z]+)$/i.exec(before)?.[1]?.toLowerCase();
  const head = /^([а-яёa-z]+)/i.exec(after)?.[1];
  if (tail && head) {
    const joined = vocabulary.has(`${tail}${head.toLowerCase()}`);
    // Pieces seen nowhere else, the second in lower case: the halves of one word.
    const halves =
      /^[а-яёa-z]/.test(head) && !SHORT_WORDS.has(head) && vocabulary.get(tail) === 1 && vocabulary.get(head.toLowerCase()) === 1 && head.length <= 5;
    if (joined || halves) return `${before}${after}`;
  }
  return `${before} ${after}`;
}

function mergeCells(above: Cell, below: Cell, vocabulary: Map<string, number>): Cell {
  if (!below.parts.length) return above;
  if (!above.parts.length) return below;
  const parts = [...above.parts];
  parts[parts.length - 1] = joinContinued(parts[parts.length - 1], below.parts[0], vocabulary);
  return cellOf([...parts, ...below.parts.slice(1)]);
}

/** Splits «Задача: … Результат: …» off a stage row's name. */
function stageTitle(text: string): { title: string; description?: string } {
  const cut = text.search(/\s(Цель|Задач[аи]|Результат)\s*:/);
  if (cut <= 0) return { title: text };
  return { title: text.slice(0, cut).trim(), description: text };
}

/** «Иванова А. А.», «А.А. Иванова», «Иванова Анна Андреевна»: a person named, not a post. */
const INITIALS = String.raw`[А-ЯЁ]\.\s?[А-ЯЁ]\.?`;
const SURNAME = String.raw`[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?`;
const PERSON = new RegExp(
  String.raw`^(?:${SURNAME}\s+${INITIALS}|${INITIALS}\s*${SURNAME}|${SURNAME}\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вна|вич|ична|чна))(?![а-яё])`,
);
const NAMES_PERSON = new RegExp(String.raw`${SURNAME}\s+${INITIALS}|${INITIALS}\s*${SURNAME}`);
/** Posts a school's responsible is named by («Заместитель директора по УВР», «педагог-психолог», «руководитель МО»). */
const POST =
  /^(заместител|зам\.|директор|педагог|социальн\S* педагог|руководител|куратор|учител|классн\S* руководител|старш\S* (вожат|методист)|методист|советник|председател|завуч|заведующ|логопед|дефектолог|психолог|библиотекар|тьютор|воспитател)/i;
/** A line that is only a post, with no person named on it: the name follows on the next line. */
const onlyPost = (line: string) => POST.test(line.trim()) && !NAMES_PERSON.test(line);

/**
 * The responsibles a cell names: separated by «;» or «,», each in a paragraph of its own (Word
 * users put one person per line), or «Фамилия И. О.» after «Фамилия И. О.». A line that opens
 * with a preposition, a number or a bracket, or follows one that ends with a preposition, goes
 * on the line above («заместитель директора» / «по УВР»); so does a name below a line that is
 * only a post («Заместитель директора по УВР» / «Иванова А. А.»).
 */
const splitResponsible = (cell: Cell) => {
  const lines: string[] = [];
  for (const part of cell.parts) {
    const first = /^[^\s]+/.exec(part)?.[0].toLowerCase() ?? '';
    const above = lines.at(-1) ?? '';
    const last = /[^\s]+$/.exec(above)?.[0].toLowerCase() ?? '';
    const continues =
      lines.length > 0 &&
      (SHORT_WORDS.has(first) || /^[\d(«"–—-]/.test(part) || SHORT_WORDS.has(last) || /[-–—]$/.test(last) || (onlyPost(above) && PERSON.test(part.trim())));
    if (continues) lines[lines.length - 1] = `${above} ${part}`;
    else lines.push(part);
  }
  return (
    lines
      .flatMap((line) => line.split(/[;,](?![^()]*\))/))
      // «Морозова И. П. Лебедева К. Р.»: two people whose lines were joined (a PDF's cell, a text export).
      .flatMap((name) => name.split(/(?<=[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)\s+(?=[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)/))
      // «Петров Б.Б. классные руководители»: a PDF joins a line opening in lower case onto the one
      // above; after a name's initials, a post is a responsible of its own.
      .flatMap((name) => splitAfterInitials(name))
      .map((s) => s.trim())
      .filter((s) => /[а-яёa-z]/i.test(s))
  );
};

function splitAfterInitials(name: string): string[] {
  const match = new RegExp(String.raw`^(.*?${SURNAME}\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.)\s+(?=[а-яё])(.+)$`).exec(name);
  if (!match || !POST.test(match[2])) return [name];
  return [match[1], ...splitAfterInitials(match[2])];
}

interface Segment {
  text: string;
  numbered: boolean;
  /** The number it is listed under («2» of «2) …»), kept as the event's number. */
  marker?: string;
  dashed: boolean;
}

/**
 * The separate activities a cell lists: numbered («1) … 2) …»), or dashed list items
 * (a dash at the start or right after the end of a sentence, never inside one).
 */
function segments(cell: Cell): Segment[] {
  const out: Segment[] = [];
  for (const part of cell.parts) {
    for (const numberedPiece of part.split(/(?=(?:^|\s)\d{1,2}\)\s)/)) {
      const piece = numberedPiece.trim();
      const marker = /^(\d{1,2})\)\s/.exec(piece)?.[1];
      const numbered = marker !== undefined;
      const body = piece.replace(/^\d{1,2}\)\s*/, '');
      const dashedPieces = body.split(/(?:^|(?<=[.;:!?»)]))\s*[–—-]\s*(?=[а-яёa-z«])/i);
      dashedPieces.forEach((text, i) => {
        const clean = text.trim();
        if (!clean) return;
        const dashed = i > 0 || /^\s*[–—-]/.test(body);
        out.push({ text: clean.replace(/^[–—-]\s*/, ''), numbered: numbered && i === 0, ...(numbered && i === 0 ? { marker } : {}), dashed });
      });
    }
  }
  return out;
}

function activities(cell: Cell, deadline: ImportedItem['deadline'], responsible: string[], result?: string) {
  const items: ImportedItem[] = [];
  let intro: string | undefined;
  const make = (title: string, number?: string): ImportedItem => ({
    ...(number ? { number } : {}),
    title,
    deadline,
    responsible,
    ...(result ? { result } : {}),
  });
  for (const [i, seg] of segments(cell).entries()) {
    const parent = items[items.length - 1];
    if (i === 0 && !seg.numbered && !seg.dashed && seg.text.endsWith(':')) intro = seg.text;
    else if (seg.dashed && parent?.title.endsWith(':')) (parent.items ??= []).push(make(seg.text));
    else items.push(make(seg.text, seg.marker));
  }
  return { intro, items };
}

export interface RoadmapDraft {
  stages: ImportedStage[];
  /** Table text that fits no field, with the source line. */
  unplaced: { line: number; text: string }[];
  /** Header and column-numbering rows: the table's layout, not its content. */
  layoutRows: Set<Row>;
}

/** Reads the events table (all table blocks of the region, in order). */
export function readRoadmapTable(tables: Block[], period: Period | undefined, vocabulary: Map<string, number>, warn: Warn): RoadmapDraft {
  const rows = tables.flatMap((block) => (block.kind === 'table' ? block.rows : []));
  const header = findHeader(rows);
  if (!header) throw new Error('в таблице не найдена строка заголовков (№, мероприятие, срок, ответственный)');
  const { columns } = header;
  const hasNumbers = columns.meanings.includes('number');
  const stageColumn = columns.meanings.includes('stage');

  // 1. Data rows, with rows continued after a page break merged into the row above.
  const data: Fields[] = [];
  const headerRows = rows.slice(0, header.end);
  const layoutRows = new Set<Row>(headerRows);
  const isLayout = (row: Row) => isNumberingRow(row) || isRepeatedHeader(row, columns, headerRows);
  const body = rows.slice(header.end).filter((row) => !isLayout(row));
  // A «№» column left mostly empty (numbers lost on the way) says nothing about continued rows.
  const numbered = hasNumbers && body.filter((row) => fieldsOf(row, columns).number).length >= body.length / 2;
  for (const row of rows.slice(header.end)) {
    if (isLayout(row)) {
      layoutRows.add(row);
      continue;
    }
    const fields = fieldsOf(row, columns);
    const empty =
      !fields.number &&
      !fields.title.text &&
      !fields.stage.text &&
      !fields.deadline.text &&
      !fields.responsible.text &&
      !fields.result.text &&
      !fields.extra.length;
    if (empty) continue;
    const previous = data[data.length - 1];
    // A row broken by a page break goes on only in the cells that did not fit: where the row
    // above has its deadline or responsible, a row with its own is an event of its own (the
    // next row under a stage cell merged down the column, whose number Word may not show).
    const ownFields = !!previous && ((!!fields.deadline.text && !!previous.deadline.text) || (!!fields.responsible.text && !!previous.responsible.text));
    const continues =
      !ownFields &&
      (numbered
        ? !fields.number && !fields.stage.text
        : !fields.number && !fields.stage.text && /^[a-zа-яё]/.test(fields.title.text) && !/[.;:!?]$/.test(previous?.title.text ?? '.'));
    if (continues && previous) {
      previous.title = mergeCells(previous.title, fields.title, vocabulary);
      previous.deadline = mergeCells(previous.deadline, fields.deadline, vocabulary);
      previous.responsible = mergeCells(previous.responsible, fields.responsible, vocabulary);
      previous.result = mergeCells(previous.result, fields.result, vocabulary);
      previous.extra.push(...fields.extra);
      continue;
    }
    data.push(fields);
  }

  const subNumbered = data.some((f) => /^\d+\.\d+/.test(f.number));
  // A stage cell merged down the column over several events: the rows are the events (with
  // their numbers), the stage only groups them. One stage per row is the other layout: the
  // row's content cell is the stage's plan, and its number the stage's.
  const stageSpansRows = stageColumn && data.some((f) => !f.stage.text && f.title.text);
  // A column of directions («Направление», «Раздел»), not of stages: it only groups the rows,
  // each of which is an event with its own number; rows of one direction go under one stage.
  const directions = stageColumn && !columns.labels.some((label, i) => columns.meanings[i] === 'stage' && /этап/i.test(label));
  const stages: ImportedStage[] = [];
  const unplaced: RoadmapDraft['unplaced'] = [];
  const currentStage = () => {
    if (!stages.length) stages.push({ title: 'Мероприятия', items: [] });
    return stages[stages.length - 1];
  };

  for (const f of data) {
    const number = rowNumber(f.number);
    // Text in the «№» column with no title beside it is the title, merged over both columns.
    const titleInNumber = !!f.number && !number && !f.title.text && /[а-яёa-z]{3}/i.test(f.number);
    if (f.number && !number && !titleInNumber) warn(f.line, `номер «${f.number}» не похож на номер пункта — сохранён в названии`);
    const deadline = parseDeadline(f.deadline.text, period);
    const responsible = splitResponsible(f.responsible);
    const result = [f.result.text, ...f.extra].filter(Boolean).join('; ') || undefined;
    const onlyName = !f.deadline.text && !f.responsible.text && !f.result.text && !f.extra.length;

    const spanning = spanningStage(f);
    if (spanning) {
      // A row across the whole table naming a stage («1. Подготовка…», «Этап 2. …»).
      const { title, description } = stageTitle(spanning.title);
      stages.push({ ...(spanning.number ? { number: spanning.number } : {}), title, ...stageKey(title), ...(description ? { description } : {}), items: [] });
      continue;
    }
    if ((stageSpansRows || directions) && f.stage.text) {
      const { title, description } = stageTitle(f.stage.text);
      if (!directions || stages.at(-1)?.title !== title) stages.push({ title, ...stageKey(title), ...(description ? { description } : {}), items: [] });
      // The row's own event, if it has one, follows under the new stage.
      if (!f.title.text) continue;
    } else if (stageColumn && f.stage.text) {
      // A stage per row; its content cell is the plan of that stage.
      const { title, description } = stageTitle(f.stage.text);
      const { intro, items } = activities(f.title, deadline, responsible, result);
      stages.push({
        ...(number ? { number } : {}),
        title,
        ...stageKey(title),
        ...(description || intro ? { description: [description, intro].filter(Boolean).join(' ') } : {}),
        items,
      });
      continue;
    }
    const text = [f.number && !number ? f.number : '', f.title.text].filter(Boolean).join(' ');
    if (!text) {
      unplaced.push({ line: f.line, text: [f.deadline.text, f.responsible.text, f.result.text].filter(Boolean).join(' ') });
      continue;
    }
    const stageLike = onlyName && (!number || !number.includes('.')) && (subNumbered || /(Задач[аи]|Результат)\s*:/.test(text) || !!canonicalStage(text));
    if (stageLike) {
      const { title, description } = stageTitle(text);
      stages.push({ ...(number ? { number } : {}), title, ...stageKey(title), ...(description ? { description } : {}), items: [] });
      continue;
    }
    // An event numbered at the level of the numbered stage above it, after that stage's own
    // sub-numbered events («3.» after «2.» and «2.1», «2.2»), with its own deadline or
    // responsible, is no part of that stage: it goes with the roadmap's unnamed events.
    const open = stages.at(-1);
    if (subNumbered && !onlyName && number && /^\d+$/.test(number) && open?.number && /^\d+$/.test(open.number) && Number(number) > Number(open.number)) {
      stages.push({ title: 'Мероприятия', items: [] });
    }
    const stage = currentStage();
    const numbered = segments(f.title).filter((s) => s.numbered);
    if (numbered.length >= 2) {
      // One row listing several numbered events: each becomes an item with the row's deadline,
      // under the row's own heading where it has one («Подведение итогов: 1) … 2) …»).
      const { intro, items } = activities(f.title, deadline, responsible, result);
      if (intro) stage.items.push({ ...(number ? { number } : {}), title: intro, deadline, responsible, ...(result ? { result } : {}), items });
      else {
        // The row's own number, where it has one, stands for its first event (the others keep their «2)», «3)»).
        if (number) items[0] = { ...items[0], number };
        stage.items.push(...items);
      }
      continue;
    }
    const bullet = text.search(/\s[·•]\s/);
    const item: ImportedItem = {
      ...(number ? { number } : {}),
      title: bullet > 0 ? text.slice(0, bullet).trim() : text,
      ...(bullet > 0 ? { description: text.slice(bullet).trim() } : {}),
      deadline,
      responsible,
      ...(result ? { result } : {}),
    };
    const parent = number && stage.items.findLast((i) => i.number && number.startsWith(`${i.number}.`));
    if (parent) (parent.items ??= []).push(item);
    else stage.items.push(item);
  }
  return { stages, unplaced, layoutRows };
}

/**
 * A row whose only text is in the «№» column: a cell merged across the table (a stage column's
 * lone cell is a stage already), naming a stage. Its number, if it opens with one, is the stage's.
 */
function spanningStage(f: Fields): { number?: string; title: string } | undefined {
  const others = f.title.text || f.deadline.text || f.responsible.text || f.result.text || f.extra.length;
  if (others) return undefined;
  const text = f.number && !rowNumber(f.number) && !f.stage.text ? f.number : '';
  if (!/[а-яёa-z]{3}/i.test(text)) return undefined;
  const numbered = /^((?:\d+\.)*\d+|[IVXLC]+)\.?\s+(.+)$/.exec(text);
  return numbered ? { number: numbered[1], title: numbered[2] } : { title: text };
}

const stageKey = (title: string) => {
  const key = canonicalStage(title);
  return key ? { stage: key } : {};
};
