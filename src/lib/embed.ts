/**
 * The embeddable views (issue 7): a school pastes one snippet and its site shows its honour
 * board, practices, roadmap or the whole section from here, in an iframe that resizes itself.
 * One list of views for the embed pages, embed.js and the /vstraivanie/ page.
 */
export const EMBED_VIEWS = {
  section: 'Наставничество: всё кратко',
  mentors: 'Доска почёта наставников',
  practices: 'Лучшие практики',
  roadmap: 'Дорожная карта и её выполнение',
} as const;

export type EmbedView = keyof typeof EMBED_VIEWS;

/** The message an embed sends its host page; embed.js accepts it only from the site's origin. */
export const HEIGHT_MESSAGE = 'nastavnichestvo:height';
