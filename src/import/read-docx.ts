/**
 * A Word document (.docx) → SourceDocument, through mammoth's HTML and readHtml.
 *
 *   readDocx(buffer: Buffer, file: string): Promise<{ document: SourceDocument; warnings: string[] }>
 *
 * `warnings` (Russian, one line each, repeats counted) say where text may have been lost
 * on the way: elements mammoth does not know, symbols it cannot map, pictures (whose
 * text, if a scan, is not imported). Style warnings are left out: the text is kept.
 * A buffer that is not a .docx → ImportError with a one-line message. Before mammoth sees
 * the archive, checkArchive (zip-limits.ts) measures what it unpacks to and refuses a «zip
 * bomb»; mammoth gets the archive rebuilt from the parts that were measured.
 *
 * What mammoth does, and what is done about it:
 *  - empty paragraphs are kept (`ignoreEmptyParagraphs: false`): they are Word's blank
 *    lines and become `gap` on the next paragraph, as blank lines do in a text file;
 *  - bold comes from direct formatting only (`<strong>`), headings from Heading 1–6;
 *    Title and Subtitle are mapped to headings too, so a title styled so is bold;
 *  - automatic numbering («1.», «2.3.», «а)», bullets) is written into the text first, as
 *    Word shows it (docx-numbering.ts): mammoth's lists lose where counting starts and goes on;
 *  - merged cells come as colspan/rowspan and are padded by readHtml;
 *  - footnotes come as «[1]» links and a list at the end: the links are dropped, the notes
 *    kept as paragraphs; comments, headers and footers are not read at all.
 */
import mammoth from 'mammoth';
import { isEncryptedDocx } from './read-doc.ts';
import { readHtml } from './read-html.ts';
import { ImportError, type SourceDocument } from './source-document.ts';
import { writeListNumbers } from './docx-numbering.ts';
import { replaceParts, unpackArchive } from './zip-limits.ts';

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const RESAVE = 'сохраните документ заново в Word или LibreOffice';

/** Why the bytes are not a .docx, as far as can be told before unzipping. */
function notDocx(buffer: Buffer): string | undefined {
  if (buffer.length === 0) return 'файл пуст';
  if (buffer.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    if (isEncryptedDocx(buffer)) return 'документ защищён паролем — откройте его в Word, снимите пароль и сохраните заново';
    // Not encrypted: an old Word document (.doc) given the new extension; the .doc reader reads it under its own name.
    return 'это документ Word старого формата (.doc), а не .docx — переименуйте файл в .doc и импортируйте снова или сохраните его в Word как .docx';
  }
  if (buffer.subarray(0, 5).toString('latin1') === '{\\rtf') return 'это документ RTF — сохраните его в Word как .docx';
  if (buffer.subarray(0, 4).toString('latin1') === '%PDF') return 'это PDF — нужен .docx или текст';
  if (!buffer.subarray(0, 2).equals(Buffer.from('PK'))) {
    return 'это не ZIP-архив, а .docx всегда им является: похоже, файл переименовали — откройте его в Word или LibreOffice и сохраните как .docx';
  }
  return undefined;
}

/** mammoth's (and its unzipper's) error → the reason in Russian. */
function reason(error: unknown): string {
  const message = oneLine(error instanceof Error ? error.message : String(error));
  if (/main document part|body element/i.test(message)) return 'в архиве нет документа Word (word/document.xml)';
  if (/zip|central directory|end of data|corrupt|invalid (code|distance|stored)|unexpected end/i.test(message)) {
    return `архив повреждён — ${RESAVE}`;
  }
  return message;
}

/** mammoth's messages that may mean lost text, in Russian; undefined for those that do not. */
function warningOf(message: { type: string; message: string }): string | undefined {
  const text = oneLine(message.message);
  if (/^Unrecognised (\w+ )?style/i.test(text)) return undefined; // the text is there, in a plain <p>
  if (/^Image of type|image file|v:imagedata/i.test(text)) return undefined; // pictures are counted below
  if (/complex field|Unsupported break type/i.test(text)) return undefined; // no text in these
  const element = /^An unrecognised element was ignored: (.+)$/.exec(text)?.[1];
  if (element) return `пропущен неизвестный элемент Word ${element}: его текст, если он был, не импортирован`;
  const symbol = /w:sym element with an unsupported character was ignored: char (\S+) in font (.+)$/.exec(text);
  if (symbol) return `пропущен символ шрифта ${symbol[2]} (код ${symbol[1]}) — в тексте его не будет`;
  if (/cell merging may be incorrect/i.test(text)) {
    return 'в таблице необычная структура: объединённые по вертикали ячейки могли сместить столбцы';
  }
  return `${message.type === 'error' ? 'ошибка' : 'предупреждение'} mammoth: ${text}`;
}

/** Where the archive keeps the main document and the parts it points at (word/… as a rule). */
function partsOfDocument(parts: Map<string, Buffer>): { document?: string; numbering?: string; styles?: string } {
  const target = (rels: string | undefined, type: string) => {
    if (!rels) return undefined;
    for (const match of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (new RegExp(`Type="[^"]*/${type}"`).test(match[0])) return /Target="([^"]+)"/.exec(match[0])?.[1];
    }
    return undefined;
  };
  const resolve = (base: string, path: string) => {
    const out = path.startsWith('/') ? [] : base.split('/').slice(0, -1);
    for (const piece of path.replace(/^\//, '').split('/')) {
      if (piece === '..') out.pop();
      else if (piece !== '.') out.push(piece);
    }
    return out.join('/');
  };
  const mainTarget = target(parts.get('_rels/.rels')?.toString('utf8'), 'officeDocument');
  const document = mainTarget ? resolve('', mainTarget) : 'word/document.xml';
  const folder = document.split('/').slice(0, -1).join('/');
  const rels = parts.get(`${folder ? `${folder}/` : ''}_rels/${document.split('/').pop()}.rels`)?.toString('utf8');
  const numbering = target(rels, 'numbering');
  const styles = target(rels, 'styles');
  return { document, numbering: numbering && resolve(document, numbering), styles: styles && resolve(document, styles) };
}

/**
 * The archive with Word's list numbers written into the document's text, where it has numbered
 * paragraphs. Numbering it cannot make sense of is not a reason to refuse the document: the
 * text is read as mammoth reads it, with a warning that numbers may be off.
 */
function withListNumbers(archive: Buffer, parts: Map<string, Buffer>): { archive: Buffer; warning?: string } {
  const names = partsOfDocument(parts);
  const documentXml = names.document && parts.get(names.document);
  const numberingXml = names.numbering && parts.get(names.numbering);
  if (!documentXml || !numberingXml) return { archive };
  try {
    const styles = names.styles && parts.get(names.styles)?.toString('utf8');
    const rewritten = writeListNumbers(documentXml.toString('utf8'), numberingXml.toString('utf8'), styles);
    return { archive: rewritten ? replaceParts(archive, new Map([[names.document!, Buffer.from(rewritten, 'utf8')]])) : archive };
  } catch {
    return { archive, warning: 'автоматическая нумерация Word не прочитана: номера пунктов и строк таблицы могут отличаться от тех, что видны в Word' };
  }
}

export async function readDocx(buffer: Buffer, file: string): Promise<{ document: SourceDocument; warnings: string[] }> {
  const fail = (why: string) => new ImportError(`файл ${file} не читается как документ Word (.docx): ${why}`);
  const early = notDocx(buffer);
  if (early) throw fail(early);

  // Throws its own one-line refusal (a bomb, a damaged archive); gives back what it measured.
  const unpacked = unpackArchive(buffer, { file, what: 'документ Word (.docx)', resave: RESAVE });
  const { archive, warning: numberingWarning } = withListNumbers(unpacked.archive, unpacked.parts);

  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml({ buffer: archive }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: false });
  } catch (error) {
    throw fail(reason(error));
  }

  const counts = new Map<string, number>();
  for (const message of result.messages) {
    const warning = warningOf(message);
    if (warning) counts.set(warning, (counts.get(warning) ?? 0) + 1);
  }
  const warnings = [...counts].map(([warning, count]) => (count > 1 ? `${warning} (×${count})` : warning));
  if (numberingWarning) warnings.push(numberingWarning);
  const pictures = result.value.match(/<img\b/gi)?.length ?? 0;

  let document: SourceDocument;
  try {
    document = readHtml(result.value, file);
  } catch (error) {
    if (error instanceof ImportError && pictures) {
      throw new ImportError(`в файле ${file} нет текста, только картинки (${pictures}): похоже на скан — нужен документ с текстом`);
    }
    throw error;
  }
  if (pictures) warnings.push(`картинок в документе: ${pictures} — текст на них (если это скан или схема) не импортирован`);
  return { document, warnings };
}
