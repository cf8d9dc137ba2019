/**
 * What a share card shows, per kind of page: plain data, so that the cache key is a hash
 * of exactly what ends up in the image. Built from the same site data as the pages
 * (people through publicName, statuses through the roadmap module).
 */
/** The section's own card, shared by the pages that have none of their own. */
export const HOME_CARD = 'index';

export type CardKind = 'home' | 'practice' | 'mentor' | 'roadmap' | 'regulation' | 'form' | 'organization';

export interface Card {
  kind: CardKind;
  /** The kind of material above the title: «Лучшая практика», «Доска почёта». */
  eyebrow: string;
  title: string;
  /** Up to three short lines under the title: form, organisation, period. */
  lines: string[];
  /** A key figure: a practice's result, a mentor's top achievement. */
  highlight?: string;
  /**
   * Roadmap progress: the sentence the card prints, and the share done for the bar — none when
   * nobody marked anything, so an unmarked plan shows no empty bar that reads as failure.
   */
  progress?: { text: string; share?: number };
  /** A consented photo, as a data URL (already re-encoded, no EXIF). */
  photo?: string;
  /** The section's name and owner, at the foot of every card. */
  site: string;
  demo?: boolean;
}
