/**
 * The date a build judges time against: roadmap deadlines, consents that end or were withdrawn.
 * BUILD_DATE=YYYY-MM-DD pins it (tests, reproducible builds); in the editor's browser it is today.
 */
export function buildDate(env: Record<string, string | undefined> = globalThis.process?.env ?? {}): Date {
  const pinned = env.BUILD_DATE;
  const now = pinned ? new Date(`${pinned}T00:00:00Z`) : new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
