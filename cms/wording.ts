/**
 * How the editor words the generated fields in Russian (issue 17, finding 8): applied to every
 * collection's fields by cms/config.ts.
 *
 * Decap builds two phrases from a list field's label: the heading «{count} {label}» and the
 * button «Добавить {label_singular}». Russian needs a case and a number that agree with the
 * count — «1 награда», «2 награды», «5 наград», «Добавить награду» — which no label can give.
 * So every list gets its word forms here: `label_singular` is the accusative Decap puts after
 * «Добавить», `label_counted` the three forms the heading takes after a number (chosen by
 * Intl.PluralRules in src/admin/list-words.ts, which hands Decap the right one as it renders).
 *
 * The forms are keyed by the list's label, the words the schema gives it. A list whose label is
 * missing here fails tests/editor-wording.test.ts, so a new list cannot show «5 наград» unnoticed.
 */
import type { DecapField } from './schema-fields.ts';

/** The forms a counted word takes in Russian: after 1 (21, 31…), after 2–4 (22–24…), after 0 and 5–20. */
export interface CountedForms {
  one: string;
  few: string;
  many: string;
}

/** A list's words: what a count says and what «Добавить …» adds. */
export interface ListWords extends CountedForms {
  /** The accusative singular: «Добавить награду», «Добавить ответственного». */
  add: string;
}

/** Every list of the schemas, by the label the editor shows (lower case, as inside a sentence). */
export const LIST_WORDS: Record<string, ListWords> = {
  // forms
  задачи: { one: 'задача', few: 'задачи', many: 'задач', add: 'задачу' },
  'ожидаемые результаты': { one: 'ожидаемый результат', few: 'ожидаемых результата', many: 'ожидаемых результатов', add: 'ожидаемый результат' },
  'ролевые модели': { one: 'ролевая модель', few: 'ролевые модели', many: 'ролевых моделей', add: 'ролевую модель' },
  'форматы взаимодействия': { one: 'формат взаимодействия', few: 'формата взаимодействия', many: 'форматов взаимодействия', add: 'формат взаимодействия' },
  // regulations
  'нормативные основания': { one: 'нормативное основание', few: 'нормативных основания', many: 'нормативных оснований', add: 'нормативное основание' },
  // roadmaps
  цели: { one: 'цель', few: 'цели', many: 'целей', add: 'цель' },
  'разделы (этапы)': { one: 'раздел (этап)', few: 'раздела (этапа)', many: 'разделов (этапов)', add: 'раздел (этап)' },
  мероприятия: { one: 'мероприятие', few: 'мероприятия', many: 'мероприятий', add: 'мероприятие' },
  ответственные: { one: 'ответственный', few: 'ответственных', many: 'ответственных', add: 'ответственного' },
  документы: { one: 'документ', few: 'документа', many: 'документов', add: 'документ' },
  подпункты: { one: 'подпункт', few: 'подпункта', many: 'подпунктов', add: 'подпункт' },
  'целевые показатели': { one: 'целевой показатель', few: 'целевых показателя', many: 'целевых показателей', add: 'целевой показатель' },
  'примечания импорта': { one: 'примечание импорта', few: 'примечания импорта', many: 'примечаний импорта', add: 'примечание импорта' },
  // results
  'показатели (факт)': { one: 'показатель', few: 'показателя', many: 'показателей', add: 'показатель' },
  // practices
  'годы реализации': { one: 'год реализации', few: 'года реализации', many: 'лет реализации', add: 'год реализации' },
  результаты: { one: 'результат', few: 'результата', many: 'результатов', add: 'результат' },
  ресурсы: { one: 'ресурс', few: 'ресурса', many: 'ресурсов', add: 'ресурс' },
  файлы: { one: 'файл', few: 'файла', many: 'файлов', add: 'файл' },
  // mentors
  достижения: { one: 'достижение', few: 'достижения', many: 'достижений', add: 'достижение' },
  награды: { one: 'награда', few: 'награды', many: 'наград', add: 'награду' },
};

/** The words of a list field, found by its label as the editor shows it («Награды»). */
export const listWords = (label: string): ListWords | undefined => LIST_WORDS[label.toLocaleLowerCase('ru')];

const plural = new Intl.PluralRules('ru');

/** The form a count takes: 1 → one, 3 → few, 0 and 5 → many (Intl.PluralRules has no form for whole numbers beyond these). */
export function countedForm(count: number, forms: CountedForms): string {
  const category = plural.select(count);
  return category === 'one' ? forms.one : category === 'few' ? forms.few : forms.many;
}

/** «5 наград», «1 награда», as the list's heading says it. */
export const countPhrase = (count: number, forms: CountedForms) => `${count} ${countedForm(count, forms)}`;

function word(field: DecapField): DecapField {
  const nested = {
    ...(Array.isArray(field.fields) ? { fields: wordFields(field.fields as DecapField[]) } : {}),
    ...(field.field ? { field: word(field.field as DecapField) } : {}),
  };
  if (field.widget !== 'list') return { ...field, ...nested };
  const words = listWords(field.label);
  if (!words) return { ...field, ...nested };
  const { add, ...counted } = words;
  return { ...field, ...nested, label_singular: add, label_counted: counted };
}

/**
 * The fields with the Russian word forms Decap needs: for every list, at any depth,
 * `label_singular` (accusative, for «Добавить …») and `label_counted` (for «{count} …»).
 */
export function wordFields(fields: DecapField[]): DecapField[] {
  return fields.map(word);
}
