import { z } from 'astro/zod';
import { heading, contactsSchema, text, url, type SchemaTools } from './common.ts';
import { named } from './field-names.ts';
import { editorSettingsSchema } from './editor-backend.ts';

/** The one settings file the CMS edits: section title, owner, address, contacts; and where the editor saves (editor-backend.ts). */
export const settingsSchema = ({ ref }: SchemaTools) =>
  z
    .object({
      title: heading('название раздела'),
      tagline: text('подзаголовок').meta({ long: true }),
      intro: text('вводный текст').meta({ long: true }),
      owner: named(ref('organizations'), 'организация — владелец раздела'),
      siteUrl: url('адрес сайта'),
      contacts: contactsSchema,
      // Hidden in the editor: a wrong host or repository there would lock the editors out of it.
      editor: editorSettingsSchema.optional().meta({ label: 'редактор: где хранится сайт', hidden: true }),
    })
    .strict();
