/**
 * What a published file holds that a person could read: the text of a page or a document, and
 * the metadata an image carries. By the file's bytes, not its name: a «.jfif» is a JPEG, a
 * «.docx» is an archive of XML.
 */
import { inflateRawSync, inflateSync } from 'node:zlib';
import { archiveTexts } from '../import/zip-limits.ts';

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'tiff';

export function imageFormat(bytes: Buffer): ImageFormat | undefined {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(1, 4) === 'PNG') return 'png';
  if (ascii(0, 4) === 'GIF8') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && /^(avi[fs]|hei[cx]|mif1)$/.test(ascii(8, 12))) return 'avif';
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff';
  return undefined;
}

export interface ImageMetadata {
  /** What kinds: «EXIF», «XMP», «IPTC», «комментарий», «текст». */
  kinds: string[];
  /** Texts written into the file (JPEG comments, PNG text chunks): searched like a page. */
  texts: string[];
}

/** Metadata segments and chunks, read from the bytes (the camera's EXIF and GPS, an editor's comment). */
export function imageMetadata(bytes: Buffer, format: ImageFormat): ImageMetadata {
  const kinds = new Set<string>();
  const texts: string[] = [];
  if (format === 'jpeg') {
    for (let at = 2; at + 4 <= bytes.length && bytes[at] === 0xff; ) {
      const marker = bytes[at + 1];
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        at += 2;
        continue;
      }
      if (marker === 0xda || marker === 0xd9) break;
      const length = bytes.readUInt16BE(at + 2);
      const body = bytes.subarray(at + 4, at + 2 + length);
      const head = body.subarray(0, 40).toString('latin1');
      if (marker === 0xe1 && head.startsWith('Exif')) kinds.add('EXIF');
      else if (marker === 0xe1) kinds.add('XMP');
      else if (marker === 0xed) kinds.add('IPTC');
      else if (marker === 0xfe) {
        kinds.add('комментарий');
        texts.push(body.toString('utf8'), body.toString('latin1'));
      } else if (marker >= 0xe3 && marker <= 0xef && marker !== 0xee) kinds.add(`APP${marker - 0xe0}`);
      at += 2 + length;
    }
  } else if (format === 'png') {
    for (let at = 8; at + 12 <= bytes.length; ) {
      const length = bytes.readUInt32BE(at);
      const type = bytes.subarray(at + 4, at + 8).toString('latin1');
      const body = bytes.subarray(at + 8, at + 8 + length);
      if (type === 'eXIf') kinds.add('EXIF');
      if (type === 'tEXt' || type === 'iTXt' || type === 'zTXt') {
        kinds.add(/XML:com\.adobe\.xmp/.test(body.subarray(0, 30).toString('latin1')) ? 'XMP' : 'текст');
        let text = body.toString('utf8');
        if (type === 'zTXt') {
          const zero = body.indexOf(0);
          try {
            text = `${body.subarray(0, zero).toString('latin1')} ${inflateSync(body.subarray(zero + 2)).toString('latin1')}`;
          } catch {}
        }
        texts.push(text);
      }
      if (type === 'IEND') break;
      at += 12 + length;
    }
  } else if (format === 'webp') {
    for (let at = 12; at + 8 <= bytes.length; ) {
      const type = bytes.subarray(at, at + 4).toString('latin1');
      const length = bytes.readUInt32LE(at + 4);
      if (type === 'EXIF') kinds.add('EXIF');
      if (type === 'XMP ') kinds.add('XMP');
      at += 8 + length + (length % 2);
    }
  }
  // GIF comments are not looked for: the two bytes that start one also occur inside the picture's
  // compressed data, and re-encoding a GIF would drop its animation.
  return { kinds: [...kinds], texts };
}

/** Text a reader of the file would see, or undefined for a binary file with nothing readable. */
export function readableText(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    // An office document: its XML parts. One that cannot be read cannot be vouched for.
    return archiveTexts(bytes)
      .map((part) => part.text)
      .join('\n');
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return pdfText(bytes);
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return undefined;
  return bytes.toString('utf8');
}

/**
 * What of a PDF can be read without a PDF library: its uncompressed text, its streams inflated,
 * and UTF-16 strings (where a PDF keeps Cyrillic metadata: author, title). Page text drawn with
 * an embedded font's own codes stays unreadable here.
 */
function pdfText(bytes: Buffer): string {
  const latin = bytes.toString('latin1');
  const out = [latin];
  for (const m of latin.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = latin.indexOf('endstream', start);
    if (end < 0) break;
    for (const inflate of [inflateSync, inflateRawSync]) {
      try {
        out.push(inflate(bytes.subarray(start, end), { maxOutputLength: 10 * 1024 * 1024 }).toString('latin1'));
        break;
      } catch {}
    }
  }
  const utf16 = (raw: Buffer) => {
    const swapped = Buffer.from(raw);
    swapped.swap16();
    return swapped.toString('utf16le');
  };
  for (const m of latin.matchAll(/<FEFF([0-9A-Fa-f\s]+)>/g)) {
    const hex = m[1].replace(/\s+/g, '');
    out.push(utf16(Buffer.from(hex.slice(0, hex.length - (hex.length % 4)), 'hex')));
  }
  for (const m of latin.matchAll(/\(\u00fe\u00ff((?:[^\\)]|\\.)*)\)/g)) {
    const raw = Buffer.from(m[1].replace(/\\([()\\])/g, '$1'), 'latin1');
    out.push(utf16(raw.subarray(0, raw.length - (raw.length % 2))));
  }
  return out.join('\n');
}
