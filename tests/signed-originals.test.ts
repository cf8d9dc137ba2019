/**
 * Signed originals (issue 19, item 4): the editor keeps a document byte for byte under a Latin
 * name and refuses a person's document; the check refuses a missing file, a file outside the
 * entry's own folder and a consent; the site publishes it under a name made from the entry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/integrity/check.ts';
import { documentFormat, documentName } from '../src/admin/media-names.ts';
import { fileDescription, looksLikeConsent, publishedPath } from '../src/lib/signed-originals.ts';
import { buildCmsConfig } from '../cms/config.ts';
import { fixtureCopy, projectRelative, ROOT } from './helpers/project.ts';
import { append } from './helpers/edit.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the editor keeps a signed original as it is, under a Latin name', () => {
  it('tells documents by their bytes (a .docx or .odt zip by its name too)', () => {
    expect(documentFormat(bytes('%PDF-1.7\n...'), 'скан.pdf')).toBe('pdf');
    expect(documentFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'приказ.doc')).toBe('doc');
    expect(documentFormat(bytes('PK\x03\x04....'), 'приказ.docx')).toBe('docx');
    expect(documentFormat(bytes('PK\x03\x04....'), 'приказ.odt')).toBe('odt');
    expect(documentFormat(bytes('PK\x03\x04....'), 'архив.zip')).toBeUndefined();
    expect(documentFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'скан.jpg')).toBeUndefined();
  });
  it('names the file in Latin with a hash of its bytes', () => {
    expect(documentName('Приказ №45 (подписан).PDF', '3f9a1c2b77', 'pdf')).toBe('prikaz-45-podpisan-3f9a1c2b.pdf');
  });
  it('takes a consent for a person’s document, in Russian or transliterated', () => {
    for (const name of ['Согласие Ивановой.pdf', 'soglasie-ivanova.pdf', 'consent_form.docx', 'obrabotka-personalnyh-dannyh.pdf'])
      expect(looksLikeConsent(name), name).toBe(true);
    expect(looksLikeConsent('prikaz-o-dorozhnoy-karte.pdf')).toBe(false);
  });
  it('the field is a file upload into the entry’s own folder', () => {
    const config = buildCmsConfig() as { collections: { name: string; fields?: { name: string; widget: string; media_folder?: string }[] }[] };
    for (const name of ['regulations', 'roadmaps', 'results']) {
      const field = config.collections.find((c) => c.name === name)!.fields!.find((f) => f.name === 'signedOriginal')!;
      expect(field.widget, name).toBe('file');
      expect(field.media_folder, name).toBe('originals/{{filename}}');
    }
  });
});

describe('the site publishes it under a name made from the entry', () => {
  it('never under the uploaded name', () => {
    expect(publishedPath('roadmaps', 'shkola-5-2026', './originals/shkola-5-2026/ivanova-podpis-1a2b3c4d.JPEG')).toBe(
      'dokumenty/dorozhnaya-karta-shkola-5-2026.jpg',
    );
    expect(publishedPath('regulations', 'shkola-5', './originals/shkola-5/x.pdf')).toBe('dokumenty/polozhenie-shkola-5.pdf');
  });
  it('describes format and size in Russian', () => {
    expect(fileDescription('x.pdf', 1_258_291)).toBe('PDF, 1,2\u00a0МБ');
    expect(fileDescription('x.docx', 48_000)).toBe('DOCX, 47\u00a0КБ');
  });
});

describe('the check', () => {
  const RM = 'roadmaps/test-rm.yaml';
  function variant(name: string, file: string, make?: string) {
    const dir = fixtureCopy(`originals-${name}`);
    if (make) {
      mkdirSync(join(dir, 'roadmaps', make, '..'), { recursive: true });
      writeFileSync(join(dir, 'roadmaps', make), '%PDF-1.4\n%%EOF\n');
    }
    append(join(dir, RM), `signedOriginal: ${file}\n`);
    return checkContent(ROOT, projectRelative(dir)).problems.filter((p) => p.field === 'signedOriginal');
  }

  it('accepts a file in the entry’s own folder', () => {
    expect(variant('ok', './originals/test-rm/prikaz.pdf', 'originals/test-rm/prikaz.pdf')).toEqual([]);
  });
  it('refuses a missing file, naming it', () => {
    expect(variant('missing', './originals/test-rm/net.pdf')[0]?.message).toMatch(/не найден/);
  });
  it('refuses a file of another entry', () => {
    expect(variant('foreign', './originals/drugaya/prikaz.pdf', 'originals/drugaya/prikaz.pdf')[0]?.message).toMatch(/в папке этой записи/);
  });
  it('refuses a consent', () => {
    expect(variant('consent', './originals/test-rm/soglasie-ivanovoy.pdf', 'originals/test-rm/soglasie-ivanovoy.pdf')[0]?.message).toMatch(/согласие/);
  });
});
