import { z } from 'astro/zod';
import { heading, approvalSchema, calendarDate, demoFlag, optionalText, signedOriginal, text, year, entryId, type SchemaTools } from './common.ts';
import { named } from './field-names.ts';
import { deadlineKind, indicator, itemStatus, periodOrigin, roadmapLevel, stage } from './vocabulary.ts';
import { parseDeadline, type Period } from '../import/deadline.ts';
import { numericDate } from '../lib/format.ts';

interface Dates {
  from?: Date;
  to?: Date;
}
/** «с 01.02.2023 по 28.02.2023», «по 30.11.2023». */
const datesText = ({ from, to }: Dates) => [from && `с ${numericDate(from)}`, to && `по ${numericDate(to)}`].filter(Boolean).join(' ');

/**
 * Where the dates of a deadline leave the days its text names («Апрель 2024» with dates in
 * February 2023), the field that does and a message naming both. Dates inside the text's days
 * narrow it (from the 11th of the month named) and are the editor's choice; a text that names
 * no days («по графику») leaves the dates to the editor. The text is read by the importer's
 * parser, a month without a year in the roadmap's period.
 */
export function deadlineConflict(deadline: { text: string } & Dates, period?: Period): { field: 'from' | 'to'; message: string } | undefined {
  if (!deadline.from && !deadline.to) return undefined;
  const named = parseDeadline(deadline.text, period);
  if (!named.from && !named.to) return undefined;
  const outside = (date?: Date) => !!date && ((!!named.from && date < named.from) || (!!named.to && date > named.to));
  const field = outside(deadline.from) ? 'from' : outside(deadline.to) ? 'to' : undefined;
  if (!field) return undefined;
  const meant = named.from && named.to ? datesText(named) : named.to ? `не позже ${numericDate(named.to)}` : `не раньше ${numericDate(named.from!)}`;
  const withoutPeriod = period && parseDeadline(deadline.text);
  const yearOfPeriod = withoutPeriod && !withoutPeriod.from && !withoutPeriod.to ? ' (год — по периоду дорожной карты)' : '';
  return {
    field,
    message: `срок «${deadline.text}» не совпадает с датами (${datesText(deadline)}): по тексту это ${meant}${yearOfPeriod}. Исправьте текст срока или его даты`,
  };
}

/** The deadline as written in the document, plus the dates it means where it allows. */
export const deadlineSchema = z
  .object({
    /** Empty when the document names no deadline: the editor may leave the field blank. */
    text: z.string({ error: 'текст срока должен быть строкой' }).default('').meta({
      label: 'срок, как в документе',
      hint: 'Как написано в документе: «январь 2023», «до 30.04.2022», «по графику». Пусто, если срок не указан.',
    }),
    from: calendarDate('начало срока').optional(),
    to: calendarDate('окончание срока').optional(),
    kind: deadlineKind.schema.meta({ hint: 'По нему сайт понимает, когда мероприятие просрочено.' }),
  })
  .strict()
  .refine((d) => !(d.from && d.to) || d.from.getTime() <= d.to.getTime(), {
    message: 'срок: начало позже окончания',
    path: ['to'],
  })
  // A text that names its year is checked here, where the editor types it; a month without a year, in the roadmap (its period).
  .superRefine((d, ctx) => {
    const conflict = deadlineConflict(d);
    if (conflict) ctx.addIssue({ code: 'custom', message: conflict.message, path: [conflict.field] });
  })
  .meta({ label: 'срок' });

const itemFields = {
  number: optionalText('номер'),
  title: text('мероприятие'),
  description: optionalText('описание').meta({ long: true }),
  deadline: deadlineSchema,
  responsible: z.array(text('ответственный')).default([]).meta({ label: 'ответственные' }),
  result: optionalText('результат').meta({ long: true }),
  documents: z.array(text('документ')).optional().meta({ label: 'документы' }),
  status: itemStatus.schema.optional().meta({
    hint: 'Если не указан, действует статус раздела; а если нет и его, сайт судит по срокам: после срока — «не отмечено», а не «просрочено».',
  }),
};

/** Sub-items (3.1 → 3.1.1) go one level deep: that is what real roadmaps use. */
export const roadmapSubItemSchema = z.object(itemFields).strict();
export const roadmapItemSchema = z.object({ ...itemFields, items: z.array(roadmapSubItemSchema).optional().meta({ label: 'подпункты' }) }).strict();

export const roadmapStageSchema = z
  .object({
    number: optionalText('номер'),
    title: text('название раздела'),
    stage: stage.schema.optional(),
    description: optionalText('описание').meta({ long: true }),
    /** Marks the whole stage at once: an item without a status of its own (and its sub-items) takes this one. */
    status: itemStatus.schema.optional().meta({
      label: 'статус всех мероприятий раздела',
      hint: 'Чтобы не отмечать каждое мероприятие: мероприятия раздела без своего статуса получат этот. Свой статус мероприятия важнее.',
    }),
    items: z.array(roadmapItemSchema).default([]).meta({ label: 'мероприятия' }),
  })
  .strict();

export const targetSchema = z
  .object({
    indicator: text('показатель'),
    value: z.union([z.number(), text('значение')]).meta({ label: 'значение' }),
    unit: optionalText('единица'),
    year: year('год показателя').optional(),
    /** Which of the target model's indicators this is: then the site sets the year's actual figure beside it. */
    measure: indicator.schema.optional().meta({
      label: 'что измеряет',
      hint: 'Выберите показатель из итогов года, и на сайте рядом с планом появится факт и отметка «выполнено / не выполнено».',
    }),
  })
  .strict();

export const roadmapSchema = ({ ref }: SchemaTools) =>
  z
    .object({
      id: entryId,
      title: heading('название'),
      organization: named(ref('organizations'), 'организация'),
      level: roadmapLevel.schema,
      period: z
        .object({
          from: calendarDate('начало периода'),
          to: calendarDate('окончание периода'),
          /** The importer's record of where it took the dates from; a period typed in by an editor is the document's. */
          origin: periodOrigin.schema.default('document').meta({
            hint: '«Указан в документе» — даты периода взяты из документа. «Определён по срокам мероприятий» — в документе периода нет, импорт вывел его из сроков мероприятий (и даты утверждения). «Расширен по срокам мероприятий» — мероприятия выходят за указанный в документе период; его даты — ниже. На странице это будет сказано.',
          }),
          stated: z
            .object({ from: calendarDate('начало по документу'), to: calendarDate('окончание по документу') })
            .strict()
            .refine((p) => p.from.getTime() <= p.to.getTime(), { message: 'период по документу: начало позже окончания', path: ['to'] })
            .optional()
            .meta({
              label: 'период, указанный в документе',
              hint: 'Только если период на сайте расширен по срокам мероприятий: период, как он указан в самом документе (например, «на 2023–2024 учебный год»).',
            }),
        })
        .strict()
        .refine((p) => p.from.getTime() <= p.to.getTime(), { message: 'период: начало позже окончания', path: ['to'] })
        .meta({ label: 'период' }),
      approval: approvalSchema.optional(),
      goals: z.array(text('цель')).default([]).meta({ label: 'цели' }),
      tasks: z.array(text('задача')).default([]).meta({ label: 'задачи' }),
      stages: z.array(roadmapStageSchema).min(1, 'в дорожной карте нужен хотя бы один раздел').meta({ label: 'разделы (этапы)' }),
      targets: z.array(targetSchema).default([]).meta({ label: 'целевые показатели' }),
      signedOriginal: signedOriginal().optional(),
      source: optionalText('источник текста').meta({ hint: 'Откуда взят текст. На сайте не показывается.' }),
      /** Text of the source document the importer could not place in a field: kept for the editor to sort out. */
      notes: z.array(text('примечание')).optional().meta({ label: 'примечания импорта' }),
      demo: demoFlag,
    })
    .strict()
    .superRefine((roadmap, ctx) => {
      roadmap.stages.forEach((stage, s) =>
        stage.items.forEach((item, i) =>
          [item, ...(item.items ?? [])].forEach((x, k) => {
            // Those the deadline's own check reported (its text names the year) are not reported twice.
            const conflict = !deadlineConflict(x.deadline) && deadlineConflict(x.deadline, roadmap.period);
            if (!conflict) return;
            const path = ['stages', s, 'items', i, ...(k ? ['items', k - 1] : []), 'deadline', conflict.field];
            ctx.addIssue({ code: 'custom', message: conflict.message, path });
          }),
        ),
      );
    });

export type RoadmapItem = z.infer<typeof roadmapItemSchema>;
export type RoadmapSubItem = z.infer<typeof roadmapSubItemSchema>;
