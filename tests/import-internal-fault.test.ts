/**
 * A fault of the importer itself (a bug, not a bad document) still reaches the user as one
 * Russian line that says what happened and what to do, not as a bare English exception.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

// The unit project reuses workers from file to file: the reader is replaced for this file only,
// on modules loaded afresh, and put back afterwards.
vi.resetModules();
vi.doMock('../src/import/read-document.ts', async (original) => ({
  ...(await original<typeof import('../src/import/read-document.ts')>()),
  readDocument: async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'size')");
  },
}));
const { runImport } = await import('../src/import/cli.ts');
afterAll(() => {
  vi.doUnmock('../src/import/read-document.ts');
  vi.resetModules();
});

describe('an internal fault of the importer', () => {
  it('is one Russian line naming the file and what to do, with the detail kept for a bug report', async () => {
    const run = await runImport(['plan.pdf', '--stdout', '--org', 'x']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ошибка: импорт не смог разобрать plan\.pdf — это ошибка программы, а не документа: сообщите о ней/);
    // Before the detail, nothing but Russian.
    expect(lines[0].slice(0, lines[0].indexOf('(подробности')).replace(/plan\.pdf|\.docx|\.odt|PDF/g, '')).not.toMatch(/[a-z]{3,}/i);
    expect(lines[0]).toContain("(подробности: Cannot read properties of undefined (reading 'size'))");
  });
});
