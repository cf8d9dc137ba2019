/**
 * The rules of the editor's media, apart from the browser (unit-tested in tests/media-names.test.ts):
 * what an upload is saved as and under which name, where a new entry's image will lie, and
 * which files go with a deleted entry.
 */
import { latinId } from '../../cms/latin-id.ts';
import { entryMediaFolder } from '../../cms/media.ts';
import { collectionSpec, COLLECTIONS, type CollectionName } from '../schemas/index.ts';

export type UploadFormat = 'jpeg' | 'png' | 'webp';

/** By the file's first bytes, not its name or the type the browser guessed from the name. */
export function uploadFormat(head: Uint8Array): UploadFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/** A document the editor may upload as a signed original, by its first bytes; a zip (.docx, .odt) by its name too. */
export function documentFormat(head: Uint8Array, name: string): 'pdf' | 'docx' | 'odt' | 'doc' | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 5) === '%PDF-') return 'pdf';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'doc';
  if (ascii(0, 4) === 'PK\x03\x04') return /\.odt$/i.test(name) ? 'odt' : /\.docx$/i.test(name) ? 'docx' : undefined;
  return undefined;
}

/** «Приказ №45 (подписан).PDF» → «prikaz-45-podpisan-3f9a1c2b.pdf»: as uploadName, for a document. */
export const documentName = (original: string, hash: string, extension: string) =>
  `${latinId(original.replace(/\.[^.]*$/, '')) || 'dokument'}-${hash.slice(0, 8)}.${extension}`;

/**
 * What an upload is saved as: a JPEG, PNG or WebP stays what it is (a PNG keeps its transparency);
 * any other picture the browser can open (AVIF, GIF, BMP…) becomes a JPEG, which every part of
 * the site reads.
 */
export const outputType = (format: UploadFormat | undefined) => `image/${format ?? 'jpeg'}`;

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * «фото ивановой на уроке+2025.JPG» → «foto-ivanovoy-na-uroke-2025-3f9a1c2b.jpg»: Latin (the build,
 * git and every server read it the same way), with the first 8 hex digits of the saved bytes'
 * SHA-256, so two different pictures never share a name even within one entry's folder.
 */
export function uploadName(original: string, hash: string, type: string): string {
  const stem = latinId(original.replace(/\.[^.]*$/, '')) || 'izobrazhenie';
  return `${stem}-${hash.slice(0, 8)}.${EXTENSIONS[type] ?? 'jpg'}`;
}

/** «a/b/../c/./d.jpg» → «a/c/d.jpg»: paths here are the repository's, always with «/». */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

const isExternal = (value: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(value) || value.startsWith('/');

/**
 * A new entry's image fields as they must read after its first save: Decap moves the entry's
 * draft uploads into its folder (`{{filename}}`) only then, while the field already holds the path
 * it was given before the entry had a name. Only values that name one of the draft's own uploads
 * change: a duplicated entry's picture stays the original's.
 */
export function newEntryImages(collection: CollectionName, id: string, data: Record<string, unknown>, uploads: ReadonlySet<string>): Record<string, string> {
  const { images } = collectionSpec(collection);
  const folder = entryMediaFolder(collection, id);
  const changed: Record<string, string> = {};
  if (!images || !folder) return changed;
  for (const field of images.fields) {
    const value = data[field];
    if (typeof value !== 'string' || !value || isExternal(value)) continue;
    const name = value.split('/').pop()!;
    if (uploads.has(name)) changed[field] = `./${folder}/${name}`;
  }
  return changed;
}

export interface DeletedEntry {
  collection: CollectionName;
  /** The entry's file in the repository: «src/content/mentors/ivanova-anna.yaml». */
  path: string;
  data: Record<string, unknown>;
  /** The files of its own upload folder («photos/ivanova-anna/…»). */
  own: readonly string[];
  /** The files lying directly in the collection's image folder: the flat layout of before. */
  flat: readonly string[];
  /** The collection's other entries, by their files: a picture one of them shows stays. */
  others: readonly { path: string; data: Record<string, unknown> }[];
}

/** The files in the collection's image folder that an entry's image fields name. */
function named(collection: CollectionName, path: string, data: Record<string, unknown>): string[] {
  const { images } = collectionSpec(collection);
  if (!images) return [];
  const dir = normalize(path.slice(0, path.lastIndexOf('/')));
  return images.fields
    .map((field) => data[field])
    .filter((value): value is string => typeof value === 'string' && Boolean(value) && !isExternal(value))
    .map((value) => normalize(`${dir}/${value}`))
    .filter((file) => file.startsWith(`${dir}/${images.folder}/`));
}

/**
 * The files that go with a deleted entry: everything in its own upload folder; the pictures its
 * fields named; and, in the flat folder of before, the one named after it («photos/<id>.jpg», as
 * the import and the first editor named them), which a replaced photo leaves behind — for a person,
 * with the camera's GPS. A picture another entry of the collection still shows stays.
 */
export function filesOfDeletedEntry({ collection, path, data, own, flat, others }: DeletedEntry): string[] {
  const id = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const candidates = new Set([...own.map(normalize), ...named(collection, path, data)]);
  for (const file of flat.map(normalize)) if (file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '') === id) candidates.add(file);
  const kept = new Set(others.flatMap((other) => named(collection, other.path, other.data)));
  return [...candidates].filter((file) => !kept.has(file)).sort();
}

/**
 * Where a picture of the flat layout of before lies, for a path Decap looks for in an entry's own
 * folder. Decap finds a field's picture by its file name in the entry's media folder, so
 * «./covers/a.jpg» of «p.md» is looked for as «covers/p/a.jpg»; the file is one level up.
 */
export function legacyMediaPath(path: string): string | undefined {
  const parts = path.split('/');
  if (parts.length < 4) return undefined;
  const [dir, folder] = parts.slice(-4, -2);
  const known = COLLECTIONS.some((c) => collectionSpec(c).dir === dir && collectionSpec(c).images?.folder === folder);
  return known ? [...parts.slice(0, -2), parts.at(-1)].join('/') : undefined;
}
