/**
 * A ZIP-based document (.docx; .odt, .xlsx and .pptx are ZIP archives too) measured before
 * a library unpacks it, so that a «zip bomb» — a small file that unpacks to gigabytes — is
 * refused in a fraction of a second instead of running the importer out of memory.
 *
 *   checkArchive(buffer: Buffer, format: ArchiveFormat, limits = ARCHIVE_LIMITS): Buffer
 *
 * The sizes written in the archive are not trusted: a bomb can claim anything. The central
 * directory is read here, and every part is inflated with Node's zlib against what is left
 * of the budgets (`maxOutputLength`: zlib stops as soon as a budget is spent, so a refusal
 * costs about one budget of memory and a fraction of a second — 0.35 s to stop a 300 MB
 * part at 100 MB). What comes back is the archive rebuilt from exactly the parts that were
 * measured — their compressed bytes copied, their true sizes written — so the library that
 * reads it next (mammoth, through JSZip) cannot find in it anything that was not counted:
 * no directory that says one thing to this reader and another to that one.
 *
 * Refusals are ImportError with one Russian sentence naming the file and what to do:
 * not an archive, damaged, encrypted, a compression method other than stored or deflate
 * (the only two that office programs write), too many parts, or too much once unpacked.
 *
 * The limits (ARCHIVE_LIMITS), and why:
 *  - 10 MB of markup (the .xml and .rels parts: text, styles, numbering) unpacked. Markup is
 *    what gets parsed, and parsing costs about 100 times its size. Measured with documents
 *    written by the `docx` package (tests/helpers/write-docx.ts), mammoth + readHtml: a
 *    2 000-row table is 1.8 MB of markup; 11 500 rows, 9.8 MB, took 12–18 s and 0.9–1 GB of
 *    memory on a busy two-core machine; 20 000 rows, 17 MB, took 1.8 GB. A school's roadmap
 *    has tens of rows, a regulation tens of pages, so 10 MB leaves a wide margin (Word writes
 *    more markup per cell than `docx` does — several times as much still fits) while keeping
 *    the worst case that is let through to about a gigabyte.
 *  - 100 MB unpacked in all. Pictures are compressed already (JPEG, PNG) and unpack to about
 *    their own size; the readers only count them. A document with tens of megabytes of
 *    photographs passes; a part that inflates to hundreds of megabytes does not.
 *  - 10 000 parts. A Word document has a few dozen (plus one per picture); a directory of
 *    millions of empty parts is another way to make the unpacker work for nothing.
 *  - No ratio limit per part. Repetitive markup deflates far more than prose — the
 *    20 000-row table above, about 80:1 — and zeros about 1 000:1, so a ratio limit low enough to
 *    matter would sooner or later refuse a real document; the budgets alone bound time and
 *    memory. The ratio only chooses the wording when the 100 MB budget is spent: above 10:1
 *    the file is called a likely damaged or malicious archive, below it simply too big
 *    (pictures, scans).
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { ImportError } from './source-document.ts';

const MB = 1024 * 1024;

export interface ArchiveLimits {
  /** All parts together, unpacked. */
  maxUnpackedBytes: number;
  /** The markup parts (*.xml, *.rels) together, unpacked: what gets parsed. */
  maxMarkupBytes: number;
  maxParts: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = { maxUnpackedBytes: 100 * MB, maxMarkupBytes: 10 * MB, maxParts: 10_000 };

const isMarkup = (name: string) => /\.(xml|rels)$/i.test(name);

/** How messages name the format, e.g. for .docx: file «…» does not read as «документ Word (.docx)». */
export interface ArchiveFormat {
  /** The file, as the user should see it. */
  file: string;
  /** «документ Word (.docx)». */
  what: string;
  /** What to do about a damaged or suspicious file: «сохраните документ заново в Word или LibreOffice». */
  resave: string;
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };
const STORED = 0;
const DEFLATED = 8;

interface Part {
  name: Buffer;
  label: string;
  flags: number;
  method: number;
  /** DOS time and date, copied as they are. */
  stamp: number;
  /** As the directory records them: trusted only in an archive this module wrote. */
  recorded: { size: number; crc: number };
  data: Buffer;
}

const megabytes = (bytes: number) => `${Math.round(bytes / MB)} МБ`;

/** The archive's central directory → its parts (still compressed); `fail` says why it is damaged, `refuse` why else it cannot be read. */
function readDirectory(buffer: Buffer, limits: ArchiveLimits, fail: (why: string) => never, refuse: (why: string) => never, tooMany: () => never): Part[] {
  const has = (at: number, length: number) => at >= 0 && at + length <= buffer.length;
  // The end record is 22 bytes, after which only a comment of at most 65 535 bytes may come.
  let end = -1;
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at--) {
    if (buffer.readUInt32LE(at) === SIG.end) {
      end = at;
      break;
    }
  }
  if (end < 0) fail('не найдено оглавление архива — скорее всего, файл скопирован или скачан не полностью');

  let count = buffer.readUInt16LE(end + 10);
  let size = buffer.readUInt32LE(end + 12);
  let offset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: the true numbers are in a record the locator just before the end record points to.
    const locator = end - 20;
    if (!has(locator, 20) || buffer.readUInt32LE(locator) !== SIG.locator64) fail('оглавление архива испорчено');
    const at = Number(buffer.readBigUInt64LE(locator + 8));
    if (!has(at, 56) || buffer.readUInt32LE(at) !== SIG.end64) fail('оглавление архива испорчено');
    count = Number(buffer.readBigUInt64LE(at + 32));
    size = Number(buffer.readBigUInt64LE(at + 40));
    offset = Number(buffer.readBigUInt64LE(at + 48));
  }
  if (count > limits.maxParts) tooMany();
  if (!has(offset, size)) fail('оглавление архива указывает за его конец — скорее всего, файл скопирован или скачан не полностью');

  const parts: Part[] = [];
  let packed = 0;
  for (let at = offset; at < offset + size; ) {
    if (!has(at, 46) || buffer.readUInt32LE(at) !== SIG.central) fail('оглавление архива испорчено');
    if (parts.length >= limits.maxParts) tooMany();
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const stamp = buffer.readUInt32LE(at + 12);
    const recordedCrc = buffer.readUInt32LE(at + 16);
    let packedSize = buffer.readUInt32LE(at + 20);
    let unpackedSize = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    let local = buffer.readUInt32LE(at + 42);
    if (!has(at + 46, nameLength + extraLength + commentLength)) fail('оглавление архива испорчено');
    const name = buffer.subarray(at + 46, at + 46 + nameLength);
    const label = name.toString(flags & 0x0800 ? 'utf8' : 'latin1');

    // ZIP64 sizes and offset: those whose 32-bit field is all ones, in this order.
    const extra = buffer.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let field = e + 4;
        const next = () => {
          if (field + 8 > e + 4 + length || field + 8 > extra.length) fail('оглавление архива испорчено');
          const value = Number(extra.readBigUInt64LE(field));
          field += 8;
          return value;
        };
        if (unpackedSize === 0xffffffff) unpackedSize = next();
        if (packedSize === 0xffffffff) packedSize = next();
        if (local === 0xffffffff) local = next();
      }
      e += 4 + length;
    }

    if (flags & 0x0001) refuse(`часть архива «${label}» зашифрована — снимите с документа пароль`);
    if (method !== STORED && method !== DEFLATED) {
      refuse(`часть архива «${label}» сжата необычным способом (№ ${method}), которым офисные программы не пользуются`);
    }
    if (!has(local, 30) || buffer.readUInt32LE(local) !== SIG.local) fail(`часть архива «${label}» не найдена на своём месте`);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (!has(start, packedSize)) fail('архив обрывается — скорее всего, файл скопирован или скачан не полностью');
    // Parts of a real archive do not overlap: together they are no bigger than the file.
    packed += packedSize;
    if (packed > buffer.length) fail('части архива накладываются друг на друга');
    parts.push({ name, label, flags, method, stamp, recorded: { size: unpackedSize, crc: recordedCrc }, data: buffer.subarray(start, start + packedSize) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** The parts again, as a plain archive: each with its true size and checksum, nothing else. */
function writeArchive(parts: (Part & { size: number; crc: number })[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    // Keep the UTF-8 name flag and the deflate options; drop the rest (data descriptors above all).
    const flags = part.flags & 0x0806;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG.local, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.stamp, 10);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(part.name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(SIG.central, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(part.method, 10);
    entry.writeUInt32LE(part.stamp, 12);
    entry.writeUInt32LE(part.crc, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(part.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, part.name, part.data);
    directory.push(entry, part.name);
    offset += local.length + part.name.length + part.data.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG.end, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, central, end]);
}

export function checkArchive(buffer: Buffer, format: ArchiveFormat, limits: ArchiveLimits = ARCHIVE_LIMITS): Buffer {
  return unpackArchive(buffer, format, limits).archive;
}

/**
 * checkArchive, and the parts it measured, unpacked, by name: for readers that read the
 * archive's XML themselves (.odt, Word's numbering) instead of handing the archive on.
 */
export function unpackArchive(buffer: Buffer, format: ArchiveFormat, limits: ArchiveLimits = ARCHIVE_LIMITS): { archive: Buffer; parts: Map<string, Buffer> } {
  const { file, what, resave } = format;
  const refuse = (why: string): never => {
    throw new ImportError(`файл ${file} не читается как ${what}: ${why}; ${resave}`);
  };
  const damaged = (why: string): never => refuse(`архив повреждён (${why})`);
  const suspicious = `похоже на повреждённый или вредоносный архив; ${resave}`;
  const tooMany = (): never => {
    throw new ImportError(
      `файл ${file} состоит из более чем ${limits.maxParts.toLocaleString('ru-RU')} частей (в обычном документе их десятки) — ${suspicious}`,
    );
  };
  const tooBig = (packed: number): never => {
    // More than 10:1 is text (or zeros); pictures and scans hardly compress at all.
    const why =
      limits.maxUnpackedBytes > 10 * packed
        ? suspicious
        : 'для импорта текста это слишком много, обычно из-за картинок или сканов; удалите их из документа или скопируйте текст в новый документ и импортируйте его';
    throw new ImportError(`файл ${file} после распаковки занимает больше ${megabytes(limits.maxUnpackedBytes)} — ${why}`);
  };
  const tooMuchMarkup = (): never => {
    throw new ImportError(
      `файл ${file}: текст документа после распаковки занимает больше ${megabytes(limits.maxMarkupBytes)} — это сотни страниц, ` +
        `а импорт рассчитан на документы в десятки: разделите документ на части; если же он небольшой, ${suspicious}`,
    );
  };

  if (!buffer.subarray(0, 2).equals(Buffer.from('PK'))) {
    refuse(`это не ZIP-архив, а ${what} всегда им является — похоже, файл переименовали`);
  }
  const parts = readDirectory(buffer, limits, damaged, refuse, tooMany);

  let left = limits.maxUnpackedBytes;
  let markupLeft = limits.maxMarkupBytes;
  let packed = 0;
  const measured = parts.map((part) => {
    packed += part.data.length;
    const markup = isMarkup(part.label);
    const budget = markup ? Math.min(left, markupLeft) : left;
    const over = () => (markup && markupLeft < left ? tooMuchMarkup() : tooBig(packed));
    let data: Buffer;
    if (part.method === STORED || part.data.length === 0) {
      data = part.data;
    } else {
      try {
        // One byte more than the budget, so that «exactly the budget» and «over it» can be told apart.
        data = inflateRawSync(part.data, { maxOutputLength: budget + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return over();
        return damaged(`часть «${part.label}» не распаковывается`);
      }
    }
    if (data.length > budget) return over();
    left -= data.length;
    if (markup) markupLeft -= data.length;
    return { ...part, size: data.length, crc: crc32(data) >>> 0, unpacked: data };
  });
  return { archive: writeArchive(measured), parts: new Map(measured.map((part) => [part.label, part.unpacked])) };
}

/**
 * An archive that unpackArchive gave back, with some parts' content replaced (a reader that
 * rewrites word/document.xml before mammoth reads it). The other parts are copied as they are;
 * their sizes and checksums, written by this module, are trusted. Only names already in the
 * archive are replaced.
 */
export function replaceParts(archive: Buffer, replacements: Map<string, Buffer>): Buffer {
  const stop = (why: string): never => {
    throw new Error(`replaceParts: ${why}`);
  };
  const parts = readDirectory(archive, { ...ARCHIVE_LIMITS, maxParts: Number.MAX_SAFE_INTEGER }, stop, stop, () => stop('too many parts'));
  return writeArchive(
    parts.map((part) => {
      const content = replacements.get(part.label);
      if (!content) return { ...part, ...part.recorded };
      return { ...part, method: DEFLATED, flags: part.flags & 0x0800, data: deflateRawSync(content), size: content.length, crc: crc32(content) >>> 0 };
    }),
  );
}

/**
 * The text parts (XML) of an office archive (.docx, .odt, .xlsx…), unpacked within the limits:
 * what the leak scan reads in a document put under public/. Throws when the archive cannot be read.
 */
export function archiveTexts(buffer: Buffer, limits: ArchiveLimits = ARCHIVE_LIMITS): { name: string; text: string }[] {
  const stop = (why: string): never => {
    throw new Error(why);
  };
  const parts = readDirectory(buffer, limits, stop, stop, () => stop(`в архиве больше ${limits.maxParts} частей`));
  let left = limits.maxMarkupBytes;
  return parts
    .filter((part) => isMarkup(part.label))
    .map((part) => {
      const data = part.method === STORED || !part.data.length ? part.data : inflateRawSync(part.data, { maxOutputLength: left + 1 });
      if (data.length > left) stop(`текст архива больше ${megabytes(limits.maxMarkupBytes)}`);
      left -= data.length;
      return { name: part.label, text: data.toString('utf8') };
    });
}
