/**
 * Where the editor stores uploads, and how large they may be (issue 17, findings 3, 9, 13).
 *
 * Each entry has a folder of its own next to the collection's entries: «practices/covers/<id>/»,
 * «mentors/photos/<id>/». Two practices' «cover.jpg» can no longer be one file; the media library,
 * which lists the entry's folder only, shows a person's photos only in that person's card; and
 * deleting an entry knows exactly which files were its (src/admin/media.ts). Inside the folder a
 * file is named by the editor (src/admin/media-upload.ts): Latin, with a hash of its bytes.
 *
 * Plain TypeScript without Node: the editor's bundle and the build's check both import it.
 */
import { collectionSpec, type CollectionName } from '../src/schemas/index.ts';

/** The largest image file an entry may use: a phone photo is 3–8 MB; a 30 MB file is a scan or a mistake. */
export const IMAGE_MAX_MB = 10;
export const IMAGE_MAX_BYTES = IMAGE_MAX_MB * 1024 * 1024;

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 });

/** What the check and the editor say about a file over the limit: the same words in both places. */
export const imageTooLarge = (name: string, bytes: number) =>
  `файл «${name}» весит ${megabytes(bytes)} МБ, а можно не больше ${IMAGE_MAX_MB} МБ: уменьшите фотографию (для сайта хватит 2000 точек по длинной стороне) и загрузите снова`;

/** One entry's upload folder, relative to the collection's folder: «photos/smirnova-elena». */
export function entryMediaFolder(collection: CollectionName, id: string): string | undefined {
  const { images } = collectionSpec(collection);
  return images && `${images.folder}/${id}`;
}

/**
 * The collection's media settings for Decap. `{{filename}}` is the entry's file name, i.e. its id;
 * not `{{slug}}`, which Decap takes from the «id» field, and a saved entry does not write it.
 * A new entry has no file name yet: Decap keeps its uploads as drafts and moves them into the
 * folder when the entry is first saved (src/admin/media.ts puts the field's path in step).
 */
export function mediaSettings(collection: CollectionName): Record<string, unknown> {
  const folder = entryMediaFolder(collection, '{{filename}}');
  return folder ? { media_folder: folder, public_folder: `./${folder}` } : {};
}

/**
 * Site-wide media settings: none. Decap's own size limit (`media_library.max_file_size`) is read
 * from an image field's settings only, not from here, speaks of kB («не более 10485 kB») in a
 * browser alert, and does not apply on the «Медиафайлы» page; its `media_processing` re-encodes
 * only JPEG, PNG and WebP by the type the browser guessed from the name, and encodes WebP with a
 * WebAssembly file (webp_enc.wasm) that the editor's bundle does not publish. The editor's own
 * upload step does all of it instead (src/admin/media-upload.ts).
 */
export const mediaLibrary: Record<string, unknown> = {};
