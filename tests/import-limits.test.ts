/**
 * The importer's limits (issue 15, item 8): an archive that unpacks to too much is refused
 * before mammoth reads it, `--out` is checked before anything is written, and whatever
 * fails leaves neither a temporary file nor an English system error behind.
 *
 * Archives that could blow up go through the CLI as a user runs it — `node scripts/import.ts`
 * in a child process, with a capped heap so that a blow-up shows as a crash rather than as a
 * slow test; everything else through the same command in this process (runImport, which
 * scripts/import.ts only wraps), a child process costing a second. Both against a copy of the
 * minimal content tree named by CONTENT_ROOT: nothing here writes into src/content/.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runImport } from '../src/import/cli.ts';
import { readText } from '../src/import/read-text.ts';
import { ImportError } from '../src/import/source-document.ts';
import { checkArchive } from '../src/import/zip-limits.ts';
import { checkContent } from '../src/integrity/check.ts';
import { plainTools } from '../src/schemas/common.ts';
import { roadmapSchema } from '../src/schemas/roadmaps.ts';
import { fixtureCopy, listFiles, projectRelative, ROOT, TMP } from './helpers/project.ts';
import { writeDocx } from './helpers/write-docx.ts';
import { deflated, zip, type Part, type Piece } from './helpers/zip.ts';

const S000 = 'tests/fixtures/seeds/000_92cfe020492d1e8c.txt'; // a roadmap
const S003 = 'tests/fixtures/seeds/003_d4ef5299309bf860.txt'; // a regulation and a roadmap
// Per process: two runs of the suite at once must not clear each other's files.
const WORK = join(TMP, `import-limits-${process.pid}`);
const MB = 1024 * 1024;

let content: string; // the copy of the minimal content tree (absolute)
let CONTENT: string; // the same, project-relative, as CONTENT_ROOT and --out take it

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `npm run import -- …` as a user runs it, from the project root, against the content copy, with its heap capped. */
function cliProcess(args: string[]): Run {
  const result = spawnSync(process.execPath, ['--max-old-space-size=512', 'scripts/import.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_ROOT: CONTENT },
    encoding: 'utf8',
    // Only so that a regression cannot hang the run; nothing is asserted about time.
    timeout: 300_000,
    maxBuffer: 64 * MB,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The same command in this process, against the content copy: for input that cannot exhaust memory. */
async function cli(args: string[]): Promise<Run> {
  const saved = process.env.CONTENT_ROOT;
  process.env.CONTENT_ROOT = CONTENT;
  try {
    const result = await runImport(args, ROOT);
    return { code: result.code, signal: null, stdout: result.stdout, stderr: result.stderr };
  } finally {
    if (saved === undefined) delete process.env.CONTENT_ROOT;
    else process.env.CONTENT_ROOT = saved;
  }
}

/** Latin words in a message once paths, options and the names of programs are taken out: an English error leaks through here. */
function englishWords(line: string): string[] {
  const known = new Set(['Word', 'LibreOffice', 'ZIP', 'docx', 'yaml', 'md', 'txt', 'html']);
  return (
    line
      .replace(/--\w+/g, ' ')
      .replace(/\S*[/.]\S*/g, ' ')
      .match(/[A-Za-z]{3,}/g) ?? []
  ).filter((w) => !known.has(w));
}

/** A refusal: exit code 1, exactly one «ошибка: …» line, in Russian, matching every pattern. */
function expectRefusal(run: Run, ...patterns: RegExp[]): string {
  expect(run.signal, run.stderr).toBeNull();
  expect(run.stderr).not.toMatch(/heap|FATAL|Allocation failed|Error:|at .+:\d+:\d+/);
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('ошибка'));
  expect(lines, run.stderr).toHaveLength(1);
  for (const pattern of patterns) expect(lines[0]).toMatch(pattern);
  expect(englishWords(lines[0]), lines[0]).toEqual([]);
  return lines[0];
}

/** Every temporary file the importer may have left, anywhere it could have written. */
const leftovers = () => [...listFiles(WORK), ...listFiles(content)].filter((f) => /\.tmp-\d+$/.test(f));

/** The content copy is still what a build accepts. */
function expectContentClean() {
  expect(checkContent(ROOT, CONTENT).problems).toEqual([]);
  expect(leftovers()).toEqual([]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const BODY_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const BODY_END = '</w:body></w:document>';
const PARAGRAPH = '<w:p><w:r><w:t>x</w:t></w:r></w:p>';

/** A Word document whose body is `body`; the parts' sizes declared as `declare` says. */
function docx(body: Piece[], declare?: (part: Omit<Part, 'declared'>) => number): Buffer {
  const parts = [
    { name: '[Content_Types].xml', ...deflated([CONTENT_TYPES]) },
    { name: '_rels/.rels', ...deflated([RELS]) },
    { name: 'word/document.xml', ...deflated([BODY_START, ...body, BODY_END]) },
  ];
  return zip(parts.map((part) => ({ ...part, declared: declare?.(part) })));
}

// Each test on a fresh copy of the content and an empty work folder, so that none depends on another.
beforeEach(() => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  content = fixtureCopy(`import-limits-${process.pid}`);
  CONTENT = projectRelative(content);
});
afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
});

describe('an archive that unpacks to too much is refused in one line, before it is unpacked', () => {
  it('the hand-made archive itself is a valid Word document: a small one reaches the importer', async () => {
    const file = join(WORK, 'malenkiy.docx');
    writeFileSync(file, docx([`<w:p><w:r><w:t>Просто письмо без таблицы.</w:t></w:r></w:p>`]));
    // Read as a document, it has nothing to import: the refusal is about the text, not the archive.
    expectRefusal(await cli([projectRelative(file), '--org', 'uo-test', '--stdout']), /не найден/);
  });

  it('a zip bomb (300 MB of paragraphs in under 1 MB) is refused, not run out of memory', () => {
    const bomb = docx([{ repeat: PARAGRAPH, bytes: 300 * MB }]);
    expect(bomb.length).toBeLessThan(2 * MB);
    const file = join(WORK, 'bomba.docx');
    writeFileSync(file, bomb);
    const out = join(WORK, 'bomba.yaml');
    const line = expectRefusal(cliProcess([projectRelative(file), '--org', 'uo-test', '--out', projectRelative(out)]), /после распаковки/, /больше 10 МБ/);
    expect(line).toContain('bomba.docx');
    expect(line).toMatch(/сохраните документ заново/);
    expect(existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('a bomb whose directory claims its parts are small is refused the same way', () => {
    const liar = docx([{ repeat: PARAGRAPH, bytes: 300 * MB }], () => 1024);
    const file = join(WORK, 'vrushka.docx');
    writeFileSync(file, liar);
    expectRefusal(cliProcess([projectRelative(file), '--org', 'uo-test', '--stdout']), /vrushka\.docx/, /после распаковки/, /больше 10 МБ/);
  });

  it('a bomb in a part that is not text (a «picture» of 300 MB of zeros) is refused too', () => {
    const parts = [
      { name: '[Content_Types].xml', ...deflated([CONTENT_TYPES]) },
      { name: '_rels/.rels', ...deflated([RELS]) },
      { name: 'word/document.xml', ...deflated([BODY_START, PARAGRAPH, BODY_END]) },
      { name: 'word/media/image1.png', ...deflated([{ repeat: '\0', bytes: 300 * MB }]) },
    ];
    const file = join(WORK, 'kartinka.docx');
    writeFileSync(file, zip(parts));
    expectRefusal(cliProcess([projectRelative(file), '--org', 'uo-test', '--stdout']), /kartinka\.docx/, /больше 100 МБ/, /вредоносный/);
  });

  it('parts that are each small but together too big are refused too', () => {
    const picture = deflated([{ repeat: 'картинка ', bytes: 30 * MB }]);
    const parts = [
      { name: '[Content_Types].xml', ...deflated([CONTENT_TYPES]) },
      { name: '_rels/.rels', ...deflated([RELS]) },
      { name: 'word/document.xml', ...deflated([BODY_START, PARAGRAPH, BODY_END]) },
      ...[1, 2, 3, 4].map((n) => ({ name: `word/media/image${n}.png`, ...picture })),
    ];
    const file = join(WORK, 'mnogo-chastey.docx');
    writeFileSync(file, zip(parts));
    expectRefusal(cliProcess([projectRelative(file), '--org', 'uo-test', '--stdout']), /mnogo-chastey\.docx/, /больше 100 МБ/);
  });

  it('the wording follows the archive: a likely bomb, too many parts, or just too many pictures', () => {
    const format = { file: 'test.docx', what: 'документ Word (.docx)', resave: 'сохраните документ заново в Word или LibreOffice' };
    const limits = { maxUnpackedBytes: 2 * MB, maxMarkupBytes: MB, maxParts: 4 };
    const refusal = (archive: Buffer) => {
      try {
        checkArchive(archive, format, limits);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        return (error as Error).message;
      }
      throw new Error('принят');
    };
    // A photograph's bytes look random: they do not compress.
    const photo = { ...deflated([randomBytes(3 * MB)]), name: 'word/media/photo.jpg' };
    expect(refusal(zip([photo]))).toMatch(/больше 2 МБ — для импорта текста это слишком много, обычно из-за картинок/);
    expect(refusal(zip([{ ...deflated([{ repeat: '\0', bytes: 3 * MB }]), name: 'word/media/photo.jpg' }]))).toMatch(
      /больше 2 МБ — похоже на повреждённый или вредоносный архив/,
    );
    expect(refusal(zip([{ ...deflated([{ repeat: PARAGRAPH, bytes: 2 * MB }]), name: 'word/document.xml' }]))).toMatch(/текст документа .* больше 1 МБ/);
    const small = { ...deflated(['<a/>']), name: 'a.xml' };
    expect(refusal(zip(Array.from({ length: 5 }, (_, n) => ({ ...small, name: `part${n}.xml` }))))).toMatch(/более чем 4 частей/);
    // Within every limit the archive comes back as good as it was: the same parts, unpacked the same.
    const fine = zip([small, { ...small, name: 'b.xml' }]);
    expect(checkArchive(fine, format, limits).equals(fine)).toBe(true);
  });

  it('a file that is not an archive, or a broken one, gets a Russian line saying what to do', async () => {
    let seed = 7;
    const noise = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23));
    const cases: [string, Buffer, RegExp][] = [
      ['tekst.docx', Buffer.from('Это обычный текст, переименованный в .docx'), /не документ Word|не ZIP/],
      ['obryvok.docx', Buffer.concat([Buffer.from('PK\x03\x04'), noise]), /повреждён/],
      ['obrezannyy.docx', docx([PARAGRAPH]).subarray(0, 300), /повреждён/],
      // Word keeps a .docx with a password in an OLE container, as it does a .doc.
      ['s-parolem.docx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), noise, Buffer.from('EncryptionInfo', 'utf16le')]), /паролем/],
    ];
    for (const [name, bytes, why] of cases) {
      const file = join(WORK, name);
      writeFileSync(file, bytes);
      const line = expectRefusal(await cli([projectRelative(file), '--org', 'uo-test', '--stdout']), why);
      expect(line).toContain(name);
      expect(line).toMatch(/сохраните|откройте/);
    }
  });

  it('a real Word document still imports under the same memory cap', async () => {
    const file = join(WORK, 'kayalinskaya.docx');
    writeFileSync(file, await writeDocx(readText(readFileSync(join(ROOT, S000), 'utf8'), S000)));
    const run = cliProcess([projectRelative(file), '--org', 'uo-test', '--kind', 'roadmap', '--stdout']);
    expect(run.code, run.stderr).toBe(0);
    expect(roadmapSchema(plainTools).safeParse(JSON.parse(run.stdout)).success).toBe(true);
  });
});

describe('--out is checked before anything is written', () => {
  const roadmap = (out: string, ...more: string[]) => cli([S000, '--org', 'uo-test', '--kind', 'roadmap', '--out', out, ...more]);
  const regulation = (out: string, ...more: string[]) => cli([S003, '--org', 'uo-test', '--kind', 'regulation', '--out', out, ...more]);

  it.each([[[]], [['--force']]])('a folder is refused (%j) and left as it was', async (force: string[]) => {
    const folder = join(WORK, 'papka');
    mkdirSync(folder, { recursive: true });
    const line = expectRefusal(await roadmap(projectRelative(folder), ...force), /папк/);
    expect(line).toContain(projectRelative(folder));
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('a path ending in / is a folder too, even if it does not exist yet: nothing is created', async () => {
    const folder = join(WORK, 'novaya-papka');
    expectRefusal(await roadmap(`${projectRelative(folder)}/`), /папк/);
    expect(existsSync(folder)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('a roadmap is not written into another collection’s folder', async () => {
    const out = `${CONTENT}/regulations/uo-test-plan.yaml`;
    const line = expectRefusal(await roadmap(out), /roadmaps/);
    expect(line).toContain(out);
    expect(existsSync(join(ROOT, out))).toBe(false);
    expectContentClean();
  });

  it('a regulation is not written into the roadmaps folder', async () => {
    const out = `${CONTENT}/roadmaps/uo-test.md`;
    expectRefusal(await regulation(out), /regulations/);
    expect(existsSync(join(ROOT, out))).toBe(false);
    expectContentClean();
  });

  it('a file name that is not a Latin id is refused inside the content folder, with a Latin name offered', async () => {
    const out = `${CONTENT}/roadmaps/Дорожная карта.yaml`;
    const line = expectRefusal(await roadmap(out), /латиниц/);
    expect(line).toContain(out);
    expect(line).toContain('dorozhnaya-karta.yaml');
    expect(existsSync(join(ROOT, out))).toBe(false);
    expectContentClean();
  });

  it('the wrong extension, a subfolder or the content folder itself are refused', async () => {
    const cases: [string, RegExp][] = [
      [`${CONTENT}/roadmaps/uo-test-plan.yml`, /\.yaml/],
      [`${CONTENT}/roadmaps/2024/uo-test-plan.yaml`, /roadmaps/],
      [`${CONTENT}/uo-test-plan.yaml`, /roadmaps/],
    ];
    for (const [out, why] of cases) {
      const line = expectRefusal(await roadmap(out), why);
      expect(line).toContain(out);
      expect(existsSync(join(ROOT, out))).toBe(false);
    }
    expect(existsSync(join(content, 'roadmaps/2024'))).toBe(false);
    expectContentClean();
  });

  it('the right folder and a Latin name are written, and the content still passes the check', async () => {
    const out = `${CONTENT}/roadmaps/uo-test-2023-2024.yaml`;
    const run = await roadmap(out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`записано: ${out}`);
    expectContentClean();
  });

  it('without --out the entry goes to the collection’s folder under CONTENT_ROOT', async () => {
    const run = await cli([S000, '--org', 'uo-test', '--kind', 'roadmap']);
    expect(run.code, run.stderr).toBe(0);
    const out = `${CONTENT}/roadmaps/uo-test-2023-2024.yaml`;
    expect(run.stderr).toContain(`записано: ${out}`);
    expectContentClean();
  });

  it('outside the content folder any file name will do', async () => {
    const out = join(WORK, 'Дорожная карта.yaml');
    const run = await roadmap(projectRelative(out));
    expect(run.code, run.stderr).toBe(0);
    expect(roadmapSchema(plainTools).safeParse(parseYaml(readFileSync(out, 'utf8'))).success).toBe(true);
  });
});

describe('whatever fails, no temporary file is left and the error is in Russian', () => {
  it('the document named is a folder, or bigger than any document', async () => {
    expectRefusal(await cli([CONTENT, '--org', 'uo-test']), /папка/);
    const huge = join(WORK, 'ogromnyy.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 101 * MB); // sparse: costs no disk
    expectRefusal(await cli([projectRelative(huge), '--org', 'uo-test']), /ogromnyy\.txt/, /до 100 МБ/);
  });

  it('a path through an existing file', async () => {
    const file = join(WORK, 'fayl.txt');
    writeFileSync(file, 'просто файл');
    const line = expectRefusal(await cli([S000, '--org', 'uo-test', '--kind', 'roadmap', '--out', `${projectRelative(file)}/plan.yaml`]));
    expect(line).toContain(projectRelative(file));
    expect(readFileSync(file, 'utf8')).toBe('просто файл');
    expect(leftovers()).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('a folder without the right to write', async () => {
    const locked = join(WORK, 'zakryto');
    mkdirSync(locked, { recursive: true });
    chmodSync(locked, 0o500);
    try {
      expectRefusal(await cli([S000, '--org', 'uo-test', '--kind', 'roadmap', '--out', `${projectRelative(locked)}/plan.yaml`]), /прав/);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o700);
    }
  });

  it('writing itself fails (the target turned into a folder): the temporary file is removed', async () => {
    const { writeEntryFile } = await import('../src/import/output.ts');
    const target = join(WORK, 'stala-papkoy.yaml');
    mkdirSync(join(target, 'vnutri'), { recursive: true });
    let message = '';
    try {
      writeEntryFile(target, 'title: запись\n');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('stala-papkoy.yaml');
    expect(englishWords(message)).toEqual([]);
    expect(leftovers()).toEqual([]);
  });
});
