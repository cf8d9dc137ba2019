/**
 * A broken content file stops the build with the content check's own message — the file, the
 * field or the line and column, in Russian — never with the parser's English
 * (issue 15, findings 10 and 7; the messages themselves: tests/content-errors.test.ts).
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, fixtureCopy, projectRelative, TMP } from './helpers/project.ts';
import { append, replaceIn } from './helpers/edit.ts';

const ORG = 'organizations/uo-test.yaml';
const SETTINGS = 'settings/site.yaml';

describe("the build stops with the check's own message", () => {
  const build = (name: string, edit: (dir: string) => void) => {
    const dir = fixtureCopy(`errors-${name}`);
    edit(dir);
    const rel = projectRelative(dir);
    const out = join(TMP, `dist-${name}`);
    const result = astroBuild({ CONTENT_ROOT: rel, OUT_DIR: out });
    rmSync(out, { recursive: true, force: true });
    return { rel, ...result };
  };
  const PARSER_ENGLISH = /Map keys|must be unique|Invalid URL|at line \d|No files found|Cannot read properties|does not exist|Invalid content reference/;

  it('an upper-case .YAML extension', () => {
    const { rel, status, output } = build('build-upper-case', (dir) => renameSync(join(dir, ORG), join(dir, 'organizations/uo-test.YAML')));
    expect(status).not.toBe(0);
    expect(output).toContain(`${rel}/organizations/uo-test.YAML: `);
    expect(output).toContain('переименуйте его в «uo-test.yaml»');
    expect(output).not.toMatch(PARSER_ENGLISH);
  });

  it('a YAML slip', () => {
    const { rel, status, output } = build('build-yaml-slip', (dir) => append(join(dir, ORG), 'name: Второе название\n'));
    expect(status).not.toBe(0);
    expect(output).toContain(`${rel}/${ORG}: строка 5, столбец 1: поле «name» записано дважды — оставьте одно`);
    expect(output).not.toMatch(PARSER_ENGLISH);
  });

  it('a javascript: site address', () => {
    const { rel, status, output } = build('build-site-url', (dir) =>
      replaceIn(join(dir, SETTINGS), 'siteUrl: https://nastavnichestvo.example/', 'siteUrl: "javascript:alert(1)"'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(`${rel}/${SETTINGS} → поле «siteUrl»`);
    expect(output).not.toMatch(PARSER_ENGLISH);
  });
});
