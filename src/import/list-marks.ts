/**
 * What opens a bulleted line, one set for every part of the importer that reads lists
 * (import-document.ts, regulation.ts): a list typed with «●» must be a list wherever it stands.
 *
 *   BULLET_CHARS  — the characters, ready to go inside a regex character class
 *   LIST_MARK     — a line that opens with one of them
 */

/**
 * Word's and LibreOffice's bullets as they come through a copy or a text export (middle dot,
 * bullet, small square, white and black circles), and the dashes people type instead — the
 * readers themselves write «– » for a bullet. The hyphen is last, so the string drops into
 * `[…]` as it is.
 */
export const BULLET_CHARS = '·•▪◦●–—-';

export const LIST_MARK = new RegExp(`^[${BULLET_CHARS}]`);
