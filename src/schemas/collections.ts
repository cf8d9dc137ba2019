/**
 * The registry of content collections: one row per collection, and every list of
 * collections in the project — Astro's content config, the integrity check, the editor's
 * config, the open data, the importer's target folders, the share images — is derived
 * from it. Adding a collection is a row here plus its schema module (see README).
 *
 * Plain Node: no Astro imports, so scripts, the CMS config and the tests can read it.
 */
import type { z } from 'astro/zod';
import { plainTools, type SchemaTools } from './common.ts';
import { formSchema } from './forms.ts';
import { mentorSchema } from './mentors.ts';
import { organizationSchema } from './organizations.ts';
import { practiceSchema } from './practices.ts';
import { regulationSchema } from './regulations.ts';
import { resultsSchema } from './results.ts';
import { roadmapSchema } from './roadmaps.ts';
import { settingsSchema } from './settings.ts';

export interface CollectionSpec {
  /** Folder below the content root. */
  dir: string;
  /**
   * Entries with a Markdown text after their fields (`.md`), with what the check says when
   * the text is missing and how the editor calls it; without it, entries are `.yaml` files.
   */
  body?: { missing: string };
  /** The schema factory (src/schemas/<collection>.ts). */
  schema: (...args: never[]) => unknown;
  /** How the editor's menu calls the collection and one of its entries. */
  label: string;
  single: string;
  /** How an error message names the collection: «ссылка на несуществующую запись в разделе «…»». */
  section: string;
  /** The field that names an entry in lists, relations and the id widget. */
  nameField: string;
  /** Fields holding an image file next to the entry, and the folder the editor uploads them to. */
  images?: { fields: readonly string[]; folder: string };
  /** Published as open data under /api/ (field by field: src/lib/public-fields.ts). */
  publicData: boolean;
  /** The URL segment of the collection's pages: /<segment>/<id>/. Without it, the entries have no pages. */
  segment?: string;
  /** A collection of one file the editor edits as a form, e.g. the site's settings. */
  singleFile?: { id: string; label: string };
}

export const COLLECTION_REGISTRY = {
  organizations: {
    dir: 'organizations',
    schema: organizationSchema,
    label: 'Организации',
    single: 'Организация',
    section: 'организации',
    nameField: 'shortName',
    publicData: true,
    segment: 'organizacii',
  },
  forms: {
    dir: 'forms',
    schema: formSchema,
    label: 'Формы наставничества',
    single: 'Форма',
    section: 'формы наставничества',
    nameField: 'title',
    publicData: true,
    segment: 'formy',
  },
  regulations: {
    dir: 'regulations',
    body: { missing: 'нет текста положения после блока полей' },
    schema: regulationSchema,
    label: 'Положения',
    single: 'Положение',
    section: 'положения',
    nameField: 'title',
    publicData: true,
    segment: 'polozheniya',
  },
  roadmaps: {
    dir: 'roadmaps',
    schema: roadmapSchema,
    label: 'Дорожные карты',
    single: 'Дорожная карта',
    section: 'дорожные карты',
    nameField: 'title',
    publicData: true,
    segment: 'dorozhnye-karty',
  },
  results: {
    dir: 'results',
    schema: resultsSchema,
    label: 'Итоги года',
    single: 'Итоги года',
    section: 'итоги года',
    nameField: 'schoolYear',
    publicData: true,
    segment: 'itogi',
  },
  practices: {
    dir: 'practices',
    body: { missing: 'нет описания практики после блока полей' },
    schema: practiceSchema,
    label: 'Лучшие практики',
    single: 'Практика',
    section: 'практики',
    nameField: 'title',
    images: { fields: ['cover'], folder: 'covers' },
    publicData: true,
    segment: 'praktiki',
  },
  mentors: {
    dir: 'mentors',
    schema: mentorSchema,
    label: 'Доска почёта наставников',
    single: 'Наставник',
    section: 'наставники',
    nameField: 'name.last',
    images: { fields: ['photo'], folder: 'photos' },
    publicData: true,
    segment: 'nastavniki',
  },
  settings: {
    dir: 'settings',
    schema: settingsSchema,
    label: 'Настройки раздела',
    single: 'Настройки',
    section: 'настройки',
    nameField: 'title',
    publicData: false,
    singleFile: { id: 'site', label: 'Раздел «Наставничество»' },
  },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTION_REGISTRY;
type Registry = typeof COLLECTION_REGISTRY;

/** Every collection, in the registry's order (the order of the editor's menu and of the check). */
export const COLLECTIONS = Object.keys(COLLECTION_REGISTRY) as CollectionName[];

export const collectionSpec = (name: CollectionName): CollectionSpec => COLLECTION_REGISTRY[name];

/** The zod schema a collection's factory makes for the given tools, with its exact type. */
export type SchemaOf<N extends CollectionName> = ReturnType<Registry[N]['schema']>;

/** The site's settings: the one file of the settings collection. */
export const SITE_SETTINGS_ID = COLLECTION_REGISTRY.settings.singleFile.id;
/** Its path below the content root: «settings/site.yaml». */
export const siteSettingsFile = () => `${COLLECTION_REGISTRY.settings.dir}/${SITE_SETTINGS_ID}${entryExtension('settings')}`;

/** A collection's schema for other tools than Astro's (the check, the editor, the importer). */
export const schemaFor = (name: CollectionName, tools: SchemaTools): z.ZodType =>
  (COLLECTION_REGISTRY[name].schema as (tools: SchemaTools) => z.ZodType)(tools);

/** Which files a collection holds: Markdown with a text, or YAML. */
export const entryExtension = (name: CollectionName) => (collectionSpec(name).body ? '.md' : '.yaml');
export const filePattern = (name: CollectionName) => `*${entryExtension(name)}`;

/** Collections whose entries have a page of their own, published as open data. */
type Keys<P> = { [N in CollectionName]: Registry[N] extends P ? N : never }[CollectionName];
export type PublicCollection = Keys<{ publicData: true }>;
export const PUBLIC_COLLECTIONS = COLLECTIONS.filter((name): name is PublicCollection => collectionSpec(name).publicData);

/** Public collections whose entries belong to an organisation: each organisation gets its share as JSON too. */
export const OWNED_COLLECTIONS = PUBLIC_COLLECTIONS.filter((name) => 'organization' in (schemaFor(name, plainTools) as z.ZodObject).shape);

export type PagedCollection = Keys<{ segment: string }>;
/** The path of an entry's page below the site's base: «praktiki/<id>/». */
export const entryPath = (name: PagedCollection, id: string) => `${COLLECTION_REGISTRY[name].segment}/${id}/`;
/** The path of a collection's list page below the site's base: «praktiki/». */
export const listPath = (name: PagedCollection) => `${COLLECTION_REGISTRY[name].segment}/`;

/**
 * The content folder, relative to the project root. CONTENT_ROOT points a build
 * at another tree (test fixtures, generated benchmark corpora) without copying the project.
 */
export const contentRoot = (env: Record<string, string | undefined> = process.env) => (env.CONTENT_ROOT || 'src/content').replace(/\/+$/, '');

/**
 * Astro's cache folder for a content root, relative to the project root. One per root: the glob
 * loader keeps an unchanged entry's old file path, so a cache shared between roots makes images
 * resolve into the other tree. ASTRO_CACHE_ROOT (relative to the project) moves the caches: the
 * tests keep their own, so that a build running beside them does not share one.
 */
export const contentCacheDir = (root = contentRoot(), env: Record<string, string | undefined> = process.env) =>
  `${(env.ASTRO_CACHE_ROOT || 'node_modules/.astro').replace(/\/+$/, '')}/${root.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** The share images' cache, kept between builds (CI or hosting cache); OG_CACHE_DIR moves it. */
export const shareImageCacheDir = (env: Record<string, string | undefined> = process.env) => env.OG_CACHE_DIR || 'node_modules/.astro/og-cache';
