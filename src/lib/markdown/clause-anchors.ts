/**
 * Stable anchors for a regulation's structure, derived from its own numbering so
 * that a link to «п. 2.3.1» keeps working when the text around it is edited:
 *   «## 2. Организация наставничества»  → id="razdel-2"
 *   paragraph «2.3.1. Целью …»          → id="p-2-3-1", the number becomes a self-link.
 */
interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const CLAUSE = /^(\d+(?:\.\d+)+)\.?(?=\s|$)/;
const SECTION = /^(\d+)\.?(?=\s)/;

export function clauseNumber(text: string): string | undefined {
  return CLAUSE.exec(text.trim())?.[1];
}
export const clauseId = (number: string) => `p-${number.replace(/\./g, '-')}`;
export const sectionId = (number: string) => `razdel-${number}`;

export function clauseAnchors() {
  return (tree: Node) => {
    for (const node of tree.children ?? []) {
      if (node.type !== 'element') continue;
      const first = node.children?.[0];
      if (!first || first.type !== 'text' || !first.value) continue;
      if (node.tagName === 'h2') {
        const number = SECTION.exec(first.value.trim())?.[1];
        if (number) node.properties = { ...node.properties, id: sectionId(number) };
      } else if (node.tagName === 'p') {
        const text = first.value.replace(/^\s+/, '');
        const match = CLAUSE.exec(text);
        if (!match) continue;
        const id = clauseId(match[1]);
        node.properties = { ...node.properties, id, className: ['clause'] };
        first.value = text.slice(match[0].length);
        node.children!.unshift({
          type: 'element',
          tagName: 'a',
          properties: { href: `#${id}`, className: ['clause-number'] },
          children: [{ type: 'text', value: `${match[1]}.` }],
        });
      }
    }
  };
}
