/**
 * `npm run new`: from a clone of the demo to a school's or district office's own section.
 *
 * Writes the settings (settings/site.yaml, with where the editor saves) and the owner organisation
 * into a new content folder, after moving the demo to its own root (demo/src/content, shown by
 * `npm run demo`). The reference list of mentoring forms goes with the new section. Nothing is
 * ever overwritten or deleted: a second run on a section of one's own only adds what is missing.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { latinId } from '../../cms/latin-id.ts';
import { entryFileText } from '../lib/entry-file.ts';
import { plainTools } from '../schemas/common.ts';
import { editorSettingsSchema, EDITOR_BACKENDS, missingForLogin, type EditorBackendName } from '../schemas/editor-backend.ts';
import { schemaFor } from '../schemas/index.ts';
import { siteSettingsFile } from '../schemas/collections.ts';
import { ORGANIZATION_KINDS } from '../schemas/vocabulary.ts';
import { recipe, type CiHost, type Recipe } from '../deploy/recipes.ts';

export const CONTENT = 'src/content';
/** The settings file below a content root («settings/site.yaml»). */
const SETTINGS = siteSettingsFile();
/** Where the demo goes: a content root of its own, which the editor's tooling also accepts (…/src/content). */
export const DEMO_CONTENT = 'demo/src/content';
/** The demo practices' downloadable files, and where they go with the demo. */
const DEMO_FILES = ['public/files', 'demo/public/files'] as const;
/** Reference content every section keeps: the forms of mentoring as the target model names them. */
const SHARED_FOLDERS = ['forms'];
/** Written when no address is given; the next steps say to replace it. */
export const PLACEHOLDER_SITE_URL = 'https://nastavnichestvo.example/';

export interface NewSectionAnswers {
  name: string;
  shortName: string;
  kind: keyof typeof ORGANIZATION_KINDS;
  region: string;
  municipality?: string;
  id?: string;
  address?: string;
  phone?: string;
  email?: string;
  person?: string;
  website?: string;
  siteUrl?: string;
  basePath?: string;
  backend: EditorBackendName;
  repo?: string;
  branch?: string;
  gitUrl?: string;
  appId?: string;
  editorialWorkflow?: boolean;
  /** Deployment recipes to write (src/deploy/recipes.ts). */
  deploy?: Recipe['id'][];
}

export interface NewSectionResult {
  /** Files and folders written or moved, relative to the project. */
  done: string[];
  /** What was left as it was, and why. */
  kept: string[];
  /** What the curator does next. */
  next: string[];
  organizationId: string;
}

export class SetupError extends Error {}

const readYaml = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;

/** Whether the content folder is the demo: its owner organisation is marked «пример». */
export function holdsDemo(content: string): boolean {
  const settings = join(content, SETTINGS);
  if (!existsSync(settings)) return false;
  const owner = readYaml(settings)?.owner;
  const file = join(content, 'organizations', `${owner}.yaml`);
  return typeof owner === 'string' && existsSync(file) && readYaml(file)?.demo === true;
}

const compact = <T extends Record<string, unknown>>(data: T) =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;

/** The settings and the organisation as the schemas take them; a refusal names the field, as the build would. */
export function sectionEntries(answers: NewSectionAnswers) {
  const id = answers.id || latinId(answers.shortName) || 'organizaciya';
  const contacts = compact({ address: answers.address, phone: answers.phone, email: answers.email, person: answers.person });
  const organization = compact({
    id,
    name: answers.name,
    shortName: answers.shortName,
    kind: answers.kind,
    region: answers.region,
    municipality: answers.municipality,
    website: answers.website,
    contacts: Object.keys(contacts).length ? contacts : undefined,
  });
  const editor = compact({
    backend: answers.backend,
    repo: answers.repo,
    branch: answers.branch || 'main',
    baseUrl: answers.gitUrl,
    appId: answers.appId,
    editorialWorkflow: answers.editorialWorkflow || undefined,
  });
  const settings = {
    title: 'Наставничество',
    tagline: `Программа наставничества: ${answers.shortName}`,
    intro: `Здесь ${answers.shortName} публикует положение о наставничестве, дорожную карту, лучшие практики и доску почёта наставников — по целевой модели наставничества.`,
    owner: id,
    siteUrl: answers.siteUrl || PLACEHOLDER_SITE_URL,
    contacts: Object.keys(contacts).length ? contacts : { person: answers.shortName },
    editor,
  };
  const problems: string[] = [];
  const check = (what: string, result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
    for (const issue of result.error?.issues ?? []) problems.push(`${what}, поле «${issue.path.join('.') || '—'}»: ${issue.message}`);
  };
  check('организация', schemaFor('organizations', plainTools).safeParse(organization));
  check('настройки редактора', editorSettingsSchema.safeParse(editor));
  if (problems.length) throw new SetupError(`Раздел не создан — исправьте ответы:\n${problems.map((p) => `  • ${p}`).join('\n')}`);
  return { id, organization, settings };
}

/**
 * Makes the section in `root` (the project folder). Throws SetupError, having written nothing,
 * when something would be lost.
 */
export function createSection(root: string, answers: NewSectionAnswers): NewSectionResult {
  const { id, organization, settings } = sectionEntries(answers);
  const content = join(root, CONTENT);
  const demo = join(root, DEMO_CONTENT);
  const result: NewSectionResult = { done: [], kept: [], next: [], organizationId: id };

  if (holdsDemo(content)) {
    if (existsSync(demo) && readdirSync(demo).length) {
      throw new SetupError(
        `Демонстрационный раздел уже лежит в ${DEMO_CONTENT}, а в ${CONTENT} — ещё один: ничего не перенесено. Уберите лишнюю копию демо и запустите снова.`,
      );
    }
    mkdirSync(dirname(demo), { recursive: true });
    renameSync(content, demo);
    result.done.push(`демонстрационный раздел перенесён в ${DEMO_CONTENT} (смотреть: npm run demo)`);
    // The demo's downloads go with it (src/integrations/content-public.ts publishes them for the demo only).
    const files = join(root, DEMO_FILES[0]);
    if (existsSync(files) && !existsSync(join(root, DEMO_FILES[1]))) {
      mkdirSync(dirname(join(root, DEMO_FILES[1])), { recursive: true });
      renameSync(files, join(root, DEMO_FILES[1]));
      result.done.push(`файлы демо из ${DEMO_FILES[0]} перенесены в ${DEMO_FILES[1]}`);
    }
    mkdirSync(content, { recursive: true });
    for (const folder of SHARED_FOLDERS) {
      if (existsSync(join(demo, folder))) cpSync(join(demo, folder), join(content, folder), { recursive: true });
    }
  }

  const write = (relative: string, text: string) => {
    const file = join(content, relative);
    if (existsSync(file)) {
      result.kept.push(`${CONTENT}/${relative} уже есть — оставлен как был`);
      return false;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    result.done.push(`${CONTENT}/${relative}`);
    return true;
  };
  // A section of one's own already has its owner: a second run adds no second organisation.
  const own = existsSync(join(content, SETTINGS));
  if (!own) write(`organizations/${id}.yaml`, entryFileText('organizations', organization));
  const settingsWritten = write(SETTINGS, entryFileText('settings', settings));

  if (!settingsWritten) result.next.push(`Настройки раздела не изменены: поправьте их в редакторе («Настройки») или в файле ${CONTENT}/${SETTINGS}.`);
  if (settingsWritten && !answers.siteUrl)
    result.next.push(`Укажите адрес сайта: «адрес сайта» в ${CONTENT}/${SETTINGS} (сейчас там ${PLACEHOLDER_SITE_URL}).`);
  writeRecipes(root, answers, settings.siteUrl, result);
  const editor = editorSettingsSchema.parse(settings.editor);
  if (editor.backend === 'none') {
    result.next.push(
      `Редактор работает на этом компьютере: npm run cms. Чтобы редактировать на сайте, заполните раздел editor в ${CONTENT}/${SETTINGS} (README, «Редактор на сервере»).`,
    );
  } else {
    for (const missing of missingForLogin(editor))
      result.next.push(`Для входа в редактор через ${EDITOR_BACKENDS[editor.backend]} допишите в ${CONTENT}/${SETTINGS}, раздел editor: ${missing}.`);
  }
  return result;
}

/** The Git host's own CI runs the recipes that can run anywhere (s3) or on Forgejo/Gitea (server). */
const CI_OF: Partial<Record<EditorBackendName, CiHost>> = { github: 'github', gitlab: 'gitlab', gitea: 'gitea', forgejo: 'forgejo' };

/** Writes the chosen deployment recipes into the project; a file already there is kept as it is. */
function writeRecipes(root: string, answers: NewSectionAnswers, siteUrl: string, result: NewSectionResult) {
  for (const id of answers.deploy ?? []) {
    const chosen = recipe(id);
    const files = chosen.files({ siteUrl, basePath: answers.basePath || '/', branch: answers.branch || 'main', ci: CI_OF[answers.backend] });
    for (const { path, content } of files) {
      const file = join(root, path);
      if (existsSync(file)) {
        result.kept.push(`${path} уже есть — оставлен как был`);
        continue;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      result.done.push(`${path} (${chosen.label})`);
    }
    for (const secret of chosen.secrets) result.next.push(`${chosen.label}: заведите секрет ${secret.name} — ${secret.what}.`);
    result.next.push(`${chosen.label}: ${chosen.description}`);
  }
}
