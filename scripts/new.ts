/**
 * `npm run new`: a school's or district office's own section (src/setup/new-section.ts).
 * Asks in Russian what it is not told by flags; `--yes` asks nothing and takes the defaults.
 */
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { runImport } from '../src/import/cli.ts';
import { CONTENT, createSection, SetupError, type NewSectionAnswers } from '../src/setup/new-section.ts';
import { EDITOR_BACKENDS, EDITORIAL_WORKFLOW_BACKENDS, type EditorBackendName } from '../src/schemas/editor-backend.ts';
import { ORGANIZATION_KINDS } from '../src/schemas/vocabulary.ts';
import { RECIPES, type Recipe } from '../src/deploy/recipes.ts';

const USAGE = `использование: npm run new -- [--name «полное название»] [--short «краткое»] [--kind ${Object.keys(ORGANIZATION_KINDS).join('|')}]
  [--region «регион»] [--municipality …] [--id латиница] [--address …] [--phone …] [--email …] [--person …] [--website https://…]
  [--site-url https://…] [--base /путь] [--backend ${Object.keys(EDITOR_BACKENDS).join('|')}] [--repo владелец/репозиторий] [--branch main]
  [--git-url https://git.school.ru] [--app-id …] [--workflow] [--deploy ${RECIPES.map((r) => r.id).join('|')} …]
  [--import файл …] [--root папка-проекта] [--yes]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    short: { type: 'string' },
    kind: { type: 'string' },
    region: { type: 'string' },
    municipality: { type: 'string' },
    id: { type: 'string' },
    address: { type: 'string' },
    phone: { type: 'string' },
    email: { type: 'string' },
    person: { type: 'string' },
    website: { type: 'string' },
    'site-url': { type: 'string' },
    base: { type: 'string' },
    backend: { type: 'string' },
    repo: { type: 'string' },
    branch: { type: 'string' },
    'git-url': { type: 'string' },
    'app-id': { type: 'string' },
    workflow: { type: 'boolean' },
    import: { type: 'string', multiple: true },
    deploy: { type: 'string', multiple: true },
    root: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
// «--import a.pdf b.docx»: the files after the first arrive as positionals.
const imports = [...(values.import ?? []), ...positionals];
const root = resolve(values.root ?? '.');
const interactive = !values.yes && process.stdin.isTTY;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

async function ask(question: string, given: string | undefined, fallback = ''): Promise<string> {
  if (given !== undefined) return given.trim();
  if (!rl) return fallback;
  const answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
  return answer || fallback;
}

async function choose<T extends string>(question: string, options: Record<T, string>, given: string | undefined, fallback: T): Promise<T> {
  const keys = Object.keys(options) as T[];
  if (given !== undefined) {
    if (keys.includes(given as T)) return given as T;
    fail(`«${given}» — нет такого варианта для «${question}»; можно: ${keys.join(', ')}`);
  }
  if (!rl) return fallback;
  console.log(`${question}:`);
  keys.forEach((key, i) => console.log(`  ${i + 1}. ${options[key]}`));
  const answer = (await rl.question(`Номер [${keys.indexOf(fallback) + 1}]: `)).trim();
  return keys[Number(answer) - 1] ?? fallback;
}

function fail(message: string): never {
  console.error(message);
  rl?.close();
  process.exit(1);
}

if (!interactive && !values.name) fail(`Не указано название организации (--name).\n${USAGE}`);
console.log('Новый раздел «Наставничество». Пустой ответ — значение в скобках.\n');
const name = await ask('Полное название организации', values.name);
const shortName = await ask('Краткое название', values.short, name);
const kind = await choose('Вид организации', ORGANIZATION_KINDS, values.kind, 'school');
const region = await ask('Регион', values.region);
const answers: NewSectionAnswers = {
  name,
  shortName,
  kind,
  region,
  municipality: await ask('Муниципалитет (можно пропустить)', values.municipality),
  id: values.id,
  address: await ask('Адрес', values.address),
  phone: await ask('Телефон', values.phone),
  email: await ask('Электронная почта', values.email),
  person: await ask('Контактное лицо или отдел', values.person),
  website: values.website,
  siteUrl: await ask('Адрес сайта с разделом (https://…)', values['site-url']),
  basePath: await ask('Путь раздела на сайте (например, /nastavnichestvo; пусто — корень)', values.base),
  backend: 'none',
};
answers.backend = await choose<EditorBackendName>('Где будет храниться сайт для редактора', EDITOR_BACKENDS, values.backend, 'none');
if (answers.backend !== 'none') {
  answers.repo = await ask('Репозиторий (владелец/название)', values.repo);
  answers.branch = await ask('Ветка', values.branch, 'main');
  if (answers.backend !== 'github' || values['git-url'] || rl)
    answers.gitUrl = await ask(
      answers.backend === 'github' ? 'Адрес своего сервера входа OAuth для GitHub' : `Адрес сервера ${EDITOR_BACKENDS[answers.backend]}`,
      values['git-url'],
      answers.backend === 'gitlab' ? 'https://gitlab.com' : '',
    );
  if (answers.backend !== 'github') answers.appId = await ask('Client ID приложения OAuth (можно позже)', values['app-id']);
  if (EDITORIAL_WORKFLOW_BACKENDS.includes(answers.backend)) {
    answers.editorialWorkflow = values.workflow ?? (rl ? /^д/i.test(await ask('Черновики и проверка перед публикацией? (да/нет)', undefined, 'нет')) : false);
  } else if (values.workflow)
    fail(
      `${EDITOR_BACKENDS[answers.backend]} не поддерживает черновики и проверку перед публикацией в Decap CMS: уберите --workflow или выберите forgejo, github или gitlab.`,
    );
}
const RECIPE_CHOICES = { '': 'пока не нужно', ...Object.fromEntries(RECIPES.map((r) => [r.id, `${r.label} — ${r.description}`])) } as Record<string, string>;
for (const id of values.deploy ?? [])
  if (!RECIPES.some((r) => r.id === id)) fail(`«${id}» — нет такого рецепта выкладки; можно: ${RECIPES.map((r) => r.id).join(', ')}`);
answers.deploy = (values.deploy ??
  (rl ? [await choose('Как выложить сайт (файл для CI или сервера)', RECIPE_CHOICES, undefined, '')].filter(Boolean) : [])) as Recipe['id'][];
rl?.close();

let result;
try {
  result = createSection(root, answers);
} catch (error) {
  if (error instanceof SetupError) fail(error.message);
  throw error;
}
const show = (path: string) => relative(process.cwd(), resolve(root, path)) || '.';
console.log('\nСделано:');
for (const line of result.done) console.log(`  • ${line}`);
for (const line of result.kept) console.log(`  • ${line}`);

const env = { ...process.env, CONTENT_ROOT: show(CONTENT) };
let importFailed = false;
for (const file of imports) {
  console.log(`\nИмпорт ${file}…`);
  process.env.CONTENT_ROOT = env.CONTENT_ROOT;
  const imported = await runImport([resolve(file), '--org', result.organizationId]);
  process.stdout.write(imported.stdout);
  process.stderr.write(imported.stderr);
  if (imported.code) importFailed = true;
}

console.log('\nПроверка содержимого…');
const check = spawnSync(process.execPath, [resolve(import.meta.dirname, 'check-content.ts')], { cwd: process.cwd(), env, stdio: 'inherit' });

console.log('\nДальше:');
const next = [
  ...result.next,
  ...(importFailed
    ? ['Не все документы импортированы (см. выше): исправьте файл или импортируйте позже — npm run import -- <файл> --org ' + result.organizationId]
    : []),
  'npm start — собрать и открыть свой раздел; npm run cms — редактировать его на этом компьютере.',
  'Положение, дорожную карту, практики и наставников добавьте в редакторе или импортом документов: npm run import -- <файл.pdf|.docx>.',
  'Выложить сайт: README, раздел «Свой раздел».',
];
next.forEach((line, i) => console.log(`  ${i + 1}. ${line}`));
process.exit(check.status ?? 1);
