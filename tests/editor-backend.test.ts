/**
 * The editor's Git host comes from the settings (src/schemas/editor-backend.ts): each backend's
 * Decap config, what a login still lacks, and what Decap itself would refuse.
 */
import { describe, expect, it } from 'vitest';
import { buildCmsConfig } from '../cms/config.ts';
import { decapBackend, EDITOR_BACKENDS, editorSettingsSchema, missingForLogin, readEditorSettings } from '../src/schemas/editor-backend.ts';

const settings = (editor: Record<string, unknown>) => editorSettingsSchema.parse(editor);
const complete = {
  github: { backend: 'github', repo: 'school/site', baseUrl: 'https://auth.school.ru/' },
  gitlab: { backend: 'gitlab', repo: 'school/site', appId: 'abc', editorialWorkflow: true },
  gitea: { backend: 'gitea', repo: 'school/site', baseUrl: 'https://git.school.ru', appId: 'abc' },
  forgejo: { backend: 'forgejo', repo: 'school/site', baseUrl: 'https://codeberg.org', appId: 'abc', editorialWorkflow: true },
} as const;

describe('the editor backend from the settings', () => {
  it('gives each Git host the config its Decap backend reads', () => {
    expect(decapBackend(settings(complete.github))).toEqual({
      backend: { name: 'github', repo: 'school/site', branch: 'main', base_url: 'https://auth.school.ru' },
    });
    expect(decapBackend(settings(complete.gitlab))).toEqual({
      backend: {
        name: 'gitlab',
        repo: 'school/site',
        branch: 'main',
        base_url: 'https://gitlab.com',
        api_root: 'https://gitlab.com/api/v4',
        app_id: 'abc',
        auth_type: 'pkce',
        auth_endpoint: 'oauth/authorize',
      },
      publishMode: 'editorial_workflow',
    });
    expect(decapBackend(settings(complete.gitea))).toEqual({
      backend: {
        name: 'gitea',
        repo: 'school/site',
        branch: 'main',
        base_url: 'https://git.school.ru',
        api_root: 'https://git.school.ru/api/v1',
        app_id: 'abc',
        auth_type: 'pkce',
        auth_endpoint: 'login/oauth/authorize',
      },
    });
    const forgejo = decapBackend(settings({ ...complete.forgejo, branch: 'publish', apiRoot: 'https://codeberg.org/api/v1/' }));
    expect(forgejo.backend).toMatchObject({ name: 'forgejo', branch: 'publish', api_root: 'https://codeberg.org/api/v1' });
    expect(forgejo.publishMode).toBe('editorial_workflow');
  });

  it('offers the editorial workflow only where Decap has it: Gitea is refused with the reason', () => {
    const refused = editorSettingsSchema.safeParse({ ...complete.gitea, editorialWorkflow: true });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0].message).toMatch(/Gitea не поддерживает черновики/);
    for (const name of ['github', 'gitlab', 'forgejo'] as const)
      expect(editorSettingsSchema.safeParse({ ...complete[name], editorialWorkflow: true }).success, name).toBe(true);
  });

  it('needs a repository for a Git host, written as owner/name', () => {
    expect(editorSettingsSchema.safeParse({ backend: 'gitea' }).error!.issues[0].message).toMatch(/репозиторий/);
    expect(editorSettingsSchema.safeParse({ backend: 'gitea', repo: 'https://git.school.ru/school/site' }).error!.issues[0].message).toMatch(
      /владелец\/название/,
    );
  });

  it('connects nothing while a login lacks its server or application, and says what is missing', () => {
    const partial = settings({ backend: 'gitea', repo: 'school/nastavnichestvo' });
    expect(decapBackend(partial)).toEqual({});
    expect(missingForLogin(partial).join(' ')).toMatch(/baseUrl.*appId/s);
    expect(missingForLogin(settings({ backend: 'github', repo: 'a/b' })).join(' ')).toMatch(/Netlify/);
    for (const name of Object.keys(complete) as (keyof typeof complete)[]) expect(missingForLogin(settings(complete[name])), name).toEqual([]);
  });

  it('reads no `editor:` as «only on this machine», and a wrong one as problems, not an exception', () => {
    expect(readEditorSettings(undefined).settings?.backend).toBe('none');
    expect(decapBackend(readEditorSettings(undefined).settings!)).toEqual({});
    const wrong = readEditorSettings({ backend: 'netlify' });
    expect(wrong.settings).toBeUndefined();
    expect(wrong.problems.length).toBeGreaterThan(0);
    expect(Object.keys(EDITOR_BACKENDS)).toEqual(['none', 'github', 'gitlab', 'gitea', 'forgejo']);
  });

  it('without a Git host the editor config never falls back to git-gateway (Netlify’s login form)', () => {
    const config = buildCmsConfig({ localBackendUrl: 'http://127.0.0.1:8181/api/v1' }) as { backend: { name: string } };
    expect(config.backend.name).toBe('proxy');
    const connected = buildCmsConfig({ backend: decapBackend(settings(complete.forgejo)).backend, editorialWorkflow: true }) as Record<string, any>;
    expect(connected.backend.name).toBe('forgejo');
    expect(connected.publish_mode).toBe('editorial_workflow');
  });

  it('keeps `editor:` out of sight in the editor but in the file: a hidden field', () => {
    const config = buildCmsConfig() as { collections: { name: string; files?: { fields: { name: string; widget: string }[] }[] }[] };
    const fields = config.collections.find((c) => c.name === 'settings')!.files![0].fields;
    expect(fields.find((f) => f.name === 'editor')?.widget).toBe('hidden');
  });
});
