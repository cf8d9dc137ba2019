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
const PAIRS = 'число наставнических пар и групп';

/**
 * The count said again in the description of participants: at its start («11 пар: …»,
 * «6 молодых педагогов…») or as that many pairs or groups anywhere («… — 24 пары»). The page
 * shows the count on a line of its own; other numbers («всего сформировали 13 пар») are facts
 * of their own.
 */
export function repeatedCount(description: string, pairs: number): string | undefined {
  const n = String(pairs);
  // The number alone, not the start of 110 or of 1,5.
  const count = String.raw`(?<![\d.,])${n}(?![\d]|[.,]\d)`;
  const word = String.raw`(?:[\s\u00a0]+[а-яё-]+)`;
  const start = new RegExp(String.raw`^[\s«"(]*(${count}${word}?)`, 'i').exec(description);
  const named = new RegExp(String.raw`${count}${word}?[\s\u00a0]+(?:пар|групп)[аыу]?(?![а-яё])`, 'i').exec(description);
  return start?.[1] ?? named?.[0];
}

export const participantsSchema = z
  .object({
    pairs: numeric(PAIRS).int().min(0).optional().meta({ hint: 'Только число: на странице оно стоит отдельной строкой.' }),
    description: text('описание участников').meta({
      long: true,
      hint: 'Кто участвует: наставники и наставляемые, классы, стаж. Число пар и групп здесь не повторяйте — оно указано выше.',
    }),
  })
  .strict()
  .superRefine(({ pairs, description }, ctx) => {
    const repeated = pairs === undefined ? undefined : repeatedCount(description, pairs);
    if (!repeated) return;
    ctx.addIssue({
      code: 'custom',
      path: ['description'],
      message: `описание участников повторяет число из поля «${PAIRS}» («${repeated}»), а на странице это число уже стоит отдельной строкой: уберите его из описания и оставьте в нём, кто участвует`,
    });
  })
  .meta({ label: 'участники' });

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
      participants: participantsSchema,
      results: z.array(practiceResultSchema).default([]).meta({ label: 'результаты' }),
      resources: z.array(text('ресурс')).default([]).meta({ label: 'ресурсы' }),
      replicability: text('тиражируемость').meta({ long: true }),
      contacts: optionalText('контакты'),
      mentors: z.array(ref('mentors')).default([]).meta({ label: 'наставники' }),
      attachments: z.array(attachmentSchema).default([]).meta({ label: 'файлы' }),
      cover: image().optional().meta({
        label: 'обложка',
        hint: 'При загрузке изображение пересохраняется без сведений EXIF и хранится в папке этой практики; не забудьте описание для незрячих.',
      }),
      coverAlt: optionalText(COVER_ALT),
      published: calendarDate('дата публикации'),
      demo: demoFlag,
    })
    .strict()
    .refine((p) => !p.cover || p.coverAlt, {
      message: `у обложки нужен текстовый альтернативный вариант: заполните поле «${COVER_ALT}» (coverAlt)`,
      path: ['coverAlt'],
    });
