/**
 * Results computed from some bytes, kept between builds under the hash of those bytes: a warm
 * rebuild looks up what an unchanged page or file gave last time instead of parsing it again.
 * The salt names everything else the result depends on (the code, a library's version); another
 * salt discards the whole memo. Only what this build asked for is saved, so the file never
 * grows with pages that are gone.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

export class DiskMemo<T> {
  private readonly file: string;
  private readonly salt: string;
  private readonly previous: Map<string, T> = new Map();
  private readonly current: Map<string, T> = new Map();
  /** How many results this build computed, and how many it took from the memo. */
  computed = 0;
  reused = 0;

  constructor(file: string, salt: string) {
    this.file = file;
    this.salt = salt;
    try {
      const saved = deserialize(readFileSync(file)) as { salt: string; entries: Map<string, T> };
      if (saved.salt === salt) this.previous = saved.entries;
    } catch {
      // No memo yet, or one from another Node: every result is computed.
    }
  }

  /** The result for these bytes: from the memo, or computed (a throw is not remembered). */
  of(input: string | Uint8Array, compute: () => T): T {
    const key = createHash('sha256').update(input).digest('base64');
    let value = this.current.get(key) ?? this.previous.get(key);
    if (value === undefined) {
      value = compute();
      this.computed++;
    } else if (!this.current.has(key)) this.reused++;
    this.current.set(key, value);
    return value;
  }

  /** Writes what this build used, when it differs from what was read. */
  save(): void {
    if (!this.computed && this.current.size === this.previous.size) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const partial = `${this.file}.${process.pid}.part`;
      writeFileSync(partial, serialize({ salt: this.salt, entries: this.current }));
      renameSync(partial, this.file);
    } catch {
      // A read-only disk: the next build computes again.
    }
  }
}

/** A salt from the things given: source texts, versions. */
export const saltOf = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('base64');

/** The installed version of a package of the project, for a salt: an upgrade discards what it computed. */
export const installedVersion = (root: string, name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
