import { z } from 'astro/zod';
import { approvalSchema, demoFlag, fileLink, optionalText, text, entryId, type SchemaTools } from './common.ts';
import { regulationStatus } from './vocabulary.ts';

/** Frontmatter of a regulation; its clauses are the Markdown body. */
export const regulationSchema = ({ ref }: SchemaTools) =>
  z
    .object({
      id: entryId,
      title: text('название'),
      organization: ref('organizations'),
      approval: approvalSchema,
      status: regulationStatus.schema,
      legalBases: z.array(text('нормативное основание')).default([]),
      forms: z.array(ref('forms')).default([]),
      /** The original document to download: a path on the site or a full address (fileLinkProblem). */
      originalFile: fileLink('исходный документ').optional(),
      /** Where the text came from, e.g. the seed document it was converted from. */
      source: optionalText(),
      demo: demoFlag,
    })
    .strict();
