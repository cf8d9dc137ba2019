import { z } from 'astro/zod';
import { contactsSchema, text, url, type SchemaTools } from './common.ts';

/** The one settings file the CMS edits: section title, owner, address, contacts. */
export const settingsSchema = ({ ref }: SchemaTools) =>
  z
    .object({
      title: text('название раздела'),
      tagline: text('подзаголовок'),
      intro: text('вводный текст'),
      owner: ref('organizations'),
      siteUrl: url('адрес сайта'),
      contacts: contactsSchema,
    })
    .strict();
