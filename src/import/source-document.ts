/**
 * What every reader (.txt, .html, .docx) turns a document into, so that finding the
 * roadmap or the regulation in it is written once.
 *
 * Text is kept as written; `line` is where a block starts in the source (1-based line
 * of a text file, or the block's position in an HTML/DOCX body), for warnings.
 */
export interface Cell {
  /** The cell's text with its inner structure flattened to spaces. */
  text: string;
  /**
   * The cell's separate parts, in order: paragraphs, list items, lines. A cell that
   * lists several events («1) … 2) …», one per paragraph or list item) is split from these.
   */
  parts: string[];
}

export interface Row {
  cells: Cell[];
  line: number;
}

export type Block =
  /** `gap`: blank space before it in the source — it starts a new group of lines. */
  { kind: 'paragraph'; text: string; line: number; bold?: boolean; gap?: boolean } | { kind: 'table'; rows: Row[]; line: number };

export interface SourceDocument {
  /** The file it came from, for messages. */
  file: string;
  blocks: Block[];
}

/** Thrown by readers for input they cannot read; the message is one line for the user. */
export class ImportError extends Error {}

export const cellOf = (parts: string[]): Cell => {
  const clean = parts.map((part) => part.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return { text: clean.join(' '), parts: clean };
};
