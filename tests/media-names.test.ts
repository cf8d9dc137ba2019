/**
 * The editor's media rules without a browser (src/admin/media-names.ts, cms/media.ts): upload
 * names, the per-entry folders in Decap's settings, where a new entry's image goes, and which
 * files go with a deleted entry.
 */
import { describe, expect, it } from 'vitest';
import { buildCmsConfig } from '../cms/config.ts';
import { IMAGE_MAX_MB, imageTooLarge } from '../cms/media.ts';
import { filesOfDeletedEntry, legacyMediaPath, newEntryImages, outputType, uploadFormat, uploadName } from '../src/admin/media-names.ts';

const bytes = (...values: (number | string)[]) => new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('upload names', () => {
  it('are Latin, lower case, with the content hash and the saved format’s extension', () => {
    expect(uploadName('фото ивановой на уроке+2025.JPG', '3f9a1c2b77', 'image/jpeg')).toBe('foto-ivanovoy-na-uroke-2025-3f9a1c2b.jpg');
    expect(uploadName('IMG_2041.HEIC', 'abcdef0123', 'image/jpeg')).toBe('img-2041-abcdef01.jpg');
    expect(uploadName('Схема № 3.png', '00112233', 'image/png')).toBe('shema-3-00112233.png');
    expect(uploadName('.jpg', '00112233', 'image/webp')).toBe('izobrazhenie-00112233.webp');
    expect(uploadName('+++.jpeg', '00112233', 'image/jpeg')).toBe('izobrazhenie-00112233.jpg');
  });

  it('two pictures uploaded under one name get two names', () => {
    expect(uploadName('cover.jpg', 'aaaaaaaa', 'image/jpeg')).not.toBe(uploadName('cover.jpg', 'bbbbbbbb', 'image/jpeg'));
  });

  it('the format is told by the bytes, and anything but JPEG, PNG and WebP is saved as JPEG', () => {
    expect(uploadFormat(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('jpeg');
    expect(uploadFormat(bytes(0x89, 'PNG', 0x0d, 0x0a))).toBe('png');
    expect(uploadFormat(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('webp');
    expect(uploadFormat(bytes('GIF89a'))).toBeUndefined();
    expect(uploadFormat(bytes(0, 0, 0, 0x1c, 'ftypavif'))).toBeUndefined();
    expect(outputType('png')).toBe('image/png');
    expect(outputType(undefined)).toBe('image/jpeg');
  });

  it('the size message names the file, its size and the limit in МБ', () => {
    expect(imageTooLarge('IMG_0001.JPG', 30.5 * 1024 * 1024)).toBe(
      `файл «IMG_0001.JPG» весит 30,5 МБ, а можно не больше ${IMAGE_MAX_MB} МБ: уменьшите фотографию (для сайта хватит 2000 точек по длинной стороне) и загрузите снова`,
    );
  });
});

describe('per-entry folders', () => {
  const config = buildCmsConfig() as { collections: Record<string, unknown>[] };
  const collection = (name: string) => config.collections.find((c) => c.name === name)!;

  it('every collection with images uploads into a folder named after the entry’s file', () => {
    expect(collection('practices')).toMatchObject({ media_folder: 'covers/{{filename}}', public_folder: './covers/{{filename}}' });
    expect(collection('mentors')).toMatchObject({ media_folder: 'photos/{{filename}}', public_folder: './photos/{{filename}}' });
    expect(collection('regulations').media_folder).toBeUndefined();
  });

  it('a new entry’s own upload is pointed at its folder; a duplicated entry’s picture stays the original’s', () => {
    const uploads = new Set(['cover-1a2b3c4d.jpg']);
    expect(newEntryImages('practices', 'novaya', { cover: 'covers/cover-1a2b3c4d.jpg' }, uploads)).toEqual({ cover: './covers/novaya/cover-1a2b3c4d.jpg' });
    expect(newEntryImages('practices', 'novaya', { cover: './covers/staraya/cover-0000.jpg' }, uploads)).toEqual({});
    expect(newEntryImages('practices', 'novaya', { cover: 'https://example.org/cover-1a2b3c4d.jpg' }, uploads)).toEqual({});
    expect(newEntryImages('organizations', 'novaya', { cover: 'covers/cover-1a2b3c4d.jpg' }, uploads)).toEqual({});
  });
});

describe('files of a deleted entry', () => {
  const path = 'src/content/mentors/ivanova-anna.yaml';
  const photos = 'src/content/mentors/photos';
  const own = [`${photos}/ivanova-anna/foto-1.jpg`, `${photos}/ivanova-anna/foto-2.jpg`];
  const flat = [`${photos}/anna.jpg`, `${photos}/ivanova-anna.jpg`, `${photos}/petrov-ivan.jpg`];

  it('a person: their folder, the photo their card named, and the old photo named after them', () => {
    expect(filesOfDeletedEntry({ collection: 'mentors', path, data: { photo: './photos/anna.jpg' }, own, flat, others: [] })).toEqual([
      `${photos}/anna.jpg`,
      `${photos}/ivanova-anna.jpg`,
      ...own,
    ]);
  });

  it('a picture another entry still shows stays', () => {
    const others = [{ path: 'src/content/mentors/petrov-ivan.yaml', data: { photo: 'photos/ivanova-anna.jpg' } }];
    expect(filesOfDeletedEntry({ collection: 'mentors', path, data: { photo: './photos/ivanova-anna.jpg' }, own: [], flat, others })).toEqual([]);
  });

  it('never a file outside the collection’s image folder', () => {
    for (const photo of ['../practices/covers/a.jpg', './photos/../ivanova-anna.yaml', 'https://example.org/a.jpg', '/photos/anna.jpg'])
      expect(filesOfDeletedEntry({ collection: 'mentors', path, data: { photo }, own: [], flat: [], others: [] }), photo).toEqual([]);
  });

  it('a practice the same way; a collection without images has none', () => {
    const cover = 'src/content/practices/covers/p/c-1.jpg';
    expect(
      filesOfDeletedEntry({
        collection: 'practices',
        path: 'src/content/practices/p.md',
        data: { cover: 'covers/p/c-1.jpg' },
        own: [cover],
        flat: [],
        others: [],
      }),
    ).toEqual([cover]);
    expect(filesOfDeletedEntry({ collection: 'regulations', path: 'src/content/regulations/r.md', data: {}, own: [], flat: [], others: [] })).toEqual([]);
  });
});

describe('pictures of the flat layout of before, in the editor', () => {
  it('a picture looked for in the entry’s folder is found one level up', () => {
    expect(legacyMediaPath('src/content/practices/covers/p/p.jpg')).toBe('src/content/practices/covers/p.jpg');
    expect(legacyMediaPath('src/content/mentors/photos/smirnova-elena/smirnova-elena.jpg')).toBe('src/content/mentors/photos/smirnova-elena.jpg');
    expect(legacyMediaPath('src/content/practices/covers/p.jpg')).toBeUndefined();
    expect(legacyMediaPath('src/content/regulations/files/p/a.pdf')).toBeUndefined();
  });
});
