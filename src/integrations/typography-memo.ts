import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiskMemo, installedVersion, saltOf } from '../lib/disk-memo.ts';
import { TYPOGRAPHY_MEMO } from '../lib/typography.ts';

/**
 * Typograf's results kept between builds: the pages set every title, name and sentence through
 * it, and on a rebuild nearly all of them are the texts of the last build. The salt is the
 * typography module's own source and Typograf's version, so a changed rule discards the memo.
 */
export function typographyMemo(): AstroIntegration {
  let memo: DiskMemo<string> | undefined;
  let file = '';
  let salt = '';
  return {
    name: 'nastavnichestvo:typography-memo',
    hooks: {
      'astro:config:done': ({ config }) => {
        const root = fileURLToPath(config.root);
        file = join(fileURLToPath(config.cacheDir), 'typography.bin');
        salt = saltOf(readFileSync(join(root, 'src/lib/typography.ts'), 'utf8'), installedVersion(root, 'typograf'));
      },
      'astro:build:start': () => {
        memo = new DiskMemo<string>(file, salt);
        (globalThis as Record<symbol, unknown>)[TYPOGRAPHY_MEMO] = memo;
      },
      'astro:build:done': () => {
        memo?.save();
        delete (globalThis as Record<symbol, unknown>)[TYPOGRAPHY_MEMO];
      },
    },
  };
}
