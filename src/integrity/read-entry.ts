/**
 * Reads one content file the way the content layer does: YAML data, or Markdown frontmatter + body.
 *
 * Whatever can go wrong on the way — a file saved in Windows-1251, a YAML slip, a file with no
 * fields — ends in an `EntryReadError` whose message an editor understands: in Russian, with the
 * line and column where the file goes wrong and what to do about it.
 */
import { isAlias, LineCounter, parseDocument, visit, type Node } from 'yaml';

export interface RawEntry {
  /** The fields as written: always an object (anything else is an EntryReadError). */
  data: Record<string, unknown>;
  /** Markdown only: the text after the block of fields. */
  body?: string;
  /** Markdown only: the line of the file the body starts on (1-based). */
  bodyLine?: number;
  /** The YAML text of the fields and the line of the file it starts on (1-based). */
  fieldsText: string;
  fieldsLine: number;
}

export class EntryReadError extends Error {
  /** Where in the file, when known (1-based). */
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/** «строка 4, столбец 3: …» — how every positioned message starts. */
export const atLine = (line: number, column: number, text: string) => `строка ${line}, столбец ${column}: ${text}`;

/**
 * The file's bytes as text. Only UTF-8 is accepted (a byte-order mark is fine): the site reads
 * every file as UTF-8, so a file saved by Notepad in Windows-1251 would show as «������».
 */
export function decodeEntry(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new EntryReadError('файл сохранён в кодировке UTF-16 (в Блокноте она называется «Юникод»): откройте его и сохраните заново в кодировке UTF-8');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Not UTF-8: find where, below.
  }
  const bad = Math.max(firstInvalidUtf8(bytes), 0);
  const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const column = [...new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).replace(/^\uFEFF/, '')].length + 1;
  throw new EntryReadError(
    atLine(
      line,
      column,
      'файл сохранён не в кодировке UTF-8 (похоже, в Windows-1251 — так сохраняют Блокнот и старые редакторы), и русские буквы на сайте превратятся в «������»: откройте файл и сохраните его заново в кодировке UTF-8',
    ),
    line,
    column,
  );
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1];
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/**
 * The block of fields between two «---» lines, then the text. Like Astro's own reader, blank lines
 * before the block and spaces after a «---» are allowed; Windows line ends too.
 */
const FRONTMATTER = /^((?:[ \t]*\r?\n)*)---[ \t]*(\r?\n[\s\S]*?)??\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

export function readEntry(fileName: string, source: string): RawEntry {
  const text = source.replace(/^\uFEFF/, '');
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'yaml' || ext === 'yml') {
    return { data: fields(parseYamlText(text, 0), 'yaml'), fieldsText: text, fieldsLine: 1 };
  }
  if (ext === 'md' || ext === 'mdx' || ext === 'markdown') {
    const match = FRONTMATTER.exec(text);
    if (!match) {
      if (/^\s*---[ \t]*\r?\n/.test(text)) {
        throw new EntryReadError('блок полей не закрыт: после полей нужна строка «---», а за ней — текст');
      }
      throw new EntryReadError(
        'в начале файла нет блока полей между строками «---»: файл должен начинаться со строки «---», затем поля, затем снова «---» и текст',
      );
    }
    const [, blank, block, body] = match;
    // The closing «---» is the first one after the opening line, as in Astro's reader.
    const yamlText = (block ?? '').replace(/^\r?\n/, '');
    const fieldsLine = lines(blank) + 2;
    const bodyLine = fieldsLine + (block === undefined ? 0 : lines(yamlText) + 1) + 1;
    return { data: fields(parseYamlText(yamlText, fieldsLine - 1), 'md'), body, bodyLine, fieldsText: yamlText, fieldsLine };
  }
  throw new EntryReadError(`файлы с расширением «.${ext}» в этой папке не читаются`);
}

const lines = (text: string) => text.split('\n').length - 1;

/** The fields of an entry must be «name: value» pairs: an empty file, a list or a lone sentence is not. */
function fields(data: unknown, kind: 'yaml' | 'md'): Record<string, unknown> {
  if (data === null || data === undefined) {
    throw new EntryReadError(
      kind === 'md'
        ? 'между строками «---» нет полей: впишите поля записи (каждое — на своей строке, в виде «название: значение»)'
        : 'файл пуст: впишите поля записи (каждое — на своей строке, в виде «название: значение») или удалите файл',
    );
  }
  if (Array.isArray(data)) {
    throw new EntryReadError('в файле записан список (строки начинаются с «- »), а нужны поля — каждое на своей строке, в виде «название: значение»');
  }
  if (typeof data !== 'object' || data instanceof Date) {
    throw new EntryReadError('в файле одна строка текста вместо полей: каждое поле пишется на своей строке, в виде «название: значение»');
  }
  return data as Record<string, unknown>;
}

/** Parses YAML; `lineOffset` is how many lines of the file come before it (Markdown's «---»). */
function parseYamlText(source: string, lineOffset: number): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: true, logLevel: 'error', lineCounter });
  // A warning (an unknown «!tag», say) is an error for the site's own YAML reader: report it too.
  const [error] = [...doc.errors, ...doc.warnings];
  if (error) throw yamlReadError(error, source, lineOffset);
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // `*name` with no `&name` before it: the value starts with «*», which YAML reads as a reference;
    // or so many references that reading them would never end.
    const code = /Excessive alias count/.test((error as Error).message) ? 'RESOURCE_EXHAUSTION' : 'BAD_ALIAS';
    let alias: Node | undefined;
    visit(doc, {
      Alias: (_, node) => {
        if (code === 'RESOURCE_EXHAUSTION' || !node.resolve(doc)) return ((alias = node), visit.BREAK);
      },
    });
    const start = alias && isAlias(alias) && alias.range ? alias.range[0] : 0;
    const { line, col } = lineCounter.linePos(start);
    throw yamlReadError({ code, message: (error as Error).message, linePos: [{ line, col }] }, source, lineOffset);
  }
}

export interface YamlErrorLike {
  code: string;
  message: string;
  linePos?: readonly { line: number; col: number }[];
}

function yamlReadError(error: YamlErrorLike, source: string, lineOffset: number): EntryReadError {
  const { line, column, text } = explainYamlError(error, source);
  return new EntryReadError(atLine(line + lineOffset, column, text), line + lineOffset, column);
}

/**
 * A YAML error in Russian, «строка 4, столбец 3: …», by the yaml package's error code
 * (node_modules/yaml/dist/errors.d.ts lists them); `source` is the YAML text, for the
 * field name or the character the message names.
 */
export function translateYamlError(error: YamlErrorLike, source: string, lineOffset = 0): string {
  const { line, column, text } = explainYamlError(error, source);
  return atLine(line + lineOffset, column, text);
}

const GENERIC = 'ошибка в разметке YAML: проверьте в этой строке отступы, двоеточия, кавычки и скобки';

/** Characters YAML reserves at the start of a value, and what each means to it. */
const RESERVED: Record<string, string> = {
  '*': 'в YAML он означает ссылку на другое значение',
  '&': 'в YAML он означает метку значения',
  '!': 'в YAML он означает тип значения',
  '@': 'в YAML он зарезервирован',
  '`': 'в YAML он зарезервирован',
  '%': 'в YAML он начинает служебную строку',
};

function explainYamlError(error: YamlErrorLike, source: string): { line: number; column: number; text: string } {
  const position = error.linePos?.[0] ?? { line: 1, col: 1 };
  let line = position.line;
  let column = position.col;
  const sourceLines = source.split(/\r?\n/);
  const lineText = sourceLines[line - 1] ?? '';
  const message = error.message;

  /** A value that starts with a character YAML reserves: the fix is quotes. */
  const reserved = () => {
    const match = /^(\s*(?:-\s+)*(?:(?:"[^"]*"|'[^']*'|[^\s#'"-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:[ \t]+)?)([*&!@`%])/.exec(lineText);
    if (!match) return undefined;
    const char = match[2];
    column = match[1].length + 1;
    const value = lineText.slice(match[1].length).trim().replace(/"/g, "'");
    const example = value.length > 40 ? `${value.slice(0, 37)}…` : value;
    return `значение не может начинаться со знака «${char}» (${RESERVED[char]}): возьмите всё значение в кавычки, например «"${example}"»`;
  };
  const say = (text: string) => ({ line, column, text });

  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:"([^"]*)"|'([^']*)'|([^:#]*?))\s*:/.exec(lineText.slice(column - 1));
      const name = key?.[1] ?? key?.[2] ?? key?.[3];
      return say(name ? `поле «${name}» записано дважды — оставьте одно` : 'одно и то же поле записано дважды — оставьте одно');
    }
    case 'TAB_AS_INDENT':
      return say('отступ сделан клавишей Tab, а в YAML отступы делаются только пробелами: замените Tab пробелами');
    case 'BAD_INDENT':
      if (/Flow sequence/i.test(message)) return say('не закрыта квадратная скобка «[», открытая выше: список в скобках должен заканчиваться скобкой «]»');
      if (/Flow map/i.test(message)) return say('не закрыта фигурная скобка «{», открытая выше: группа полей в скобках должна заканчиваться скобкой «}»');
      if (/sequence items/i.test(message)) return say('пункты списка (строки с «- ») должны начинаться в одном столбце: выровняйте отступы пробелами');
      return say('неверный отступ: поля одного уровня должны начинаться в одном столбце, а вложенные — правее, с отступом из пробелов');
    case 'MISSING_CHAR': {
      const quote = /closing (["'])quote/i.exec(message)?.[1];
      if (quote) {
        const opening = openingQuote(sourceLines, line, quote);
        if (opening) [line, column] = opening;
        return say(
          `не закрыта кавычка ${quote === '"' ? '«"»' : "«'»"}: значение начинается с кавычки, а закрывающей кавычки нет — поставьте её в конце значения; если текст в кавычках продолжается на следующих строках, начинайте их с отступа из пробелов`,
        );
      }
      if (/Implicit map keys need to be followed/i.test(message)) {
        return say(
          'после названия поля нужны двоеточие и пробел, например «name: значение»; если это продолжение текста с предыдущей строки — сделайте отступ пробелами или возьмите весь текст в кавычки',
        );
      }
      if (/Missing , /i.test(message)) return say('в скобках [ ] или { } значения разделяются запятыми: здесь пропущена запятая');
      if (/space after :/i.test(message)) return say('после двоеточия нужен пробел');
      if (/Comments must be separated/i.test(message)) {
        return say('перед знаком «#» нужен пробел (с «#» начинается комментарий); если «#» — часть текста, возьмите всё значение в кавычки');
      }
      if (/Sequence item without/i.test(message)) return say('у пункта списка нет дефиса: каждый пункт начинается с «- »');
      return say(reserved() ?? 'пропущен знак разметки — двоеточие, запятая, кавычка или скобка');
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/compact mappings/i.test(message)) {
        return say(
          'в значении есть двоеточие с пробелом («: »): если двоеточие — часть текста, возьмите всё значение в кавычки, например «описание: "Цель: помощь"»; если это новое поле — перенесите его на отдельную строку',
        );
      }
      return say('список или группа полей стоит на месте названия поля: проверьте отступы');
    case 'MULTILINE_IMPLICIT_KEY':
      return say(
        'название поля должно умещаться на одной строке и заканчиваться двоеточием: возможно, после названия пропущено двоеточие или длинный текст перенесён на новую строку без отступа',
      );
    case 'UNEXPECTED_TOKEN': {
      const hint = reserved();
      if (hint) return say(hint);
      if (/Unexpected , |empty item/i.test(message)) return say('лишняя запятая: в скобках [ ] или { } между значениями ровно одна запятая');
      if (/flow-seq-end|"\]"/.test(message)) return say('лишняя закрывающая скобка «]»');
      if (/flow-map-end|"\}"/.test(message)) return say('лишняя закрывающая скобка «}»');
      if (/Block scalar header/i.test(message))
        return say('после знака «|» или «>» на той же строке не должно быть текста: перенесите текст на следующую строку с отступом');
      return say('непонятный знак разметки: проверьте в этой строке двоеточия, кавычки, скобки и отступы; если это текст — возьмите его в кавычки');
    }
    case 'BAD_SCALAR_START':
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_DIRECTIVE': {
      const fallback: Record<string, string> = {
        BAD_SCALAR_START: 'значение начинается со служебного знака YAML: возьмите всё значение в кавычки',
        BAD_ALIAS: 'значение не может начинаться со знака «*» или «&» (в YAML это ссылка или метка): возьмите всё значение в кавычки',
        ALIAS_PROPS: 'у ссылки «*» не может быть метки «&» или типа «!»: если это текст, возьмите всё значение в кавычки',
        TAG_RESOLVE_FAILED: 'значение не может начинаться со знака «!» (в YAML он означает тип значения): возьмите всё значение в кавычки',
        BAD_DIRECTIVE: 'строка не может начинаться со знака «%» (в YAML он начинает служебную строку): возьмите значение в кавычки',
      };
      return say(reserved() ?? fallback[error.code]);
    }
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
      return say(reserved() ?? 'у значения несколько служебных знаков «&» или «!»: если это текст, возьмите всё значение в кавычки');
    case 'BLOCK_IN_FLOW':
      return say('внутри скобок [ ] или { } нельзя начинать список с «- » или поле с новой строки: запишите значения через запятую или уберите скобки');
    case 'BAD_DQ_ESCAPE':
      return say(
        'в тексте в двойных кавычках обратная косая черта «\\» начинает служебный знак: напишите её дважды («\\\\») или возьмите текст в одинарные кавычки',
      );
    case 'MULTIPLE_DOCS':
      return say('в файле несколько блоков, разделённых строкой «---»: в файле .yaml такие строки не нужны — уберите их, оставив один набор полей');
    case 'NON_STRING_KEY':
      return say('на месте названия поля стоит список или группа полей: проверьте двоеточия, скобки и отступы');
    case 'KEY_OVER_1024_CHARS':
      return say('название поля длиннее 1024 знаков: скорее всего, в длинном тексте двоеточие стоит не там или пропущен перенос — возьмите текст в кавычки');
    case 'RESOURCE_EXHAUSTION':
      return say('в файле слишком много ссылок «*» на одно и то же значение: уберите знаки «*» и «&» в начале значений или возьмите такие значения в кавычки');
    case 'BAD_COLLECTION_TYPE':
      return say('список или группа полей записаны не в том виде: проверьте скобки и отступы');
    default:
      return say(GENERIC);
  }
}

/** Where the unclosed quote opens: the nearest line above with an odd number of that quote. */
function openingQuote(lines: string[], errorLine: number, quote: string): [number, number] | undefined {
  for (let i = Math.min(errorLine, lines.length) - 1; i >= 0; i--) {
    const text = lines[i].replace(quote === '"' ? /\\./g : /''/g, '');
    const count = text.split(quote).length - 1;
    if (count % 2 === 1) return [i + 1, lines[i].indexOf(quote) + 1];
  }
  return undefined;
}
