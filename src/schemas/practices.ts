import { z } from 'astro/zod';
import { attachmentSchema, calendarDate, demoFlag, optionalText, text, year, entryId, type SchemaTools } from './common.ts';

export const practiceResultSchema = z
  .object({
    indicator: text('показатель'),
    before: z.number({ error: '«было» — число' }),
    after: z.number({ error: '«стало» — число' }),
    unit: optionalText(),
  })
  .strict();

/** A best-practice card (DOMAIN.md); the Markdown body is the description of what was done. */
export const practiceSchema = ({ ref, image }: SchemaTools) =>
  z
    .object({
      id: entryId,
      title: text('название практики'),
      organization: ref('organizations'),
      years: z.array(year('год')).min(1, 'укажите хотя бы один год'),
      forms: z.array(ref('forms')).min(1, 'укажите форму наставничества'),
      roleModel: optionalText(),
      summary: text('краткое описание'),
      problem: text('проблема или запрос'),
      participants: z
        .object({
          pairs: z.number().int().min(0).optional(),
          description: text('участники'),
        })
        .strict(),
      results: z.array(practiceResultSchema).default([]),
      resources: z.array(text('ресурс')).default([]),
      replicability: text('тиражируемость'),
      contacts: optionalText(),
      mentors: z.array(ref('mentors')).default([]),
      attachments: z.array(attachmentSchema).default([]),
      cover: image().optional(),
      coverAlt: optionalText(),
      published: calendarDate('дата публикации'),
      demo: demoFlag,
    })
    .strict()
    .refine((p) => !p.cover || p.coverAlt, {
      message: 'у обложки нужен текстовый альтернативный вариант (coverAlt)',
      path: ['coverAlt'],
    });
