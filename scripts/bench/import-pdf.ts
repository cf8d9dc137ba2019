/**
 * How long a 30-page PDF roadmap takes to import: reading it (readDocument) and finding the
 * roadmap in it (importDocument), the median of three runs. The PDF is a committed fixture
 * (tests/fixtures/import-units/pdf/bench-30.pdf, made by make.ts beside it), so nothing is
 * generated here.
 *
 *   benchImportPdf(): Promise<{ pages: number; ms: number }>
 *   npx node scripts/bench/import-pdf.ts   — prints one line
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocumentProxy } from 'unpdf';
import { importDocument } from '../../src/import/import-document.ts';
import { readDocument } from '../../src/import/read-document.ts';

const FIXTURE = fileURLToPath(new URL('../../tests/fixtures/import-units/pdf/bench-30.pdf', import.meta.url));

export async function benchImportPdf(file = FIXTURE): Promise<{ pages: number; ms: number }> {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const { document } = await readDocument(file);
    importDocument(document, { kind: 'roadmap', organization: 'bench' });
    times.push(performance.now() - start);
  }
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)), { verbosity: 0 });
  const pages = pdf.numPages;
  await pdf.destroy();
  times.sort((a, b) => a - b);
  return { pages, ms: Math.round(times[1]) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { pages, ms } = await benchImportPdf();
  console.log(`импорт PDF на ${pages} страниц: ${(ms / 1000).toFixed(1)} с (медиана трёх запусков, readDocument + importDocument)`);
}
