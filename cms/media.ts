/** Where the editor stores uploads, per collection (issue 17, findings 3, 9, 13). */
import { collectionSpec, type CollectionName } from '../src/schemas/index.ts';

/** The collection's media settings for Decap: the folder next to its entries. */
export function mediaSettings(collection: CollectionName): Record<string, unknown> {
  const { images } = collectionSpec(collection);
  return images ? { media_folder: images.folder, public_folder: `./${images.folder}` } : {};
}

/** Site-wide media settings. */
export const mediaLibrary: Record<string, unknown> = {};
