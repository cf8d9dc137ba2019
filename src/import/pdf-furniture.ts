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
/** «3», «- 3 -», «— 3 —», «Страница 3 из 10», «стр. 3», «3 / 10», «3 из 10». */
const PAGE_NUMBER = /^(([-–—]\s*)?\d{1,4}(\s*[-–—])?|(страница|стр\.?|с\.)\s*\d{1,4}(\s*(из|\/)\s*\d{1,4})?|\d{1,4}\s*(из|\/)\s*\d{1,4})$/i;

const inMargin = (line: Line, height: number) => line.y < height * MARGIN_ZONE || line.y > height * (1 - MARGIN_ZONE);
/** Page numbers and dates change from page to page; the rest of a running header does not. */
const shapeOf = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

export function dropPageFurniture(pages: PageLines[]): number {
  let dropped = 0;
  const drop = new Set<Line>();
  if (pages.length >= 2) {
    // A line in the margin repeated at the same height on most pages is a running header or footer.
    const seen = new Map<string, { pages: Set<number>; lines: Line[] }>();
    pages.forEach((page, p) => {
      for (const line of page.lines) {
        if (!inMargin(line, page.height)) continue;
        const key = `${shapeOf(line.text)}@${Math.round(line.y / 4)}`;
        const entry = seen.get(key) ?? { pages: new Set(), lines: [] };
        entry.pages.add(p);
        entry.lines.push(line);
        seen.set(key, entry);
      }
    });
    // A height on the boundary of two 4-point steps: count the neighbouring step too.
    for (const [key, entry] of seen) {
      const [shape, step] = [key.slice(0, key.lastIndexOf('@')), Number(key.slice(key.lastIndexOf('@') + 1))];
      const near = [seen.get(`${shape}@${step - 1}`), seen.get(`${shape}@${step + 1}`)].filter((e) => e !== undefined);
      const onPages = new Set([...entry.pages, ...near.flatMap((e) => [...e.pages])]);
      if (onPages.size >= Math.max(2, Math.ceil(pages.length * 0.6))) for (const line of entry.lines) drop.add(line);
    }
  }
  for (const page of pages) {
    const kept = page.lines.filter((line) => !drop.has(line));
    // A lone page number: the first or last line of the page, in its margin.
    for (const edge of [kept[0], kept[kept.length - 1]]) {
      if (edge && inMargin(edge, page.height) && PAGE_NUMBER.test(edge.text.trim())) drop.add(edge);
    }
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

export const isSignatureStamp = (text: string) => STAMP_TITLE.test(text) && text.length < 600;

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
    while (j < lines.length && j <= i + 10 && lines[j].page === lines[i].page && STAMP_LINE.test(lines[j].text.trim())) j++;
    i = j - 1;
  }
  return { kept, stamps };
}
