/**
 * A list counter as the document shows it, one table for every reader that computes Word's or
 * LibreOffice's automatic numbers (docx-numbering.ts, read-doc.ts, odt-styles.ts): the same
 * list saved as .docx, .doc or .odt must get the same labels.
 *
 *   numberLabel(value, format, { letterSync? }): string   — «3», «в», «III», «– » …
 *   docNumberFormat(nfc): NumberFormat                    — a .doc level's number format code
 *   odfNumberFormat(numFormat): NumberFormat              — ODF's style:num-format
 *   BULLET, BULLET_LABEL                                  — a bullet as the importer writes it
 *
 * Formats are named as Word's w:numFmt names them. Letters and Roman numerals have no zero or
 * negatives (a list may still start at 0: Word and LibreOffice allow it), and Roman numerals
 * stop at 3999: such counters are written in digits, so no number is lost or turned into
 * another one. Formats with no counterpart here (ordinal words, Asian digits) are digits too.
 */

export type NumberFormat =
  | 'decimal'
  | 'decimalZero'
  | 'lowerLetter'
  | 'upperLetter'
  | 'lowerRoman'
  | 'upperRoman'
  | 'russianLower'
  | 'russianUpper'
  | 'bullet'
  | 'none';

/** Whatever character a list draws for its bullets, the importer writes a dash (regulation.ts reads it as a bullet). */
export const BULLET = '–';
/** A bullet as the start of a line's text. */
export const BULLET_LABEL = `${BULLET} `;

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
/** Word's (and LibreOffice's «(ru)») Russian list letters: the alphabet without ё, й, ъ, ы, ь. */
const RUSSIAN = 'абвгдежзиклмнопрстуфхцчшщэюя';

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(value: number): string {
  if (value < 1 || value > 3999) return String(value);
  let rest = value;
  let out = '';
  for (const [size, digit] of ROMAN) {
    for (; rest >= size; rest -= size) out += digit;
  }
  return out;
}

/**
 * Past the alphabet, Word (and LibreOffice's «letter sync») repeats the letter: «aa», «bb»;
 * ODF without letter sync counts like spreadsheet columns: «aa», «ab».
 */
function letters(value: number, alphabet: string, sync: boolean): string {
  if (value < 1) return String(value);
  if (sync) return alphabet[(value - 1) % alphabet.length].repeat(Math.ceil(value / alphabet.length));
  let out = '';
  for (let rest = value; rest > 0; rest = Math.floor((rest - 1) / alphabet.length)) out = alphabet[(rest - 1) % alphabet.length] + out;
  return out;
}

export function numberLabel(value: number, format: NumberFormat, options: { letterSync?: boolean } = {}): string {
  const sync = options.letterSync ?? true;
  if (!Number.isInteger(value)) return String(value);
  switch (format) {
    case 'none':
      return '';
    case 'bullet':
      return BULLET;
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'lowerLetter':
      return letters(value, LATIN, sync);
    case 'upperLetter':
      return letters(value, LATIN, sync).toUpperCase();
    case 'russianLower':
      return letters(value, RUSSIAN, sync);
    case 'russianUpper':
      return letters(value, RUSSIAN, sync).toUpperCase();
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperRoman':
      return roman(value);
    default:
      return String(value);
  }
}

/** Word's w:numFmt values this module knows; any other is shown in digits. */
export function wordNumberFormat(numFmt: string): NumberFormat {
  return (
    (['decimalZero', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'russianLower', 'russianUpper', 'bullet', 'none'] as const).find(
      (known) => known === numFmt,
    ) ?? 'decimal'
  );
}

/** A .doc list level's nfc ([MS-DOC] MSONFC): the codes Word 97–2003 writes for the formats above. */
const DOC_FORMATS: Record<number, NumberFormat> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  22: 'decimalZero',
  23: 'bullet',
  58: 'russianLower',
  59: 'russianUpper',
  255: 'none',
};
export const docNumberFormat = (nfc: number): NumberFormat => DOC_FORMATS[nfc] ?? 'decimal';

/**
 * ODF's style:num-format: «1», «a», «A», «i», «I», and LibreOffice's own names that start with
 * their first label («а, б, .., аа, аб, ... (ru)», «01, 02, 03, ...»). Empty: no number. Letters
 * past the alphabet repeat («aa», «bb») when style:num-letter-sync says so or the name shows it.
 */
export function odfNumberFormat(numFormat: string, letterSync?: string | null): { format: NumberFormat; letterSync: boolean } {
  const sync = letterSync === 'true' || /(\p{L})\1, (\p{L})\2/u.test(numFormat.toLowerCase());
  const format = ((): NumberFormat => {
    if (!numFormat) return 'none';
    if (/^0\d/.test(numFormat)) return 'decimalZero';
    switch (numFormat[0]) {
      case 'a':
        return 'lowerLetter';
      case 'A':
        return 'upperLetter';
      case 'i':
        return 'lowerRoman';
      case 'I':
        return 'upperRoman';
      case 'а':
        return 'russianLower';
      case 'А':
        return 'russianUpper';
      default:
        return 'decimal';
    }
  })();
  return { format, letterSync: sync };
}
