/**
 * What a PDF page holds that the reader needs, taken from pdf.js (bundled by unpdf): the text
 * pieces with their positions and fonts, the ruling lines that draw table borders, and how many
 * pictures it paints (to tell a scan from a document).
 *
 *   readPage(page, pdfjs): Promise<PageContent>
 *
 * Coordinates are the page as seen (pdf.js's viewport at scale 1: rotation applied, origin at
 * the top left, y growing downwards), in points.
 */
import type { PDFPageProxy } from 'unpdf/pdfjs';

type Pdfjs = typeof import('unpdf/pdfjs');
type Matrix = number[];

export interface Piece {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
}

/** A horizontal (y1 = y2) or vertical (x1 = x2) stroke, x1 ≤ x2 and y1 ≤ y2. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageContent {
  width: number;
  height: number;
  pieces: Piece[];
  segments: Segment[];
  images: number;
}

/** Font names of bold faces: «…-Bold», «…,Bold», «…-BoldMT», «…-Black», «…-SemiBold». */
const BOLD_FONT = /bold|black|heavy|semibold|demibold|,b$|-b$/i;
/** A filled rectangle no thicker than this is a drawn line (Word draws cell borders so). */
const THIN = 2.5;
/** Shorter strokes are marks (ticks, bullets), not borders. */
const SHORTEST = 3;

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** An axis-aligned segment between two points, or undefined for a slanted or tiny one. */
function segmentOf(a: [number, number], b: [number, number]): Segment | undefined {
  const [x1, x2] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [y1, y2] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
  if (y2 - y1 < 1 && x2 - x1 >= SHORTEST) return { x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 };
  if (x2 - x1 < 1 && y2 - y1 >= SHORTEST) return { x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 };
  return undefined;
}

/** The subpaths of pdf.js's path data (DrawOPS: moveTo, lineTo, curveTo, quadraticCurveTo, closePath). */
function subpaths(data: ArrayLike<number>, pdfjs: Pdfjs): { points: [number, number][]; closed: boolean; curved: boolean }[] {
  const ops = (pdfjs as unknown as { DrawOPS?: Record<string, number> }).DrawOPS ?? { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 };
  const paths: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean; curved: boolean } | undefined;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === ops.moveTo) {
      current = { points: [[data[i], data[i + 1]]], closed: false, curved: false };
      paths.push(current);
      i += 2;
    } else if (op === ops.lineTo) {
      current?.points.push([data[i], data[i + 1]]);
      i += 2;
    } else if (op === ops.curveTo) {
      if (current) current.curved = true;
      current?.points.push([data[i + 4], data[i + 5]]);
      i += 6;
    } else if (op === ops.quadraticCurveTo) {
      if (current) current.curved = true;
      current?.points.push([data[i + 2], data[i + 3]]);
      i += 4;
    } else if (op === ops.closePath) {
      if (current) current.closed = true;
    } else break;
  }
  return paths;
}

/** The ruling lines a path paints: its straight strokes, or, filled, the thin rectangles. */
function pathSegments(data: ArrayLike<number>, stroke: boolean, fill: boolean, matrix: Matrix, pdfjs: Pdfjs, out: Segment[]) {
  for (const path of subpaths(data, pdfjs)) {
    if (path.curved) continue;
    const points = path.points.map(([x, y]) => apply(matrix, x, y));
    if (stroke) {
      for (let i = 1; i < points.length; i++) {
        const segment = segmentOf(points[i - 1], points[i]);
        if (segment) out.push(segment);
      }
      if (path.closed && points.length > 2) {
        const segment = segmentOf(points[points.length - 1], points[0]);
        if (segment) out.push(segment);
      }
    } else if (fill && points.length >= 4) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      // Only a rectangle: every corner on the box.
      if (!points.every(([x, y]) => (Math.abs(x - x1) < 0.5 || Math.abs(x - x2) < 0.5) && (Math.abs(y - y1) < 0.5 || Math.abs(y - y2) < 0.5))) continue;
      if (y2 - y1 <= THIN && x2 - x1 >= SHORTEST) out.push({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
      else if (x2 - x1 <= THIN && y2 - y1 >= SHORTEST) out.push({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
    }
  }
}

export async function readPage(page: PDFPageProxy, pdfjs: Pdfjs): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const { OPS } = pdfjs;
  const operators = await page.getOperatorList();

  const STROKES = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILLS = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const IMAGES = new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);

  const segments: Segment[] = [];
  let images = 0;
  let matrix: Matrix = view;
  const stack: Matrix[] = [];
  const { fnArray, argsArray } = operators;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(matrix);
    else if (fn === OPS.restore) matrix = stack.pop() ?? view;
    else if (fn === OPS.transform) matrix = multiply(matrix, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(matrix);
      const form = args[0] as Matrix | null;
      if (form) matrix = multiply(matrix, Array.from(form));
    } else if (fn === OPS.paintFormXObjectEnd) matrix = stack.pop() ?? view;
    else if (fn === OPS.constructPath) {
      // pdf.js 5: [the painting operator, [path data], bounding box].
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data && (STROKES.has(paint) || FILLS.has(paint))) pathSegments(data, STROKES.has(paint), FILLS.has(paint), matrix, pdfjs, segments);
    } else if (IMAGES.has(fn)) images++;
  }

  const content = await page.getTextContent();
  const boldOf = new Map<string, boolean>();
  const isBold = (fontName: string) => {
    let bold = boldOf.get(fontName);
    if (bold === undefined) {
      let name = content.styles[fontName]?.fontFamily ?? '';
      try {
        if (page.commonObjs.has(fontName)) name = (page.commonObjs.get(fontName) as { name?: string }).name ?? name;
      } catch {
        // A font pdf.js could not load: its name says nothing, the text is still there.
      }
      bold = BOLD_FONT.test(name);
      boldOf.set(fontName, bold);
    }
    return bold;
  };

  const pieces: Piece[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const m = multiply(view, item.transform as Matrix);
    const size = Math.hypot(m[2], m[3]) || item.height || 10;
    // Text turned on its side (a margin note, a stamp) is laid out along y: its extent is its height.
    const upright = Math.abs(m[1]) < 0.1 * size;
    pieces.push({
      text: item.str.replace(/\u00a0/g, ' '),
      x: m[4],
      y: m[5],
      width: upright ? item.width : 0,
      size,
      bold: isBold(item.fontName),
    });
  }
  page.cleanup();
  return { width: viewport.width, height: viewport.height, pieces, segments, images };
}
