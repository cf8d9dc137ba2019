/** Every collection's schema factory, by collection name. */
import type { CollectionName, SchemaTools } from './common.ts';
import { formSchema } from './forms.ts';
import { mentorSchema } from './mentors.ts';
import { organizationSchema } from './organizations.ts';
import { practiceSchema } from './practices.ts';
import { regulationSchema } from './regulations.ts';
import { roadmapSchema } from './roadmaps.ts';
import { settingsSchema } from './settings.ts';

export const schemaFactories = {
  organizations: organizationSchema,
  forms: formSchema,
  regulations: regulationSchema,
  roadmaps: roadmapSchema,
  practices: practiceSchema,
  mentors: mentorSchema,
  settings: settingsSchema,
} satisfies Record<CollectionName, (tools: SchemaTools) => unknown>;

/**
 * The content folder, relative to the project root. CONTENT_ROOT points a build
 * at another tree (test fixtures, generated benchmark corpora) without copying the project.
 */
export const contentRoot = (env: Record<string, string | undefined> = process.env) =>
  (env.CONTENT_ROOT || 'src/content').replace(/\/+$/, '');

/**
 * Astro's cache folder for a content root, relative to the project root. One per root: the glob
 * loader keeps an unchanged entry's old file path, so a cache shared between roots makes images
 * resolve into the other tree.
 */
export const contentCacheDir = (root = contentRoot()) => `node_modules/.astro/${root.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** Where each collection lives (below the content root) and which files it holds. */
export const collectionFiles: Record<CollectionName, { dir: string; pattern: string }> = {
  organizations: { dir: 'organizations', pattern: '*.yaml' },
  forms: { dir: 'forms', pattern: '*.yaml' },
  regulations: { dir: 'regulations', pattern: '*.md' },
  roadmaps: { dir: 'roadmaps', pattern: '*.yaml' },
  practices: { dir: 'practices', pattern: '*.md' },
  mentors: { dir: 'mentors', pattern: '*.yaml' },
  settings: { dir: 'settings', pattern: '*.yaml' },
};

export * from './common.ts';
export * from './vocabulary.ts';
