/**
 * Russian labels and hints of the editor's fields. Which fields exist, which are
 * required and what they may hold comes from the schemas (cms/schema-fields.ts);
 * this file only says how a field is called for a curator.
 */
import type { CollectionName } from '../src/schemas/common.ts';

/** Labels by field name; `collection:path` entries win where one name means different things. */
const LABELS: Record<string, string> = {
  id: 'Идентификатор (латиницей, часть адреса страницы)',
  title: 'Название',
  name: 'Полное название',
  shortName: 'Краткое название',
  kind: 'Вид организации',
  region: 'Регион',
  municipality: 'Муниципалитет',
  website: 'Сайт',
  contacts: 'Контакты',
  address: 'Адрес',
  phone: 'Телефон',
  email: 'Электронная почта',
  person: 'Контактное лицо или отдел',
  description: 'Описание',
  parent: 'Вышестоящая организация',
  demo: 'Пример (вымышленные данные)',
  order: 'Порядок в списках',
  summary: 'Краткое описание',
  goal: 'Цель',
  tasks: 'Задачи',
  results: 'Результаты',
  mentorPortrait: 'Портрет наставника',
  menteePortrait: 'Портрет наставляемого',
  roleModels: 'Ролевые модели',
  roleModel: 'Ролевая модель',
  formats: 'Форматы взаимодействия',
  organization: 'Организация',
  approval: 'Утверждение',
  date: 'Дата',
  document: 'Документ',
  approvedBy: 'Кем утверждено',
  agreed: 'Согласовано',
  status: 'Статус',
  legalBases: 'Нормативные основания',
  forms: 'Формы наставничества',
  originalFile: 'Исходный файл',
  source: 'Источник текста',
  level: 'Уровень',
  period: 'Период',
  from: 'С',
  to: 'По',
  goals: 'Цели',
  stages: 'Разделы (этапы)',
  number: 'Номер',
  stage: 'Этап целевой модели',
  items: 'Мероприятия',
  deadline: 'Срок',
  text: 'Срок, как в документе',
  responsible: 'Ответственные',
  result: 'Результат',
  documents: 'Документы',
  targets: 'Целевые показатели',
  indicator: 'Показатель',
  value: 'Значение',
  unit: 'Единица',
  year: 'Год',
  notes: 'Примечания импорта',
  years: 'Годы реализации',
  problem: 'Проблема или запрос',
  participants: 'Участники',
  pairs: 'Число наставнических пар',
  before: 'Было',
  after: 'Стало',
  resources: 'Ресурсы',
  replicability: 'Тиражируемость',
  mentors: 'Наставники',
  attachments: 'Файлы',
  file: 'Файл',
  cover: 'Обложка',
  coverAlt: 'Описание обложки для незрячих',
  published: 'Дата публикации',
  photo: 'Фотография',
  photoAlt: 'Описание фотографии для незрячих',
  position: 'Должность или статус',
  sphere: 'Профессиональная сфера',
  category: 'Категория',
  since: 'Наставник с (год)',
  achievements: 'Достижения',
  awards: 'Награды',
  quote: 'Цитата',
  minor: 'Несовершеннолетний',
  consent: 'Согласие на публикацию',
  publication: 'Есть письменное согласие на публикацию',
  givenBy: 'Кто дал согласие',
  showSurname: 'Родители разрешили показывать фамилию',
  showPhoto: 'Родители разрешили показывать фото',
  until: 'Согласие действует до',
  withdrawn: 'Согласие отозвано (дата)',
  last: 'Фамилия',
  first: 'Имя',
  middle: 'Отчество',
  tagline: 'Подзаголовок',
  intro: 'Вводный текст',
  owner: 'Организация — владелец раздела',
  siteUrl: 'Адрес сайта',
  body: 'Текст',
  'mentors:name': 'ФИО',
  'mentors:organization': 'Организация',
  'regulations:body': 'Текст положения (пункты начинаются с номера: «2.3. …»)',
  'practices:body': 'Что сделано: описание практики',
  'roadmaps:stages.title': 'Название раздела',
  'roadmaps:items.title': 'Мероприятие',
  'roadmaps:items.items': 'Подпункты',
  'roadmaps:deadline.kind': 'Вид срока',
  'roadmaps:approval.date': 'Дата утверждения',
  'roadmaps:approval.document': 'Приказ или решение',
  'regulations:approval.date': 'Дата утверждения',
  'regulations:approval.document': 'Приказ или решение, например «приказ № 30-9 о/д от 02.09.2024»',
  'mentors:consent.date': 'Дата согласия',
  'mentors:consent.document': 'Номер или название документа о согласии',
  'mentors:achievements.level': 'Уровень',
  'mentors:achievements.title': 'Достижение',
  'forms:roleModels.title': 'Ролевая модель',
};

const HINTS: Record<string, string> = {
  'mentors:consent':
    'Закон (152-ФЗ, ст. 10.1) разрешает публиковать сведения о человеке только с его отдельного письменного согласия, а за несовершеннолетнего — с согласия родителя. Сам документ на сайт не попадает.',
  'mentors:consent.publication': 'Без этой отметки запись не пройдёт проверку и не попадёт на сайт.',
  'mentors:minor':
    'Для несовершеннолетнего фамилия, отчество и фото не публикуются, пока родители явно этого не разрешили. Обучающийся и человек, за которого согласие дал родитель, считаются несовершеннолетними и без этой отметки; совершеннолетнего ученика отметьте явно: включите и выключите переключатель.',
  'mentors:consent.until': 'Если согласие дано на срок: со следующего дня человек исчезнет с сайта. Сборка заранее, за 30 дней, напомнит о таких согласиях.',
  'mentors:consent.withdrawn': 'Если человек (или родители) отозвал согласие: с этого дня он исчезнет со всех страниц, из поиска и данных сайта. Запись можно не удалять.',
  'mentors:photo': 'Фото пересжимается при сборке, сведения EXIF (в том числе место съёмки) удаляются.',
  'practices:cover': 'Изображение пересжимается при сборке; не забудьте описание для незрячих.',
  'roadmaps:deadline.text': 'Как написано в документе: «январь 2023», «до 30.04.2022», «по графику». Пусто, если срок не указан.',
  'roadmaps:deadline.kind': 'По нему сайт понимает, когда мероприятие просрочено.',
  'roadmaps:items.status': 'Если не указан, статус считается по датам: после срока — «просрочено».',
  'regulations:status': 'Действует, проект или утратило силу.',
  'regulations:body':
    'Разметка Markdown: «## 2. Название» — раздел, «2.3. …» в начале строки — пункт, «- » — элемент списка, пустая строка — новый абзац. Справа видно, как это будет выглядеть.',
  'practices:body':
    'Разметка Markdown: «### Заголовок» — подзаголовок, «- » — элемент списка, пустая строка — новый абзац. Справа видно, как это будет выглядеть.',
  'forms:source': 'Откуда взят текст и что в нём поправлено. На сайте не показывается.',
  'regulations:source': 'Откуда взят текст. На сайте не показывается.',
  'roadmaps:source': 'Откуда взят текст. На сайте не показывается.',
};

/** Fields whose values are paragraphs rather than a line. */
export const LONG_TEXT = new Set([
  'description',
  'summary',
  'goal',
  'intro',
  'problem',
  'replicability',
  'mentorPortrait',
  'menteePortrait',
  'quote',
  'result',
  'tagline',
]);

/**
 * The most specific entry for a field: `collection:a.b.c`, then its shorter tails
 * (`collection:b.c`), so that «items.status» covers items and sub-items alike.
 */
function lookup(table: Record<string, string>, collection: CollectionName, path: string): string | undefined {
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const found = table[`${collection}:${parts.slice(i).join('.')}`];
    if (found) return found;
  }
  return undefined;
}

export const fieldLabel = (collection: CollectionName, path: string, name: string) => lookup(LABELS, collection, path) ?? LABELS[name] ?? name;
export const fieldHint = (collection: CollectionName, path: string) => lookup(HINTS, collection, path);
