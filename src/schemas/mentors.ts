import { z } from 'astro/zod';
import { calendarDate, demoFlag, optionalText, text, year, entryId, type SchemaTools } from './common.ts';
import { achievementLevel, consentGiver, mentorCategory } from './vocabulary.ts';

/**
 * Consent to publication (152-ФЗ ст. 10.1): only the fact, date and document number
 * are recorded; the document itself is never published.
 */
export const consentSchema = z
  .object({
    publication: z.literal(true, {
      error:
        'нет согласия на публикацию: человека можно показать на сайте только при отдельном письменном согласии (consent.publication: true)',
    }),
    date: calendarDate('дата согласия'),
    document: text('номер или название документа о согласии'),
    givenBy: consentGiver.schema.default('self'),
    /** For a minor: parents explicitly allowed the surname / the photo to be shown. */
    showSurname: z.boolean().optional(),
    showPhoto: z.boolean().optional(),
  })
  .strict();

/** An honour-board card. There is deliberately no date of birth. */
export const mentorSchema = ({ ref, image }: SchemaTools) =>
  z
    .object({
      id: entryId,
      name: z
        .object({
          last: text('фамилия'),
          first: text('имя'),
          middle: optionalText(),
        })
        .strict(),
      photo: image().optional(),
      photoAlt: optionalText(),
      position: text('должность или статус'),
      organization: ref('organizations'),
      sphere: text('профессиональная сфера'),
      category: mentorCategory.schema,
      forms: z.array(ref('forms')).default([]),
      since: year('наставник с'),
      achievements: z
        .array(
          z
            .object({ title: text('достижение'), year: year('год достижения'), level: achievementLevel.schema })
            .strict(),
        )
        .default([]),
      awards: z.array(text('награда')).default([]),
      quote: optionalText(),
      minor: z.boolean().default(false),
      consent: consentSchema,
      demo: demoFlag,
    })
    .strict()
    .refine((m) => !m.minor || m.consent.givenBy === 'parent', {
      message: 'за несовершеннолетнего согласие даёт родитель (законный представитель): consent.givenBy: parent',
      path: ['consent', 'givenBy'],
    });
