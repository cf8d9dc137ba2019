import { typo } from '../typography.ts';

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  children?: Node[];
}

const SKIP = new Set(['code', 'pre', 'script', 'style']);

/** Applies the site's typography to every text node of rendered Markdown. */
export function rehypeTypography() {
  return (tree: Node) => walk(tree);
}

function walk(node: Node) {
  if (node.type === 'element' && node.tagName && SKIP.has(node.tagName)) return;
  if (node.type === 'text' && node.value && /\S/.test(node.value)) {
    const lead = /^\s*/.exec(node.value)![0];
    const trail = /\s*$/.exec(node.value)![0];
    node.value = lead + typo(node.value.trim()) + trail;
  }
  node.children?.forEach(walk);
}
