import { z } from 'astro/zod';
import { approvalSchema, calendarDate, demoFlag, entryId, numeric, optionalText, signedOriginal, text, type SchemaTools } from './common.ts';
import { named } from './field-names.ts';
import { indicator, PERCENT_INDICATORS } from './vocabulary.ts';

/** «2025/2026»: the school year from September of the first year to August of the second. */
export const SCHOOL_YEAR_PATTERN = /^(\d{4})\/(\d{4})$/;

export const schoolYear = text('учебный год')
  .refine(
    (value) => {
      const match = SCHOOL_YEAR_PATTERN.exec(value);
      return !!match && Number(match[2]) === Number(match[1]) + 1 && Number(match[1]) >= 1990 && Number(match[1]) < 2100;
    },
    { message: '«учебный год» записывается как «2025/2026»: два года подряд через косую черту' },
  )
  .meta({
    hint: 'Например, «2025/2026».',
    pattern: { regex: String.raw`^\d{4}/\d{4}$`, message: 'два года подряд через косую черту, например 2025/2026', example: '2025/2026' },
  });

/** One actual figure, with when it was true and where it comes from: a fact a reader can check. */
export const figureSchema = z
  .object({
    measure: indicator.schema,
    value: numeric('значение').min(0, '«значение» не может быть меньше нуля'),
    asOf: calendarDate('на дату'),
    basis: text('источник').meta({ hint: 'Откуда цифра: «отчёт в региональный наставнический центр», «приказ № 45 от 30.05.2026».' }),
  })
  .strict()
  .superRefine((figure, ctx) => {
    if (PERCENT_INDICATORS.includes(figure.measure) && figure.value > 100) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `охват — это проценты: не больше 100, а указано ${figure.value}` });
    } else if (!PERCENT_INDICATORS.includes(figure.measure) && !Number.isInteger(figure.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `это число людей, пар или групп: нужно целое число, а указано ${figure.value}` });
    }
  });

/**
 * «Итоги года»: an organisation's actual figures for one school year, and the report made of
 * them. One entry per organisation and school year, so that a new year is a new file and last
 * year's figures stay as they were reported.
 */
export const resultsSchema = ({ ref }: SchemaTools) =>
  z
    .object({
      id: entryId,
      organization: named(ref('organizations'), 'организация'),
      schoolYear,
      figures: z.array(figureSchema).default([]).meta({ label: 'показатели (факт)' }),
      summary: optionalText('итоги года кратко').meta({
        long: true,
        hint: 'Несколько предложений для отчёта и страницы: что получилось, что перенесено на следующий год.',
      }),
      approval: approvalSchema.optional(),
      signedOriginal: signedOriginal().optional(),
      demo: demoFlag,
    })
    .strict();
