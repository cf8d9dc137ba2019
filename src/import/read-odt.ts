/** Placeholder: the .odt reader is being written. */
import type { ReadResult } from './read-document.ts';
import { ImportError } from './source-document.ts';

export async function readOdt(_buffer: Buffer, file: string): Promise<ReadResult> {
  throw new ImportError(`файл ${file}: формат .odt пока не читается`);
}
