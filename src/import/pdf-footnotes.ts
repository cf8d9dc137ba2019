/**
 * Footnote marks: the small raised digit Word and LibreOffice set right after a word that has
 * a footnote («… учебный год¹»). In a PDF it is only a smaller piece of text above the baseline,
 * which, read with its line, would glue a number to the text («учебный год 1», «наставник – 2
 * наставляемый»). The mark is dropped; the footnote's own text, at the foot of the page, starts
 * with the same number in front of it, not after a word, and stays.
 *
 *   dropFootnoteMarks(pieces): Piece[]
 */
import type { Piece } from './pdf-page.ts';

/** A footnote mark: one to three digits, or the asterisks and daggers some set instead. */
const MARK = /^\s*(\d{1,3}|[*†‡]{1,3})\s*$/;
/** A mark's size is at most this share of the text it follows (Word sets it at about 58 %). */
const SMALLER = 0.8;

/** Whether `mark` is set right after the end of `word`, smaller and raised above its baseline. */
function follows(mark: Piece, word: Piece): boolean {
  if (mark.size > SMALLER * word.size) return false;
  const end = word.x + word.width;
  const touching = mark.x >= end - 0.1 * word.size && mark.x <= end + 0.3 * word.size;
  const raised = mark.y < word.y - 0.15 * word.size && mark.y > word.y - word.size;
  return touching && raised;
}

export function dropFootnoteMarks(pieces: Piece[]): Piece[] {
  const marks = new Set(pieces.filter((mark) => MARK.test(mark.text) && pieces.some((word) => word !== mark && /\S$/.test(word.text) && follows(mark, word))));
  return marks.size ? pieces.filter((piece) => !marks.has(piece)) : pieces;
}
