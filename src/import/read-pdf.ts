/** Placeholder: the .pdf reader is being written. */
import type { ReadResult } from './read-document.ts';
import { ImportError } from './source-document.ts';

export async function readPdf(_buffer: Buffer, file: string): Promise<ReadResult> {
  throw new ImportError(`файл ${file}: формат .pdf пока не читается`);
}
