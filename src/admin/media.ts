/**
 * Uploads that cannot collide, vanish or keep their metadata (issue 17, findings 3, 9, 13).
 *
 * - Each entry's uploads go to its own folder (cms/media.ts: «covers/<id>/», «photos/<id>/»), so the
 *   media library opened from an entry lists that entry's files only.
 * - Every chosen file passes the upload step first (media-upload.ts): the size limit, a re-encoding
 *   that keeps the picture and drops EXIF/GPS, a Latin name made unique by the content.
 * - A new entry's image field is pointed at the folder Decap moves its uploads to on the first save.
 * - Deleting an entry deletes its pictures (which ones: filesOfDeletedEntry in media-names.ts) once
 *   Decap has deleted the entry (event «postUnpublish»): an entry whose deletion was refused (the
 *   referrer check of validation.ts throws in «preUnpublish») keeps them. No backend method is
 *   wrapped for it, so this composes with any other listener.
 * - A picture of the flat layout of before still shows in the form (catchBackend).
 */
import type CMS from 'decap-cms-app';
import { fromJS } from 'immutable';
import { entryMediaFolder } from '../../cms/media.ts';
import { collectionSpec, COLLECTIONS, entryExtension, type CollectionName } from '../schemas/index.ts';
import { readEntry } from '../integrity/read-entry.ts';
import { filesOfDeletedEntry, legacyMediaPath, newEntryImages } from './media-names.ts';
import { guardUploads } from './media-upload.ts';
import { onBackend, type Implementation } from './backend.ts';

type Cms = typeof CMS;
interface Immutable {
  get(key: string, fallback?: unknown): any;
  getIn(path: (string | number)[]): any;
  toJS(): any;
}

let backend: Implementation | undefined;

/**
 * Keeps the backend, and lets a picture of the flat layout of before («covers/p.jpg», which Decap
 * looks for in the entry's folder as «covers/p/p.jpg») still show in the form and the preview.
 */
function catchBackend(cms: Cms) {
  onBackend(cms, (made) => {
    const getMediaFile = made.getMediaFile.bind(made);
    made.getMediaFile = (path) =>
      getMediaFile(path).catch((error: unknown) => {
        const legacy = legacyMediaPath(path);
        if (!legacy) throw error;
        return getMediaFile(legacy);
      });
    backend = made;
  });
}

/** A message over everything, the media library included, until closed or replaced. */
function tell(message: string) {
  document.getElementById('media-message')?.remove();
  const box = document.createElement('div');
  box.id = 'media-message';
  box.setAttribute('role', 'alert');
  box.style.cssText =
    'position:fixed;top:1rem;left:50%;transform:translateX(-50%);z-index:100000;max-width:40rem;padding:1rem 1.25rem;background:#fff4f4;color:#611;border:2px solid #c33;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.25);font:15px/1.45 system-ui,sans-serif;white-space:pre-line';
  const text = document.createElement('p');
  text.style.margin = '0 0 .75rem';
  text.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Закрыть';
  close.addEventListener('click', () => box.remove());
  box.append(text, close);
  document.body.append(box);
  close.focus();
}

/** A new entry's image fields, pointed at its own folder; runs after the id is filled in (see registerMedia). */
function placeNewEntryImages({ entry }: { entry: Immutable }) {
  const collection = entry.get('collection') as CollectionName;
  const id = entry.getIn(['data', 'id']) as string | undefined;
  if (!entry.get('newRecord') || !COLLECTIONS.includes(collection) || !id) return undefined;
  const uploads = new Set<string>(
    (entry.get('mediaFiles')?.toJS() ?? []).filter((f: { draft?: boolean }) => f.draft).map((f: { path: string }) => f.path.split('/').pop()!),
  );
  const changed = newEntryImages(collection, id, entry.get('data').toJS(), uploads);
  return Object.keys(changed).length ? entry.get('data').merge(fromJS(changed)) : undefined;
}

/** The collection's other entries as their files hold them; one that does not read is left out (the build names it). */
async function entriesOf(collection: CollectionName, dir: string): Promise<{ path: string; data: Record<string, unknown> }[]> {
  const files = await backend!.entriesByFolder(dir, entryExtension(collection).slice(1), 1);
  return files.flatMap(({ data, file }) => {
    try {
      return [{ path: file.path, data: readEntry(file.path.split('/').pop()!, data).data }];
    } catch {
      return [];
    }
  });
}

/** Deletes the files of an entry Decap has just deleted; says so if some could not be. */
async function deleteEntryFiles({ entry }: { entry?: Immutable }) {
  const collection = entry?.get('collection') as CollectionName;
  const path = entry?.get('path') as string | undefined;
  const id = entry?.get('slug') as string | undefined;
  const images = COLLECTIONS.includes(collection) ? collectionSpec(collection).images : undefined;
  if (!backend || !images || !path || !id) return;
  const dir = path.slice(0, path.lastIndexOf('/'));
  const paths = (files: { path: string }[]) => files.map((f) => f.path);
  let files: string[] = [];
  try {
    const [own, flat, others] = await Promise.all([
      backend.getMedia(`${dir}/${entryMediaFolder(collection, id)}`).then(paths, () => []),
      backend.getMedia(`${dir}/${images.folder}`).then(paths, () => []),
      entriesOf(collection, dir),
    ]);
    files = filesOfDeletedEntry({ collection, path, data: entry!.get('data').toJS(), own, flat, others });
    if (files.length) await backend.deleteFiles(files, `Удалены изображения удалённой записи ${collection}/${id}`);
  } catch (error) {
    tell(
      `Запись удалена, а её изображения — нет (${String(error)}). Удалите их вручную${files.length ? `:\n${files.join('\n')}` : ` из папки ${dir}/${images.folder}`}.`,
    );
  }
}

export function registerMedia(cms: Cms): void {
  catchBackend(cms);
  guardUploads(tell);
  cms.registerEventListener({ name: 'postUnpublish', handler: deleteEntryFiles });
  // Decap calls «preSave» listeners in the order they were registered, and src/admin/cms.ts fills a
  // new entry's id in one registered after this function returns: ours goes last, once the
  // editor's script has run.
  queueMicrotask(() => cms.registerEventListener({ name: 'preSave', handler: placeNewEntryImages }));
}
