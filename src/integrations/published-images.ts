import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { filesUnder } from '../lib/files.ts';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { imageFormat, imageMetadata } from '../privacy/file-contents.ts';

/**
 * The last guard for people's images, run on dist/ before the search index is made:
 * - an image under _astro/ that no page, feed or stylesheet refers to is deleted: Astro copies an
 *   entry's original even when no page shows it (a minor's withheld photo, EXIF and GPS included);
 * - every published image under _astro/ gets a name made of a hash: Astro names them after the
 *   uploaded file («sidorova-mariya.….webp»), and a file name is as public as the page;
 * - every image anywhere in dist/ (public/ included, told by its bytes, not its name) that carries
 *   EXIF, XMP, IPTC, a comment or text chunks is re-encoded without them; an SVG loses its <metadata>.
 * What each published image was made from is handed to the leak scan (which keeps it outside dist/).
 */
const IMAGE = /\.(jpe?g|png|webp|avif|gif|tiff?)$/i;
const TEXT = /\.(html|css|js|json|xml|webmanifest|txt|ics|csv)$/i;
/**
 * A reference to a built asset, as pages, feeds, styles and scripts write it: up to a quote, a
 * bracket, white space or a query. The name may be URL-encoded (an upload keeps its Cyrillic name,
 * spaces, «+»…) and, in HTML, hold «&amp;»: `assetName` gives the name as it is on disk.
 */
const ASTRO_ASSET = /_astro\/([^\s"'`()<>\\?#]+)/g;
function assetName(written: string): string {
  const text = written.replace(/&amp;/g, '&');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Image origins of the last build, by dist folder: the leak scan of the same build reads them. */
export const imageOrigins = new Map<string, Record<string, string>>();

/** «sidorova-mariya.Dc_kJHDV_Z1R43Gd.webp» was made from «sidorova-mariya». */
const originOf = (name: string) => name.replace(/\.[^/]*$/, '').replace(/\.[A-Za-z0-9_-]+$/, '');

export async function publishImages(root: string): Promise<{ removed: number; renamed: number; stripped: number; origins: Record<string, string> }> {
  const all = filesUnder(root);
  const astroDir = join(root, '_astro');
  const textFiles = all.filter((f) => TEXT.test(f) && !f.startsWith(join(root, 'pagefind')));
  const referenced = new Set<string>();
  const texts = new Map<string, string>();
  for (const file of textFiles) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('_astro/')) continue;
    texts.set(file, text);
    for (const m of text.matchAll(ASTRO_ASSET)) referenced.add(assetName(m[1]));
  }

  let removed = 0;
  const renames = new Map<string, string>();
  const origins: Record<string, string> = {};
  for (const image of all.filter((f) => IMAGE.test(f) && f.startsWith(astroDir + '/'))) {
    const name = relative(astroDir, image).replace(/\\/g, '/');
    if (!referenced.has(name)) {
      rmSync(image);
      removed++;
      continue;
    }
    const hashed = `${createHash('sha256').update(name).digest('base64url').slice(0, 16)}${extname(name).toLowerCase()}`;
    const target = join(astroDir, dirname(name), hashed);
    renameSync(image, target);
    renames.set(name, relative(astroDir, target).replace(/\\/g, '/'));
    origins[relative(root, target).replace(/\\/g, '/')] = originOf(name.split('/').pop()!);
  }
  if (renames.size) {
    for (const [file, text] of texts) {
      const next = text.replace(ASTRO_ASSET, (whole, written: string) => {
        const renamed = renames.get(assetName(written));
        return renamed ? `_astro/${renamed}` : whole;
      });
      if (next !== text) writeFileSync(file, next);
    }
  }

  let stripped = 0;
  for (const file of filesUnder(root)) {
    if (file.startsWith(join(root, 'pagefind'))) continue;
    if (/\.svg$/i.test(file)) {
      // An SVG's <metadata> (RDF: author, place, date) is not part of the picture.
      const svg = readFileSync(file, 'utf8');
      const clean = svg.replace(/<((?:\w+:)?metadata)[\s>][\s\S]*?<\/\1\s*>/gi, '');
      if (clean !== svg) {
        rmSync(file);
        writeFileSync(file, clean);
        stripped++;
      }
      continue;
    }
    const bytes = readFileSync(file);
    // By the bytes, not the name: a «.jfif» or a misnamed photo is a JPEG all the same.
    const format = imageFormat(bytes);
    if (!format) continue;
    const found = imageMetadata(bytes, format).kinds;
    if (!found.length && (format === 'avif' || format === 'tiff')) {
      const meta = await sharp(bytes)
        .metadata()
        .catch(() => undefined);
      // Unreadable: it may hold anything, so it is treated as holding metadata.
      if (!meta || meta.exif || meta.xmp || meta.iptc) found.push('EXIF');
    }
    if (!found.length) continue;
    try {
      // rotate() applies the EXIF orientation first, so the picture stays upright without it.
      const clean = await sharp(bytes)
        .rotate()
        .toFormat(format === 'avif' ? 'avif' : format, format === 'jpeg' ? { quality: 90 } : {})
        .toBuffer();
      // Unlinked first: a file of dist/ may be a hard link into a cache (the share images), which must keep its bytes.
      rmSync(file);
      writeFileSync(file, clean);
      stripped++;
    } catch (error) {
      // An image whose metadata cannot be removed must not be published: nothing of this build is.
      rmSync(root, { recursive: true, force: true });
      throw new Error(
        `изображение ${relative(root, file)} с метаданными (${found.join(', ')}) не удалось пересохранить без них (${(error as Error).message}): пересохраните его или уберите. Собранный сайт удалён.`,
        { cause: error },
      );
    }
  }
  return { removed, renamed: renames.size, stripped, origins };
}

export function publishedImages(): AstroIntegration {
  return {
    name: 'nastavnichestvo:published-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const { removed, renamed, stripped, origins } = await publishImages(root);
        imageOrigins.set(root, origins);
        logger.info(
          `изображения: удалено неиспользуемых ${removed}, переименовано ${renamed}, очищено от метаданных ${stripped}, ${((performance.now() - started) / 1000).toFixed(1)} с`,
        );
      },
    },
  };
}
