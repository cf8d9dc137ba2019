/** The signed originals, under Latin names made from their entries (src/lib/signed-originals.ts). */
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data.ts';
import { ORIGINAL_COLLECTIONS, originalOnDisk, publishedPath } from '../../lib/signed-originals.ts';

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  odt: 'application/vnd.oasis.opendocument.text',
  jpg: 'image/jpeg',
  png: 'image/png',
};

export async function getStaticPaths() {
  const site = await loadSite();
  return ORIGINAL_COLLECTIONS.flatMap((collection) =>
    site[collection].flatMap((entry) => {
      const file = entry.data.signedOriginal;
      if (!file) return [];
      const path = publishedPath(collection, entry.id, file);
      return [{ params: { file: path.split('/').pop()! }, props: { source: originalOnDisk(collection, file) } }];
    }),
  );
}

export const GET: APIRoute = ({ props, params }) => {
  const { source } = props as { source: string };
  const type = TYPES[String(params.file).split('.').pop()!] ?? 'application/octet-stream';
  return new Response(new Uint8Array(readFileSync(source)), { headers: { 'Content-Type': type } });
};
