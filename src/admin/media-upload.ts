/**
 * The editor's upload step: every file chosen in Decap's media library passes here first.
 * A file over the limit is refused with the limit named; a picture is drawn anew on a canvas and
 * saved from it, which keeps the picture (turned upright by its EXIF orientation) and nothing else:
 * no EXIF, GPS, XMP, IPTC or comments; it gets a Latin name made unique by its content.
 *
 * Why in the browser, before Decap uploads, and not in a proxy in front of decap-server that
 * re-encodes with sharp: the same step then serves every backend — the local decap-server and the
 * GitHub, GitLab and Gitea backends of the published editor, where the browser talks to the git
 * host directly and no server of ours sees the file. The build re-encodes published images once
 * more (src/integrations/published-images.ts); this step keeps the originals in the repository
 * clean, since the repository may be public too.
 *
 * Decap offers no hook for an upload, so the step listens for the file input's «change» before
 * React does (capture phase on window), holds the event back, and hands Decap the prepared
 * file with a «change» of its own.
 */
import { IMAGE_MAX_BYTES, imageTooLarge } from '../../cms/media.ts';
import { documentFormat, documentName, outputType, uploadFormat, uploadName } from './media-names.ts';
import { looksLikeConsent, ORIGINAL_MAX_BYTES, ORIGINAL_MAX_MB } from '../lib/signed-originals-rules.ts';

/** JPEG quality of the saved original: the build makes the published sizes from it. */
const QUALITY = 0.9;

export type Prepared = { file: File } | { refused: string };

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

async function hashOf(blob: Blob): Promise<string> {
  // crypto.subtle exists on https and on 127.0.0.1, where the editor runs; elsewhere the name
  // only needs to differ from its neighbours', so random digits do.
  const bytes = crypto.subtle ? new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())) : crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function draw(file: File, type: string): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d')!;
  // A JPEG has no transparency: what was transparent (a GIF's, an AVIF's) becomes white, not black.
  if (type === 'image/jpeg') {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return new Promise((done, fail) => canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('canvas.toBlob'))), type, QUALITY));
}

/** The file Decap should upload instead of the chosen one, or why there is none. */
export async function prepareUpload(file: File): Promise<Prepared> {
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  // A signed original (PDF, Word): kept byte for byte, under a Latin name; a scan is a picture, below.
  const document = documentFormat(head, file.name);
  if (document) {
    if (looksLikeConsent(file.name))
      return { refused: `Файл «${file.name}» похож на согласие или другой документ о человеке: такие документы на сайт не загружают (152-ФЗ).` };
    if (file.size > ORIGINAL_MAX_BYTES)
      return { refused: `Файл «${file.name}» больше ${ORIGINAL_MAX_MB} МБ: сохраните скан с меньшим разрешением и загрузите снова.` };
    return { file: new File([file], documentName(file.name, await hashOf(file), document), { type: file.type }) };
  }
  if (file.size > IMAGE_MAX_BYTES) return { refused: `${capital(imageTooLarge(file.name, file.size))}.` };
  const format = uploadFormat(head);
  let blob: Blob;
  try {
    blob = await draw(file, outputType(format));
  } catch {
    return {
      refused: `Файл «${file.name}» не открывается как изображение: нужна фотография в формате JPEG, PNG или WebP. Снимок с iPhone в формате HEIC сначала сохраните как JPEG, затем загрузите снова.`,
    };
  }
  // A canvas that cannot write WebP (Safari) writes PNG: the name follows what was written.
  const type = blob.type || outputType(format);
  if (blob.size > IMAGE_MAX_BYTES) return { refused: `${capital(imageTooLarge(file.name, blob.size))}.` };
  return { file: new File([blob], uploadName(file.name, await hashOf(blob), type), { type }) };
}

/** Our own «change» events, which Decap must see. */
const prepared = new WeakSet<Event>();

/** Puts the upload step in front of every file input of Decap's media library. */
export function guardUploads(refuse: (message: string) => void): void {
  window.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (prepared.has(event) || !(input instanceof HTMLInputElement) || input.type !== 'file' || !input.closest('.nc-fileUploadButton')) return;
      const file = input.files?.[0];
      if (!file) return;
      event.stopImmediatePropagation();
      void prepareUpload(file)
        .catch((error: unknown) => ({ refused: `Файл «${file.name}» не удалось подготовить к загрузке (${String(error)}): попробуйте ещё раз.` }))
        .then((result) => {
          if ('refused' in result) {
            input.value = '';
            refuse(result.refused);
            return;
          }
          const transfer = new DataTransfer();
          transfer.items.add(result.file);
          input.files = transfer.files;
          const again = new Event('change', { bubbles: true });
          prepared.add(again);
          input.dispatchEvent(again);
        });
    },
    true,
  );
}
