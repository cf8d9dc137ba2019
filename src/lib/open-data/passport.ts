/**
 * A data set's passport, as the Russian open-data recommendations ask for one («Методические
 * рекомендации по публикации открытых данных…, версия 3.0»): identifier, title, description,
 * owner, the person responsible and their contacts, links to the data and to its structure,
 * format, the dates of first publication and last change with what changed, the date the data
 * is current on, how often it is updated, keywords and the terms of use.
 *
 * Every value comes from somewhere a reader can check: the section's settings and organisations
 * (owner, contacts), the content's own dates (dates.ts), the build date. A date the content does
 * not give is left out and the passport says so; nothing is filled in to look complete.
 *
 * Plain Node: the pages hand in what they read from the site.
 */
import type { PublicCollection } from '../../schemas/collections.ts';
import { isoDate, numericDate } from '../format.ts';
import { tableCsv } from './csv.ts';
import type { DatedEntry } from './dates.ts';

/** The recommendations this passport follows, as they identify themselves in a passport file. */
export const STANDARD = {
  version: 'http://opendata.gosmonitor.ru/standard/3.0',
  title:
    'Методические рекомендации по публикации открытых данных государственными органами и органами местного самоуправления, а также технические требования к публикации открытых данных, версия 3.0 (протокол заседания Правительственной комиссии по координации деятельности Открытого правительства от 29.05.2014 № 4)',
};

/** What a data set is called, and what it holds («…» is the scope: the whole section or one organisation). */
export const DATA_SET_TEXTS: Record<PublicCollection, { title: string; description: (scope: string) => string; keywords: string[] }> = {
  organizations: {
    title: 'Организации',
    description: () => 'Организации раздела: полное и краткое название, вид, регион и муниципалитет, сайт, контакты, вышестоящая организация, описание.',
    keywords: ['образовательные организации', 'контакты'],
  },
  forms: {
    title: 'Формы наставничества',
    description: () =>
      'Формы наставничества целевой модели (распоряжение Минпросвещения России № Р-145), как их описывает раздел: цель, задачи, ожидаемые результаты, портреты наставника и наставляемого, ролевые модели, форматы взаимодействия.',
    keywords: ['формы наставничества', 'ролевые модели', 'целевая модель наставничества'],
  },
  regulations: {
    title: 'Положения о наставничестве',
    description: (scope) =>
      `Положения о наставничестве${scope}: реквизиты утверждения, статус, нормативные основания, формы наставничества, полный текст (Markdown).`,
    keywords: ['положение о наставничестве', 'локальный нормативный акт'],
  },
  roadmaps: {
    title: 'Дорожные карты наставничества',
    description: (scope) =>
      `Дорожные карты внедрения целевой модели наставничества${scope}: период, цели и задачи, разделы и мероприятия со сроками, ответственными и состоянием на дату сборки, целевые показатели.`,
    keywords: ['дорожная карта', 'мероприятия', 'целевая модель наставничества'],
  },
  results: {
    title: 'Итоги года по наставничеству',
    description: (scope) =>
      `Итоги учебного года по наставничеству${scope}: фактические показатели с датой и источником, итоги кратко, реквизиты утверждения, ссылки на отчёт и таблицу.`,
    keywords: ['итоги года', 'показатели', 'наставнические пары'],
  },
  practices: {
    title: 'Лучшие практики наставничества',
    description: (scope) =>
      `Лучшие практики наставничества${scope}: проблема или запрос, что сделано, участники, результаты «было — стало», ресурсы, тиражируемость, контакты.`,
    keywords: ['лучшие практики', 'кейсы'],
  },
  mentors: {
    title: 'Доска почёта наставников',
    description: (scope) =>
      `Доска почёта наставников${scope}: имя в том виде, в каком его можно показывать, должность, сфера, категория, формы наставничества, достижения и награды. Здесь только люди с действующим письменным согласием на публикацию; несовершеннолетние — без фамилии и фото, пока родители этого не разрешили.`,
    keywords: ['наставники', 'доска почёта'],
  },
};

export const UPDATE_FREQUENCY =
  'При каждой сборке сайта: после каждой правки содержимого в редакторе и каждую ночь по расписанию. Состояния мероприятий и сроки согласий считаются на дату сборки.';

export interface Contacts {
  address?: string;
  phone?: string;
  email?: string;
  person?: string;
}

export interface PassportInput {
  identifier: string;
  collection: PublicCollection;
  /** The organisation whose share this is (its short name), for one organisation's set. */
  organization?: string;
  /** The owner: the organisation's full name (the section owner's for the whole section). */
  owner: string;
  /** Whose contacts these are, when they are not the owner's own (the section's, for a school without any). */
  contactsOf?: string;
  contacts: Contacts;
  /** Absolute addresses. */
  links: { json: string; csv: string; structureCsv: string; structureJson: string };
  /** The entries' own dates (dates.ts dateSpan), with a phrase naming each entry. */
  first?: DatedEntry<unknown> & { record: string };
  last?: DatedEntry<unknown> & { record: string };
  /** The data changes with the build date itself (a roadmap's states are computed on it). */
  changesDaily?: boolean;
  recordCount: number;
  buildDate: Date;
  region?: string;
  /** The source to cite: the section's title, owner and address. */
  source: string;
}

export interface Passport {
  standardversion: string;
  identifier: string;
  title: string;
  description: string;
  creator: string;
  publisher: { role?: string; phone?: string; email?: string; of?: string };
  format: string[];
  data: { json: string; csv: string };
  structure: { csv: string; json: string };
  /** ГГГГ-ММ-ДД, with what the date is; null when the content has none. */
  created: { date: string; basis: string } | null;
  modified: { date: string; basis: string } | null;
  provenance: string;
  valid: string;
  accrualPeriodicity: string;
  subject: string[];
  license: string;
  records: number;
}

const NO_DATES = 'в записях этого набора нет дат (публикации, утверждения, показателей)';

export function makePassport(input: PassportInput): Passport {
  const texts = DATA_SET_TEXTS[input.collection];
  const scope = input.organization ? ` (${input.organization})` : ' всех организаций раздела';
  const today = isoDate(input.buildDate);
  const { first, last } = input;
  const modified =
    input.changesDaily && input.recordCount
      ? { date: today, basis: 'дата сборки: состояния мероприятий пересчитываются на неё' }
      : last
        ? { date: isoDate(last.date), basis: `${last.kind}: ${last.record}` }
        : null;
  const provenance = !input.recordCount
    ? 'Записей пока нет.'
    : input.changesDaily
      ? `Состояния мероприятий пересчитаны на ${numericDate(input.buildDate)}.`
      : last
        ? `Самая поздняя дата в записях — ${last.kind}: ${last.record}, ${numericDate(last.date)}.`
        : `Отдельные изменения записей не датируются: ${NO_DATES}.`;
  const people =
    input.collection === 'mentors'
      ? ' Сведения о наставниках опубликованы по их письменному согласию на распространение (ст. 10.1 Федерального закона № 152-ФЗ): распространять их дальше без согласия этих людей нельзя.'
      : '';
  return {
    standardversion: STANDARD.version,
    identifier: input.identifier,
    title: input.organization ? `${texts.title}: ${input.organization}` : texts.title,
    description: texts.description(scope),
    creator: input.owner,
    publisher: { role: input.contacts.person, phone: input.contacts.phone, email: input.contacts.email, of: input.contactsOf },
    format: ['JSON', 'CSV'],
    data: { json: input.links.json, csv: input.links.csv },
    structure: { csv: input.links.structureCsv, json: input.links.structureJson },
    created: first ? { date: isoDate(first.date), basis: `${first.kind}: ${first.record}` } : null,
    modified,
    provenance,
    valid: today,
    accrualPeriodicity: UPDATE_FREQUENCY,
    subject: ['наставничество', ...texts.keywords, ...(input.region ? [input.region] : [])],
    license: `Данные можно использовать свободно и бесплатно, в том числе в коммерческих целях, без договора, с обязательной ссылкой на источник: ${input.source}.${people}`,
    records: input.recordCount,
  };
}

/** What a passport's rows are called on the page, in the order of the recommendations. */
export const PASSPORT_LABELS = {
  identifier: 'Идентификационный номер',
  title: 'Наименование набора данных',
  description: 'Описание набора данных',
  creator: 'Владелец набора данных',
  publisher: 'Ответственное лицо',
  phone: 'Телефон ответственного лица',
  email: 'Адрес электронной почты ответственного лица',
  data: 'Гиперссылка (URL) на набор',
  format: 'Формат данных',
  structure: 'Описание структуры набора данных',
  created: 'Дата первой публикации набора данных',
  modified: 'Дата последнего внесения изменений',
  provenance: 'Содержание последнего изменения',
  valid: 'Дата актуальности набора данных',
  accrualPeriodicity: 'Периодичность актуализации',
  subject: 'Ключевые слова',
  license: 'Условия использования',
  standardversion: 'Версия методических рекомендаций',
} as const;

/** What the page says of a date the entries do not give (meta.json has null, meta.csv an empty value). */
export const NOT_GIVEN = 'не указана';

const compact = (date: string) => date.replace(/-/g, '');

/**
 * meta.csv as version 3.0 lays it out: «property,value», its property names, dates as ГГГГММДД,
 * the current data file as «data-<date it was made>-structure-<version>» and its structure as
 * «structure-<version>». The structure's version is its content's hash (the schema code has no date
 * of its own, and a made-up one would not be true); the terms
 * of use and the update frequency, which 3.0 keeps on the set's page, are two more rows.
 */
export function metaCsv(p: Passport, structureVersion: string): string {
  const rows: [string, string][] = [
    ['property', 'value'],
    ['standardversion', p.standardversion],
    ['identifier', p.identifier],
    ['title', p.title],
    ['description', p.description],
    ['creator', p.creator],
    ['created', p.created ? compact(p.created.date) : ''],
    ['modified', p.modified ? compact(p.modified.date) : ''],
    ['subject', p.subject.join(', ')],
    ['format', 'csv'],
    [`data-${compact(p.valid)}-structure-${structureVersion}`, p.data.csv],
    [`structure-${structureVersion}`, p.structure.csv],
    ['publishername', p.publisher.role ?? ''],
    ['publisherphone', p.publisher.phone ?? ''],
    ['publishermbox', p.publisher.email ?? ''],
    ['valid', compact(p.valid)],
    ['provenance', p.provenance],
    ['license', p.license],
    ['accrualperiodicity', p.accrualPeriodicity],
  ];
  return tableCsv(rows);
}
