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
 *  - merged cells come as colspan/rowspan and are padded by readHtml;
 *  - footnotes come as «[1]» links and a list at the end: the links are dropped, the notes
 *    kept as paragraphs; comments, headers and footers are not read at all.
 */
import mammoth from 'mammoth';
import { readHtml } from './read-html.ts';
import { ImportError, type SourceDocument } from './source-document.ts';
import { checkArchive } from './zip-limits.ts';

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const RESAVE = 'сохраните документ заново в Word или LibreOffice';
/** Word keeps a password-protected .docx in an OLE container (as .doc is) with this stream in it. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** Why the bytes are not a .docx, as far as can be told before unzipping. */
function notDocx(buffer: Buffer): string | undefined {
  if (buffer.length === 0) return 'файл пуст';
  if (buffer.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    if (buffer.includes(ENCRYPTION_INFO)) return 'документ защищён паролем — откройте его в Word, снимите пароль и сохраните заново';
    return 'это документ старого формата .doc — сохраните его в Word как .docx';
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

export async function readDocx(buffer: Buffer, file: string): Promise<{ document: SourceDocument; warnings: string[] }> {
  const fail = (why: string) => new ImportError(`Файл ${file} не читается как документ Word (.docx): ${why}.`);
  const early = notDocx(buffer);
  if (early) throw fail(early);

  // Throws its own one-line refusal (a bomb, a damaged archive); gives back what it measured.
  const archive = checkArchive(buffer, { file, what: 'документ Word (.docx)', resave: RESAVE });

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
  const pictures = result.value.match(/<img\b/gi)?.length ?? 0;

  let document: SourceDocument;
  try {
    document = readHtml(result.value, file);
  } catch (error) {
    if (error instanceof ImportError && pictures) {
      throw new ImportError(`В файле ${file} нет текста, только картинки (${pictures}): похоже на скан — нужен документ с текстом.`);
    }
    throw error;
  }
  if (pictures) warnings.push(`картинок в документе: ${pictures} — текст на них (если это скан или схема) не импортирован`);
  return { document, warnings };
}
