/**
 * A regulation from a document's lines: sections become `## N. Title` and numbered
 * clauses paragraphs that open with their number (src/lib/markdown/clause-anchors.ts
 * gives both stable anchors); bullet lines become a Markdown list.
 */
import { FORMS_NAMED } from './forms-named.ts';

type Paragraph = { text: string; line: number; bold?: boolean; gap?: boolean };

const SECTION = /^(\d{1,2})\.\s*([А-ЯЁA-Z«"].{0,150})$/;
// A clause number, never a date («30.03.2022г.» is not clause 30.03).
const CLAUSE = /^(?!\d{1,2}\.\d{1,2}\.\d{2,4})(\d{1,2}(?:\.\d{1,2})+\.?)\s*(.*)$/;
const BULLET = /^(?:[·•▪◦●\-–—]\s*)+/;
const LAW = /закон|кодекс|распоряжени|приказ|письм|постановлени|указ|концепци|стратеги|методологи/i;

export const isClauseLine = (text: string) => CLAUSE.test(text.trim());

export interface RegulationDraft {
  body: string;
  legalBases: string[];
  forms: string[];
  clauses: number;
  sections: number;
}

export function readRegulationBody(paragraphs: Paragraph[]): RegulationDraft {
  const blocks: { type: 'section' | 'clause' | 'bullet' | 'text' | 'bold'; text: string }[] = [];
  for (const { text: raw, bold } of paragraphs) {
    const text = raw.replace(/\s+/g, ' ').trim();
    const last = blocks[blocks.length - 1];
    const section = SECTION.exec(text);
    const clause = CLAUSE.exec(text);
    if (clause) blocks.push({ type: 'clause', text: `${clause[1]} ${clause[2]}`.trim() });
    else if (section && !/[;,]$/.test(text)) blocks.push({ type: 'section', text: `${section[1]}. ${section[2].trim()}` });
    else if (BULLET.test(text)) blocks.push({ type: 'bullet', text: text.replace(BULLET, '').trim() });
    else if (bold) blocks.push({ type: 'bold', text });
    else if (last && /^[a-zа-яё(«"]/.test(text) && last.type !== 'section' && !/[.:;]$/.test(last.text)) last.text = `${last.text} ${text}`;
    else blocks.push({ type: 'text', text });
  }

  const markdown: string[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.type === 'section') markdown.push(`## ${block.text}`, '');
    else if (block.type === 'bullet') markdown.push(`- ${block.text}`, ...(next?.type === 'bullet' ? [] : ['']));
    else if (block.type === 'bold') markdown.push(`**${block.text}**`, '');
    else markdown.push(escapeMarkdown(block.text), '');
  });

  // Legal bases: the list that follows the first clause naming the documents the act rests on.
  const legalBases: string[] = [];
  const basis = blocks.findIndex((b) => b.type === 'clause' && /в соответствии|нормативн|на основании|разработано/i.test(b.text));
  if (basis >= 0) {
    for (const b of blocks.slice(basis + 1)) {
      if (b.type !== 'bullet') break;
      if (LAW.test(b.text)) legalBases.push(b.text.replace(/[;.,]+$/, '').trim());
    }
  }
  const all = blocks.map((b) => b.text).join('\n');
  const forms = FORMS_NAMED.filter(({ pattern }) => pattern.test(all)).map(({ id }) => id);
  return {
    body:
      markdown
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim() + '\n',
    legalBases,
    forms,
    clauses: blocks.filter((b) => b.type === 'clause').length,
    sections: blocks.filter((b) => b.type === 'section').length,
  };
}

/** Text from a document must stay text: a line that Markdown would read as markup is escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/^(#{1,6}\s|>\s|\d+\.\s|[*+-]\s)/, '\\$1').replace(/</g, '&lt;');
}
