/**
 * Where the editor (/admin/) saves: the Git host and repository, named in the settings file
 * (`editor:` in settings/site.yaml), never in code. One source for the settings' shape, the
 * start command's questions (scripts/new.ts), the /admin/ page and Decap's backend config.
 *
 * What each Decap backend needs and supports (Decap 3.16, node_modules/decap-cms-backend-*):
 * - github: an OAuth server of one's own (`base_url`); without one Decap sends the login to Netlify.
 * - gitlab: PKCE login with an OAuth application's id; gitlab.com or one's own server.
 * - gitea (≥ 1.20): PKCE; no editorial workflow (Decap throws «does not support editorial workflow»).
 * - forgejo (≥ 1.21.4, CORS on): PKCE, editorial workflow; `api_root` is required.
 * With no backend the built /admin/ says how to connect one and shows no login form.
 */
import { z } from 'astro/zod';
import { labelledEnum, optionalText, url } from './common.ts';

export const EDITOR_BACKENDS = {
  none: 'только на этом компьютере (npm run cms)',
  github: 'GitHub',
  gitlab: 'GitLab',
  gitea: 'Gitea',
  forgejo: 'Forgejo',
} as const;
export type EditorBackendName = keyof typeof EDITOR_BACKENDS;

/** Backends whose Decap implementation has the editorial workflow (черновик → на проверке → готово). */
export const EDITORIAL_WORKFLOW_BACKENDS: readonly EditorBackendName[] = ['github', 'gitlab', 'forgejo'];

export const editorBackend = labelledEnum(EDITOR_BACKENDS, 'где хранится сайт');

const REPO = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;
const BRANCH = /^[A-Za-z0-9._/-]+$/;

const HOSTS: Partial<Record<EditorBackendName, { baseUrl?: string; apiPath: string }>> = {
  github: { apiPath: '' },
  gitlab: { baseUrl: 'https://gitlab.com', apiPath: '/api/v4' },
  gitea: { apiPath: '/api/v1' },
  forgejo: { apiPath: '/api/v1' },
};

export const editorSettingsSchema = z
  .object({
    backend: editorBackend.schema,
    repo: z
      .string()
      .regex(REPO, { error: '«репозиторий» пишется как владелец/название, например school/nastavnichestvo' })
      .meta({ label: 'репозиторий' })
      .optional(),
    branch: z.string().regex(BRANCH, { error: '«ветка» — имя ветки латиницей, например main' }).meta({ label: 'ветка' }).default('main'),
    baseUrl: url('адрес сервера Git').optional(),
    apiRoot: url('адрес API').optional(),
    appId: optionalText('идентификатор приложения OAuth'),
    editorialWorkflow: z.boolean().meta({ label: 'черновики и проверка перед публикацией' }).default(false),
  })
  .strict()
  .superRefine((s, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (s.backend === 'none') return;
    const host = EDITOR_BACKENDS[s.backend];
    if (!s.repo) problem('repo', `для ${host} нужен «репозиторий», например school/nastavnichestvo`);
    if (s.editorialWorkflow && !EDITORIAL_WORKFLOW_BACKENDS.includes(s.backend)) {
      problem(
        'editorialWorkflow',
        `${host} не поддерживает черновики и проверку перед публикацией в Decap CMS: уберите «editorialWorkflow» или выберите Forgejo, GitHub или GitLab`,
      );
    }
  })
  .meta({ label: 'редактор: где хранится сайт' });
export type EditorSettings = z.output<typeof editorSettingsSchema>;

/**
 * What the settings still lack for a login: not an error of the content (the site builds, and the
 * start command may leave them for later), but /admin/ says what to fill in instead of a login form.
 */
export function missingForLogin(s: EditorSettings): string[] {
  if (s.backend === 'none') return [];
  const host = EDITOR_BACKENDS[s.backend];
  const missing: string[] = [];
  if (s.backend === 'github' && !s.baseUrl) {
    missing.push('«baseUrl» — адрес своего сервера входа OAuth для GitHub (например, decap-proxy): без него Decap отправит вход на Netlify');
  }
  if ((s.backend === 'gitea' || s.backend === 'forgejo') && !s.baseUrl) missing.push(`«baseUrl» — адрес сервера ${host}, например https://git.school.ru`);
  if (s.backend !== 'github' && !s.appId) missing.push(`«appId» — идентификатор (Client ID) приложения OAuth в ${host}; приложение без галочки «Confidential»`);
  return missing;
}

/** What the settings give the /admin/ page: Decap's backend and publish mode, or nothing to connect to. */
export interface EditorConnection {
  backend?: Record<string, unknown>;
  publishMode?: 'editorial_workflow';
}

const trimSlash = (address: string) => address.replace(/\/+$/, '');

/** Decap's backend config for the settings; none for `backend: none` or settings that lack what a login needs. */
export function decapBackend(settings: EditorSettings): EditorConnection {
  if (settings.backend === 'none' || missingForLogin(settings).length) return {};
  const host = HOSTS[settings.backend]!;
  const baseUrl = trimSlash(settings.baseUrl ?? host.baseUrl ?? '');
  const backend: Record<string, unknown> = { name: settings.backend, repo: settings.repo, branch: settings.branch };
  if (settings.backend === 'github') {
    backend.base_url = baseUrl;
    if (settings.apiRoot) backend.api_root = trimSlash(settings.apiRoot);
  } else {
    backend.base_url = baseUrl;
    backend.api_root = trimSlash(settings.apiRoot ?? `${baseUrl}${host.apiPath}`);
    backend.app_id = settings.appId;
    backend.auth_type = 'pkce';
    backend.auth_endpoint = 'oauth/authorize';
    if (settings.backend === 'gitea' || settings.backend === 'forgejo') backend.auth_endpoint = 'login/oauth/authorize';
  }
  return { backend, ...(settings.editorialWorkflow ? { publishMode: 'editorial_workflow' as const } : {}) };
}

/**
 * The settings file's `editor:` read on its own, so that /admin/ opens whatever else the content
 * holds: the connection, or the problems in the editor's words.
 */
export function readEditorSettings(editor: unknown): { settings?: EditorSettings; problems: string[] } {
  if (editor === undefined || editor === null) return { settings: { backend: 'none', branch: 'main', editorialWorkflow: false }, problems: [] };
  const parsed = editorSettingsSchema.safeParse(editor);
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue) => issue.message) };
}
