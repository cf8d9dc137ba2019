/**
 * What an OpenDocument text's styles say that the importer needs: which styles are bold,
 * and how list and heading numbers look (read-odt.ts counts them; the numbers themselves
 * are not in the text, as in Word).
 *
 *   odtStyles(content: Document, styles?: Document): OdtStyles
 *   labelOf(levels, counters, level): string   — «1.2.», «а)» (the numbers in list-numbers.ts)
 *
 * Styles are looked up by name and family in content.xml's automatic styles first, then in
 * styles.xml (automatic and common), following style:parent-style-name; a family's default
 * style ends the chain.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { numberLabel, odfNumberFormat, type NumberFormat } from './list-numbers.ts';

export const NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  loext: 'urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
} as const;

/** How one level of a list (or of the headings' outline) is labelled. */
export interface LevelStyle {
  bullet: boolean;
  /** style:num-format as a format name ('none' for no number). */
  format: NumberFormat;
  /** Letters past the alphabet repeat («aa», «bb») rather than count on («aa», «ab»). */
  letterSync: boolean;
  prefix: string;
  suffix: string;
  /** How many levels' numbers the label shows, ending with its own («1.2.» shows 2). */
  displayLevels: number;
  start: number;
  /** LibreOffice's own template of the whole label, «%1%.%2%.», when it wrote one. */
  template?: string;
}

export interface OdtStyles {
  /** Whether text in this style is bold; undefined when the style (and its parents) do not say. */
  bold(name: string | null, family: 'paragraph' | 'text'): boolean | undefined;
  /** The levels of a list style (index 0 is level 1). */
  listLevels(name: string | null): LevelStyle[] | undefined;
  /** The list style a paragraph style numbers its paragraphs with, if any. */
  paragraphListStyle(name: string | null): string | undefined;
  /** The headings' outline numbering (text:outline-style). */
  outline: LevelStyle[];
}

const elements = (parent: Element | Document, ns: string, name: string): Element[] => Array.from(parent.getElementsByTagNameNS(ns, name));

/** text:start-value: a whole number, 0 included (a list may start at 0); undefined when absent or not a number. */
export function startValue(value: string | null | undefined): number | undefined {
  if (!value?.trim()) return undefined;
  const number = Number(value);
  return Number.isInteger(number) ? number : undefined;
}

function levelStyle(element: Element): LevelStyle {
  const attribute = (ns: string, name: string) => element.getAttributeNS(ns, name) ?? '';
  const { format, letterSync } = odfNumberFormat(
    element.localName === 'list-level-style-image' ? '' : attribute(NS.style, 'num-format'),
    element.getAttributeNS(NS.style, 'num-letter-sync'),
  );
  return {
    bullet: element.localName === 'list-level-style-bullet',
    format,
    letterSync,
    prefix: attribute(NS.style, 'num-prefix'),
    suffix: attribute(NS.style, 'num-suffix'),
    displayLevels: Number(attribute(NS.text, 'display-levels')) || 1,
    start: startValue(element.getAttributeNS(NS.text, 'start-value')) ?? 1,
    template: element.getAttributeNS(NS.loext, 'num-list-format') || undefined,
  };
}

function levelsOf(style: Element): LevelStyle[] {
  const levels: LevelStyle[] = [];
  for (const child of Array.from(style.childNodes)) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    const level = Number(element.getAttributeNS(NS.text, 'level'));
    if (level >= 1 && level <= 10) levels[level - 1] = levelStyle(element);
  }
  return Array.from(levels, (level) => level ?? { bullet: false, format: 'none', letterSync: true, prefix: '', suffix: '', displayLevels: 1, start: 1 });
}

export function odtStyles(content: Document, styles?: Document): OdtStyles {
  const documents = styles ? [content, styles] : [content];
  const byName = new Map<string, Element>();
  const defaults = new Map<string, Element>();
  const lists = new Map<string, LevelStyle[]>();
  // Automatic styles of content.xml win over same-named ones of styles.xml: first seen is kept.
  for (const document of documents) {
    for (const style of elements(document, NS.style, 'style')) {
      const key = `${style.getAttributeNS(NS.style, 'family')}:${style.getAttributeNS(NS.style, 'name')}`;
      if (!byName.has(key)) byName.set(key, style);
    }
    for (const style of elements(document, NS.style, 'default-style')) {
      const family = style.getAttributeNS(NS.style, 'family') ?? '';
      if (!defaults.has(family)) defaults.set(family, style);
    }
    for (const style of elements(document, NS.text, 'list-style')) {
      const name = style.getAttributeNS(NS.style, 'name') ?? '';
      if (!lists.has(name)) lists.set(name, levelsOf(style));
    }
  }
  const outlineStyle = documents.map((document) => elements(document, NS.text, 'outline-style')[0]).find(Boolean);

  const weight = (style: Element): boolean | undefined => {
    const properties = elements(style, NS.style, 'text-properties')[0];
    const value = properties?.getAttributeNS(NS.fo, 'font-weight');
    if (!value) return undefined;
    return value === 'bold' || Number(value) >= 600;
  };
  const chain = function* (name: string | null, family: string): Generator<Element> {
    const seen = new Set<string>();
    let current = name;
    while (current && !seen.has(current)) {
      seen.add(current);
      const style = byName.get(`${family}:${current}`);
      if (!style) break;
      yield style;
      current = style.getAttributeNS(NS.style, 'parent-style-name');
    }
    const fallback = defaults.get(family);
    if (fallback) yield fallback;
  };

  return {
    bold(name, family) {
      for (const style of chain(name, family)) {
        const value = weight(style);
        if (value !== undefined) return value;
      }
      return undefined;
    },
    listLevels: (name) => (name ? lists.get(name) : undefined),
    paragraphListStyle(name) {
      for (const style of chain(name, 'paragraph')) {
        const list = style.getAttributeNS(NS.style, 'list-style-name');
        if (list) return list;
      }
      return undefined;
    },
    outline: outlineStyle ? levelsOf(outlineStyle) : [],
  };
}

/**
 * The label of an item at `level` (0-based) given the counters of its list: LibreOffice's
 * template when it wrote one, else ODF's prefix, the last display-levels numbers, suffix.
 */
export function labelOf(levels: LevelStyle[], counters: number[], level: number): string {
  const style = levels[level];
  if (!style || style.bullet || style.format === 'none') return '';
  const number = (l: number) => {
    const shown = levels[l];
    // A level with no number format of its own is shown in digits.
    const format = !shown || shown.format === 'none' ? 'decimal' : shown.format;
    return numberLabel(counters[l] ?? shown?.start ?? 1, format, { letterSync: shown?.letterSync });
  };
  if (style.template) return style.template.replace(/%(\d+)%/g, (_, l: string) => (Number(l) - 1 <= level ? number(Number(l) - 1) : ''));
  const first = Math.max(0, level - style.displayLevels + 1);
  const numbers = [];
  for (let l = first; l <= level; l++) numbers.push(number(l));
  return `${style.prefix}${numbers.join('.')}${style.suffix}`;
}
