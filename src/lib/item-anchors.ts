/**
 * Stable anchors for a roadmap's rows, from the document's own numbering, so that a link to
 * «п. 6.5» (from search, from a report, from a letter) lands on its row:
 *   item «6.5»                  → id="p-6-5"
 *   numbers that start again in every stage («1», «2» under each) → id="p-3-2" (stage 3, item 2)
 *   sub-items numbered again under every item («1)», «2)»)       → id="p-6-5-1" (under its item)
 *   an item without a number    → id="m-2-4" (stage 2, its 4th item), a sub-item → «m-2-4-1»
 * Whether numbers start again is judged on the items alone: sub-items that repeat under each
 * item must not change «6.5» into «p-6-6-5». A number that still repeats (a typo in the document)
 * gets «-2», «-3»…, skipping any id a real number gives, so the true «1.2» keeps #p-1-2.
 * An unnumbered item counts its place within its own stage only: inserting an item elsewhere
 * moves no other stage's anchors.
 */
interface StageLike {
  number?: string;
  items: { number?: string; items?: { number?: string }[] }[];
}

const slug = (number: string | undefined) =>
  (number ?? '')
    .toLowerCase()
    .replace(/[^0-9a-zа-яё]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Whether some number occurs under two different owners (stages for items, items for sub-items). */
function repeatsAcross(pairs: { owner: number; number: string }[]): boolean {
  const owner = new Map<string, number>();
  for (const pair of pairs) {
    if (!pair.number) continue;
    if (owner.has(pair.number) && owner.get(pair.number) !== pair.owner) return true;
    owner.set(pair.number, pair.owner);
  }
  return false;
}

/** Anchors of every item and sub-item, in the order flattenItems() lists them. */
export function itemAnchors(stages: readonly StageLike[]): string[] {
  const items = stages.flatMap((stage, s) => stage.items.map((item) => ({ owner: s, item })));
  const restart = repeatsAcross(items.map(({ owner, item }) => ({ owner, number: slug(item.number) })));
  const subRestart = repeatsAcross(items.flatMap(({ item }, i) => (item.items ?? []).map((sub) => ({ owner: i, number: slug(sub.number) }))));

  const bases = stages.flatMap((stage, s) => {
    const stagePart = slug(stage.number) || String(s + 1);
    const numberedId = (number: string) => `p-${restart ? `${stagePart}-` : ''}${number}`;
    return stage.items.flatMap((item, i) => {
      const own = slug(item.number) ? numberedId(slug(item.number)) : `m-${s + 1}-${i + 1}`;
      const subs = (item.items ?? []).map((sub, k) => {
        const number = slug(sub.number);
        if (!number) return `${own.startsWith('m-') ? own : `m-${s + 1}-${i + 1}`}-${k + 1}`;
        return subRestart ? `${own}-${number}` : numberedId(number);
      });
      return [own, ...subs];
    });
  });

  const taken = new Set(bases);
  const given = new Set<string>();
  return bases.map((id) => {
    let unique = id;
    for (let n = 2; given.has(unique); n++) {
      unique = `${id}-${n}`;
      if (taken.has(unique)) unique = id;
    }
    given.add(unique);
    return unique;
  });
}
