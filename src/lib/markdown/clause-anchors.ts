/**
 * Stable anchors for a regulation's structure, derived from its own numbering so
 * that a link to «п. 2.3.1» keeps working when the text around it is edited:
 *   «## 2. Организация наставничества»  → id="razdel-2"
 *   paragraph «2.3.1. Целью …»          → id="p-2-3-1", the number becomes a self-link.
 * Regulations written like the federal model number sections in Roman numerals and clauses
 * flat under them:
 *   «## II. Цели и задачи»              → id="razdel-ii"
 *   paragraph «3. Наставничество …»     → id="p-3", or id="p-ii-3" where the clause numbers
 *                                          start again in every section (so they repeat).
 * Letters keep «razdel-ii» apart from «razdel-2», and «p-ii-3» apart from «p-2-3».
 */
interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const CLAUSE = /^(\d+(?:\.\d+)+)\.?(?=\s|$)/;
const FLAT_CLAUSE = /^(\d+)\.(?=\s)/;
const SECTION = /^(\d+|[IVXLC]+)\.?(?=\s)/;
const ROMAN = /^[IVXLC]+$/;

const clauseId = (number: string) => `p-${number.replace(/\./g, '-').toLowerCase()}`;
const sectionId = (number: string) => `razdel-${number.toLowerCase()}`;

/** The regulation's top-level blocks with the text they open with. */
const opening = (tree: Node) =>
  (tree.children ?? []).flatMap((node) => {
    const first = node.children?.[0];
    return node.type === 'element' && first?.type === 'text' && first.value ? [{ node, first, text: first.value.replace(/^\s+/, '') }] : [];
  });

interface Clause {
  /** The number as the link shows it. */
  shown: string;
  id: string;
  /** How much of the paragraph's opening the number takes (with its dot). */
  length: number;
}

/** Each clause's number as its anchor gives it: «2.3.1», or a flat «3» under a Roman section (with the section where numbers repeat). */
function clauseNumbers(blocks: ReturnType<typeof opening>): Map<Node, Clause> {
  const numbers = new Map<Node, Clause>();
  const flat: { node: Node; section: string; number: string; length: number }[] = [];
  let roman: string | undefined;
  for (const { node, text } of blocks) {
    if (node.tagName === 'h2') {
      const number = SECTION.exec(text)?.[1];
      roman = number && ROMAN.test(number) ? number : undefined;
    } else if (node.tagName === 'p') {
      const dotted = CLAUSE.exec(text);
      const plain = roman ? FLAT_CLAUSE.exec(text) : null;
      if (dotted) numbers.set(node, { shown: dotted[1], id: clauseId(dotted[1]), length: dotted[0].length });
      else if (roman && plain) flat.push({ node, section: roman, number: plain[1], length: plain[0].length });
    }
  }
  const repeats = new Set(flat.map((c) => c.number)).size < flat.length;
  for (const { node, section, number, length } of flat) numbers.set(node, { shown: number, id: clauseId(repeats ? `${section}.${number}` : number), length });
  return numbers;
}

export function clauseAnchors() {
  return (tree: Node) => {
    const blocks = opening(tree);
    const clauses = clauseNumbers(blocks);
    for (const { node, first, text } of blocks) {
      if (node.tagName === 'h2') {
        const number = SECTION.exec(text)?.[1];
        if (number) node.properties = { ...node.properties, id: sectionId(number) };
        continue;
      }
      const clause = clauses.get(node);
      if (!clause) continue;
      node.properties = { ...node.properties, id: clause.id, className: ['clause'] };
      first.value = text.slice(clause.length);
      node.children!.unshift({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${clause.id}`, className: ['clause-number'] },
        children: [{ type: 'text', value: `${clause.shown}.` }],
      });
    }
  };
}
