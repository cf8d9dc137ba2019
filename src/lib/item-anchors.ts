/**
 * Stable anchors for a roadmap's rows, from the document's own numbering, so that a link to
 * «п. 6.5» (from search, from a report, from a letter) lands on its row:
 *   item «6.5»                  → id="p-6-5"
 *   numbers that start again in every stage («1», «2» under each) → id="p-3-2" (stage 3, item 2)
 *   an item without a number    → id="m-2-4" (stage 2, its 4th item), a sub-item → «m-2-4-1»
 * A number that still repeats gets «-2», «-3» in order, so every id is unique on the page.
 */
interface StageLike {
  number?: string;
  items: { number?: string; items?: { number?: string }[] }[];
}

const slug = (number: string) =>
  number
    .toLowerCase()
    .replace(/[^0-9a-zа-яё]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Anchors of every item and sub-item, in the order flattenItems() lists them. */
export function itemAnchors(stages: readonly StageLike[]): string[] {
  const numbers = stages.flatMap((stage) => stage.items.flatMap((item) => [item.number, ...(item.items ?? []).map((sub) => sub.number)]));
  const numbered = numbers.filter((n): n is string => !!n && !!slug(n));
  const restart = new Set(numbered.map(slug)).size < numbered.length;
  const seen = new Map<string, number>();
  const unique = (id: string) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}-${count}`;
  };
  return stages.flatMap((stage, s) => {
    const stagePart = slug(stage.number ?? '') || String(s + 1);
    return stage.items.flatMap((item, i) => {
      const own = (number: string | undefined, position: string) =>
        unique(number && slug(number) ? `p-${restart ? `${stagePart}-` : ''}${slug(number)}` : `m-${s + 1}-${position}`);
      return [own(item.number, String(i + 1)), ...(item.items ?? []).map((sub, k) => own(sub.number, `${i + 1}-${k + 1}`))];
    });
  });
}
