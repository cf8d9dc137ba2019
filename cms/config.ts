/**
 * The Decap CMS configuration, built from the collections' schemas (one source of truth):
 * a folder collection per content collection, the site settings as a file collection.
 */
import { ID_PATTERN, type CollectionName } from '../src/schemas/common.ts';
import { collectionSpec, COLLECTIONS, editorLabel, entryExtension, fieldMetaAt, schemaFor } from '../src/schemas/index.ts';
import { bodyText } from './labels.ts';
import { mediaLibrary, mediaSettings } from './media.ts';
import { cmsTools, fieldsOf, type DecapField } from './schema-fields.ts';
import { wordFields } from './wording.ts';

export const CONTENT_DIR = 'src/content';

/**
 * The Latin id: filled from the title while typing (widget «id»), editable, checked against the schema's pattern.
 * Its name is the schema's; the widget and its hint are the editor's own.
 */
function idField(collection: CollectionName): DecapField {
  const [{ label } = {}] = fieldMetaAt(schemaFor(collection, cmsTools), ['id']);
  return {
    name: 'id',
    label: label ? editorLabel(label) : 'id',
    widget: 'id',
    // Fields the id is made from (space-separated paths), e.g. «shkola-molodogo-pedagoga» from the title.
    // A mentor's id is made by personId: surname and name for an adult, name and a suffix for a minor.
    ...(collection === 'mentors' ? { source: 'name.last name.first', person: true } : { source: collectionSpec(collection).nameField }),
    // Optional, as in the schema: a saved entry's id is its file name; a new one gets it from the title.
    required: false,
    pattern: [ID_PATTERN.source, 'только латинские строчные буквы, цифры и дефисы, например «shkola-5»'],
    hint:
      collection === 'mentors'
        ? 'Заполняется само: фамилия и имя латиницей, а у несовершеннолетнего — только имя и четыре знака, чтобы фамилии не было в адресе страницы. После публикации лучше не менять: изменится адрес страницы.'
        : 'Заполняется само по названию; можно поправить. После публикации лучше не менять: изменится адрес страницы.',
  };
}

export function collectionFields(collection: CollectionName): DecapField[] {
  const schema = schemaFor(collection, cmsTools);
  const fields = fieldsOf(collection, schema).filter((f) => f.name !== 'id');
  if (collectionSpec(collection).body) {
    const { label, hint } = bodyText(collection);
    fields.push({
      name: 'body',
      label,
      widget: 'markdown',
      // Plain Markdown text only: Decap's rich-text mode rewrites the whole text on any edit
      // (paragraphs after a list get indented into it), which breaks numbered clauses.
      modes: ['raw'],
      hint,
      required: true,
    });
  }
  return fields;
}

export interface CmsConfigOptions {
  /** decap-server's API for editing on this machine without a login. */
  localBackendUrl?: string;
  /**
   * Черновик → на проверке → готово. Off for local editing, where a save must land in
   * src/content at once; on in production on backends that support it (see README).
   */
  editorialWorkflow?: boolean;
  /** The Git host's backend, from the settings (src/schemas/editor-backend.ts: decapBackend). */
  backend?: Record<string, unknown>;
}

export function buildCmsConfig(options: CmsConfigOptions = {}): Record<string, unknown> {
  const collections = COLLECTIONS.map((collection) => {
    const spec = collectionSpec(collection);
    if (spec.singleFile) {
      return {
        name: collection,
        label: spec.label,
        editor: { preview: false },
        files: [
          {
            name: spec.singleFile.id,
            label: spec.singleFile.label,
            file: `${CONTENT_DIR}/${spec.dir}/${spec.singleFile.id}${entryExtension(collection)}`,
            format: 'yaml',
            fields: wordFields(collectionFields(collection)),
          },
        ],
      };
    }
    return {
      name: collection,
      label: spec.label,
      label_singular: spec.single,
      folder: `${CONTENT_DIR}/${spec.dir}`,
      extension: entryExtension(collection).slice(1),
      format: spec.body ? 'yaml-frontmatter' : 'yaml',
      create: true,
      // Decap cannot transliterate: the file name comes from the explicit Latin id.
      identifier_field: 'id',
      slug: '{{fields.id}}',
      summary: collection === 'mentors' ? '{{name.first}} {{name.last}}' : `{{${spec.nameField}}}`,
      ...mediaSettings(collection),
      fields: wordFields([idField(collection), ...collectionFields(collection)]),
    };
  });
  return {
    load_config_file: false,
    locale: 'ru',
    // No Git host in the settings: decap-server on this machine or nothing — never Decap's default
    // git-gateway, whose login form is Netlify's.
    backend: options.backend ?? { name: 'proxy', proxy_url: options.localBackendUrl ?? '', branch: 'main' },
    ...(options.localBackendUrl ? { local_backend: { url: options.localBackendUrl } } : {}),
    // Images live next to the entries that use them, where the build re-encodes them.
    media_folder: `${CONTENT_DIR}/media`,
    public_folder: '/media',
    ...mediaLibrary,
    ...(options.editorialWorkflow ? { publish_mode: 'editorial_workflow' } : {}),
    collections,
  };
}
