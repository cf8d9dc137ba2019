import { z } from 'astro/zod';
import { heading, contactsSchema, text, url, type SchemaTools } from './common.ts';
import { named } from './field-names.ts';

/** The one settings file the CMS edits: section title, owner, address, contacts. */
export const settingsSchema = ({ ref }: SchemaTools) =>
  z
    .object({
      title: heading('название раздела'),
      tagline: text('подзаголовок').meta({ long: true }),
      intro: text('вводный текст').meta({ long: true }),
      owner: named(ref('organizations'), 'организация — владелец раздела'),
      siteUrl: url('адрес сайта'),
      contacts: contactsSchema,
    })
    .strict();
