/**
 * The content integrity check: every real entry passes; broken ones are reported
 * with the file, the field and a message an editor understands; and a build with
 * such content fails.
 */
import { readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/integrity/check.ts';
import { astroBuild, fixtureCopy, projectRelative, ROOT, TMP } from './helpers/project.ts';

function variant(name: string, edit: (dir: string) => void) {
  const dir = fixtureCopy(name);
  edit(dir);
  return { dir, rel: projectRelative(dir), result: checkContent(ROOT, projectRelative(dir)) };
}
const replaceIn = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`в ${file} нечего заменить: ${from}`);
  writeFileSync(file, next);
};

describe('the project content', () => {
  it('passes the integrity check with every collection filled', () => {
    const { problems, entries } = checkContent(ROOT);
    expect(problems).toEqual([]);
    const count = (c: string) => entries.filter((e) => e.collection === c).length;
    expect(count('forms')).toBe(5);
    expect(count('roadmaps')).toBeGreaterThanOrEqual(3);
    expect(count('regulations')).toBeGreaterThanOrEqual(1);
    expect(count('practices')).toBeGreaterThanOrEqual(8);
    expect(count('mentors')).toBeGreaterThanOrEqual(12);
    expect(count('organizations')).toBeGreaterThanOrEqual(3);
    expect(count('settings')).toBe(1);
  });

  it('has demo data as the issue asks: every form practised, one minor, a district office and schools', () => {
    const { entries } = checkContent(ROOT);
    const of = (c: string) => entries.filter((e) => e.collection === c).map((e) => e.data as Record<string, any>);
    const practiceForms = new Set(of('practices').flatMap((p) => p.forms));
    const formIds = entries.filter((e) => e.collection === 'forms').map((e) => e.id);
    expect([...practiceForms].sort()).toEqual(formIds.sort());
    expect(of('mentors').filter((m) => m.minor)).toHaveLength(1);
    const demoOrgs = of('organizations').filter((o) => o.demo);
    expect(demoOrgs.some((o) => o.kind === 'education-office')).toBe(true);
    expect(demoOrgs.filter((o) => o.kind === 'school').length).toBeGreaterThanOrEqual(2);
    for (const m of of('mentors')) expect(Object.keys(m)).not.toContain('birthDate');
  });

  it('the minimal fixture is valid (the broken variants below start from it)', () => {
    expect(checkContent(ROOT, 'tests/fixtures/minimal').problems).toEqual([]);
  });
});

describe('broken content is reported with file, field and a readable reason', () => {
  const cases: { name: string; edit: (dir: string) => void; file: string; field?: string; message: RegExp }[] = [
    {
      name: 'no-consent',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), 'publication: true', 'publication: false'),
      file: 'mentors/ivanova-anna.yaml',
      field: 'consent.publication',
      message: /нет согласия на публикацию/,
    },
    {
      name: 'consent-missing',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), /^consent:.*$/m, ''),
      file: 'mentors/ivanova-anna.yaml',
      field: 'consent',
      message: /.+/,
    },
    {
      name: 'minor-consent-by-self',
      edit: (dir) => replaceIn(join(dir, 'mentors/uchenik-artem.yaml'), ', givenBy: parent', ''),
      file: 'mentors/uchenik-artem.yaml',
      field: 'consent.givenBy',
      message: /родитель/,
    },
    {
      name: 'dangling-mentor',
      edit: (dir) => replaceIn(join(dir, 'practices/test-practice.md'), 'mentors: [ivanova-anna', 'mentors: [petrov-net-takogo'),
      file: 'practices/test-practice.md',
      field: 'mentors[1]',
      message: /несуществующую запись «petrov-net-takogo» в разделе «наставники»/,
    },
    {
      name: 'dangling-organization',
      edit: (dir) => replaceIn(join(dir, 'practices/test-practice.md'), 'organization: uo-test', 'organization: shkola-999'),
      file: 'practices/test-practice.md',
      field: 'organization',
      message: /«shkola-999» в разделе «организации»/,
    },
    {
      name: 'dangling-form',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), 'forms: [uchitel-uchitel]', 'forms: [uchitel-direktor]'),
      file: 'mentors/ivanova-anna.yaml',
      field: 'forms[1]',
      message: /формы наставничества/,
    },
    {
      name: 'duplicate-id',
      edit: (dir) => copyFileSync(join(dir, 'mentors/ivanova-anna.yaml'), join(dir, 'mentors/ivanova-anna.yml')),
      file: 'mentors/ivanova-anna.yml',
      message: /.+/,
    },
    {
      name: 'impossible-date',
      edit: (dir) => replaceIn(join(dir, 'roadmaps/test-rm.yaml'), 'to: 2026-09-30', 'to: 2026-09-31'),
      file: 'roadmaps/test-rm.yaml',
      field: 'stages[1].items[1].deadline.to',
      message: /не существует/,
    },
    {
      name: 'unknown-status',
      edit: (dir) => replaceIn(join(dir, 'roadmaps/test-rm.yaml'), 'status: done', 'status: готово'),
      file: 'roadmaps/test-rm.yaml',
      field: 'stages[1].items[1].status',
      message: /не подходит; допустимо: выполнено, в работе, запланировано/,
    },
    {
      name: 'missing-title',
      edit: (dir) => replaceIn(join(dir, 'practices/test-practice.md'), /^title:.*\n/m, ''),
      file: 'practices/test-practice.md',
      field: 'title',
      message: /название практики/,
    },
    {
      name: 'latin-id',
      edit: (dir) => copyFileSync(join(dir, 'forms/uchitel-uchitel.yaml'), join(dir, 'forms/Учитель.yaml')),
      file: 'forms/Учитель.yaml',
      message: /латинские строчные буквы/,
    },
    {
      name: 'broken-yaml',
      edit: (dir) => writeFileSync(join(dir, 'organizations/uo-test.yaml'), 'name: [незакрытая скобка\nkind: school\n'),
      file: 'organizations/uo-test.yaml',
      message: /ошибка в разметке YAML/,
    },
    {
      name: 'id-differs-from-file-name',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), /^name:/m, 'id: drugoy-chelovek\nname:'),
      file: 'mentors/ivanova-anna.yaml',
      field: 'id',
      message: /не совпадает с именем файла/,
    },
    {
      name: 'real-entry-of-a-fictional-organization',
      edit: (dir) => writeFileSync(join(dir, 'organizations/uo-test.yaml'), `${readFileSync(join(dir, 'organizations/uo-test.yaml'), 'utf8')}demo: true\n`),
      file: 'roadmaps/test-rm.yaml',
      field: 'demo',
      message: /вымышленный пример.*«пример»/,
    },
    {
      name: 'no-settings',
      edit: (dir) => rmSync(join(dir, 'settings/site.yaml')),
      file: 'settings/site.yaml',
      message: /нет файла настроек сайта/,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const { rel, result } = variant(c.name, c.edit);
      const hit = result.problems.find((p) => p.file === `${rel}/${c.file}` && (c.field === undefined || p.field === c.field));
      expect(hit, JSON.stringify(result.problems, null, 1)).toBeDefined();
      expect(hit!.message).toMatch(c.message);
    });
  }
});

describe('the build refuses broken content', () => {
  it('a mentor without consent fails the build, naming the file', () => {
    const { rel } = variant('build-no-consent', (dir) =>
      replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), 'publication: true', 'publication: false'),
    );
    const out = join(TMP, 'dist-broken-consent');
    const result = astroBuild({ CONTENT_ROOT: rel, OUT_DIR: out });
    rmSync(out, { recursive: true, force: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${rel}/mentors/ivanova-anna.yaml`);
    expect(result.output).toContain('нет согласия на публикацию');
  });

  it('a practice referring to a missing mentor and organisation fails the build, naming file and field', () => {
    const { rel } = variant('build-dangling', (dir) => {
      replaceIn(join(dir, 'practices/test-practice.md'), 'mentors: [ivanova-anna', 'mentors: [net-takogo');
      replaceIn(join(dir, 'practices/test-practice.md'), 'organization: uo-test', 'organization: net-takoy');
    });
    const out = join(TMP, 'dist-broken-refs');
    const result = astroBuild({ CONTENT_ROOT: rel, OUT_DIR: out });
    rmSync(out, { recursive: true, force: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${rel}/practices/test-practice.md → поле «mentors[1]»`);
    expect(result.output).toContain(`${rel}/practices/test-practice.md → поле «organization»`);
  });
});
