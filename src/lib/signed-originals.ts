/**
 * Signed originals: the approved document (PDF, Word, a scan) an editor uploads into the entry's
 * own folder («roadmaps/originals/<id>/prikaz-3f9a1c2b.pdf»). The build publishes it under a Latin
 * name made from the entry, never the uploaded one («/dokumenty/dorozhnaya-karta-<id>.pdf»); a
 * scan is re-encoded without metadata like every image in dist/ (src/integrations/published-images.ts).
 *
 * Plain Node: the check, the pages and the tests read it.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectionSpec, contentRoot, type CollectionName } from '../schemas/collections.ts';
import { extensionOf, FORMAT_NAMES } from './signed-originals-rules.ts';

export * from './signed-originals-rules.ts';

/** The uploaded file on disk: the path in the entry is relative to the collection's folder. */
export const originalOnDisk = (collection: CollectionName, file: string, root = contentRoot()) => resolve(join(root, collectionSpec(collection).dir), file);

/** «PDF, 1,2 МБ» */
export function fileDescription(path: string, bytes = statSync(path).size): string {
  const size =
    bytes >= 1024 * 1024
      ? `${(bytes / 1024 / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 })}\u00a0МБ`
      : `${Math.max(1, Math.round(bytes / 1024))}\u00a0КБ`;
  return `${FORMAT_NAMES[extensionOf(path)] ?? extensionOf(path).toUpperCase()}, ${size}`;
}
