import { z } from 'astro/zod';
import { heading, approvalSchema, demoFlag, fileLink, optionalText, signedOriginal, text, entryId, type SchemaTools } from './common.ts';
import { named } from './field-names.ts';
import { regulationStatus } from './vocabulary.ts';

/** Frontmatter of a regulation; its clauses are the Markdown body. */
export const regulationSchema = ({ ref }: SchemaTools) =>
  z
    .object({
      id: entryId,
      title: heading('название'),
      organization: named(ref('organizations'), 'организация'),
      approval: approvalSchema,
      status: regulationStatus.schema.meta({ hint: 'Действует, проект или утратило силу.' }),
      /** As the document writes them; the page reads them as acts (src/lib/legal-acts.ts). */
      legalBases: z.array(text('нормативное основание')).default([]).meta({
        label: 'нормативные основания',
        hint: 'По одному акту в строке, как в документе (можно и в творительном падеже, как после «в соответствии с»). Известные сайту акты — закон № 273-ФЗ, распоряжение № Р-145, письмо № МР-42/02 и другие — он узнаёт по виду и номеру и показывает в именительном падеже с датой, номером, названием и ссылкой на официальный текст; остальные — как написано.',
      }),
      forms: z.array(ref('forms')).default([]).meta({ label: 'формы наставничества' }),
      /** The original document to download: a path on the site or a full address (fileLinkProblem). */
      originalFile: fileLink('исходный документ').optional(),
      signedOriginal: signedOriginal().optional(),
      /** Where the text came from, e.g. the seed document it was converted from. */
      source: optionalText('источник текста').meta({ hint: 'Откуда взят текст. На сайте не показывается.' }),
      demo: demoFlag,
    })
    .strict();
