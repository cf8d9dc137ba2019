/**
 * A built page as the search index reads it: the words of its indexed part (data-pagefind-body)
 * with dashes and quotes marked (normalise.ts, toIndex), everything else byte for byte as built.
 * The page in dist/ is never changed; the build hands Pagefind these copies.
 */
import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';
import { toIndex } from './normalise.ts';

/** Elements whose text is not the page's words, or is a value the search shows or filters by as written. */
const KEEP = new Set(['script', 'style', 'noscript', 'template', 'textarea']);
const KEPT_ATTRIBUTES = ['data-pagefind-ignore', 'data-pagefind-meta', 'data-pagefind-filter', 'data-pagefind-sort'];

const kept = (element: HTMLElement) => KEEP.has(element.rawTagName?.toLowerCase()) || KEPT_ATTRIBUTES.some((a) => element.hasAttribute(a));

/** A change to a page's text: the characters from start to end become text. */
export interface IndexEdit {
  start: number;
  end: number;
  text: string;
}

/** Where the page's indexed words carry dashes and quotes to mark, in the order of the page. */
export function indexEdits(html: string): IndexEdit[] {
  // Parsed from the indexed element's tag on: the head (styles, fonts) need not be.
  const from = html.search(/<[a-z][^<>]*\sdata-pagefind-body[\s=/>]/i);
  if (from < 0) return [];
  const root = parse(html.slice(from), { comment: true, blockTextElements: { script: true, style: true, noscript: true, textarea: true } });
  const edits: IndexEdit[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      const [start, end] = node.range.map((offset) => offset + from);
      const text = toIndex(html.slice(start, end));
      if (text !== html.slice(start, end)) edits.push({ start, end, text });
      return;
    }
    if (node instanceof HTMLElement && node.rawTagName && kept(node)) return;
    node.childNodes.forEach(visit);
  };
  root.querySelectorAll('[data-pagefind-body]').forEach((body) => body.childNodes.forEach(visit));
  const ordered: IndexEdit[] = [];
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    if (edit.start < at) continue; // an indexed part inside another: its text is already marked
    ordered.push(edit);
    at = edit.end;
  }
  return ordered;
}

/** The page with the edits made. */
export function applyEdits(html: string, edits: readonly IndexEdit[]): string {
  let out = '';
  let at = 0;
  for (const { start, end, text } of edits) {
    out += html.slice(at, start) + text;
    at = end;
  }
  return out + html.slice(at);
}

export const indexableHtml = (html: string): string => applyEdits(html, indexEdits(html));
