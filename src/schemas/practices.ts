import { z } from 'astro/zod';
import { heading, attachmentSchema, calendarDate, demoFlag, numeric, optionalText, text, year, entryId, type SchemaTools } from './common.ts';
import { named } from './field-names.ts';

export const practiceResultSchema = z
  .object({
    indicator: text('показатель'),
    before: numeric('было'),
    after: numeric('стало'),
    unit: optionalText('единица'),
  })
  .strict();

const COVER_ALT = 'описание обложки для незрячих';

/** A best-practice card (DOMAIN.md); the Markdown body is the description of what was done. */
export const practiceSchema = ({ ref, image }: SchemaTools) =>
  z
    .object({
      id: entryId,
      title: heading('название практики'),
      organization: named(ref('organizations'), 'организация'),
      years: z.array(year('год')).min(1, 'укажите хотя бы один год').meta({ label: 'годы реализации' }),
      forms: z.array(ref('forms')).min(1, 'укажите форму наставничества').meta({ label: 'формы наставничества' }),
      roleModel: optionalText('ролевая модель'),
      summary: text('краткое описание').meta({ long: true }),
      problem: text('проблема или запрос').meta({ long: true }),
      participants: z
        .object({
          pairs: numeric('число наставнических пар').int().min(0).optional(),
          description: text('описание участников').meta({ long: true }),
        })
        .strict()
        .meta({ label: 'участники' }),
      results: z.array(practiceResultSchema).default([]).meta({ label: 'результаты' }),
      resources: z.array(text('ресурс')).default([]).meta({ label: 'ресурсы' }),
      replicability: text('тиражируемость').meta({ long: true }),
      contacts: optionalText('контакты'),
      mentors: z.array(ref('mentors')).default([]).meta({ label: 'наставники' }),
      attachments: z.array(attachmentSchema).default([]).meta({ label: 'файлы' }),
      cover: image().optional().meta({ label: 'обложка', hint: 'Изображение пересжимается при сборке; не забудьте описание для незрячих.' }),
      coverAlt: optionalText(COVER_ALT),
      published: calendarDate('дата публикации'),
      demo: demoFlag,
    })
    .strict()
    .refine((p) => !p.cover || p.coverAlt, {
      message: `у обложки нужен текстовый альтернативный вариант: заполните поле «${COVER_ALT}» (coverAlt)`,
      path: ['coverAlt'],
    });
