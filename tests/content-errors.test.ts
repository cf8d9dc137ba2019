/**
 * Every way an editor can break a content file ends in a Russian message that names the
 * file, the field (or the line and column of a YAML slip) and what to do — never in the
 * parser's English, never in silence (issue 15, findings 10 and 7). That the build stops with
 * the same message: tests/content-errors-build.test.ts.
 */
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { checkContent, formatProblems } from '../src/integrity/check.ts';
import { translateYamlError } from '../src/integrity/read-entry.ts';
import '../src/schemas/common.ts';
import { fixtureCopy, projectRelative, ROOT } from './helpers/project.ts';
import { append, read, replaceIn } from './helpers/edit.ts';

function variant(name: string, edit: (dir: string) => void) {
  const dir = fixtureCopy(`errors-${name}`);
  edit(dir);
  const rel = projectRelative(dir);
  return { dir, rel, result: checkContent(ROOT, rel) };
}
const ORG = 'organizations/uo-test.yaml';
const PRACTICE = 'practices/test-practice.md';
const REGULATION = 'regulations/test-reg.md';
const SETTINGS = 'settings/site.yaml';
/** A practice's text (its Markdown body) replaced. */
const practiceBody = (dir: string, body: string) => writeFileSync(join(dir, PRACTICE), read(join(dir, PRACTICE)).replace(/\n---\n[\s\S]*$/, `\n---\n${body}`));

/**
 * English left in a message: words of three or more Latin letters, once quoted values
 * («…»), file names, addresses and a few words editors know (YAML, UTF-8, Tab…) are removed.
 */
function english(message: string): string[] {
  const stripped = message
    .replace(/«[^»]*»/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/[\w.-]*\.(?:yaml|yml|md|markdown|jpg|pdf)\b/gi, '')
    .replace(/\b(?:https?|mailto|tel):[^\s,;)]*/gi, '')
    .replace(/\b(?:YAML|UTF-8|UTF-16|Windows-1251|Tab|Markdown|Word|true|false|demo|parent|id|public|files)\b/g, '');
  return stripped.match(/[A-Za-z]{3,}/g) ?? [];
}

interface Case {
  name: string;
  edit: (dir: string) => void;
  file: string;
  field?: string;
  message: RegExp;
  line?: number;
  column?: number;
}

function expectReported(c: Case) {
  const { rel, result } = variant(c.name, c.edit);
  const hit = result.problems.find((p) => p.file === `${rel}/${c.file}` && (c.field === undefined || p.field === c.field));
  expect(hit, JSON.stringify(result.problems, null, 1)).toBeDefined();
  expect(hit!.message).toMatch(c.message);
  expect(english(hit!.message), hit!.message).toEqual([]);
  if (c.line !== undefined) expect([hit!.line, hit!.column]).toEqual([c.line, c.column]);
  if (process.env.SHOW_MESSAGES) console.log(`${c.name}: ${formatProblems([{ ...hit!, file: c.file }]).split('\n')[1]}`);
  return { rel, problems: result.problems, hit: hit! };
}

const run = (cases: Case[]) => {
  for (const c of cases) it(c.name, () => expectReported(c));
};

describe('file names the site would not read (finding 10.1)', () => {
  run([
    {
      name: 'upper-case-yaml-organization',
      edit: (dir) => renameSync(join(dir, ORG), join(dir, 'organizations/uo-test.YAML')),
      file: 'organizations/uo-test.YAML',
      message: /не будет прочитан.*переименуйте его в «uo-test\.yaml».*строчными/,
    },
    {
      name: 'upper-case-yaml-mentor',
      edit: (dir) => copyFileSync(join(dir, 'mentors/ivanova-anna.yaml'), join(dir, 'mentors/x.YAML')),
      file: 'mentors/x.YAML',
      message: /переименуйте его в «x\.yaml»/,
    },
    {
      name: 'mixed-case-yaml',
      edit: (dir) => renameSync(join(dir, 'forms/uchitel-uchitel.yaml'), join(dir, 'forms/uchitel-uchitel.Yaml')),
      file: 'forms/uchitel-uchitel.Yaml',
      message: /переименуйте его в «uchitel-uchitel\.yaml»/,
    },
    {
      name: 'upper-case-md',
      edit: (dir) => renameSync(join(dir, PRACTICE), join(dir, 'practices/test-practice.MD')),
      file: 'practices/test-practice.MD',
      message: /переименуйте его в «test-practice\.md»/,
    },
    {
      name: 'yml-is-renamed',
      edit: (dir) => renameSync(join(dir, 'roadmaps/test-rm.yaml'), join(dir, 'roadmaps/test-rm.yml')),
      file: 'roadmaps/test-rm.yml',
      message: /«\.yml» не будет прочитан.*переименуйте его в «test-rm\.yaml»/,
    },
    {
      name: 'markdown-extension',
      edit: (dir) => renameSync(join(dir, REGULATION), join(dir, 'regulations/test-reg.markdown')),
      file: 'regulations/test-reg.markdown',
      message: /переименуйте его в «test-reg\.md»/,
    },
    {
      name: 'no-extension',
      edit: (dir) => renameSync(join(dir, 'mentors/uchenik-artem.yaml'), join(dir, 'mentors/uchenik-artem')),
      file: 'mentors/uchenik-artem',
      message: /без расширения.*не будет прочитан/,
    },
    {
      name: 'entry-in-a-subfolder',
      edit: (dir) => {
        mkdirSync(join(dir, 'mentors/arhiv'));
        copyFileSync(join(dir, 'mentors/ivanova-anna.yaml'), join(dir, 'mentors/arhiv/petrova.yaml'));
      },
      file: 'mentors/arhiv/petrova.yaml',
      message: /вложенной папке.*не будет опубликован.*mentors/,
    },
    {
      name: 'entry-outside-collections',
      edit: (dir) => {
        mkdirSync(join(dir, 'mentor'));
        copyFileSync(join(dir, 'mentors/ivanova-anna.yaml'), join(dir, 'mentor/petrova.yaml'));
      },
      file: 'mentor/petrova.yaml',
      message: /не относится ни к одному разделу.*не будет опубликован/,
    },
    {
      name: 'entry-at-content-root',
      edit: (dir) => copyFileSync(join(dir, 'mentors/ivanova-anna.yaml'), join(dir, 'petrova.yaml')),
      file: 'petrova.yaml',
      message: /вне папок разделов.*не будет опубликован/,
    },
  ]);

  it('images beside the entries are not reported', () => {
    const { result } = variant('images-in-subfolder', (dir) => {
      mkdirSync(join(dir, 'mentors/photos'));
      copyFileSync(join(ROOT, 'src/content/mentors/photos/kuznetsov-andrey.jpg'), join(dir, 'mentors/photos/anna.jpg'));
    });
    expect(result.problems).toEqual([]);
  });
});

describe('hidden files (finding 10.2)', () => {
  run([
    {
      name: 'hidden-mentor',
      edit: (dir) => renameSync(join(dir, 'mentors/ivanova-anna.yaml'), join(dir, 'mentors/.ivanova.yaml')),
      file: 'mentors/.ivanova.yaml',
      message: /начинается с точки.*скрыт.*не будет опубликован.*уберите точку.*«ivanova\.yaml»/,
    },
    {
      name: 'hidden-draft-practice',
      edit: (dir) => copyFileSync(join(dir, PRACTICE), join(dir, 'practices/.draft.md')),
      file: 'practices/.draft.md',
      message: /скрыт.*не будет опубликован/,
    },
    {
      name: 'hidden-folder',
      edit: (dir) => {
        mkdirSync(join(dir, 'practices/.chernoviki'));
        copyFileSync(join(dir, PRACTICE), join(dir, 'practices/.chernoviki/nova.md'));
      },
      file: 'practices/.chernoviki/nova.md',
      message: /не будет опубликован/,
    },
  ]);

  it('system files (.gitkeep, .DS_Store, Thumbs.db, desktop.ini, ._ copies) and a README at the top stay silent', () => {
    const { result } = variant('system-files', (dir) => {
      writeFileSync(join(dir, 'mentors/.gitkeep'), '');
      writeFileSync(join(dir, 'practices/.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
      writeFileSync(join(dir, 'organizations/Thumbs.db'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
      writeFileSync(join(dir, 'forms/desktop.ini'), '[.ShellClassInfo]\r\n');
      writeFileSync(join(dir, 'regulations/._test-reg.md'), Buffer.from([0, 5, 22, 7, 0, 2]));
      writeFileSync(join(dir, '.DS_Store'), Buffer.from([0, 0, 0, 1]));
      writeFileSync(join(dir, 'README.md'), '# Как редактировать\n');
    });
    expect(result.problems).toEqual([]);
  });
});

describe('YAML slips, in Russian with line and column (finding 10.3)', () => {
  run([
    {
      name: 'yaml-duplicate-key',
      edit: (dir) => append(join(dir, ORG), 'name: Второе название\n'),
      file: ORG,
      message: /^строка 5, столбец 1: поле «name» записано дважды — оставьте одно/,
      line: 5,
      column: 1,
    },
    {
      name: 'yaml-duplicate-nested-key',
      edit: (dir) => append(join(dir, ORG), 'contacts:\n  email: a@uo.example\n  email: b@uo.example\n'),
      file: ORG,
      message: /поле «email» записано дважды/,
      line: 7,
      column: 3,
    },
    {
      name: 'yaml-tab-indent',
      edit: (dir) => append(join(dir, ORG), 'contacts:\n\temail: a@uo.example\n'),
      file: ORG,
      message: /^строка 6, столбец 1: .*Tab.*пробел/,
      line: 6,
      column: 1,
    },
    {
      name: 'yaml-bad-indent',
      edit: (dir) => append(join(dir, ORG), 'contacts:\n  email: a@uo.example\n phone: 8-800\n'),
      file: ORG,
      message: /^строка 7, столбец 1: .*отступ/,
    },
    {
      name: 'yaml-unclosed-double-quote',
      edit: (dir) => append(join(dir, ORG), 'description: "Управление\nmunicipality: Тестовый округ\n'),
      file: ORG,
      message: /^строка \d+, столбец \d+: .*не закрыта кавычка/,
    },
    {
      name: 'yaml-unclosed-single-quote',
      edit: (dir) => append(join(dir, ORG), "description: 'Управление\n"),
      file: ORG,
      message: /не закрыта кавычка/,
    },
    {
      name: 'yaml-colon-in-value',
      edit: (dir) => append(join(dir, ORG), 'description: Цель: помощь молодым\n'),
      file: ORG,
      message: /^строка 5, столбец \d+: .*двоеточие.*кавычки/,
    },
    {
      name: 'yaml-reserved-start',
      edit: (dir) => append(join(dir, ORG), 'description: @uo_test в соцсетях\n'),
      file: ORG,
      message: /^строка 5, столбец 14: значение не может начинаться со знака «@».*кавычки/,
      line: 5,
      column: 14,
    },
    {
      name: 'yaml-unresolved-alias',
      edit: (dir) => append(join(dir, ORG), 'description: *важно* для всех\n'),
      file: ORG,
      message: /^строка 5, столбец 14: .*«\*».*кавычки/,
      line: 5,
      column: 14,
    },
    {
      name: 'yaml-tag-like-start',
      edit: (dir) => append(join(dir, ORG), 'description: !важно\n'),
      file: ORG,
      message: /«!».*кавычки/,
    },
    {
      name: 'yaml-unclosed-bracket',
      edit: (dir) => writeFileSync(join(dir, ORG), 'name: [незакрытая скобка\nkind: school\n'),
      file: ORG,
      message: /^строка 2, столбец 1: .*не закрыта.*«\[»/,
    },
    {
      name: 'yaml-extra-bracket',
      edit: (dir) => replaceIn(join(dir, 'forms/uchitel-uchitel.yaml'), 'tasks: [Поддержка]', 'tasks: [Поддержка]]'),
      file: 'forms/uchitel-uchitel.yaml',
      message: /^строка 5, столбец 19: .*лишн.*«\]»/,
    },
    {
      name: 'yaml-empty-list-item',
      edit: (dir) => replaceIn(join(dir, 'forms/uchitel-uchitel.yaml'), 'tasks: [Поддержка]', 'tasks: [Поддержка, , Рост]'),
      file: 'forms/uchitel-uchitel.yaml',
      message: /запят/,
    },
    {
      name: 'yaml-missing-colon',
      edit: (dir) => append(join(dir, ORG), 'municipality Тестовый округ\n'),
      file: ORG,
      message: /^строка 5, столбец 1: .*двоеточи/,
    },
    {
      name: 'yaml-hash-without-space',
      edit: (dir) => append(join(dir, ORG), 'description: "школа"#1\n'),
      file: ORG,
      message: /«#».*пробел/,
    },
    {
      name: 'yaml-backslash-in-double-quotes',
      edit: (dir) => append(join(dir, ORG), 'description: "C:\\Документы\\план"\n'),
      file: ORG,
      message: /косая черта/,
    },
    {
      name: 'yaml-several-documents',
      edit: (dir) => writeFileSync(join(dir, ORG), `---\n${read(join(dir, ORG))}---\n`),
      file: ORG,
      message: /«---»/,
    },
    {
      name: 'yaml-slip-in-markdown-counts-file-lines',
      edit: (dir) => replaceIn(join(dir, PRACTICE), 'problem:', 'title: Второе название\nproblem:'),
      file: PRACTICE,
      message: /^строка 7, столбец 1: поле «title» записано дважды/,
      line: 7,
      column: 1,
    },
    {
      name: 'yaml-slip-in-settings',
      edit: (dir) => append(join(dir, SETTINGS), 'title: Ещё раз\n'),
      file: SETTINGS,
      message: /поле «title» записано дважды/,
    },
  ]);

  it('an error code the translation does not know still reads Russian, with line and column', () => {
    const message = translateYamlError({ code: 'SOMETHING_NEW', message: 'Something new went wrong', linePos: [{ line: 3, col: 7 }] }, '');
    expect(message).toMatch(/^строка 3, столбец 7: /);
    expect(english(message)).toEqual([]);
  });

  it('every error code of the yaml package has its own Russian text', () => {
    const codes = [
      'ALIAS_PROPS',
      'BAD_ALIAS',
      'BAD_DIRECTIVE',
      'BAD_DQ_ESCAPE',
      'BAD_INDENT',
      'BAD_PROP_ORDER',
      'BAD_SCALAR_START',
      'BLOCK_AS_IMPLICIT_KEY',
      'BLOCK_IN_FLOW',
      'DUPLICATE_KEY',
      'IMPOSSIBLE',
      'KEY_OVER_1024_CHARS',
      'MISSING_CHAR',
      'MULTILINE_IMPLICIT_KEY',
      'MULTIPLE_ANCHORS',
      'MULTIPLE_DOCS',
      'MULTIPLE_TAGS',
      'NON_STRING_KEY',
      'RESOURCE_EXHAUSTION',
      'TAB_AS_INDENT',
      'TAG_RESOLVE_FAILED',
      'UNEXPECTED_TOKEN',
      'BAD_COLLECTION_TYPE',
    ];
    const generic = translateYamlError({ code: 'SOMETHING_NEW', message: 'x', linePos: [{ line: 1, col: 1 }] }, '');
    for (const code of codes) {
      const message = translateYamlError({ code, message: 'x', linePos: [{ line: 1, col: 1 }] }, 'a: b\n');
      expect(message, code).toMatch(/^строка 1, столбец 1: /);
      expect(english(message), code).toEqual([]);
      if (code !== 'IMPOSSIBLE') expect(message, code).not.toBe(generic);
    }
  });
});

describe("number, text and list limits in an editor's words (finding 10.4)", () => {
  run([
    {
      name: 'negative-pairs',
      edit: (dir) => replaceIn(join(dir, PRACTICE), 'pairs: 5', 'pairs: -1'),
      file: PRACTICE,
      field: 'participants.pairs',
      message: /^число должно быть не меньше 0/,
    },
    {
      name: 'form-order-zero',
      edit: (dir) => replaceIn(join(dir, 'forms/uchitel-uchitel.yaml'), 'order: 2', 'order: 0'),
      file: 'forms/uchitel-uchitel.yaml',
      field: 'order',
      message: /^число должно быть не меньше 1/,
    },
    {
      name: 'empty-optional-text',
      edit: (dir) => append(join(dir, ORG), 'description: ""\n'),
      file: ORG,
      field: 'description',
      message: /поле «описание» не может быть пустым.*удалите/,
    },
  ]);

  const issue = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    return result.error!.issues[0].message;
  };
  it.each([
    ['number ≥', z.number().min(3), 2, /^число должно быть не меньше 3$/],
    ['number >', z.number().gt(0), 0, /^число должно быть больше 0$/],
    ['number ≤', z.number().max(10), 11, /^число должно быть не больше 10$/],
    ['number <', z.number().lt(10), 10, /^число должно быть меньше 10$/],
    ['int ≥', z.number().int().min(1), 0, /^число должно быть не меньше 1$/],
    ['multiple', z.number().multipleOf(5), 7, /^число должно делиться на 5 без остатка$/],
    ['text min 1', z.string().min(1), '', /^поле не может быть пустым/],
    ['text min 3', z.string().min(3), 'ab', /^текст должен быть не короче 3 символов, а в нём 2$/],
    ['text max 1', z.string().max(1), 'ab', /^текст должен быть не длиннее 1 символа, а в нём 2$/],
    ['text max 5', z.string().max(5), 'абвгдеж', /^текст должен быть не длиннее 5 символов, а в нём 7$/],
    ['list min 1', z.array(z.string()).min(1), [], /^нужен хотя бы один пункт$/],
    ['list min 2', z.array(z.string()).min(2), ['a'], /^в списке должно быть не меньше 2 пунктов, а в нём 1$/],
    ['list max 3', z.array(z.string()).max(3), ['a', 'b', 'c', 'd'], /^в списке должно быть не больше 3 пунктов, а в нём 4$/],
    ['literal', z.literal('yes'), 'no', /^здесь может быть только «yes»/],
    ['enum', z.enum(['a', 'b']), 'c', /^значение «c» не подходит; допустимо: «a», «b»$/],
    ['union', z.union([z.number(), z.boolean()]), 'x', /^здесь должно быть: число либо да или нет/],
    ['regex', z.string().regex(/^\d+$/), 'x', /^значение записано не в том виде/],
    ['email', z.email(), 'почта', /^неверный адрес электронной почты/],
    ['url', z.url(), 'сайт', /^нужен полный адрес/],
    ['starts with', z.string().startsWith('https://'), 'x', /^значение должно начинаться с «https:\/\/»$/],
    ['custom refine', z.string().refine(() => false), 'x', /^значение не подходит/],
    ['unknown type', z.bigint(), 'x', /^здесь должно быть: целое число/],
  ])('%s', (_, schema, value, message) => {
    const text = issue(schema as z.ZodType, value);
    expect(text).toMatch(message);
    expect(text).not.toMatch(/ожидалось|number|string|array|>=|<=/);
    expect(english(text), text).toEqual([]);
  });
});

describe('organisations above themselves (finding 10.5)', () => {
  run([
    {
      name: 'own-parent',
      edit: (dir) => append(join(dir, ORG), 'parent: uo-test\n'),
      file: ORG,
      field: 'parent',
      message: /вышестоящей для самой себя/,
    },
    {
      name: 'parent-cycle',
      edit: (dir) => {
        writeFileSync(
          join(dir, 'organizations/shkola-1.yaml'),
          'name: Школа № 1\nshortName: Школа № 1\nkind: school\nregion: Тестовая область\nparent: uo-test\n',
        );
        append(join(dir, ORG), 'parent: shkola-1\n');
      },
      file: 'organizations/shkola-1.yaml',
      field: 'parent',
      message: /по кругу: «shkola-1 → uo-test → shkola-1»/,
    },
  ]);

  it('a longer cycle names every organisation in it, once each', () => {
    const { problems } = expectReported({
      name: 'parent-cycle-3',
      edit: (dir) => {
        for (const [id, parent] of [
          ['a-1', 'a-2'],
          ['a-2', 'a-3'],
          ['a-3', 'a-1'],
        ]) {
          writeFileSync(join(dir, `organizations/${id}.yaml`), `name: ${id}\nshortName: ${id}\nkind: school\nregion: Тестовая область\nparent: ${parent}\n`);
        }
      },
      file: 'organizations/a-2.yaml',
      field: 'parent',
      message: /по кругу: «a-2 → a-3 → a-1 → a-2»/,
    });
    expect(problems.filter((p) => p.field === 'parent').map((p) => p.file.split('/').pop())).toEqual(['a-1.yaml', 'a-2.yaml', 'a-3.yaml']);
  });

  it('a chain without a cycle passes', () => {
    const { result } = variant('parent-chain', (dir) => {
      writeFileSync(
        join(dir, 'organizations/shkola-1.yaml'),
        'name: Школа № 1\nshortName: Школа № 1\nkind: school\nregion: Тестовая область\nparent: uo-test\n',
      );
    });
    expect(result.problems).toEqual([]);
  });
});

describe('invisible control characters (finding 10.6)', () => {
  run([
    {
      name: 'nul-escape-in-value',
      edit: (dir) => append(join(dir, ORG), 'description: "Управление\\0образования"\n'),
      file: ORG,
      field: 'description',
      message: /невидимый служебный символ.*перепечатайте/,
    },
    {
      name: 'raw-control-in-value',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), 'sphere: математика', 'sphere: мате\u0001матика'),
      file: 'mentors/ivanova-anna.yaml',
      field: 'sphere',
      message: /невидимый служебный символ/,
    },
    {
      name: 'raw-nul-in-nested-value',
      edit: (dir) => replaceIn(join(dir, 'roadmaps/test-rm.yaml'), 'title: Анкетирование', 'title: Анкет\u0000ирование'),
      file: 'roadmaps/test-rm.yaml',
      field: 'stages[1].items[2].title',
      message: /невидимый служебный символ/,
    },
    {
      name: 'control-in-comment',
      edit: (dir) => append(join(dir, ORG), '# заметка\u0007\n'),
      file: ORG,
      message: /^строка 5, столбец 10: .*невидимый служебный символ/,
      line: 5,
      column: 10,
    },
    {
      name: 'nul-in-practice-text',
      edit: (dir) => practiceBody(dir, 'Первая строка.\n\nВторая\u0000 строка.\n'),
      file: PRACTICE,
      message: /^строка 17, столбец 7: в тексте.*невидимый служебный символ/,
      line: 17,
      column: 7,
    },
  ]);

  it('tabs and line breaks of any kind are fine', () => {
    const { result } = variant('tabs-and-breaks', (dir) => {
      append(join(dir, ORG), 'description: "первая\\tвторая\\r\\nтретья"\n');
      practiceBody(dir, 'Текст\tс табуляцией.\r\n');
    });
    expect(result.problems).toEqual([]);
  });
});

describe('a text of nothing but comments is empty (finding 10.7)', () => {
  run([
    {
      name: 'practice-only-comment',
      edit: (dir) => practiceBody(dir, '<!-- -->\n'),
      file: PRACTICE,
      message: /нет описания практики/,
    },
    {
      name: 'regulation-only-comments',
      edit: (dir) =>
        writeFileSync(join(dir, REGULATION), read(join(dir, REGULATION)).replace(/\n---\n[\s\S]*$/, '\n---\n\n<!-- черновик -->\n\n  <!--\nещё\n-->\n')),
      file: REGULATION,
      message: /нет текста положения/,
    },
    {
      name: 'practice-unclosed-comment',
      edit: (dir) => practiceBody(dir, '<!-- потом допишу\n\nМы провели семинары.\n'),
      file: PRACTICE,
      message: /нет описания практики/,
    },
  ]);

  it('a text with a comment and words is fine', () => {
    const { result } = variant('comment-and-text', (dir) => practiceBody(dir, '<!-- заметка -->\nМы провели семинары.\n'));
    expect(result.problems).toEqual([]);
  });
});

describe('links: only web addresses, never javascript: (finding 7)', () => {
  const BAD = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/',
  ];
  const yamlString = (value: string) => JSON.stringify(value);

  for (const [i, value] of BAD.entries()) {
    run([
      {
        name: `website-${i}`,
        edit: (dir) => append(join(dir, ORG), `website: ${yamlString(value)}\n`),
        file: ORG,
        field: 'website',
        message: /https:\/\//,
      },
      {
        name: `site-url-${i}`,
        edit: (dir) => replaceIn(join(dir, SETTINGS), 'siteUrl: https://nastavnichestvo.example/', `siteUrl: ${yamlString(value)}`),
        file: SETTINGS,
        field: 'siteUrl',
        message: /https:\/\//,
      },
      {
        name: `attachment-${i}`,
        edit: (dir) => replaceIn(join(dir, PRACTICE), 'published:', `attachments:\n  - {title: Памятка, file: ${yamlString(value)}}\npublished:`),
        file: PRACTICE,
        field: 'attachments[1].file',
        message: /не подходит|другой сайт/,
      },
      {
        name: `original-file-${i}`,
        edit: (dir) => replaceIn(join(dir, REGULATION), 'status: active', `status: active\noriginalFile: ${yamlString(value)}`),
        file: REGULATION,
        field: 'originalFile',
        message: /не подходит|другой сайт/,
      },
    ]);
  }

  run([
    {
      name: 'vbscript-attachment',
      edit: (dir) => replaceIn(join(dir, PRACTICE), 'published:', 'attachments:\n  - {title: Памятка, file: "vbscript:msgbox(1)"}\npublished:'),
      file: PRACTICE,
      field: 'attachments[1].file',
      message: /«vbscript:» не подходит/,
    },
    {
      name: 'backslash-host-attachment',
      edit: (dir) => replaceIn(join(dir, PRACTICE), 'published:', 'attachments:\n  - {title: Памятка, file: "/\\\\evil.example/a.pdf"}\npublished:'),
      file: PRACTICE,
      field: 'attachments[1].file',
      message: /другой сайт/,
    },
    {
      name: 'computer-path-attachment',
      edit: (dir) => replaceIn(join(dir, PRACTICE), 'published:', "attachments:\n  - {title: Памятка, file: 'C:\\Документы\\памятка.pdf'}\npublished:"),
      file: PRACTICE,
      field: 'attachments[1].file',
      message: /на вашем компьютере.*public\/files/,
    },
    {
      name: 'ftp-website',
      edit: (dir) => append(join(dir, ORG), 'website: ftp://uo.example/\n'),
      file: ORG,
      field: 'website',
      message: /https:\/\//,
    },
    {
      name: 'website-without-slashes',
      edit: (dir) => append(join(dir, ORG), 'website: "https:uo.example"\n'),
      file: ORG,
      field: 'website',
      message: /https:\/\//,
    },
  ]);

  it('web addresses (Cyrillic domains too), mailto:, tel: and paths on the site are accepted', () => {
    const { result } = variant('good-links', (dir) => {
      append(join(dir, ORG), 'website: https://школа.рф/\n');
      replaceIn(join(dir, SETTINGS), 'siteUrl: https://nastavnichestvo.example/', 'siteUrl: http://xn--80ajghhoc2aj1c8b.xn--p1ai/nastavnichestvo/');
      const files = [
        'https://uo.example/a.pdf',
        'http://uo.example/b.pdf',
        'mailto:info@uo.example',
        'tel:+78000000001',
        '/files/pamyatka.pdf',
        'files/pamyatka.pdf',
        'pamyatka.pdf',
      ];
      replaceIn(
        join(dir, PRACTICE),
        'published:',
        `attachments:\n${files.map((f, i) => `  - {title: Файл ${i}, file: ${yamlString(f)}}`).join('\n')}\npublished:`,
      );
      replaceIn(join(dir, REGULATION), 'status: active', 'status: active\noriginalFile: /files/polozhenie.docx');
    });
    expect(result.problems).toEqual([]);
  });
});

describe("files an editor's computer may produce (finding 10.9)", () => {
  run([
    {
      name: 'only-spaces',
      edit: (dir) => writeFileSync(join(dir, 'organizations/pustaya.yaml'), '  \n\n'),
      file: 'organizations/pustaya.yaml',
      message: /файл пуст/,
    },
    {
      name: 'a-list-instead-of-fields',
      edit: (dir) => writeFileSync(join(dir, ORG), '- name: Управление\n- kind: education-office\n'),
      file: ORG,
      message: /список.*«название: значение»/,
    },
    {
      name: 'a-sentence-instead-of-fields',
      edit: (dir) => writeFileSync(join(dir, ORG), 'Управление образования Тестового округа\n'),
      file: ORG,
      message: /одна строка текста.*«название: значение»/,
    },
    {
      name: 'markdown-unclosed-fields',
      edit: (dir) => writeFileSync(join(dir, PRACTICE), read(join(dir, PRACTICE)).replace('demo: true\n---\n', 'demo: true\n')),
      file: PRACTICE,
      message: /блок полей не закрыт.*«---»/,
    },
    {
      name: 'markdown-empty-fields',
      edit: (dir) => writeFileSync(join(dir, PRACTICE), '---\n---\nТекст.\n'),
      file: PRACTICE,
      message: /между строками «---» нет полей/,
    },
    {
      name: 'windows-1251',
      edit: (dir) =>
        writeFileSync(
          join(dir, ORG),
          Buffer.from(
            read(join(dir, ORG)).replace(/[А-Яа-яЁё]/g, (ch) =>
              String.fromCharCode(0xc0 + 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя'.indexOf(ch)),
            ),
            'latin1',
          ),
        ),
      file: ORG,
      message: /не в кодировке UTF-8.*Windows-1251.*сохраните/,
      line: 1,
      column: 7,
    },
    {
      name: 'utf-16',
      edit: (dir) => writeFileSync(join(dir, ORG), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(read(join(dir, ORG)), 'utf16le')])),
      file: ORG,
      message: /UTF-16.*сохраните.*UTF-8/,
    },
  ]);

  it('a byte-order mark, Windows line ends and blank lines around the field block are fine', () => {
    const { result } = variant('bom-crlf', (dir) => {
      for (const file of [ORG, PRACTICE, REGULATION, 'roadmaps/test-rm.yaml'])
        writeFileSync(join(dir, file), `\uFEFF${read(join(dir, file)).replace(/\n/g, '\r\n')}`);
      writeFileSync(join(dir, 'mentors/ivanova-anna.yaml'), `\n\n${read(join(dir, 'mentors/ivanova-anna.yaml'))}\n\n`);
      replaceIn(join(dir, 'forms/uchitel-uchitel.yaml'), /\n/g, '\r\n');
    });
    expect(result.problems).toEqual([]);
    const practice = result.entries.find((e) => e.id === 'test-practice')!;
    expect(practice.body).toMatch(/^Мы провели серию семинаров/);
  });
});
