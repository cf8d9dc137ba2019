/**
 * What the editor says that is not a field of any schema. Every field's name, hint and
 * «long text» are the schemas' own metadata (src/schemas/field-names.ts), read by
 * cms/schema-fields.ts; what remains here is the entry's Markdown text (`body`), which
 * the schemas do not describe: Astro keeps it apart from the fields.
 */
import type { CollectionName } from '../src/schemas/common.ts';

interface BodyText {
  label: string;
  hint?: string;
}

/** The Markdown text after the fields, for collections that have one (COLLECTION_REGISTRY: `body`). */
const BODY: Partial<Record<CollectionName, BodyText>> = {
  regulations: {
    label: 'Текст положения (пункты начинаются с номера: «2.3. …»)',
    hint: 'Разметка Markdown: «## 2. Название» — раздел, «2.3. …» в начале строки — пункт, «- » — элемент списка, пустая строка — новый абзац. Справа видно, как это будет выглядеть.',
  },
  practices: {
    label: 'Что сделано: описание практики',
    hint: 'Разметка Markdown: «### Заголовок» — подзаголовок, «- » — элемент списка, пустая строка — новый абзац. Справа видно, как это будет выглядеть.',
  },
};

export const bodyText = (collection: CollectionName): BodyText => BODY[collection] ?? { label: 'Текст' };
