/**
 * A ZIP archive by hand, so that a test can make one that lies about its sizes, or a «zip bomb»
 * that unpacks to hundreds of megabytes while costing the test a few milliseconds.
 *
 *   deflated(pieces): the raw deflate of the pieces, with its true size and checksum
 *   zip(parts): the archive (deflate, UTF-8 names)
 */
import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';

const MB = 1024 * 1024;

export interface Part {
  name: string;
  /** Raw deflate data. */
  data: Buffer;
  size: number;
  crc: number;
  /** The uncompressed size the archive claims; the true size unless the archive lies. */
  declared?: number;
}

export type Piece = string | Buffer | { repeat: string; bytes: number };

/**
 * Raw deflate of the pieces, in order. A repeated piece is deflated once per 1 MB chunk and the
 * chunk's bytes repeated (each chunk flushed to a byte boundary, so chunks join into one stream):
 * a few hundred megabytes of XML cost the test a few milliseconds and no memory.
 */
export function deflated(pieces: Piece[]): Omit<Part, 'name'> {
  const blocks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  const flush = { finishFlush: zlibConstants.Z_SYNC_FLUSH };
  for (const piece of pieces) {
    if (typeof piece === 'string' || Buffer.isBuffer(piece)) {
      const bytes = Buffer.from(piece);
      blocks.push(deflateRawSync(bytes, flush));
      size += bytes.length;
      crc = crc32(bytes, crc);
      continue;
    }
    const unit = Buffer.from(piece.repeat);
    const chunk = Buffer.concat(Array.from({ length: Math.floor(MB / unit.length) }, () => unit));
    const packed = deflateRawSync(chunk, flush);
    for (let done = 0; done < piece.bytes; done += chunk.length) {
      blocks.push(packed);
      size += chunk.length;
      crc = crc32(chunk, crc);
    }
  }
  blocks.push(Buffer.from([0x03, 0x00])); // the final, empty block
  return { data: Buffer.concat(blocks), size, crc };
}

export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const size = part.declared ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    central.push(entry, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
