/**
 * What a PDF page carries that is not the document's text: running headers and footers,
 * page numbers, an electronic-signature stamp.
 *
 *   dropPageFurniture(pages): number      — removes running headers/footers and page numbers, returns how many lines
 *   dropSignatureStamps(lines): number    — removes the stamp's lines, returns how many stamps
 *   isSignatureStamp(text): boolean       — a table (a framed box) that is the stamp
 */
import type { Line } from './pdf-lines.ts';

export interface PageLines {
  height: number;
  /** The page's lines outside tables, top to bottom. */
  lines: Line[];
}

/** Headers and footers live in the top and bottom fifth of the page. */
const MARGIN_ZONE = 0.2;
/**
 * A running header or footer is on most pages, not on every one: Word leaves it off the title
 * page («особый колонтитул для первой страницы»), and a landscape section may have its own.
 */
const RUNNING_SHARE = 0.6;
/** Heights are compared in steps of this many points: a footer's baseline moves by a fraction of a point between pages. */
const HEIGHT_STEP = 4;
/** A page number has at most three digits (school documents run to tens of pages); «2024» is a year. */
const NUMBER = String.raw`(\d{1,3})`;
/** «- 3 -», «— 3 —»: the dashes say it is a page number. */
const DASHED = new RegExp(String.raw`^[-–—]\s*${NUMBER}\s*[-–—]$`);
/** «Страница 3», «стр. 3», «Страница 3 из 10», «3 из 10», «3 / 10». */
const LABELLED = new RegExp(String.raw`^(?:(?:страница|стр\.?|с\.)\s*${NUMBER}(?:\s*(?:из|/)\s*${NUMBER})?|${NUMBER}\s*(?:из|/)\s*${NUMBER})$`, 'i');
/** «3» alone: a page number only if it goes up with the pages (see pageNumbersOf). */
const BARE = new RegExp(`^${NUMBER}$`);

const inMargin = (line: Line, height: number) => line.y < height * MARGIN_ZONE || line.y > height * (1 - MARGIN_ZONE);
/** Page numbers and dates change from page to page; the rest of a running header does not. */
const shapeOf = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/** The number a line shows if it has a page number's form, and whether it is a bare number (which a line of text can be too). */
function numberOf(text: string): { number: number; bare: boolean } | undefined {
  const dashed = DASHED.exec(text);
  if (dashed) return { number: Number(dashed[1]), bare: false };
  const labelled = LABELLED.exec(text);
  if (labelled) {
    const [number, total] = [labelled[1] ?? labelled[3], labelled[2] ?? labelled[4]].map((n) => (n === undefined ? undefined : Number(n)));
    return number !== undefined && (total === undefined || number <= total) ? { number, bare: false } : undefined;
  }
  const bare = BARE.exec(text);
  return bare ? { number: Number(bare[1]), bare: true } : undefined;
}

/**
 * The lone page numbers: the first or last line of a page, in its margin, in a page number's
 * form. A bare number counts only when it is the page's own number (pages counted from 1) or
 * goes up with the pages by the same offset as another page's number (the numbering starts
 * on the second page, or the PDF is an extract); a number standing alone at the end of a page
 * otherwise is text.
 */
function pageNumbersOf(pages: Line[][], heights: number[]): Line[] {
  const found: { line: Line; page: number; offset: number; bare: boolean }[] = [];
  pages.forEach((lines, p) => {
    for (const edge of new Set([lines[0], lines[lines.length - 1]])) {
      if (!edge || !inMargin(edge, heights[p])) continue;
      const number = numberOf(edge.text.trim());
      // The offset from the page's index (from 0): 1 on every page when pages are numbered from the first.
      if (number) found.push({ line: edge, page: p, offset: number.number - p, bare: number.bare });
    }
  });
  const pagesAt = new Map<number, Set<number>>();
  for (const { page, offset } of found) pagesAt.set(offset, (pagesAt.get(offset) ?? new Set()).add(page));
  return found.filter(({ offset, bare }) => !bare || offset === 1 || (pagesAt.get(offset)?.size ?? 0) >= 2).map(({ line }) => line);
}

export function dropPageFurniture(pages: PageLines[]): number {
  let dropped = 0;
  const drop = new Set<Line>();
  if (pages.length >= 2) {
    // A line in the margin repeated at the same height on most pages is a running header or footer.
    const seen = new Map<string, { pages: Set<number>; lines: Line[] }>();
    pages.forEach((page, p) => {
      for (const line of page.lines) {
        if (!inMargin(line, page.height)) continue;
        const key = `${shapeOf(line.text)}@${Math.round(line.y / HEIGHT_STEP)}`;
        const entry = seen.get(key) ?? { pages: new Set(), lines: [] };
        entry.pages.add(p);
        entry.lines.push(line);
        seen.set(key, entry);
      }
    });
    // A height on the boundary of two steps: count the neighbouring step too.
    for (const [key, entry] of seen) {
      const [shape, step] = [key.slice(0, key.lastIndexOf('@')), Number(key.slice(key.lastIndexOf('@') + 1))];
      const near = [seen.get(`${shape}@${step - 1}`), seen.get(`${shape}@${step + 1}`)].filter((e) => e !== undefined);
      const onPages = new Set([...entry.pages, ...near.flatMap((e) => [...e.pages])]);
      if (onPages.size >= Math.max(2, Math.ceil(pages.length * RUNNING_SHARE))) for (const line of entry.lines) drop.add(line);
    }
  }
  const kept = pages.map((page) => page.lines.filter((line) => !drop.has(line)));
  const heights = pages.map((page) => page.height);
  for (const line of pageNumbersOf(kept, heights)) drop.add(line);
  for (const page of pages) {
    const before = page.lines.length;
    page.lines = page.lines.filter((line) => !drop.has(line));
    dropped += before - page.lines.length;
  }
  return dropped;
}

const STAMP_TITLE =
  /документ\s+подписан\s+(усиленной\s+(квалифицированной\s+)?)?электронной\s+подписью|сведения\s+о\s+(сертификате\s+)?(электронной\s+)?подпис/i;
const STAMP_LINE =
  /^(сертификат|серийный\s+номер|владелец|действителен|срок\s+действия|издатель|кем\s+выдан|выдан|подписант|дата\s+(и\s+время\s+)?подписания|[0-9a-f]{16,})/i;

/**
 * A stamp box holds a title and four or five short certificate lines, some 300 characters; a
 * framed box with more text is a table of the document that happens to mention the signature.
 */
const STAMP_MAX_CHARS = 600;
/** The certificate lines under a stamp's title: serial number, owner, validity, issuer and a few more. */
const STAMP_MAX_LINES = 10;

export const isSignatureStamp = (text: string) => STAMP_TITLE.test(text) && text.length < STAMP_MAX_CHARS;

/** The stamp's title line and the certificate lines after it (at most ten). */
export function dropSignatureStamps(lines: Line[]): { kept: Line[]; stamps: number } {
  const kept: Line[] = [];
  let stamps = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!STAMP_TITLE.test(lines[i].text)) {
      kept.push(lines[i]);
      continue;
    }
    stamps++;
    let j = i + 1;
    while (j < lines.length && j <= i + STAMP_MAX_LINES && lines[j].page === lines[i].page && STAMP_LINE.test(lines[j].text.trim())) j++;
    i = j - 1;
  }
  return { kept, stamps };
}
