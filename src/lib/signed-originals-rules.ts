/**
 * The rules of signed originals that the editor's bundle shares with the build (no Node here):
 * which collections carry one, the upload folder and size, the published name, what is refused.
 * The build's side: src/lib/signed-originals.ts.
 */
export type OriginalCollection = 'regulations' | 'roadmaps' | 'results';
export const ORIGINAL_COLLECTIONS: readonly OriginalCollection[] = ['regulations', 'roadmaps', 'results'];

/** The upload folder next to the collection's entries, as for images (cms/media.ts); the schema's field names it too. */
export const ORIGINALS_FOLDER = 'originals';
/** A signed scan of a dozen pages is 5–15 MB; 20 MB is the limit in the editor and in the check. */
export const ORIGINAL_MAX_MB = 20;
export const ORIGINAL_MAX_BYTES = ORIGINAL_MAX_MB * 1024 * 1024;

const PUBLISHED_STEM: Record<OriginalCollection, string> = {
  regulations: 'polozhenie',
  roadmaps: 'dorozhnaya-karta',
  results: 'otchet',
};

export const FORMAT_NAMES: Record<string, string> = { pdf: 'PDF', docx: 'DOCX', doc: 'DOC', odt: 'ODT', jpg: 'JPEG', jpeg: 'JPEG', png: 'PNG' };

export const extensionOf = (path: string) => path.split('.').pop()!.toLowerCase();

/** «dokumenty/dorozhnaya-karta-kayalinskaya-sosh-2023-2024.pdf», below the site's base. */
export const publishedPath = (collection: OriginalCollection, id: string, file: string) =>
  `dokumenty/${PUBLISHED_STEM[collection]}-${id}.${extensionOf(file).replace('jpeg', 'jpg')}`;

/**
 * A person's document does not belong here (DOMAIN.md: consents stay out): the name of the file
 * that says it is a consent, in Russian or transliterated.
 */
export const looksLikeConsent = (file: string) => /согласи|soglas|consent|персональн|personaln/i.test(file.split('/').pop() ?? '');
