/**
 * The date a build judges time against: roadmap deadlines, consents that end or were withdrawn.
 * BUILD_DATE=YYYY-MM-DD pins it (tests, reproducible builds); otherwise it is today in the local
 * time zone (TZ), in the editor's browser too.
 */
export function buildDate(env: Record<string, string | undefined> = globalThis.process?.env ?? {}): Date {
  const pinned = env.BUILD_DATE;
  if (pinned) return new Date(`${pinned}T00:00:00Z`);
  // Today where the build runs (TZ=Europe/Moscow on a server elsewhere): a consent withdrawn «from
  // 1 October» must be off the site from the first minute of that day in the school's time, not UTC's.
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}
