import { z } from 'astro/zod';
import { heading, contactsSchema, demoFlag, optionalText, text, url, entryId, type SchemaTools } from './common.ts';
import { named } from './field-names.ts';
import { organizationKind } from './vocabulary.ts';

export const organizationSchema = (_tools: SchemaTools) =>
  z
    .object({
      id: entryId,
      name: heading('полное название'),
      shortName: heading('краткое название'),
      kind: organizationKind.schema,
      region: text('регион'),
      municipality: optionalText('муниципалитет'),
      website: url('сайт').optional(),
      contacts: contactsSchema.optional(),
      description: optionalText('описание').meta({ long: true }),
      /** The district office this organisation belongs to, for a district portal. */
      parent: named(_tools.ref('organizations'), 'вышестоящая организация').optional(),
      demo: demoFlag,
    })
    .strict();
