/**
 * The content integrity check: every real entry passes; broken ones are reported
 * with the file, the field and a message an editor understands. That a build with
 * such content fails: tests/integrity-build.test.ts.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/integrity/check.ts';
import { fixtureCopy, projectRelative, ROOT } from './helpers/project.ts';
import { replaceIn } from './helpers/edit.ts';

function variant(name: string, edit: (dir: string) => void) {
  const dir = fixtureCopy(name);
  edit(dir);
  return { dir, rel: projectRelative(dir), result: checkContent(ROOT, projectRelative(dir)) };
}

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
      // The honour board has no date of birth: the schema refuses one, it is not left unpublished.
      name: 'mentor-birth-date',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), /^position:/m, 'birthDate: 1980-05-01\nposition:'),
      file: 'mentors/ivanova-anna.yaml',
      message: /неизвестное поле «birthDate»/,
    },
    {
      name: 'consent-missing',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), /^consent:.*$/m, ''),
      file: 'mentors/ivanova-anna.yaml',
      field: 'consent',
      message: /нужно заполнить поле «согласие на публикацию»/,
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
      name: 'yml-instead-of-yaml',
      edit: (dir) => copyFileSync(join(dir, 'mentors/ivanova-anna.yaml'), join(dir, 'mentors/ivanova-anna.yml')),
      file: 'mentors/ivanova-anna.yml',
      message: /расширением «\.yml» не будет прочитан: в этой папке нужны файлы \.yaml/,
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
      message: /^строка 2, столбец 1: не закрыта квадратная скобка «\[»/,
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
      name: 'photo-not-an-image',
      edit: (dir) => {
        mkdirSync(join(dir, 'mentors/photos'), { recursive: true });
        writeFileSync(join(dir, 'mentors/photos/anna.jpg'), 'Это текстовый файл, переименованный в .jpg');
        replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), /^position:/m, 'photo: ./photos/anna.jpg\nphotoAlt: Анна Петровна\nposition:');
      },
      file: 'mentors/ivanova-anna.yaml',
      field: 'photo',
      message: /не изображение/,
    },
    {
      name: 'photo-missing',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), /^position:/m, 'photo: ./photos/net-takogo.jpg\nphotoAlt: Анна\nposition:'),
      file: 'mentors/ivanova-anna.yaml',
      field: 'photo',
      message: /не найден/,
    },
    {
      name: 'wrong-extension',
      edit: (dir) => writeFileSync(join(dir, 'practices/zametka.txt'), 'черновик'),
      file: 'practices/zametka.txt',
      message: /расширением «\.txt» не будет прочитан/,
    },
    {
      name: 'cyrillic-file-name',
      edit: (dir) => copyFileSync(join(dir, 'organizations/uo-test.yaml'), join(dir, 'organizations/школа.yaml')),
      file: 'organizations/школа.yaml',
      message: /латинские строчные буквы/,
    },
    {
      name: 'empty-file',
      edit: (dir) => writeFileSync(join(dir, 'organizations/pustaya.yaml'), ''),
      file: 'organizations/pustaya.yaml',
      message: /^файл пуст: впишите поля/,
    },
    {
      name: 'no-frontmatter',
      edit: (dir) => writeFileSync(join(dir, 'regulations/bez-poley.md'), '## 1. Общие положения\n\n1.1. Текст.\n'),
      file: 'regulations/bez-poley.md',
      message: /нет блока полей/,
    },
    {
      name: 'regulation-without-text',
      edit: (dir) =>
        writeFileSync(join(dir, 'regulations/test-reg.md'), readFileSync(join(dir, 'regulations/test-reg.md'), 'utf8').replace(/\n---\n[\s\S]*$/, '\n---\n')),
      file: 'regulations/test-reg.md',
      message: /нет текста положения/,
    },
    {
      name: 'year-as-text',
      edit: (dir) => replaceIn(join(dir, 'practices/test-practice.md'), 'years: [2025, 2026]', 'years: [прошлый год]'),
      file: 'practices/test-practice.md',
      field: 'years[1]',
      message: /годом числом|год числом/,
    },
    {
      name: 'year-out-of-range',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), 'since: 2019', 'since: 1812'),
      file: 'mentors/ivanova-anna.yaml',
      field: 'since',
      message: /слишком ранний год/,
    },
    {
      name: 'period-reversed',
      edit: (dir) => replaceIn(join(dir, 'roadmaps/test-rm.yaml'), 'period: {from: 2026-09-01, to: 2027-06-30}', 'period: {from: 2027-09-01, to: 2027-06-30}'),
      file: 'roadmaps/test-rm.yaml',
      field: 'period.to',
      message: /начало позже окончания/,
    },
    {
      name: 'deadline-reversed',
      edit: (dir) => replaceIn(join(dir, 'roadmaps/test-rm.yaml'), 'from: 2026-09-01, to: 2026-09-30', 'from: 2026-10-01, to: 2026-09-30'),
      file: 'roadmaps/test-rm.yaml',
      field: 'stages[1].items[1].deadline.to',
      message: /начало позже окончания/,
    },
    {
      name: 'no-stages',
      edit: (dir) =>
        writeFileSync(
          join(dir, 'roadmaps/test-rm.yaml'),
          'title: Дорожная карта\norganization: uo-test\nlevel: organization\nperiod: {from: 2026-09-01, to: 2027-06-30}\nstages: []\n',
        ),
      file: 'roadmaps/test-rm.yaml',
      field: 'stages',
      message: /хотя бы один раздел/,
    },
    {
      name: 'unknown-category',
      edit: (dir) => replaceIn(join(dir, 'mentors/ivanova-anna.yaml'), 'category: teacher', 'category: волшебник'),
      file: 'mentors/ivanova-anna.yaml',
      field: 'category',
      message: /допустимо/,
    },
    {
      name: 'unknown-field',
      edit: (dir) => replaceIn(join(dir, 'organizations/uo-test.yaml'), /^region:/m, 'directorPhone: 8-800\nregion:'),
      file: 'organizations/uo-test.yaml',
      message: /неизвестное поле «directorPhone»/,
    },
    {
      name: 'bad-email',
      edit: (dir) => replaceIn(join(dir, 'organizations/uo-test.yaml'), /^region:/m, 'contacts: {email: почта-школы}\nregion:'),
      file: 'organizations/uo-test.yaml',
      field: 'contacts.email',
      message: /адрес электронной почты/,
    },
    {
      name: 'bad-website',
      edit: (dir) => replaceIn(join(dir, 'organizations/uo-test.yaml'), /^region:/m, 'website: школа пять\nregion:'),
      file: 'organizations/uo-test.yaml',
      field: 'website',
      message: /полным адресом/,
    },
    {
      name: 'result-not-a-number',
      edit: (dir) => replaceIn(join(dir, 'practices/test-practice.md'), 'before: 60', 'before: шестьдесят'),
      file: 'practices/test-practice.md',
      field: 'results[1].before',
      message: /«было» — число/,
    },
    {
      name: 'form-order-fraction',
      edit: (dir) => replaceIn(join(dir, 'forms/uchitel-uchitel.yaml'), 'order: 2', 'order: 2.5'),
      file: 'forms/uchitel-uchitel.yaml',
      field: 'order',
      message: /должно быть: целое число, а написано: 2\.5/,
    },
    {
      name: 'list-where-text-expected',
      edit: (dir) => replaceIn(join(dir, 'forms/uchitel-uchitel.yaml'), 'goal: Закрепить молодого специалиста.', 'goal: [Закрепить, Поддержать]'),
      file: 'forms/uchitel-uchitel.yaml',
      field: 'goal',
      message: /«цель» должно быть текстом, а написано: список/,
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
      if (process.env.SHOW_MESSAGES) console.log(`${c.name}: ${hit!.field ?? ''} — ${hit!.message}`);
    });
  }
});
