/**
 * Target indicators a roadmap states, usually after its table: «Доля обучающихся, вовлечённых
 * в наставничество, — не менее 10 % в 2025 году».
 *
 *   readTargets(lines: string[]): { targets: ImportedTarget[]; used: Set<number> }
 *
 * `lines` are consecutive lines of the document; `used` holds the indexes of those that
 * went into targets (the rest are kept elsewhere, never dropped).
 */

export interface ImportedTarget {
  indicator: string;
  value: number | string;
  unit?: string;
  year?: number;
}

export function readTargets(lines: string[]): { targets: ImportedTarget[]; used: Set<number> } {
  const targets: ImportedTarget[] = [];
  const used = new Set<number>();
  lines.forEach((line, i) => {
    const target = readTarget(line);
    if (target) {
      targets.push(target);
      used.add(i);
    }
  });
  return { targets, used };
}

/** «Доля … — не менее 10% в 2025 году» → indicator, value, unit, year. */
function readTarget(text: string): ImportedTarget | undefined {
  const match =
    /^(.*?)[\s:—–-]*(?:не менее|не ниже|не более|до|составит|—|–|-)?\s*(\d+(?:[.,]\d+)?)\s*(%|процент\S*|чел\S*|ед\S*|шт\S*)?\s*(?:(?:в|к|на)\s*(20\d\d)\s*(?:год\S*|г\.?)?)?\s*[.;]?$/i.exec(
      text.trim(),
    );
  const stated = match?.[3] || /не менее|не ниже|не более/i.test(text) || /[—–:]\s*\d+(?:[.,]\d+)?\s*[.;]?$/.test(text.trim());
  if (!match || !match[1] || !stated) return undefined;
  const indicator = match[1].replace(/[\s,:—–-]+$/, '').trim();
  if (indicator.length < 5) return undefined;
  const unit = match[3] ? (match[3].startsWith('%') || match[3].startsWith('процент') ? '%' : match[3]) : undefined;
  const number = Number(match[2].replace(',', '.'));
  // «не менее 30» is a different promise from «30»: the bound stays with the value.
  const bound = /не менее|не ниже|не более/i.exec(text)?.[0].toLowerCase();
  return { indicator, value: bound ? `${bound} ${number}` : number, ...(unit ? { unit } : {}), ...(match[4] ? { year: Number(match[4]) } : {}) };
}
