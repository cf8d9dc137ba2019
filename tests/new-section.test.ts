/**
 * `npm run new` on a copy of a fresh clone (the project's content and public/ in .cache/): the
 * issue's own command makes a school's section whose build holds no demo entry; the demo moves
 * to its own root and still builds; a second run destroys nothing; /admin/ carries the Git host
 * from the settings, or says in Russian what is missing instead of any login form.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, load, loadedFiles } from './helpers/html.ts';
import { astroBuild, listFiles, projectRelative, ROOT, TMP, type BuildResult } from './helpers/project.ts';

const project = join(TMP, 'new-section');
const content = join(project, 'src/content');
const out = join(TMP, 'dist-new-section');

/** Runs the start command as a user would, in the copy. */
function runNew(args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/new.ts', '--root', projectRelative(project), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_ROOT: '' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file under a folder with its bytes, to prove a run changed nothing. */
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [f.slice(dir.length), readFileSync(f, 'base64')]));

const ISSUE_COMMAND = [
  '--name',
  'МБОУ СОШ № 5',
  '--short',
  'СОШ № 5',
  '--kind',
  'school',
  '--region',
  'Тульская область',
  '--backend',
  'gitea',
  '--repo',
  'school/nastavnichestvo',
  '--yes',
];

describe('npm run new on a fresh clone', () => {
  let first: { status: number | null; output: string };
  let build: BuildResult;
  let demoIds: string[];
  let demoNames: string[];
  beforeAll(() => {
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    cpSync(join(ROOT, 'src/content'), content, { recursive: true });
    cpSync(join(ROOT, 'public'), join(project, 'public'), { recursive: true });
    // What the demo publishes, to look for in the new section's build.
    demoIds = ['organizations', 'practices', 'mentors', 'roadmaps', 'regulations'].flatMap((dir) =>
      readdirSync(join(content, dir))
        .filter((f) => /\.(ya?ml|mdx?)$/.test(f))
        .map((f) => f.replace(/\.[^.]+$/, '')),
    );
    demoNames = readdirSync(join(content, 'organizations')).map((f) => String(parse(readFileSync(join(content, 'organizations', f), 'utf8')).shortName));
    first = runNew(ISSUE_COMMAND);
    build = astroBuild({ CONTENT_ROOT: projectRelative(content), PUBLIC_DIR: projectRelative(join(project, 'public')), OUT_DIR: projectRelative(out) });
  }, 600_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('makes the section, checks it and says what to do next', () => {
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/Содержимое в порядке/);
    expect(first.output).toMatch(/Дальше:/);
    // The Gitea login still lacks its server and application: said, not guessed.
    expect(first.output).toMatch(/baseUrl/);
    const settings = parse(readFileSync(join(content, 'settings/site.yaml'), 'utf8'));
    expect(settings.editor).toEqual({ backend: 'gitea', repo: 'school/nastavnichestvo', branch: 'main' });
    const organization = parse(readFileSync(join(content, 'organizations', `${settings.owner}.yaml`), 'utf8'));
    expect(organization).toMatchObject({ name: 'МБОУ СОШ № 5', shortName: 'СОШ № 5', kind: 'school', region: 'Тульская область' });
    expect(organization.demo).toBeUndefined();
  });

  it('moves the demo, its files too, to a root of its own', () => {
    expect(existsSync(join(project, 'demo/src/content/settings/site.yaml'))).toBe(true);
    expect(readdirSync(join(project, 'demo/src/content/practices')).length).toBeGreaterThan(0);
    expect(existsSync(join(project, 'public/files'))).toBe(false);
    expect(readdirSync(join(project, 'demo/public/files')).length).toBeGreaterThan(0);
  });

  it('builds a section with no demo entry, name or file in dist/', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const leaks: string[] = [];
    for (const file of listFiles(out, (p) => /\.(html|xml|json|csv|ics|txt)$/.test(p))) {
      const text = readFileSync(file, 'utf8');
      const path = file.slice(out.length);
      if (/\/files\//.test(path)) leaks.push(`${path}: a demo download`);
      for (const id of demoIds) if (path.includes(`/${id}`) || text.includes(`/${id}/`)) leaks.push(`${path}: ${id}`);
      for (const name of demoNames) if (text.includes(name)) leaks.push(`${path}: ${name}`);
      if (/\(пример\)|Лесногорск/.test(text)) leaks.push(`${path}: the demo's words`);
    }
    expect([...new Set(leaks)]).toEqual([]);
    expect(load(join(out, 'index.html')).textContent).toMatch(/СОШ № 5/);
    // What the section holds is only its organisation: its pages say what will appear (tests/empty-section.test.ts has them all).
    const text = (page: string) => load(join(out, page, 'index.html')).textContent.replace(/\s+/g, ' ');
    expect(text('organizacii/sosh-5')).toMatch(/Положение пока не опубликовано.*Дорожная карта пока не опубликована/);
    expect(text('polozheniya')).toMatch(/Положения пока не опубликованы/);
    expect(text('formy')).not.toMatch(/пока не опубликованы/);
  });

  it('builds /admin/ as a Russian explanation of what the Gitea login lacks, with no editor and no login form', () => {
    const admin = load(join(out, 'admin/index.html'));
    const text = admin.textContent.replace(/\s+/g, ' ');
    expect(text).toMatch(/Редактор не подключён/);
    expect(text).toMatch(/Gitea/);
    expect(text).toMatch(/baseUrl/);
    expect(text).toMatch(/npm run cms/);
    expect(admin.querySelectorAll('script[src], form, input')).toHaveLength(0);
  });

  it('leaves the demo buildable from its own root, its downloads included (npm run demo)', () => {
    const demoOut = join(TMP, 'dist-new-section-demo');
    const demo = astroBuild({
      CONTENT_ROOT: projectRelative(join(project, 'demo/src/content')),
      PUBLIC_DIR: projectRelative(join(project, 'public')),
      OUT_DIR: projectRelative(demoOut),
    });
    try {
      expect(demo.status, demo.output.slice(-3000)).toBe(0);
      expect(readdirSync(join(demoOut, 'files')).sort()).toEqual(readdirSync(join(project, 'demo/public/files')).sort());
      expect(readFileSync(join(demoOut, 'index.html'), 'utf8')).toMatch(/Лесногорск/);
    } finally {
      rmSync(demoOut, { recursive: true, force: true });
    }
  });

  it('run again, or with other answers, destroys nothing and adds no second organisation', () => {
    const before = snapshot(project);
    const again = runNew(['--name', 'МБОУ СОШ № 6', '--short', 'СОШ № 6', '--kind', 'school', '--region', 'Тульская область', '--yes']);
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(/уже есть — оставлен как был/);
    expect(snapshot(project)).toEqual(before);
  });

  it('writes the chosen deployment recipes beside the section, and keeps one already there', () => {
    const args = [
      '--name',
      'МБОУ СОШ № 5',
      '--region',
      'Тульская область',
      '--base',
      '/nastavnichestvo',
      '--backend',
      'forgejo',
      '--repo',
      'school/nastavnichestvo',
      '--deploy',
      'server',
      '--deploy',
      'github-pages',
      '--yes',
    ];
    const written = runNew(args);
    expect(written.status, written.output).toBe(0);
    const workflow = readFileSync(join(project, '.forgejo/workflows/deploy.yml'), 'utf8');
    expect(workflow).toMatch(/npm run build/);
    expect(workflow).toMatch(/\/nastavnichestvo/);
    expect(existsSync(join(project, '.github/workflows/deploy.yml'))).toBe(true);
    expect(written.output).toMatch(/SSH_PRIVATE_KEY/);
    writeFileSync(join(project, '.github/workflows/deploy.yml'), '# своя выкладка\n');
    const again = runNew(args);
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(/\.github\/workflows\/deploy\.yml уже есть — оставлен как был/);
    expect(readFileSync(join(project, '.github/workflows/deploy.yml'), 'utf8')).toBe('# своя выкладка\n');
    expect(runNew(['--name', 'x', '--deploy', 'ftp', '--yes']).output).toMatch(/нет такого рецепта/);
  });

  it('refuses to move a demo over a demo already moved, writing nothing', () => {
    const other = join(TMP, 'new-section-twice');
    rmSync(other, { recursive: true, force: true });
    cpSync(join(project, 'demo'), join(other, 'demo'), { recursive: true });
    cpSync(join(project, 'demo/src/content'), join(other, 'src/content'), { recursive: true });
    const before = snapshot(other);
    const result = spawnSync(process.execPath, ['scripts/new.ts', '--root', projectRelative(other), ...ISSUE_COMMAND], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/уже лежит в demo\/src\/content/);
    expect(snapshot(other)).toEqual(before);
    rmSync(other, { recursive: true, force: true });
  });

  it('imports the documents it is given into the new organisation, through the importer, and checks them', () => {
    const other = join(TMP, 'new-section-import');
    rmSync(other, { recursive: true, force: true });
    mkdirSync(other, { recursive: true });
    const seed = 'tests/fixtures/seeds/001_aa8843fff351d2b5.txt';
    const result = spawnSync(process.execPath, ['scripts/new.ts', '--root', projectRelative(other), ...ISSUE_COMMAND, '--import', seed], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    try {
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(`${result.stdout}${result.stderr}`).toMatch(/слов источника перенесено/);
      expect(result.stdout).toMatch(/Содержимое в порядке/);
      const imported = ['roadmaps', 'regulations'].flatMap((dir) =>
        existsSync(join(other, 'src/content', dir)) ? readdirSync(join(other, 'src/content', dir)).map((f) => join(other, 'src/content', dir, f)) : [],
      );
      expect(imported.filter((f) => /\.(ya?ml|md)$/.test(f))).toHaveLength(1);
      expect(readFileSync(imported[0], 'utf8')).toMatch(/organization: sosh-5/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses answers the schemas refuse, naming the field, and writes nothing', () => {
    const other = join(TMP, 'new-section-bad');
    rmSync(other, { recursive: true, force: true });
    mkdirSync(other, { recursive: true });
    const result = spawnSync(
      process.execPath,
      ['scripts/new.ts', '--root', projectRelative(other), ...ISSUE_COMMAND.filter((a) => a !== '--yes'), '--workflow', '--email', 'не почта', '--yes'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Gitea не поддерживает черновики/);
    expect(listFiles(other)).toEqual([]);
    rmSync(other, { recursive: true, force: true });
  });
});

describe('the editor page of a section connected to a Git host', () => {
  const connected = join(TMP, 'content', 'connected', 'src/content');
  const connectedOut = join(TMP, 'dist-connected');
  let build: BuildResult;
  beforeAll(() => {
    rmSync(join(TMP, 'content', 'connected'), { recursive: true, force: true });
    cpSync(join(ROOT, 'tests/fixtures/minimal'), connected, { recursive: true });
    const file = join(connected, 'settings/site.yaml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8').trimEnd()}\neditor:\n  backend: forgejo\n  repo: school/nastavnichestvo\n  baseUrl: https://codeberg.org\n  appId: 0a1b2c\n  editorialWorkflow: true\n`,
    );
    build = astroBuild({ CONTENT_ROOT: projectRelative(connected), OUT_DIR: projectRelative(connectedOut) });
  }, 600_000);
  afterAll(() => rmSync(connectedOut, { recursive: true, force: true }));

  it('loads the editor with the settings’ backend and publish mode', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    const admin = load(join(connectedOut, 'admin/index.html'));
    expect(admin.querySelector('[data-editor-setup]')).toBeNull();
    expect(admin.querySelector('script[type="module"][src*="/_astro/admin."]')).not.toBeNull();
    expect(JSON.parse(admin.querySelector('#editor-connection')!.textContent)).toEqual({
      backend: {
        name: 'forgejo',
        repo: 'school/nastavnichestvo',
        branch: 'main',
        base_url: 'https://codeberg.org',
        api_root: 'https://codeberg.org/api/v1',
        app_id: '0a1b2c',
        auth_type: 'pkce',
        auth_endpoint: 'login/oauth/authorize',
      },
      publishMode: 'editorial_workflow',
    });
    expect(htmlFiles(connectedOut).length).toBeGreaterThan(1);
    // From the site's own /_astro/, never a CDN: the bundle that carries Decap.
    const bundle = [...loadedFiles(connectedOut, '/', join(connectedOut, 'admin/index.html'))].filter((f) => /\.m?js$/.test(f));
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle.every((f) => f.startsWith(join(connectedOut, '_astro')))).toBe(true);
    expect(bundle.some((f) => /decap/i.test(readFileSync(f, 'utf8')))).toBe(true);
  });
});
