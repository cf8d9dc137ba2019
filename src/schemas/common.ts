/**
 * Building blocks shared by every collection schema.
 *
 * Schemas are factories over `SchemaTools` so that one definition serves Astro's
 * content layer (where `ref` is `reference()` and `image` is Astro's image helper)
 * and plain Node code — the integrity check, the importer, the CMS config and the
 * tests — where a reference is just a checked id and an image is a relative path.
 */
import { z } from 'astro/zod';

import type { ImageMetadata } from 'astro';
import type { CollectionName } from './collections.ts';
import { issueFieldName } from './field-names.ts';

export type { CollectionName };

/** What a reference to another entry gives in the site's data: Astro's `reference()` output. */
export interface EntryRef<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
}
/** What an image field gives in the site's data: Astro's `image()` output. */
export type ImageRef = ImageMetadata;

export type RefFactory = <C extends CollectionName>(collection: C) => z.ZodType<EntryRef<C>, string>;
export type ImageFactory = () => z.ZodType<ImageRef>;
/**
 * The types are the site's (Astro's helpers); plain Node tools differ in what they give —
 * see plainTools — and their callers read the result as plain data, not as these types.
 */
export interface SchemaTools {
  ref: RefFactory;
  image: ImageFactory;
}

/** Latin slug: what every id and file name must look like (URLs stay readable and stable). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const idString = z
  .string({ error: 'нужен идентификатор' })
  .regex(ID_PATTERN, 'идентификатор пишется латиницей: строчные буквы, цифры и дефисы (например, «shkola-5»)');

/**
 * Plain-Node stand-ins for Astro's helpers: a reference stays the id and an image the path
 * written in the file. Their callers validate, or read the result as plain data (the check
 * resolves an image next to its entry), so the types above are not theirs to rely on.
 */
export const plainTools: SchemaTools = {
  // A fresh schema per field, as Astro's reference() makes: each field records its own name on it (named()).
  ref: (() => idString.clone()) as unknown as RefFactory,
  image: (() => z.string({ error: 'укажите путь к изображению' }).min(1, 'укажите путь к изображению')) as unknown as ImageFactory,
};

const TYPE_NAMES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  bigint: 'целое число',
  nan: 'число',
  boolean: 'да или нет (true / false)',
  object: 'группа полей',
  record: 'группа полей',
  map: 'группа полей',
  array: 'список',
  tuple: 'список',
  set: 'список',
  date: 'дата',
  null: 'пусто',
  undefined: 'пусто',
  never: 'ничего',
};
/** How an editor would call what they typed. */
const describe = (value: unknown) =>
  Array.isArray(value)
    ? 'список'
    : value === null
      ? 'пусто'
      : value instanceof Date
        ? 'дата'
        : typeof value === 'object'
          ? 'группа полей'
          : typeof value === 'string'
            ? `текст «${value.slice(0, 40)}»`
            : String(value);
const typeName = (expected: string) => TYPE_NAMES[expected] ?? 'значение другого вида';
/** A value as the editor would quote it: «значение». */
const quote = (value: unknown) =>
  `«${typeof value === 'string' ? value.slice(0, 40) : typeof value === 'object' && value !== null ? describe(value) : String(value)}»`;

/** Russian genitive after «не больше / не меньше N»: 1, 21, 101 символа; 2, 5, 11 символов. */
const genitive = (n: number, one: string, many: string) => (n % 10 === 1 && n % 100 !== 11 ? one : many);
const lengthOf = (input: unknown) => (typeof input === 'string' ? [...input].length : Array.isArray(input) ? input.length : undefined);

type Issue = z.core.$ZodRawIssue;

/** too_small / too_big: what the number, text or list must be, in an editor's words. */
function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const count = lengthOf(issue.input);
  const actual = count === undefined ? '' : `, а в нём ${count}`;
  switch (issue.origin) {
    case 'number':
    case 'int':
    case 'bigint':
      if (small) return `число должно быть ${inclusive ? 'не меньше' : 'больше'} ${limit}`;
      return `число должно быть ${inclusive ? 'не больше' : 'меньше'} ${limit}`;
    case 'string':
      if (small && limit <= 1) return 'поле не может быть пустым';
      return `текст должен быть ${small ? 'не короче' : 'не длиннее'} ${limit} ${genitive(limit, 'символа', 'символов')}${actual}`;
    case 'array':
    case 'set':
      if (small && limit <= 1) return 'нужен хотя бы один пункт';
      return `в списке должно быть ${small ? 'не меньше' : 'не больше'} ${limit} ${genitive(limit, 'пункта', 'пунктов')}${actual}`;
    case 'date':
      return `дата должна быть ${small ? 'не раньше' : 'не позже'} ${new Date(limit).toISOString().slice(0, 10)}`;
    default:
      return `значение должно быть ${small ? 'не меньше' : 'не больше'} ${limit}`;
  }
}

/** invalid_format: a string that is not written the way the field needs. */
function formatMessage(issue: Issue & { code: 'invalid_format' }): string {
  const details = issue as unknown as { prefix?: string; suffix?: string; includes?: string };
  switch (issue.format) {
    case 'email':
      return 'неверный адрес электронной почты: нужен адрес вида «name@school.ru»';
    case 'url':
      return 'нужен полный адрес, начинающийся с https:// или http://, например https://school.ru/';
    case 'starts_with':
      return `значение должно начинаться с «${details.prefix}»`;
    case 'ends_with':
      return `значение должно заканчиваться на «${details.suffix}»`;
    case 'includes':
      return `в значении должно быть «${details.includes}»`;
    case 'date':
    case 'datetime':
      return 'дату нужно записать как ГГГГ-ММ-ДД';
    default:
      return 'значение записано не в том виде, который здесь нужен: проверьте, нет ли лишних знаков и пробелов';
  }
}

/** invalid_union: when every variant wanted another kind of value, say which kinds would do. */
function unionMessage(issue: Issue & { code: 'invalid_union' }): string {
  const firsts = (issue.errors ?? []).map((branch) => branch[0]);
  if (firsts.length && firsts.every((first) => first?.code === 'invalid_type' && first.path.length === 0)) {
    const kinds = [...new Set(firsts.map((first) => typeName((first as { expected: string }).expected)))];
    return `здесь должно быть: ${kinds.join(' либо ')}, а написано: ${describe(issue.input)}`;
  }
  return 'значение не подходит ни под один из допустимых вариантов';
}

/** A required field left out: named as the schema names it (src/schemas/field-names.ts). */
const missing = (inst: unknown) => {
  const name = issueFieldName(inst);
  return name ? `нужно заполнить поле «${name}»` : 'нужно заполнить это поле';
};

/**
 * Messages for editors, not programmers: schema-specific messages win; these cover every
 * other case zod can report (a missing field, a wrong kind of value, an unknown field, a number
 * out of range, a text too long…), so that no «ожидалось, что number будет >=0» reaches an editor.
 */
z.config({
  ...z.locales.ru(),
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) return missing(issue.inst);
        return `здесь должно быть: ${typeName(issue.expected)}, а написано: ${describe(issue.input)}`;
      case 'unrecognized_keys':
        return `неизвестное поле ${issue.keys.map((k) => `«${k}»`).join(', ')}: уберите его или проверьте, нет ли опечатки в названии`;
      case 'too_small':
      case 'too_big':
        return sizeMessage(issue);
      case 'invalid_format':
        return formatMessage(issue);
      case 'not_multiple_of':
        return `число должно делиться на ${issue.divisor} без остатка`;
      case 'invalid_value':
        if (issue.values.length === 1) return `здесь может быть только ${quote(issue.values[0])}`;
        return `значение ${quote(issue.input)} не подходит; допустимо: ${issue.values.map(quote).join(', ')}`;
      case 'invalid_union':
        if (issue.input === undefined) return missing(issue.inst);
        return unionMessage(issue);
      case 'invalid_key':
        return 'неверное название поля';
      case 'invalid_element':
        return 'неверное значение в списке';
      case 'custom':
        return 'значение не подходит';
      default:
        return 'значение не подходит';
    }
  },
});

/*
 * Field helpers: the first argument is the field's name as it reads inside a sentence; the
 * messages quote it and the editor shows it capitalised (src/schemas/field-names.ts). A hint
 * or «long text» is added with `.meta({ hint, long })`; a field made with zod directly is
 * named with `.meta({ label })`, a reference with named().
 */

export const text = (what: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `нужно заполнить поле «${what}»` : `«${what}» должно быть текстом, а написано: ${describe(issue.input)}`),
    })
    .trim()
    .min(1, `поле «${what}» не может быть пустым`)
    .meta({ label: what });

/** The longest a title or a name may be (a page's heading, a link's text, a share card's title); official roadmap titles run to about 260. */
export const HEADING_MAX = 400;

/** A title or a name: a text of at most HEADING_MAX characters. */
export const heading = (what: string) =>
  text(what).max(HEADING_MAX, {
    error: (issue) =>
      `«${what}» длиннее ${HEADING_MAX} символов (${[...String(issue.input)].length}): это заголовок страницы — сократите его, а подробности перенесите в описание`,
  });

/** An optional text: leave the field out, but not empty. */
export const optionalText = (what: string) =>
  z.string().trim().min(1, `поле «${what}» не может быть пустым: впишите текст или удалите это поле`).meta({ label: what }).optional();

/**
 * A number: «было», «стало», the number of pairs. Only a value that is not a number at all is
 * this helper's to explain; a number out of range or not whole gets the general message.
 */
export const numeric = (what: string) =>
  z
    .number({
      error: (issue) =>
        issue.input === undefined
          ? `нужно заполнить поле «${what}»`
          : typeof issue.input === 'number'
            ? undefined
            : `«${what}» — число, а написано: ${describe(issue.input)}`,
    })
    .meta({ label: what });

/**
 * A calendar date. YAML gives either a Date or a string; both are accepted,
 * impossible dates (31 февраля) are rejected rather than silently rolled over.
 */
export const calendarDate = (what: string) =>
  z
    .union([z.date(), z.string()], { error: `поле «${what}» должно быть датой в виде ГГГГ-ММ-ДД` })
    .transform((value, ctx) => {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) {
          ctx.addIssue({ code: 'custom', message: `«${what}»: такой даты не существует` });
          return z.NEVER;
        }
        return value;
      }
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `«${what}» нужно записать как ГГГГ-ММ-ДД, а не «${value}»` });
        return z.NEVER;
      }
      const [y, m, d] = match.slice(1).map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
        ctx.addIssue({ code: 'custom', message: `«${what}»: даты ${value} не существует` });
        return z.NEVER;
      }
      return date;
    })
    .meta({ label: what });

export const year = (what: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `нужно заполнить поле «${what}»` : `«${what}» — это год числом, например 2024`) })
    .int(`«${what}» — целое число`)
    .min(1990, `«${what}»: слишком ранний год`)
    .max(2100, `«${what}»: слишком поздний год`)
    .meta({ label: what });

/**
 * An enum stored as a Latin key with a Russian label: the key is what files and
 * URLs hold, the label is what visitors and editors read.
 */
/** Every closed list made by labelledEnum, by its keys: an enum's schema keeps the keys, not the labels (read by the open-data structure). */
const LABELS_BY_KEYS = new Map<string, Record<string, string>>();
const keysKey = (keys: readonly string[]) => [...keys].sort().join('\n');
/** The Russian labels of a closed list known by its keys, if labelledEnum made it. */
export const labelsOfKeys = (keys: readonly string[]): Record<string, string> | undefined => LABELS_BY_KEYS.get(keysKey(keys));

export function labelledEnum<const T extends Record<string, string>>(labels: T, what: string) {
  const keys = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  LABELS_BY_KEYS.set(keysKey(keys), labels);
  const schema = z
    .enum(keys, {
      error: (issue) =>
        issue.input === undefined
          ? `нужно заполнить поле «${what}»`
          : `«${what}»: значение ${JSON.stringify(issue.input)} не подходит; допустимо: ${Object.values(labels).join(', ')} (${keys.join(', ')})`,
    })
    .meta({ label: what });
  return { schema, labels, keys };
}

/**
 * A host name a web address may have: a domain (Cyrillic ones arrive as xn--… punycode),
 * an IP address or localhost.
 */
const WEB_HOST = /^(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)\.?)$/i;

/**
 * A full web address, http:// or https:// only: never javascript:, data: or «//host» —
 * the value goes into a link on the page or into the site's own address. (zod's http guard
 * also wants the «://»: it is on only when the protocol pattern is zod's own.)
 */
export const url = (what: string) =>
  z
    .url({
      protocol: z.regexes.httpProtocol,
      hostname: WEB_HOST,
      error: `«${what}» должно быть полным адресом, начинающимся с https:// или http://, например https://school.ru/`,
    })
    .meta({ label: what });

/**
 * What a link to a file may be: a path on this site («/files/plan.pdf» or «files/plan.pdf»),
 * a full http(s) address, mailto: or tel:. Anything else — javascript:, data:, vbscript:,
 * «//other.host» — would run code or lead off the site from a link that looks like a file.
 */
export function fileLinkProblem(value: string): string | undefined {
  // As a browser reads a link: tabs and line breaks dropped, leading spaces and control characters ignored.
  // eslint-disable-next-line no-control-regex -- as a browser does: control characters before a link are ignored
  const link = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  if (/^[a-z]:[\\/]/i.test(link)) {
    return 'это путь к файлу на вашем компьютере, сайт его не увидит: положите файл в папку public/files и укажите путь вида «/files/plan.pdf»';
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link)?.[1].toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    return /^https?:\/\/[^/\\\s?#]/i.test(link) && URL.canParse(link)
      ? undefined
      : 'после «https:» нужны две косые черты и адрес сайта, например «https://school.ru/files/plan.pdf»';
  }
  if (scheme === 'mailto' || scheme === 'tel') return undefined;
  if (scheme) {
    return `ссылка вида «${scheme}:» не подходит: укажите путь к файлу на сайте («/files/plan.pdf»), полный адрес с https://, mailto: или tel:`;
  }
  if (/^[\\/]{2}/.test(link)) {
    return 'адрес, начинающийся с «//», ведёт на другой сайт: укажите полный адрес с https:// или путь к файлу на этом сайте («/files/plan.pdf»)';
  }
  return undefined;
}

/** A link to a downloadable file: see fileLinkProblem. */
export const fileLink = (what: string) =>
  text(what).superRefine((value, ctx) => {
    const problem = fileLinkProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `«${what}»: ${problem}` });
  });

export const contactsSchema = z
  .object({
    address: optionalText('адрес'),
    phone: optionalText('телефон'),
    email: z.email({ error: 'неверный адрес электронной почты' }).meta({ label: 'электронная почта' }).optional(),
    person: optionalText('контактное лицо или отдел'),
  })
  .strict()
  .meta({ label: 'контакты' });

/** A downloadable file: a title and a path under /public, a full http(s) address, mailto: or tel: (fileLinkProblem). */
export const attachmentSchema = z
  .object({
    title: text('название файла'),
    file: fileLink('файл'),
  })
  .strict();

/** What a signed original may be: the approved document as PDF or Word, or its scan. */
export const ORIGINAL_EXTENSIONS = ['pdf', 'docx', 'doc', 'odt', 'jpg', 'jpeg', 'png'] as const;

/**
 * The approved original of a document (the signed PDF or scan), uploaded through the editor into
 * the entry's own folder. Its page offers it as «Скачать подписанный документ»; the published
 * copy gets a Latin name and, if an image, no metadata.
 */
export const signedOriginal = () =>
  text('подписанный документ')
    .refine((path) => (ORIGINAL_EXTENSIONS as readonly string[]).includes(path.split('.').pop()?.toLowerCase() ?? ''), {
      message: `«подписанный документ» — файл PDF, Word (.docx, .doc), .odt или скан (.jpg, .png)`,
    })
    .meta({
      hint: 'Скан или PDF утверждённого документа с подписью и печатью: на странице появится ссылка «Скачать подписанный документ». Согласия и другие документы о людях сюда не загружайте.',
      pattern: {
        regex: `\\.(${ORIGINAL_EXTENSIONS.join('|')})$`,
        message: 'файл PDF, Word, .odt или скан (.jpg, .png)',
        example: './originals/zapis/prikaz.pdf',
      },
      upload: 'originals',
    });

/** What a document may leave blank in its approval, to be filled in by hand: «от ..2020 №», «№ ___», «от «__» ____ 20__ г.». */
export const DOCUMENT_BLANKS = {
  date: 'дата',
  number: 'номер',
} as const;
export const documentBlank = labelledEnum(DOCUMENT_BLANKS, 'пропуск в документе');

/** Approval block of a local act: «приказ № 30-9 о/д от 02.09.2024», «педсовет от 13.01.2023». */
export const approvalSchema = z
  .object({
    date: calendarDate('дата утверждения').optional(),
    document: optionalText('приказ или решение').meta({ hint: 'Например, «приказ № 30-9 о/д от 02.09.2024».' }),
    approvedBy: optionalText('кем утверждено'),
    agreed: optionalText('согласовано'),
    /** Set by the importer (src/lib/provenance.ts, blanksIn); the page says what the document leaves out. */
    blanks: z.array(documentBlank.schema).optional().meta({
      label: 'не заполнено в документе',
      hint: 'Если в документе оставлены пустые места для даты или номера (например, «от ..2020 №», «№ ___», «от «__» ____ 20__ г.»), отметьте, что не заполнено: на сайте будет написано, что это в документе не указано. Текст утверждения оставьте как в документе.',
    }),
  })
  .strict()
  .meta({ label: 'утверждение' });

/**
 * The entry's id as the CMS writes it (Decap cannot name a file from a Russian title):
 * optional, and when present it must equal the file name — the integrity check says so.
 */
export const entryId = idString.optional().meta({ label: 'идентификатор (латиницей, часть адреса страницы)' });

/** Marks fictional demo content so it can be labelled «пример» everywhere it shows. */
export const demoFlag = z.boolean().optional().default(false).meta({ label: 'пример (вымышленные данные)' });
