/** Closed lists of the domain (DOMAIN.md): one place for keys and their Russian labels. */
import { labelledEnum } from './common.ts';

export const ORGANIZATION_KINDS = {
  school: 'школа',
  kindergarten: 'детский сад',
  college: 'колледж',
  'education-office': 'управление образования',
  'resource-center': 'ресурсный центр',
  other: 'иное',
} as const;

/** The seven canonical stages of a mentoring programme, in order. */
export const STAGES = {
  preparation: 'Подготовка условий для запуска программы наставничества',
  mentees: 'Формирование базы наставляемых',
  mentors: 'Формирование базы наставников',
  training: 'Отбор и обучение наставников',
  pairs: 'Формирование наставнических пар / групп',
  work: 'Организация работы наставнических пар / групп',
  completion: 'Завершение наставничества',
} as const;
export type StageKey = keyof typeof STAGES;

export const ROADMAP_LEVELS = {
  organization: 'организация',
  municipality: 'муниципалитет',
  region: 'регион',
} as const;

/** Stored statuses; «просрочено» is never stored, it is derived from dates. */
export const ITEM_STATUSES = {
  done: 'выполнено',
  'in-progress': 'в работе',
  planned: 'запланировано',
} as const;

export const DEADLINE_KINDS = {
  date: 'точная дата',
  month: 'месяц',
  range: 'период',
  until: 'не позднее',
  ongoing: 'в течение всего периода',
  schedule: 'по графику',
  unspecified: 'не указан',
} as const;

export const REGULATION_STATUSES = {
  active: 'действует',
  draft: 'проект',
  repealed: 'утратило силу',
} as const;

export const MENTOR_CATEGORIES = {
  teacher: 'педагог',
  pupil: 'обучающийся',
  student: 'студент',
  employer: 'представитель работодателя',
  graduate: 'выпускник',
} as const;

export const ACHIEVEMENT_LEVELS = {
  school: 'школьный',
  municipal: 'муниципальный',
  regional: 'региональный',
  federal: 'всероссийский',
  international: 'международный',
} as const;

/**
 * What a school counts for the target model (Р-145) and reports each year: the figures of an
 * organisation's «Итоги года» and what a roadmap's target may measure. Counts are people; the
 * two coverages are per cent of all pupils and of all teachers.
 */
export const INDICATORS = {
  'pupils-total': 'обучающихся всего',
  'teachers-total': 'педагогических работников всего',
  'mentees-pupils': 'наставляемых — обучающихся',
  'mentees-teachers': 'наставляемых — педагогов',
  'mentees-other': 'наставляемых — других (студентов, выпускников)',
  'mentors-teachers': 'наставников — педагогов',
  'mentors-pupils': 'наставников — обучающихся',
  'mentors-students': 'наставников — студентов',
  'mentors-employers': 'наставников — представителей работодателей',
  'mentors-graduates': 'наставников — выпускников',
  pairs: 'наставнических пар',
  groups: 'наставнических групп',
  'coverage-pupils': 'охват обучающихся наставничеством, %',
  'coverage-teachers': 'охват педагогов наставничеством, %',
} as const;
export type IndicatorKey = keyof typeof INDICATORS;
/** Indicators measured in per cent of a whole; the rest are counts of people, pairs or groups. */
export const PERCENT_INDICATORS: readonly IndicatorKey[] = ['coverage-pupils', 'coverage-teachers'];

/**
 * Where a roadmap's period comes from: the document, or the importer's working out from the
 * events' deadlines (src/import/import-document.ts). The page says which (src/lib/provenance.ts).
 */
export const PERIOD_ORIGINS = {
  document: 'указан в документе',
  events: 'определён по срокам мероприятий',
  widened: 'указан в документе, расширен по срокам мероприятий',
} as const;

export const CONSENT_GIVERS = {
  self: 'сам человек',
  parent: 'родитель (законный представитель)',
} as const;

export const organizationKind = labelledEnum(ORGANIZATION_KINDS, 'вид организации');
export const stage = labelledEnum(STAGES, 'этап целевой модели');
export const roadmapLevel = labelledEnum(ROADMAP_LEVELS, 'уровень');
export const itemStatus = labelledEnum(ITEM_STATUSES, 'статус');
export const deadlineKind = labelledEnum(DEADLINE_KINDS, 'вид срока');
export const regulationStatus = labelledEnum(REGULATION_STATUSES, 'статус');
export const mentorCategory = labelledEnum(MENTOR_CATEGORIES, 'категория');
export const achievementLevel = labelledEnum(ACHIEVEMENT_LEVELS, 'уровень достижения');
export const indicator = labelledEnum(INDICATORS, 'показатель');
export const consentGiver = labelledEnum(CONSENT_GIVERS, 'кто дал согласие');
export const periodOrigin = labelledEnum(PERIOD_ORIGINS, 'откуда период');
// Defined beside the approval it belongs to (common.ts imports nothing from here); listed here with the other closed lists.
export { DOCUMENT_BLANKS, documentBlank } from './common.ts';
