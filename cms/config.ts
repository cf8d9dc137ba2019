/**
 * The Decap CMS configuration, built from the collections' schemas (one source of truth):
 * a folder collection per content collection, the site settings as a file collection.
 */
import { ID_PATTERN, type CollectionName } from '../src/schemas/common.ts';
import { collectionFiles, schemaFactories } from '../src/schemas/index.ts';
import { COLLECTION_LABELS, fieldHint, fieldLabel } from './labels.ts';
import { cmsTools, fieldsOf, NAME_FIELD, type DecapField } from './schema-fields.ts';

export const CONTENT_DIR = 'src/content';
export const SETTINGS_FILE = `${CONTENT_DIR}/settings/site.yaml`;
/** Collections whose entries carry a Markdown text after their fields. */
const MARKDOWN: Partial<Record<CollectionName, true>> = { regulations: true, practices: true };

/** Collections kept as a folder of entries (settings is one file). */
const FOLDERS = ['organizations', 'forms', 'regulations', 'roadmaps', 'practices', 'mentors'] as const;

/** The Latin id: filled from the title while typing (widget «id»), editable, checked against the schema's pattern. */
function idField(collection: CollectionName): DecapField {
  return {
    name: 'id',
    label: fieldLabel(collection, 'id', 'id'),
    widget: 'id',
    // Fields the id is made from (space-separated paths), e.g. «shkola-molodogo-pedagoga» from the title.
    // A mentor's id is made by personId: surname and name for an adult, name and a suffix for a minor.
    ...(collection === 'mentors' ? { source: 'name.last name.first', person: true } : { source: NAME_FIELD[collection] }),
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
  const schema = schemaFactories[collection](cmsTools) as Parameters<typeof fieldsOf>[1];
  const fields = fieldsOf(collection, schema).filter((f) => f.name !== 'id');
  if (MARKDOWN[collection]) {
    fields.push({
      name: 'body',
      label: fieldLabel(collection, 'body', 'body'),
      widget: 'markdown',
      // Plain Markdown text only: Decap's rich-text mode rewrites the whole text on any edit
      // (paragraphs after a list get indented into it), which breaks numbered clauses.
      modes: ['raw'],
      hint: fieldHint(collection, 'body'),
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
  /** The production backend (README has examples for GitHub, GitLab and Gitea/Forgejo). */
  backend?: Record<string, unknown>;
}

export function buildCmsConfig(options: CmsConfigOptions = {}): Record<string, unknown> {
  const folders = FOLDERS.map((collection) => {
    const { dir, pattern } = collectionFiles[collection];
    const markdown = pattern.endsWith('.md');
    return {
      name: collection,
      label: COLLECTION_LABELS[collection].label,
      label_singular: COLLECTION_LABELS[collection].single,
      folder: `${CONTENT_DIR}/${dir}`,
      extension: markdown ? 'md' : 'yaml',
      format: markdown ? 'yaml-frontmatter' : 'yaml',
      create: true,
      // Decap cannot transliterate: the file name comes from the explicit Latin id.
      identifier_field: 'id',
      slug: '{{fields.id}}',
      summary: collection === 'mentors' ? '{{name.first}} {{name.last}}' : `{{${NAME_FIELD[collection]}}}`,
      ...(collection === 'mentors' || collection === 'practices'
        ? { media_folder: `${dir === 'mentors' ? 'photos' : 'covers'}`, public_folder: `./${dir === 'mentors' ? 'photos' : 'covers'}` }
        : {}),
      fields: [idField(collection), ...collectionFields(collection)],
    };
  });
  const settings = {
    name: 'settings',
    label: COLLECTION_LABELS.settings.label,
    editor: { preview: false },
    files: [{ name: 'site', label: 'Раздел «Наставничество»', file: SETTINGS_FILE, format: 'yaml', fields: collectionFields('settings') }],
  };
  return {
    load_config_file: false,
    locale: 'ru',
    backend: options.backend ?? { name: 'git-gateway', branch: 'main' },
    ...(options.localBackendUrl ? { local_backend: { url: options.localBackendUrl } } : {}),
    // Images live next to the entries that use them, where the build re-encodes them.
    media_folder: `${CONTENT_DIR}/media`,
    public_folder: '/media',
    ...(options.editorialWorkflow ? { publish_mode: 'editorial_workflow' } : {}),
    collections: [...folders, settings],
  };
}
