/**
 * Which fields of each collection are public data, and which never leave the editor.
 *
 * The JSON under /api/ is made from these declarations field by field (`pick`): a field
 * is published only when it is listed here, so a field added to a schema later stays
 * private until someone decides otherwise. tests/public-fields.test.ts fails while any
 * schema field, at any level declared here, is neither published nor internal.
 *
 * A published field is one of:
 * - `'value'` — copied as written (dates as ГГГГ-ММ-ДД); only text, numbers, yes/no and lists of them;
 * - `'ref'` — a reference (or a list of them), published as the id;
 * - `'made'` — public only in a form public-data.ts makes (a processed image's URL, say); `pick` refuses to copy it;
 * - a nested declaration — a group of fields or a list of groups, declared the same way.
 *
 * `derived` names what public-data.ts adds that is not a schema field as such (the page's URL,
 * a label, a count). A derived name may reuse an internal field's name when it replaces it:
 * `id` is the file name, not the editor's copy of it; a mentor's `name` is the name as it may be shown.
 *
 * Plain Node: no Astro imports, so the tests and scripts can read it.
 */
import { PUBLIC_COLLECTIONS, type PublicCollection } from '../schemas/collections.ts';
import { isoDate } from './format.ts';

export type Published = 'value' | 'ref' | 'made' | FieldPolicy;

export interface FieldPolicy {
  published: Record<string, Published>;
  /** Never published, each with the reason. */
  internal: Record<string, string>;
  /** Added by public-data.ts; not copied from the entry. */
  derived?: Record<string, string>;
}

const EDITOR_ID = 'копия имени файла для редактора; запись публикуется с id из имени файла';
const ENTRY: Record<string, string> = {
  id: 'имя файла записи',
  url: 'адрес страницы записи на сайте',
};

const contacts: FieldPolicy = {
  published: { address: 'value', phone: 'value', email: 'value', person: 'value' },
  internal: {},
};

const approval: FieldPolicy = {
  published: { date: 'value', document: 'value', approvedBy: 'value', agreed: 'value', blanks: 'value' },
  internal: {},
};

export const ROADMAP_SUB_ITEM: FieldPolicy = {
  published: {
    number: 'value',
    title: 'value',
    description: 'value',
    deadline: { published: { text: 'value', from: 'value', to: 'value', kind: 'value' }, internal: {} },
    responsible: 'value',
    result: 'value',
    documents: 'value',
    status: 'value',
  },
  internal: {},
  derived: {
    effectiveStatus:
      'состояние на дату statusDate: done, in-progress, planned; overdue — отмечено как невыполненное, а срок прошёл; unmarked — срок прошёл, а отметки нет',
    effectiveStatusLabel: 'тот же статус по-русски',
  },
};

export const ROADMAP_ITEM: FieldPolicy = {
  published: { ...ROADMAP_SUB_ITEM.published, items: ROADMAP_SUB_ITEM },
  internal: {},
  derived: ROADMAP_SUB_ITEM.derived,
};

export const ROADMAP_STAGE: FieldPolicy = {
  published: { number: 'value', title: 'value', stage: 'value', description: 'value', status: 'value', items: ROADMAP_ITEM },
  internal: {},
  derived: { stageLabel: 'этап целевой модели по-русски' },
};

export const ACHIEVEMENT: FieldPolicy = {
  published: { title: 'value', year: 'value', level: 'value' },
  internal: {},
  derived: { levelLabel: 'уровень достижения по-русски' },
};

export const PUBLIC_FIELDS = {
  organizations: {
    published: {
      name: 'value',
      shortName: 'value',
      kind: 'value',
      region: 'value',
      municipality: 'value',
      website: 'value',
      contacts,
      description: 'value',
      parent: 'ref',
      demo: 'value',
    },
    internal: { id: EDITOR_ID },
    derived: { ...ENTRY, kindLabel: 'вид организации по-русски' },
  },
  forms: {
    published: {
      title: 'value',
      order: 'value',
      summary: 'value',
      goal: 'value',
      tasks: 'value',
      results: 'value',
      mentorPortrait: 'value',
      menteePortrait: 'value',
      roleModels: { published: { title: 'value', description: 'value' }, internal: {} },
      formats: 'value',
    },
    internal: {
      id: EDITOR_ID,
      source: 'откуда взят текст и что в нём поправлено: заметка для редактора, на сайте не показывается',
    },
    derived: ENTRY,
  },
  regulations: {
    published: {
      title: 'value',
      organization: 'ref',
      approval,
      status: 'value',
      legalBases: 'value',
      forms: 'ref',
      originalFile: 'value',
      signedOriginal: 'made',
      demo: 'value',
    },
    internal: {
      id: EDITOR_ID,
      source: 'из какого документа получен текст: заметка для редактора, на сайте не показывается',
    },
    derived: { ...ENTRY, statusLabel: 'статус положения по-русски', body: 'текст положения (Markdown)' },
  },
  roadmaps: {
    published: {
      title: 'value',
      organization: 'ref',
      level: 'value',
      period: { published: { from: 'value', to: 'value', origin: 'value', stated: { published: { from: 'value', to: 'value' }, internal: {} } }, internal: {} },
      approval,
      goals: 'value',
      tasks: 'value',
      stages: ROADMAP_STAGE,
      targets: { published: { indicator: 'value', value: 'value', unit: 'value', year: 'value', measure: 'value' }, internal: {} },
      signedOriginal: 'made',
      demo: 'value',
    },
    internal: {
      id: EDITOR_ID,
      source: 'из какого документа получен текст: заметка для редактора, на сайте не показывается',
      notes: 'текст документа, который импорт не разложил по полям: черновик для редактора',
    },
    derived: {
      ...ENTRY,
      levelLabel: 'уровень дорожной карты по-русски',
      itemCount: 'число мероприятий и подпунктов',
      doneCount: 'сколько из них выполнено',
      statusDate: 'дата, на которую посчитаны состояния мероприятий (ГГГГ-ММ-ДД)',
      statusExplanation: 'что значат состояния, выведенные из сроков («не отмечено»); нет, если все отмечены',
    },
  },
  results: {
    published: {
      organization: 'ref',
      schoolYear: 'value',
      figures: {
        published: { measure: 'value', value: 'value', asOf: 'value', basis: 'value' },
        internal: {},
        derived: { measureLabel: 'показатель по-русски' },
      },
      summary: 'value',
      approval,
      signedOriginal: 'made',
      demo: 'value',
    },
    internal: { id: EDITOR_ID },
    derived: { ...ENTRY, report: 'адрес отчёта .docx', table: 'адрес таблицы .csv' },
  },
  practices: {
    published: {
      title: 'value',
      organization: 'ref',
      years: 'value',
      forms: 'ref',
      roleModel: 'value',
      summary: 'value',
      problem: 'value',
      participants: { published: { pairs: 'value', description: 'value' }, internal: {} },
      results: { published: { indicator: 'value', before: 'value', after: 'value', unit: 'value' }, internal: {} },
      resources: 'value',
      replicability: 'value',
      contacts: 'value',
      mentors: 'ref',
      attachments: { published: { title: 'value', file: 'value' }, internal: {} },
      cover: 'made',
      coverAlt: 'value',
      published: 'value',
      demo: 'value',
    },
    internal: { id: EDITOR_ID },
    derived: { ...ENTRY, description: 'что сделано: текст практики (Markdown)' },
  },
  mentors: {
    published: {
      photo: 'made',
      photoAlt: 'made',
      position: 'value',
      organization: 'ref',
      sphere: 'value',
      category: 'value',
      forms: 'ref',
      since: 'value',
      achievements: ACHIEVEMENT,
      awards: 'value',
      quote: 'value',
      demo: 'value',
    },
    internal: {
      id: EDITOR_ID,
      name: 'фамилия, имя и отчество по частям; публикуется только имя, как его можно показывать (publicName)',
      minor: 'возраст человека — сам по себе персональные данные; по нему лишь скрываются фамилия и фото',
      consent: 'сведения о согласии на публикацию (152-ФЗ) — для проверки, не для публикации',
    },
    derived: {
      ...ENTRY,
      name: 'имя, как его можно показывать: несовершеннолетний — без фамилии, пока родители не разрешили',
      categoryLabel: 'категория наставника по-русски',
    },
  },
} satisfies Record<PublicCollection, FieldPolicy>;

export { PUBLIC_COLLECTIONS, type PublicCollection };

type Json = Record<string, unknown>;

/** A published value as JSON: dates as ГГГГ-ММ-ДД; a group of fields here means a missing declaration. */
export function plainValue(value: unknown, field: string): unknown {
  if (value instanceof Date) return isoDate(value);
  if (Array.isArray(value)) return value.map((v) => plainValue(v, field));
  if (value !== null && typeof value === 'object') {
    throw new Error(`Поле «${field}» содержит группу полей: объявите её поля в src/lib/public-fields.ts`);
  }
  return value;
}

const refId = (value: unknown, field: string): unknown => {
  if (Array.isArray(value)) return value.map((v) => refId(v, field));
  const id = (value as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new Error(`Поле «${field}» объявлено ссылкой, но ссылкой не является`);
  return id;
};

/**
 * The published fields of one entry (or group), as declared. `made` supplies a published field's
 * value in the form public-data.ts makes it (a `'made'` field must be supplied; any other may be,
 * to add derived values inside it); a name that is not a published field is refused.
 */
export function pick(data: object, policy: FieldPolicy, made: Json = {}): Json {
  for (const field of Object.keys(made)) {
    if (!Object.hasOwn(policy.published, field)) throw new Error(`«${field}» не объявлено публикуемым полем`);
  }
  const source = data as Json;
  const out: Json = {};
  for (const [field, how] of Object.entries(policy.published)) {
    if (Object.hasOwn(made, field)) {
      out[field] = made[field];
      continue;
    }
    if (how === 'made') throw new Error(`«${field}» публикуется только в обработанном виде, а его не передали`);
    const value = source[field];
    if (value === undefined) continue;
    if (how === 'value') out[field] = plainValue(value, field);
    else if (how === 'ref') out[field] = refId(value, field);
    else out[field] = Array.isArray(value) ? value.map((v: object) => pick(v, how)) : pick(value as object, how);
  }
  return out;
}

// ---- Checking a declaration against a schema (zod 4 internals, read-only) ----

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly', 'catch']);

/** The schema under optional/default/… wrappers; a transform is read by what it accepts. */
function unwrapped(schema: unknown): unknown {
  let current = schema;
  for (let def = defOf(current); def; def = defOf(current)) {
    if (WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'lazy') current = (def.getter as () => unknown)();
    else break;
  }
  return current;
}

/** The group of fields a field holds — directly or as the elements of a list — if it holds one. */
function groupOf(schema: unknown): Record<string, unknown> | undefined {
  let inner = unwrapped(schema);
  if (defOf(inner)?.type === 'array') inner = unwrapped(defOf(inner)!.element);
  const def = defOf(inner);
  return def?.type === 'object' ? (def.shape as Record<string, unknown>) : undefined;
}

/**
 * Everything wrong with a declaration against a schema, at every declared level: a field that is
 * neither published nor internal, one that is both, one declared but gone from the schema, a
 * group of fields published without declaring its fields, an internal field without a reason.
 */
export function declarationProblems(schema: unknown, policy: FieldPolicy, path = ''): string[] {
  const shape = groupOf(schema);
  const at = (field: string) => `${path}${field}`;
  if (!shape) return [`${path || 'запись'}: в схеме это не группа полей, а объявлена как группа`];
  const problems: string[] = [];
  const published = Object.keys(policy.published);
  const internal = Object.keys(policy.internal);
  for (const field of Object.keys(shape)) {
    if (!published.includes(field) && !internal.includes(field)) problems.push(`${at(field)}: не объявлено ни публикуемым, ни внутренним`);
  }
  for (const field of published) {
    if (internal.includes(field)) problems.push(`${at(field)}: объявлено и публикуемым, и внутренним`);
  }
  for (const field of [...published, ...internal]) {
    if (!Object.hasOwn(shape, field)) problems.push(`${at(field)}: объявлено, но в схеме такого поля нет`);
  }
  for (const [field, reason] of Object.entries(policy.internal)) {
    if (!reason.trim()) problems.push(`${at(field)}: не указано, почему поле внутреннее`);
  }
  for (const field of Object.keys(policy.derived ?? {})) {
    if (published.includes(field)) problems.push(`${at(field)}: и публикуемое поле, и вычисляемое`);
  }
  for (const [field, how] of Object.entries(policy.published)) {
    if (!Object.hasOwn(shape, field)) continue;
    const group = groupOf(shape[field]);
    if (typeof how === 'object') problems.push(...declarationProblems(shape[field], how, `${at(field)}.`));
    else if (group && how !== 'made') problems.push(`${at(field)}: группа полей — объявите, какие из них публикуются`);
  }
  return problems;
}
