/**
 * The date a build judges time against: roadmap deadlines, consents that end or were withdrawn.
 * BUILD_DATE=YYYY-MM-DD pins it (tests, reproducible builds); otherwise it is today in the local
 * time zone (TZ), in the editor's browser too.
 */
export function buildDate(env: Record<string, string | undefined> = globalThis.process?.env ?? {}): Date {
  const pinned = env.BUILD_DATE;
  if (pinned) {
    const date = new Date(`${pinned}T00:00:00Z`);
    // A mistyped date would make every consent look valid and publish people who withdrew.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== pinned)
      throw new Error(`BUILD_DATE=${pinned}: нужна дата в виде ГГГГ-ММ-ДД, например 2026-11-23`);
    return date;
  }
  // Today where the build runs (TZ=Europe/Moscow on a server elsewhere): a consent withdrawn «from
  // 1 October» must be off the site from the first minute of that day in the school's time, not UTC's.
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
