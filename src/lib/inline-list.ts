/**
 * Documents exported from Word keep a cell's bullet list as one line: «включающие: · сроки…; · назначение…».
 * Content keeps that text verbatim; pages show it as the list it is.
 */
const BULLET = /\s*[·•]\s+/;

export function splitBullets(text: string): { lead: string; items: string[] } {
  const [lead, ...items] = text.split(BULLET);
  return { lead: lead.trim(), items: items.map((item) => item.trim()).filter(Boolean) };
}
