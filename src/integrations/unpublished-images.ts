import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/**
 * The last guard for people's images. Astro copies an entry's original image into _astro/
 * even when no page shows it — e.g. the photo of a minor whose parents did not allow it,
 * EXIF and GPS included. After the build: an image no page, feed or stylesheet refers to is
 * deleted, and any image that still carries metadata is re-encoded without it.
 */
const IMAGE = /\.(jpe?g|png|webp|avif|gif)$/i;
const TEXT = /\.(html|css|js|json|xml|webmanifest|txt)$/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function unpublishedImages(): AstroIntegration {
  return {
    name: 'nastavnichestvo:unpublished-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const all = files(root);
        // Every file name under _astro/ that some page, feed or stylesheet mentions, collected once.
        const referenced = new Set<string>();
        for (const file of all.filter((f) => TEXT.test(f) && !f.startsWith(join(root, 'pagefind')))) {
          for (const m of readFileSync(file, 'utf8').matchAll(/_astro\/([^"'()\s,?#]+)/g)) referenced.add(m[1]);
        }
        let removed = 0;
        let stripped = 0;
        for (const image of all.filter((f) => IMAGE.test(f) && f.startsWith(join(root, '_astro')))) {
          if (!referenced.has(relative(join(root, '_astro'), image).replace(/\\/g, '/'))) {
            rmSync(image);
            removed++;
            continue;
          }
          const meta = await sharp(image).metadata();
          if (meta.exif || meta.xmp || meta.iptc) {
            const clean = await sharp(image).rotate().toFormat(meta.format as keyof sharp.FormatEnum).toBuffer();
            writeFileSync(image, clean);
            stripped++;
          }
        }
        logger.info(`изображения: удалено неиспользуемых ${removed}, очищено от метаданных ${stripped}`);
      },
    },
  };
}
