import { z } from 'astro/zod';
import { buildDate } from '../lib/build-date.ts';
import { numericDate } from '../lib/format.ts';
import { calendarDate, demoFlag, optionalText, text, year, entryId, type SchemaTools } from './common.ts';
import { named } from './field-names.ts';
import { achievementLevel, consentGiver, mentorCategory } from './vocabulary.ts';

/** Consents are recorded since ЦМН exists; an older date is a typing mistake. */
const EARLIEST_CONSENT = new Date(Date.UTC(2000, 0, 1));

/**
 * Consent to publication (152-ФЗ ст. 10.1): only the fact, dates and document number
 * are recorded; the document itself is never published. A consent can end (`until`) or
 * be withdrawn (`withdrawn`): from that day the person is left out of the whole site.
 */
export const consentSchema = z
  .object({
    publication: z
      .literal(true, {
        error: 'нет согласия на публикацию: человека можно показать на сайте только при отдельном письменном согласии (consent.publication: true)',
      })
      .meta({ label: 'есть письменное согласие на публикацию', hint: 'Без этой отметки запись не пройдёт проверку и не попадёт на сайт.' }),
    date: calendarDate('дата согласия'),
    document: text('номер или название документа о согласии'),
    givenBy: consentGiver.schema.default('self'),
    /** For a minor: parents explicitly allowed the surname / the photo to be shown. */
    showSurname: z.boolean().optional().meta({ label: 'родители разрешили показывать фамилию' }),
    showPhoto: z.boolean().optional().meta({ label: 'родители разрешили показывать фото' }),
    /** The last day the consent covers, when it was given for a term. */
    until: calendarDate('согласие действует до')
      .optional()
      .meta({ hint: 'Если согласие дано на срок: со следующего дня человек исчезнет с сайта. Сборка заранее, за 30 дней, напомнит о таких согласиях.' }),
    /** The day the person (or the parents) withdrew the consent. */
    withdrawn: calendarDate('дата отзыва согласия').optional().meta({
      hint: 'Если человек (или родители) отозвал согласие: с этого дня он исчезнет со всех страниц, из поиска и данных сайта. Запись можно не удалять.',
    }),
  })
  .strict()
  .superRefine((consent, ctx) => {
    const today = buildDate();
    if (consent.date.getTime() < EARLIEST_CONSENT.getTime())
      ctx.addIssue({ code: 'custom', path: ['date'], message: `дата согласия ${numericDate(consent.date)} раньше 2000 года: проверьте год` });
    if (consent.date.getTime() > today.getTime())
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `дата согласия ${numericDate(consent.date)} ещё не наступила: укажите день, когда согласие подписано`,
      });
    if (consent.until && consent.until.getTime() < consent.date.getTime())
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'согласие не может закончиться раньше, чем дано: проверьте даты' });
    if (consent.withdrawn && consent.withdrawn.getTime() < consent.date.getTime())
      ctx.addIssue({ code: 'custom', path: ['withdrawn'], message: 'согласие не может быть отозвано раньше, чем дано: проверьте даты' });
  })
  .meta({
    label: 'согласие на публикацию',
    hint: 'Закон (152-ФЗ, ст. 10.1) разрешает публиковать сведения о человеке только с его отдельного письменного согласия, а за несовершеннолетнего — с согласия родителя. Сам документ на сайт не попадает.',
  });

interface MinorFacts {
  minor?: boolean;
  category?: string;
  consent?: { givenBy?: string };
}

/**
 * Who is a minor, by construction: `minor: true`, or a pupil, or a consent given by a parent.
 * Only an explicit `minor: false` makes a pupil an adult, and only with the pupil's own
 * consent; a parent's consent always means a minor. Where the fields disagree, the safe side wins.
 */
export function isMinor(person: MinorFacts): boolean {
  if (person.minor === true || person.consent?.givenBy === 'parent') return true;
  return person.category === 'pupil' && person.minor !== false;
}

/** Why a person is not on the site on `today`, or undefined while the consent holds. */
export function consentEnded(consent: { until?: Date; withdrawn?: Date }, today = buildDate()): 'withdrawn' | 'expired' | undefined {
  if (consent.withdrawn && consent.withdrawn.getTime() <= today.getTime()) return 'withdrawn';
  if (consent.until && consent.until.getTime() < today.getTime()) return 'expired';
  return undefined;
}

/** An honour-board card. There is deliberately no date of birth. */
export const mentorSchema = ({ ref, image }: SchemaTools) =>
  z
    .object({
      id: entryId,
      name: z
        .object({
          last: text('фамилия'),
          first: text('имя'),
          middle: optionalText('отчество'),
        })
        .strict()
        .meta({ label: 'ФИО' }),
      photo: image().optional().meta({
        label: 'фотография',
        hint: 'При загрузке фото пересохраняется без сведений EXIF (в том числе без места съёмки) и хранится в папке этой записи; файл больше 10 МБ редактор не примет.',
      }),
      photoAlt: optionalText('описание фотографии для незрячих'),
      position: text('должность или статус'),
      organization: named(ref('organizations'), 'организация'),
      sphere: text('профессиональная сфера'),
      category: mentorCategory.schema,
      forms: z.array(ref('forms')).default([]).meta({ label: 'формы наставничества' }),
      since: year('наставник с (год)'),
      achievements: z
        .array(z.object({ title: text('достижение'), year: year('год достижения'), level: achievementLevel.schema }).strict())
        .default([])
        .meta({ label: 'достижения' }),
      awards: z.array(text('награда')).default([]).meta({ label: 'награды' }),
      quote: optionalText('цитата').meta({ long: true }),
      /** Left out, a pupil counts as a minor (see isMinor); only `false` says otherwise. */
      minor: z.boolean().optional().meta({
        label: 'несовершеннолетний',
        hint: 'Для несовершеннолетнего фамилия, отчество и фото не публикуются, пока родители явно этого не разрешили. Обучающийся и человек, за которого согласие дал родитель, считаются несовершеннолетними и без этой отметки; совершеннолетнего ученика отметьте явно: включите и выключите переключатель.',
      }),
      consent: consentSchema,
      demo: demoFlag,
    })
    .strict()
    .superRefine((m, ctx) => {
      if (!isMinor(m) || m.consent.givenBy === 'parent') return;
      ctx.addIssue({
        code: 'custom',
        path: ['consent', 'givenBy'],
        message: m.minor
          ? 'за несовершеннолетнего согласие даёт родитель (законный представитель): consent.givenBy: parent'
          : 'обучающийся считается несовершеннолетним, и согласие за него даёт родитель (consent.givenBy: parent); если ему уже исполнилось 18 лет, отметьте это явно: minor: false',
      });
    });
