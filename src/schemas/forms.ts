import { z } from 'astro/zod';
import { optionalText, text, entryId, type SchemaTools } from './common.ts';

const textList = (what: string) => z.array(text(what)).min(1, `«${what}»: нужен хотя бы один пункт`);

export const formSchema = (_tools: SchemaTools) =>
  z
    .object({
      id: entryId,
      title: text('название формы'),
      /** Position in lists: the five forms have a conventional order. */
      order: z.number().int().min(1),
      summary: text('краткое описание'),
      goal: text('цель'),
      tasks: textList('задачи'),
      results: textList('ожидаемые результаты'),
      mentorPortrait: text('портрет наставника'),
      menteePortrait: text('портрет наставляемого'),
      roleModels: z
        .array(
          z
            .object({
              title: text('ролевая модель'),
              description: z.string().trim().optional(),
            })
            .strict(),
        )
        .min(1, 'нужна хотя бы одна ролевая модель'),
      formats: textList('форматы взаимодействия'),
      /** Where the text comes from and what was changed in it: for editors, not shown on the site. */
      source: optionalText(),
    })
    .strict();
