/**
 * The content check of a build, kept between builds: a rebuild whose content, check code and
 * build day are the same takes the last result instead of reading and validating every entry
 * again. The key holds every file of the content folder (so an edited, added or deleted file —
 * and with it a reference left dangling — means a fresh check), the build day (consents and
 * deadlines are judged on it), the environment the check reads and the code that checks. When
 * something did change, the files that did not are not parsed again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildDate } from '../lib/build-date.ts';
import { filesUnder } from '../lib/files.ts';
import { contentCacheDir, contentRoot } from '../schemas/collections.ts';
import { DiskMemo } from '../lib/disk-memo.ts';
import { checkContent, type CheckResult } from './check.ts';
import { decodeEntry, readEntry, type RawEntry } from './read-entry.ts';
import type { SiteEnv } from './entries.ts';

/** The code the result depends on, relative to the project root. */
const CODE = ['src/integrity', 'src/schemas', 'src/privacy', 'src/lib', 'cms', 'package-lock.json'];
/** The environment the check (and the schemas) read. */
const ENV = ['BUILD_DATE', 'SITE_URL', 'BASE_PATH', 'CONTENT_ROOT'];
/** Files up to this size are hashed; bigger ones (photos, scans) are known by size and time. */
const HASHED_BYTES = 1024 * 1024;

/** A file, or every file below a folder in a fixed order (the hash must not depend on the disk's). */
const files = (path: string): string[] => (!existsSync(path) ? [] : statSync(path).isFile() ? [path] : filesUnder(path).sort());

function hashFiles(root: string, bases: string[], start: string): string {
  const hash = createHash('sha256').update(start);
  for (const base of bases) {
    for (const file of files(base)) {
      const stat = statSync(file);
      hash.update(`\0${relative(root, file)}\0`);
      hash.update(stat.size <= HASHED_BYTES ? readFileSync(file) : `${stat.size}:${stat.mtimeMs}`);
    }
  }
  return hash.digest('hex');
}

/** The code that reads and checks, and the Node that runs it. */
export const codeKey = (root: string) =>
  hashFiles(
    root,
    CODE.map((path) => join(root, path)),
    process.version,
  );

/** What the check's result depends on, as one hash. */
export function checkKey(root: string, content = contentRoot(), env: SiteEnv = process.env, code = codeKey(root)): string {
  return hashFiles(
    root,
    [join(root, content)],
    JSON.stringify({ code, day: buildDate(env).toISOString().slice(0, 10), env: ENV.map((name) => env[name] ?? '') }),
  );
}

export const checkCacheFile = (root: string, content = contentRoot()) => join(root, contentCacheDir(content), 'content-check.bin');
const readCacheFile = (root: string, content = contentRoot()) => join(root, contentCacheDir(content), 'content-read.bin');

/** The check, from the cache when nothing it depends on has changed; only a clean result is kept. */
export function checkContentCached(
  root: string,
  content = contentRoot(),
  env: SiteEnv = process.env,
): CheckResult & { fromCache: boolean; reread?: { parsed: number; reused: number } } {
  const code = codeKey(root);
  const key = checkKey(root, content, env, code);
  const file = checkCacheFile(root, content);
  if (existsSync(file)) {
    try {
      const cached = deserialize(readFileSync(file)) as { key: string; result: CheckResult };
      if (cached.key === key) return { ...cached.result, fromCache: true };
    } catch {
      // An unreadable cache (another Node, a torn write) is only a miss.
    }
  }
  // An edit changes one file: the others are not parsed again (read-entry.ts, keyed by their bytes).
  // The parsed fields are kept as v8 copies, so that nothing the check does to them reaches the memo.
  const reads = new DiskMemo<Buffer>(readCacheFile(root, content), code);
  const result = checkContent(
    root,
    content,
    env,
    (name, bytes) => deserialize(reads.of(bytes, () => serialize(readEntry(name, decodeEntry(bytes))))) as RawEntry,
  );
  reads.save();
  const reread = { parsed: reads.computed, reused: reads.reused };
  if (!result.problems.length) {
    try {
      mkdirSync(join(file, '..'), { recursive: true });
      const partial = `${file}.${process.pid}.part`;
      writeFileSync(partial, serialize({ key, result }));
      renameSync(partial, file);
    } catch {
      // Entries holding what v8 cannot copy, or a read-only disk: the next build checks afresh.
    }
  }
  return { ...result, fromCache: false, reread };
}
