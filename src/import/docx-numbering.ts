/**
 * Word's automatic numbering, written into the document as text before mammoth reads it.
 *
 *   writeListNumbers(documentXml, numberingXml, stylesXml?): string | undefined
 *
 * A numbered paragraph in Word carries no number in its text: Word counts the paragraphs of
 * each list and draws «2.3.» from the level's pattern (w:lvlText «%1.%2.»). mammoth turns such
 * paragraphs into `<ol><li>`, which loses what Word shows: where the counting starts
 * (w:start, w:startOverride), that it goes on after an unnumbered paragraph or in the next
 * table row, the pattern with the numbers of the levels above, letters and roman numerals.
 * So a regulation's clauses came out «1.1.» in every section, and a № column of a roadmap,
 * whose cells hold only an automatic number, came out empty.
 *
 * Here every paragraph of word/document.xml (table cells included, in document order) is
 * numbered as Word numbers it, the label is put in as the paragraph's first run («1.1. »,
 * a bullet as «– »), and the paragraph is told it has no list (w:numId 0, which is what
 * Word writes for «no numbering»), so that mammoth renders plain text that already has its
 * number. Returns undefined when no paragraph is numbered (nothing to rewrite).
 *
 * How Word counts, as implemented:
 *  - a paragraph's list is its own w:numPr, else its style's (w:pStyle, through w:basedOn);
 *    a style without w:ilvl is at the level that names the style (w:lvl/w:pStyle), else 0;
 *  - w:num points at a w:abstractNum (or, through w:numStyleLink, at the one a numbering
 *    style points at); lists of the same abstractNum count on together, as Word does, and a
 *    w:num with w:lvlOverride/w:startOverride starts its levels again where it is first used;
 *    a w:lvlOverride may bring a whole w:lvl of its own;
 *  - a level restarts whenever a level above it is used, unless w:lvlRestart says after
 *    which level (0: never);
 *  - «%N» in w:lvlText is level N's current number in level N's w:numFmt (w:isLgl: all
 *    decimal); a level not used yet shows its start.
 */
import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element, type Node } from '@xmldom/xmldom';
import { BULLET, numberLabel, wordNumberFormat } from './list-numbers.ts';

interface Level {
  start: number;
  format: string;
  /** w:lvlText; undefined when the level has none (no label). */
  text?: string;
  /** w:lvlRestart: after which level (1-based) this one restarts; 0 never. */
  restart?: number;
  legal: boolean;
  /** The paragraph style this level is tied to (w:pStyle). */
  style?: string;
}

interface AbstractNum {
  levels: Map<number, Level>;
  /** w:numStyleLink: the numbering style whose list this one is. */
  styleLink?: string;
}

interface Num {
  abstract: string;
  /** Levels replaced or restarted by w:lvlOverride. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

const children = (element: Element | null | undefined, name: string): Element[] => {
  const out: Element[] = [];
  if (!element) return out;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) out.push(node as Element);
  }
  return out;
};
const child = (element: Element | null | undefined, name: string) => children(element, name)[0];
const within = (node: Element, name: string) => {
  for (let up = node.parentNode; up; up = up.parentNode) if ((up as Element).localName === name) return true;
  return false;
};
/**
 * All descendants so named, in document order, as a fixed list: xmldom's live list would
 * change as labels go in, and re-checks itself on every access (quadratic on a long table).
 */
const elementsNamed = (root: XmlDocument | Element, W: string, name: string): Element[] => {
  const out: Element[] = [];
  const stack: Node[] = [];
  for (let node = root.lastChild; node; node = node.previousSibling) stack.push(node);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.localName === name && element.namespaceURI === W) out.push(element);
    for (let inner = element.lastChild; inner; inner = inner.previousSibling) stack.push(inner);
  }
  return out;
};

export function writeListNumbers(documentXml: string, numberingXml: string | undefined, stylesXml?: string): string | undefined {
  if (!numberingXml) return undefined;
  // Nothing refers to a list: spare parsing the document (a big table is megabytes of markup).
  if (!documentXml.includes('numPr') && !stylesXml?.includes('numPr') && !numberingXml.includes('pStyle')) return undefined;
  const parser = new DOMParser({ onError: () => {} });
  const parse = (xml: string) => {
    try {
      return parser.parseFromString(xml, 'text/xml');
    } catch {
      return undefined;
    }
  };
  const numberingDoc = parse(numberingXml);
  const document = parse(documentXml);
  if (!numberingDoc?.documentElement || !document?.documentElement) return undefined;
  // The namespace of «w:» as the part declares it (transitional or strict OOXML alike).
  const W = document.documentElement.namespaceURI ?? '';
  const attr = (element: Element | undefined, name: string) => (element?.hasAttributeNS(W, name) ? (element.getAttributeNS(W, name) ?? undefined) : undefined);
  const val = (element: Element | undefined) => attr(element, 'val');
  const int = (element: Element | undefined) => {
    const value = Number.parseInt(val(element) ?? '', 10);
    return Number.isFinite(value) ? value : undefined;
  };

  const readLevel = (lvl: Element): Level => {
    const format = val(child(lvl, 'numFmt')) ?? 'decimal';
    const text = child(lvl, 'lvlText');
    const legal = child(lvl, 'isLgl');
    return {
      // Word always writes w:start; the schema's default is 0, but a list from another program that
      // leaves it out is meant to count from 1.
      start: int(child(lvl, 'start')) ?? 1,
      format,
      text: text ? (val(text) ?? '') : undefined,
      restart: int(child(lvl, 'lvlRestart')),
      legal: !!legal && val(legal) !== '0' && val(legal) !== 'false',
      style: val(child(lvl, 'pStyle')),
    };
  };
  const levelsOf = (parent: Element) => new Map(children(parent, 'lvl').map((lvl) => [Number(attr(lvl, 'ilvl') ?? 0), readLevel(lvl)]));

  const root = numberingDoc.documentElement;
  const abstracts = new Map<string, AbstractNum>();
  for (const element of children(root, 'abstractNum')) {
    const id = attr(element, 'abstractNumId');
    if (id !== undefined) abstracts.set(id, { levels: levelsOf(element), styleLink: val(child(element, 'numStyleLink')) });
  }
  const nums = new Map<string, Num>();
  for (const element of children(root, 'num')) {
    const id = attr(element, 'numId');
    const abstract = val(child(element, 'abstractNumId'));
    if (id === undefined || abstract === undefined) continue;
    const overrides = new Map<number, { start?: number; level?: Level }>();
    for (const override of children(element, 'lvlOverride')) {
      const ilvl = Number(attr(override, 'ilvl') ?? 0);
      const lvl = child(override, 'lvl');
      overrides.set(ilvl, { start: int(child(override, 'startOverride')), level: lvl ? readLevel(lvl) : undefined });
    }
    nums.set(id, { abstract, overrides });
  }

  const styles = new Map<string, StyleNumbering>();
  const stylesDoc = stylesXml ? parse(stylesXml) : undefined;
  for (const style of children(stylesDoc?.documentElement, 'style')) {
    const id = attr(style, 'styleId');
    if (id === undefined) continue;
    const numPr = child(child(style, 'pPr'), 'numPr');
    styles.set(id, { numId: val(child(numPr, 'numId')), ilvl: int(child(numPr, 'ilvl')), basedOn: val(child(style, 'basedOn')) });
  }
  /** The list a style gives its paragraphs, through its w:basedOn chain. */
  const styleNumbering = (styleId: string | undefined): { numId?: string; ilvl?: number } => {
    const seen = new Set<string>();
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (let id = styleId; id && !seen.has(id); id = styles.get(id)?.basedOn) {
      seen.add(id);
      const style = styles.get(id);
      numId ??= style?.numId;
      ilvl ??= style?.ilvl;
      if (numId !== undefined) break;
    }
    return { numId, ilvl };
  };

  /** A w:num's abstractNum id, following a numbering style's link to the list it stands for. */
  const abstractOf = (numId: string): string | undefined => {
    const seen = new Set<string>();
    let id = nums.get(numId)?.abstract;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const link = abstracts.get(id)?.styleLink;
      if (!link) return id;
      const linked = styleNumbering(link).numId;
      id = linked !== undefined ? nums.get(linked)?.abstract : undefined;
    }
    return id;
  };
  const levelOf = (numId: string, ilvl: number): Level | undefined => {
    const abstract = abstractOf(numId);
    const base = abstract === undefined ? undefined : abstracts.get(abstract)?.levels.get(ilvl);
    const override = nums.get(numId)?.overrides.get(ilvl);
    const level = override?.level ?? base;
    if (!level) return undefined;
    return override?.start !== undefined ? { ...level, start: override.start } : level;
  };
  /** Styles some level names: mammoth would make a list of them even where Word has none. */
  const listStyles = new Set([...abstracts.values()].flatMap((a) => [...a.levels.values()].map((l) => l.style).filter((s): s is string => !!s)));

  /** Per abstractNum: each level's current number (undefined: not used since its last restart). */
  const counters = new Map<string, (number | undefined)[]>();
  const startedNums = new Set<string>();
  let changed = false;

  for (const paragraph of elementsNamed(document, W, 'p')) {
    // A text box is written twice, for new Word (mc:Choice) and old (mc:Fallback); mammoth reads the latter.
    if (within(paragraph, 'Choice')) continue;
    const pPr = child(paragraph, 'pPr');
    const numPr = child(pPr, 'numPr');
    const styleId = val(child(pPr, 'pStyle'));
    const fromStyle = styleNumbering(styleId);
    const numId = val(child(numPr, 'numId')) ?? fromStyle.numId;
    let ilvl = int(child(numPr, 'ilvl')) ?? fromStyle.ilvl;
    const abstract = numId !== undefined && numId !== '0' ? abstractOf(numId) : undefined;
    if (numId === undefined || abstract === undefined) {
      // No list in Word, but mammoth may still make one: of a style a level names, or of a list it does not resolve.
      if ((numPr && numId !== '0') || (styleId && listStyles.has(styleId))) {
        unlist(document, W, paragraph);
        changed = true;
      }
      continue;
    }
    if (ilvl === undefined) {
      const levels = abstracts.get(abstract)?.levels;
      ilvl = [...(levels ?? [])].find(([, level]) => styleId !== undefined && level.style === styleId)?.[0] ?? 0;
    }
    const level = levelOf(numId, ilvl);
    unlist(document, W, paragraph);
    changed = true;
    if (!level) continue;

    const counts = counters.get(abstract) ?? [];
    counters.set(abstract, counts);
    if (!startedNums.has(numId)) {
      startedNums.add(numId);
      // A list that starts over (Word's «Начать заново»): its overridden levels count from their start again.
      for (const [overridden, override] of nums.get(numId)?.overrides ?? []) {
        if (override.start !== undefined || override.level) counts[overridden] = undefined;
      }
    }
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? level.start : current + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = levelOf(numId, deeper)?.restart;
      // After which level (1-based) the deeper one restarts: by default after any level above it.
      const after = restart === undefined || restart > deeper ? deeper : restart;
      if (ilvl < after) counts[deeper] = undefined;
    }

    const label = labelOf(level, (k) => {
      const shown = levelOf(numId, k);
      const value = counts[k] ?? shown?.start ?? 1;
      return numberLabel(value, level.legal ? 'decimal' : wordNumberFormat(shown?.format ?? 'decimal'));
    });
    if (label) prependLabel(document, W, paragraph, label);
  }
  return changed ? new XMLSerializer().serializeToString(document) : undefined;
}

/** What Word shows for a level: its pattern with the numbers filled in, or a dash for a bullet. */
function labelOf(level: Level, numberAt: (level: number) => string): string {
  if (level.format === 'bullet') return BULLET;
  return (level.text ?? '').replace(/%([1-9])/g, (_, n: string) => numberAt(Number(n) - 1)).trim();
}

/** Says the paragraph has no list (numId 0), so that mammoth renders it as a plain paragraph. */
function unlist(document: XmlDocument, W: string, paragraph: Element) {
  let pPr = child(paragraph, 'pPr');
  if (!pPr) {
    pPr = document.createElementNS(W, 'w:pPr');
    paragraph.insertBefore(pPr, paragraph.firstChild);
  }
  const old = child(pPr, 'numPr');
  const numPr = document.createElementNS(W, 'w:numPr');
  for (const [name, value] of [
    ['w:ilvl', '0'],
    ['w:numId', '0'],
  ]) {
    const element = document.createElementNS(W, name);
    element.setAttributeNS(W, 'w:val', value);
    numPr.appendChild(element);
  }
  if (old) pPr.replaceChild(numPr, old);
  else {
    const style = child(pPr, 'pStyle');
    pPr.insertBefore(numPr, style ? style.nextSibling : pPr.firstChild);
  }
}

/** Puts the label in as the paragraph's first run, formatted as its first run of text (so a bold heading stays bold). */
function prependLabel(document: XmlDocument, W: string, paragraph: Element, label: string) {
  const run = document.createElementNS(W, 'w:r');
  const firstText = elementsNamed(paragraph, W, 't').find((t) => t.textContent);
  const properties = firstText?.parentNode ? child(firstText.parentNode as Element, 'rPr') : undefined;
  if (properties) run.appendChild(properties.cloneNode(true));
  const text = document.createElementNS(W, 'w:t');
  text.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
  text.appendChild(document.createTextNode(`${label} `));
  run.appendChild(text);
  const pPr = child(paragraph, 'pPr');
  paragraph.insertBefore(run, pPr ? pPr.nextSibling : paragraph.firstChild);
}
