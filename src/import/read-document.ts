/**
 * A document file → SourceDocument, whatever it is: the format is told by the bytes
 * (a PDF renamed to .doc is still read as PDF); the extension only decides between
 * HTML and plain text, which no magic number tells apart.
 *
 *   readDocument(path, shown?): Promise<ReadResult>
 *   detectFormat(buffer, extension): DocumentFormat
 *
 * Each reader turns its format into the same blocks (paragraphs and tables), so finding
 * the roadmap or the regulation in them is written once (import-document.ts). `warnings`
 * are the reader's own, one Russian line each: what it left out and why.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileSystemError } from './output.ts';
import { readText } from './read-text.ts';
import { ImportError, type SourceDocument } from './source-document.ts';

export interface ReadResult {
  document: SourceDocument;
  warnings: string[];
}

export type DocumentFormat = 'pdf' | 'doc' | 'docx' | 'odt' | 'rtf' | 'html' | 'text';

/** The formats as the usage line and the messages name them. */
export const FORMATS_NAMED = '.pdf, .doc, .docx, .odt, .html или .txt';

/**
 * The largest file read at all. A document of text is a few megabytes even with its pictures;
 * this only keeps a wrong file (a video, a disk image) from being read into memory whole.
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

export function detectFormat(buffer: Buffer, extension: string): DocumentFormat {
  const head = buffer.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  // Old Word documents and password-protected .docx alike are OLE containers; readDoc tells them apart.
  if (buffer.subarray(0, 8).equals(OLE)) return 'doc';
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (head.startsWith('PK')) {
    // An OpenDocument archive starts with its uncompressed «mimetype» part.
    if (head.slice(30, 38) === 'mimetype') return head.slice(38, 38 + ODT_MIMETYPE.length + 20).startsWith(ODT_MIMETYPE) ? 'odt' : 'docx';
    return 'docx';
  }
  // No format's signature: the extension decides, and a binary format's reader says what is wrong.
  const named: Record<string, DocumentFormat> = {
    '.pdf': 'pdf',
    '.doc': 'doc',
    '.docx': 'docx',
    '.odt': 'odt',
    '.html': 'html',
    '.htm': 'html',
    '.txt': 'text',
    '.text': 'text',
  };
  if (named[extension]) return named[extension];
  return /^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head.replace(/^\uFEFF/, '')) ? 'html' : 'text';
}

/**
 * Reads a file, whatever its format. `shown` is the path as messages give it (as the user typed it).
 */
export async function readDocument(path: string, shown = path): Promise<ReadResult> {
  if (!existsSync(path)) throw new ImportError(`файл ${shown} не найден`);
  const ext = extname(path).toLowerCase();
  let buffer: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ImportError(`${shown} — это папка, а нужен файл документа (${FORMATS_NAMED})`);
    if (stat.size > MAX_INPUT_BYTES) {
      throw new ImportError(
        `файл ${shown} занимает ${Math.round(stat.size / 1024 / 1024)} МБ, а импорт читает файлы до ${MAX_INPUT_BYTES / 1024 / 1024} МБ: ` +
          'проверьте, тот ли файл указан; если это документ с множеством картинок или сканов, удалите их или скопируйте текст в новый документ',
      );
    }
    buffer = readFileSync(path);
  } catch (error) {
    throw fileSystemError(error, shown, 'read') ?? error;
  }
  if (!buffer.length) throw new ImportError(`файл ${shown} пуст`);
  return readBuffer(buffer, shown, ext);
}

/** The bytes of a document → SourceDocument; `extension` (with its dot) is only a hint. */
export async function readBuffer(buffer: Buffer, shown: string, extension = extname(shown).toLowerCase()): Promise<ReadResult> {
  switch (detectFormat(buffer, extension)) {
    case 'pdf': {
      const { readPdf } = await import('./read-pdf.ts');
      return readPdf(buffer, shown);
    }
    case 'doc': {
      const { readDoc } = await import('./read-doc.ts');
      return readDoc(buffer, shown);
    }
    case 'docx': {
      const { readDocx } = await import('./read-docx.ts');
      return readDocx(buffer, shown);
    }
    case 'odt': {
      const { readOdt } = await import('./read-odt.ts');
      return readOdt(buffer, shown);
    }
    case 'rtf':
      throw new ImportError(`файл ${shown} в формате RTF: сохраните его в Word или LibreOffice как .docx или .odt и импортируйте снова`);
    case 'html': {
      const { readHtmlPage, decodeHtml } = await import('./read-html.ts');
      return readHtmlPage(decodeHtml(buffer), shown);
    }
    case 'text':
      return { document: readText(buffer.toString('utf8'), shown), warnings: [] };
  }
}
