/**
 * The proof over the finished site: every file of dist/ — pages, JSON, feeds, calendars, CSV,
 * the search index (decompressed), file names, the texts drawn on share images — is searched
 * for every withheld detail, and every image for metadata (EXIF, XMP, IPTC: camera, author,
 * GPS). It does not trust the code that made the pages: a new page, field or feed that opens
 * a door again fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { filesUnder } from '../lib/files.ts';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { DetailIndex, describeSource, type Withheld, type WithheldDetail } from './withheld.ts';
import { imageFormat, imageMetadata, readableText } from './file-contents.ts';
import { alike, likenessOf, type Likeness } from './photo-likeness.ts';

export interface Leak {
  /** The output file, relative to dist/ (for a share image: its path, and «текст на картинке»). */
  output: string;
  where?: string;
  message: string;
}

export interface ScanOptions {
  /** Published image (dist-relative) → the uploaded file's name it was made from. */
  imageOrigins?: Record<string, string>;
  /** Share image (dist-relative) → the text drawn on it. */
  cardTexts?: Record<string, string>;
}

export interface ScanResult {
  leaks: Leak[];
  files: number;
  images: number;
}

/** Pagefind's index files: gzip with a «pagefind_dcd» signature inside. */
const PAGEFIND = /\.pf_(fragment|meta|index|filter)$/;

const message = (detail: WithheldDetail, found: string) => `${detail.what} «${found}» из ${describeSource(detail.source)}`;

export async function scanDist(dist: string, withheld: Withheld, options: ScanOptions = {}): Promise<ScanResult> {
  const leaks: Leak[] = [];
  const index = new DetailIndex(withheld.details);
  const files = existsSync(dist) ? filesUnder(dist) : [];
  let images = 0;

  const people = new Set(withheld.personIds);
  /**
   * Scoped details (a consent's date, a minor's patronymic) are searched where they would be the
   * person's: outputs of their own (their page, their share image — the id is in the path) and
   * their own record in a JSON file. Elsewhere the same date is just a practice's publication day.
   */
  const ownerOf = (output: string) => new Set(output.split(/[/.]/).filter((part) => people.has(part)));
  const searchText = (output: string, raw: string, where?: string) => {
    // The site's own scripts are code: Latin words there are English («below» for «Белов»).
    const latin = !/^_astro\/.*\.m?js$/.test(output);
    for (const { detail, found } of index.find(raw, { owners: ownerOf(output), latin, ics: /\.ics$/i.test(output) }))
      leaks.push({ output, where, message: message(detail, found) });
    if (/\.json$/i.test(output)) searchRecords(output, raw);
  };
  const searchRecords = (output: string, raw: string) => {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return;
    }
    const visit = (value: unknown) => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (!value || typeof value !== 'object') return;
      const id = (value as { id?: unknown }).id;
      if (typeof id === 'string' && people.has(id)) {
        for (const { detail, found } of index.find(JSON.stringify(value), { owners: new Set([id]) }).filter((h) => h.detail.scoped))
          leaks.push({ output, where: `запись «${id}»`, message: message(detail, found) });
      }
      Object.values(value).forEach(visit);
    };
    visit(data);
  };

  // A withheld photo saved again under another name: compared by likeness, once per source picture
  // (Astro makes several sizes of each). Only when some photo is withheld, and never the share cards,
  // which draw only photos the rules allow.
  const withheldLikeness = await Promise.all(
    withheld.photos.filter((p) => existsSync(p.path)).map(async (p) => ({ photo: p, hashes: await likenessOf(p.path).catch(() => [] as Likeness[]) })),
  );
  const comparedOrigins = new Set<string>();
  const compareWithWithheld = async (output: string, bytes: Buffer, origin?: string) => {
    if (!withheldLikeness.length || output.startsWith('og/')) return;
    if (origin) {
      if (comparedOrigins.has(origin)) return;
      comparedOrigins.add(origin);
    }
    const hashes = await likenessOf(bytes).catch(() => [] as Likeness[]);
    const match = withheldLikeness.find(({ hashes: theirs }) => theirs.some((a) => hashes.some((b) => alike(a, b))));
    if (match)
      leaks.push({
        output,
        where: 'изображение',
        message: `это та же фотография, что «${match.photo.stem}»${origin ? ` (загружена как «${origin}»)` : ''}: ${match.photo.why} (${describeSource(match.photo.source)})`,
      });
  };

  for (const file of files) {
    const output = relative(dist, file).replace(/\\/g, '/');
    for (const { detail, found } of index.find(output)) leaks.push({ output, where: 'имя файла', message: message(detail, found) });

    const bytes = readFileSync(file);
    if (PAGEFIND.test(file)) {
      let text: string;
      try {
        text = gunzipSync(bytes).toString('utf8');
      } catch {
        text = bytes.toString('utf8');
      }
      // In the word index every word is a CBOR string after its length byte, which for a Cyrillic word
      // reads as a Latin letter («pсекретов»): the byte would glue onto the word it describes.
      if (/\.pf_index$/.test(file)) text = text.replace(/(?:[\x60-\x77]|\x78[\s\S])(?=[\u0400-\u04ff])/g, ' ');
      searchText(output, text, 'поисковый индекс');
      continue;
    }
    const format = imageFormat(bytes);
    if (format) {
      images++;
      const { kinds, texts } = imageMetadata(bytes, format);
      if (format === 'avif' || format === 'tiff') {
        const meta = await sharp(bytes)
          .metadata()
          .catch(() => undefined);
        for (const [kind, present] of [
          ['EXIF', meta?.exif],
          ['XMP', meta?.xmp],
          ['IPTC', meta?.iptc],
        ] as const)
          if (present) kinds.push(kind);
      }
      if (kinds.length)
        leaks.push({
          output,
          where: 'метаданные изображения',
          message: `в изображении остались метаданные (${kinds.join(', ')}): в них бывают место съёмки (GPS), камера, автор и подписи`,
        });
      for (const text of texts) searchText(output, text, 'текст внутри изображения');
      const origin = options.imageOrigins?.[output];
      const photo = origin && withheld.photos.find((p) => p.stem === origin);
      if (photo) leaks.push({ output, where: 'изображение', message: `сделано из файла «${origin}»: ${photo.why} (${describeSource(photo.source)})` });
      else await compareWithWithheld(output, bytes, origin);
      continue;
    }
    let text: string | undefined;
    try {
      text = readableText(bytes);
    } catch (error) {
      leaks.push({
        output,
        where: 'документ',
        message: `документ не удалось прочитать (${(error as Error).message}), а значит и проверить: пересохраните его или уберите из public/`,
      });
      continue;
    }
    if (text === undefined) continue;
    searchText(output, text, /\.(docx?|odt|xlsx?|ods|pptx?|odp|pdf)$/i.test(output) ? 'текст документа' : undefined);
    if (/\.svg$/i.test(output) && /<(?:\w+:)?metadata[\s>]/i.test(text))
      leaks.push({ output, where: 'метаданные изображения', message: 'в SVG остался блок <metadata>: в нём бывают автор, место и дата съёмки' });
  }

  for (const [output, text] of Object.entries(options.cardTexts ?? {})) searchText(output, text, 'текст на картинке для ссылок');
  return { leaks, files: files.length, images };
}

export function formatLeaks(leaks: Leak[], dist: string): string {
  const lines = leaks.map((l) => `  • ${join(dist, l.output)}${l.where ? ` (${l.where})` : ''}: ${l.message}`);
  return `Персональные данные попали в собранный сайт (${leaks.length}) — сайт нельзя публиковать:\n${lines.join('\n')}`;
}
