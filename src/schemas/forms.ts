import { z } from 'astro/zod';
import { heading, numeric, optionalText, text, entryId, type SchemaTools } from './common.ts';

const textList = (what: string) => z.array(text(what)).min(1, `«${what}»: нужен хотя бы один пункт`).meta({ label: what });

export const formSchema = (_tools: SchemaTools) =>
  z
    .object({
      id: entryId,
      title: heading('название формы'),
      /** Position in lists: the five forms have a conventional order. */
      order: numeric('порядок в списках').int().min(1),
      summary: text('краткое описание').meta({ long: true }),
      goal: text('цель').meta({ long: true }),
      tasks: textList('задачи'),
      results: textList('ожидаемые результаты'),
      mentorPortrait: text('портрет наставника').meta({ long: true }),
      menteePortrait: text('портрет наставляемого').meta({ long: true }),
      roleModels: z
        .array(
          z
            .object({
              title: text('ролевая модель'),
              description: z.string().trim().meta({ label: 'описание', long: true }).optional(),
            })
            .strict(),
        )
        .min(1, 'нужна хотя бы одна ролевая модель')
        .meta({ label: 'ролевые модели' }),
      formats: textList('форматы взаимодействия'),
      /** Where the text comes from and what was changed in it: for editors, not shown on the site. */
      source: optionalText('источник текста').meta({ hint: 'Откуда взят текст и что в нём поправлено. На сайте не показывается.' }),
    })
    .strict();
