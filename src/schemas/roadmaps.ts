import { z } from 'astro/zod';
import { approvalSchema, calendarDate, demoFlag, optionalText, text, year, entryId, type SchemaTools } from './common.ts';
import { deadlineKind, itemStatus, roadmapLevel, stage } from './vocabulary.ts';

/** The deadline as written in the document, plus the dates it means where it allows. */
export const deadlineSchema = z
  .object({
    /** Empty when the document names no deadline: the editor may leave the field blank. */
    text: z.string({ error: 'текст срока должен быть строкой' }).default(''),
    from: calendarDate('срок: начало').optional(),
    to: calendarDate('срок: окончание').optional(),
    kind: deadlineKind.schema,
  })
  .strict()
  .refine((d) => !(d.from && d.to) || d.from.getTime() <= d.to.getTime(), {
    message: 'срок: начало позже окончания',
    path: ['to'],
  });

const itemFields = {
  number: optionalText(),
  title: text('мероприятие'),
  description: optionalText(),
  deadline: deadlineSchema,
  responsible: z.array(text('ответственный')).default([]),
  result: optionalText(),
  documents: z.array(text('документ')).optional(),
  status: itemStatus.schema.optional(),
};

/** Sub-items (3.1 → 3.1.1) go one level deep: that is what real roadmaps use. */
export const roadmapSubItemSchema = z.object(itemFields).strict();
export const roadmapItemSchema = z
  .object({ ...itemFields, items: z.array(roadmapSubItemSchema).optional() })
  .strict();

export const roadmapStageSchema = z
  .object({
    number: optionalText(),
    title: text('название этапа'),
    stage: stage.schema.optional(),
    description: optionalText(),
    items: z.array(roadmapItemSchema).default([]),
  })
  .strict();

export const targetSchema = z
  .object({
    indicator: text('показатель'),
    value: z.union([z.number(), text('значение')]),
    unit: optionalText(),
    year: year('год показателя').optional(),
  })
  .strict();

export const roadmapSchema = ({ ref }: SchemaTools) =>
  z
    .object({
      id: entryId,
      title: text('название'),
      organization: ref('organizations'),
      level: roadmapLevel.schema,
      period: z
        .object({ from: calendarDate('период: начало'), to: calendarDate('период: окончание') })
        .strict()
        .refine((p) => p.from.getTime() <= p.to.getTime(), { message: 'период: начало позже окончания', path: ['to'] }),
      approval: approvalSchema.optional(),
      goals: z.array(text('цель')).default([]),
      tasks: z.array(text('задача')).default([]),
      stages: z.array(roadmapStageSchema).min(1, 'в дорожной карте нужен хотя бы один раздел'),
      targets: z.array(targetSchema).default([]),
      source: optionalText(),
      /** Text of the source document the importer could not place in a field: kept for the editor to sort out. */
      notes: z.array(text('примечание')).optional(),
      demo: demoFlag,
    })
    .strict();

export type RoadmapItem = z.infer<typeof roadmapItemSchema>;
export type RoadmapSubItem = z.infer<typeof roadmapSubItemSchema>;
