/**
 * Building blocks shared by every collection schema.
 *
 * Schemas are factories over `SchemaTools` so that one definition serves Astro's
 * content layer (where `ref` is `reference()` and `image` is Astro's image helper)
 * and plain Node code — the integrity check, the importer, the CMS config and the
 * tests — where a reference is just a checked id and an image is a relative path.
 */
import { z } from 'astro/zod';

export type RefFactory = (collection: CollectionName) => z.ZodType;
export type ImageFactory = () => z.ZodType;
export interface SchemaTools {
  ref: RefFactory;
  image: ImageFactory;
}

export const COLLECTIONS = [
  'organizations',
  'forms',
  'regulations',
  'roadmaps',
  'practices',
  'mentors',
  'settings',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Latin slug: what every id and file name must look like (URLs stay readable and stable). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const idString = z
  .string({ error: 'нужен идентификатор' })
  .regex(ID_PATTERN, 'идентификатор пишется латиницей: строчные буквы, цифры и дефисы (например, «shkola-5»)');

/** Plain-Node stand-ins for Astro's helpers. */
export const plainTools: SchemaTools = {
  ref: () => idString,
  image: () => z.string({ error: 'укажите путь к изображению' }).min(1, 'укажите путь к изображению'),
};

const TYPE_NAMES: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  boolean: 'да или нет (true / false)',
  object: 'группа полей',
  array: 'список',
  date: 'дата',
};
/** How an editor would call what they typed. */
const describe = (value: unknown) =>
  Array.isArray(value) ? 'список' : value === null ? 'пусто' : typeof value === 'object' ? 'группа полей' : typeof value === 'string' ? `текст «${value.slice(0, 40)}»` : String(value);

/**
 * Messages for editors, not programmers: schema-specific messages win; these cover the
 * generic cases (a missing field, a wrong kind of value, an unknown field); the rest comes
 * from zod's Russian locale.
 */
z.config({
  ...z.locales.ru(),
  customError: (issue) => {
    if (issue.code === 'invalid_type') {
      if (issue.input === undefined) return 'нужно заполнить это поле';
      return `здесь должно быть: ${TYPE_NAMES[issue.expected] ?? issue.expected}, а написано: ${describe(issue.input)}`;
    }
    if (issue.code === 'unrecognized_keys') return `неизвестное поле ${issue.keys.map((k) => `«${k}»`).join(', ')}: уберите его или проверьте, нет ли опечатки в названии`;
    return undefined;
  },
});

export const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `нужно заполнить поле «${what}»` : `«${what}» должно быть текстом, а написано: ${describe(issue.input)}`) })
    .trim()
    .min(1, `поле «${what}» не может быть пустым`);

export const optionalText = () => z.string().trim().min(1).optional();

/**
 * A calendar date. YAML gives either a Date or a string; both are accepted,
 * impossible dates (31 февраля) are rejected rather than silently rolled over.
 */
export const calendarDate = (what = 'дата') =>
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
    });

export const year = (what = 'год') =>
  z
    .number({ error: `«${what}» — это год числом, например 2024` })
    .int(`«${what}» — целое число`)
    .min(1990, `«${what}»: слишком ранний год`)
    .max(2100, `«${what}»: слишком поздний год`);

/**
 * An enum stored as a Latin key with a Russian label: the key is what files and
 * URLs hold, the label is what visitors and editors read.
 */
export function labelledEnum<const T extends Record<string, string>>(labels: T, what: string) {
  const keys = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  const schema = z.enum(keys, {
    error: (issue) =>
      `«${what}»: значение ${JSON.stringify(issue.input)} не подходит; допустимо: ${Object.values(labels).join(', ')} (${keys.join(', ')})`,
  });
  return { schema, labels, keys };
}

export const url = (what: string) =>
  z.url({ error: `«${what}» должно быть полным адресом, например https://school.ru/` });

export const contactsSchema = z
  .object({
    address: optionalText(),
    phone: optionalText(),
    email: z.email({ error: 'неверный адрес электронной почты' }).optional(),
    person: optionalText(),
  })
  .strict();

/** A downloadable file: a title and a path under /public or a full URL on the site. */
export const attachmentSchema = z
  .object({
    title: text('название файла'),
    file: text('файл'),
  })
  .strict();

/** Approval block of a local act: «приказ № 30-9 о/д от 02.09.2024», «педсовет от 13.01.2023». */
export const approvalSchema = z
  .object({
    date: calendarDate('дата утверждения').optional(),
    document: optionalText(),
    approvedBy: optionalText(),
    agreed: optionalText(),
  })
  .strict();

/**
 * The entry's id as the CMS writes it (Decap cannot name a file from a Russian title):
 * optional, and when present it must equal the file name — the integrity check says so.
 */
export const entryId = idString.optional();

/** Marks fictional demo content so it can be labelled «пример» everywhere it shows. */
export const demoFlag = z.boolean().optional().default(false);
