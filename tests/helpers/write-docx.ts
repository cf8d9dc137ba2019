/**
 * A SourceDocument → its .docx twin, for tests that check a Word document imports
 * to what its text twin does.
 *
 *   writeDocx(doc: SourceDocument): Promise<Buffer>
 *
 * Paragraphs are Word paragraphs (bold when `bold`; a `gap` is an empty paragraph before
 * it, Word's blank line); tables are Word tables, each cell's parts a paragraph of the cell.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, SourceDocument } from '../../src/import/source-document.ts';

const paragraph = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });

export async function writeDocx(doc: SourceDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let previous: Block | undefined;
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      if (block.gap) children.push(new Paragraph({}));
      children.push(paragraph(block.text, block.bold));
    } else {
      // Two tables in a row would be one table in Word.
      if (previous?.kind === 'table') children.push(new Paragraph({}));
      const columns = Math.max(1, ...block.rows.map((row) => row.cells.length));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          columnWidths: Array.from({ length: columns }, () => Math.floor(9000 / columns)),
          rows: block.rows.map(
            (row) =>
              new TableRow({
                children: row.cells.map(
                  (cell) =>
                    new TableCell({
                      // A Word cell holds at least one paragraph.
                      children: cell.parts.length ? cell.parts.map((part) => paragraph(part)) : [new Paragraph({})],
                    }),
                ),
              }),
          ),
        }),
      );
    }
    previous = block;
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
