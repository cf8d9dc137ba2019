/**
 * The deployment recipes (src/deploy/recipes.ts) that `npm run new` writes into a school's
 * repository: every file parses; the CI files pass the schemas their hosts publish; each builds with
 * the README's commands and keeps the build's cache folders.
 *
 * Schemas, as packages ship them:
 * - GitHub Actions: SchemaStore's github-workflow schema, inside @action-validator/core (WebAssembly).
 * - GitLab CI: GitLab's own ci.json (the one its pipeline editor uses), bundled in gitlab-ci-local,
 *   which validates a pipeline with it before listing the jobs; no package ships the JSON alone.
 * - Forgejo and Gitea Actions publish no schema (Forgejo's runner validates with its own Go code);
 *   their workflow syntax is GitHub's less some features, so GitHub's schema checks them too.
 * - nginx has no schema: a structural check here; `nginx -t` and real requests were run by hand
 *   (nginx 1.22) when the recipe was written.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ADMIN_BUNDLE_CACHE } from '../src/admin/bundle.ts';
import {
  BUILD_COMMAND,
  CACHE_FOLDERS,
  CONTENT_TYPES,
  IMMUTABLE_CACHE,
  INSTALL_COMMAND,
  nginxConfig,
  nightlyCron,
  RECIPES,
  recipe,
  type RecipeFile,
  type RecipeOptions,
} from '../src/deploy/recipes.ts';
import { headerSets, nginxSnippet } from '../src/integrations/security-headers.ts';
import { contentCacheDir, shareImageCacheDir } from '../src/schemas/collections.ts';
import { filesUnder } from '../src/lib/files.ts';
import { ROOT, TMP } from './helpers/project.ts';

const require = createRequire(import.meta.url);
const { validateWorkflow } = require('@action-validator/core') as typeof import('@action-validator/core');

// ---------------------------------------------------------------- what the README says

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** «## Две команды» up to the next section of its level, with its subsections («Установка», «Другие команды»). */
function twoCommandsSection(): string {
  const start = README.indexOf('\n## Две команды');
  expect(start, 'README has no section «Две команды»').toBeGreaterThan(-1);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

/** The commands of the section's first shell block, split at `&&`, comments dropped. */
function readmeCommands(): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(twoCommandsSection())?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .flatMap((line) => line.split('&&').map((part) => part.trim()))
    .filter(Boolean);
}

/** A command of the section's table by the start of its description («сборка в `dist/`»). */
function tableCommand(description: RegExp): string | undefined {
  for (const line of twoCommandsSection().split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length > 3 && description.test(cells[2] ?? '')) return /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
  }
  return undefined;
}

// ---------------------------------------------------------------- the variants under test

const BASE: RecipeOptions = { siteUrl: 'https://school.ru/', basePath: '/nastavnichestvo', branch: 'main' };
const VARIANTS: { name: string; id: (typeof RECIPES)[number]['id']; options: RecipeOptions }[] = [
  { name: 'GitHub Pages, project site', id: 'github-pages', options: { ...BASE, siteUrl: 'https://school5.github.io/', basePath: '/nastavnichestvo' } },
  { name: 'GitHub Pages, at the root', id: 'github-pages', options: { ...BASE, siteUrl: 'https://nastavnichestvo.school5.ru/', basePath: '/' } },
  { name: 'GitLab Pages, project site', id: 'gitlab-pages', options: { ...BASE, siteUrl: 'https://school5.gitlab.io/', branch: 'master' } },
  { name: 'GitLab Pages, at the root', id: 'gitlab-pages', options: { ...BASE, basePath: '' } },
  { name: 'server, Forgejo', id: 'server', options: { ...BASE, ci: 'forgejo' } },
  { name: 'server, Gitea, own port and user', id: 'server', options: { ...BASE, ci: 'gitea', server: { port: 2222, user: 'site', webRoot: '/srv/www/' } } },
  { name: 'S3 on GitHub', id: 's3', options: { ...BASE, ci: 'github' } },
  { name: 'S3 on GitLab, Selectel', id: 's3', options: { ...BASE, ci: 'gitlab', s3: { provider: 'selectel', bucket: 'nastavnichestvo' } } },
  { name: 'S3 on Forgejo, VK Cloud, at the root', id: 's3', options: { ...BASE, basePath: '/', ci: 'forgejo', s3: { provider: 'vk' } } },
  { name: 'S3 on Gitea', id: 's3', options: { ...BASE, ci: 'gitea', timeZone: 'Asia/Yekaterinburg' } },
  { name: 'nginx', id: 'nginx', options: BASE },
  { name: 'nginx at the root', id: 'nginx', options: { ...BASE, basePath: '/', server: { webRoot: '/var/www/html' } } },
];
const filesOf = (variant: (typeof VARIANTS)[number]) => recipe(variant.id).files(variant.options);
const isWorkflow = (file: RecipeFile) => /^\.(github|forgejo|gitea)\/workflows\/[^/]+\.yml$/.test(file.path);
const isGitlab = (file: RecipeFile) => file.path === '.gitlab-ci.yml';
const isNginx = (file: RecipeFile) => file.path.endsWith('.conf');
const isShell = (file: RecipeFile) => file.path.endsWith('.sh');

function parseYaml(file: RecipeFile): any {
  const doc = parseDocument(file.content, { uniqueKeys: true });
  expect(doc.errors.map(String), file.path).toEqual([]);
  expect(doc.warnings.map(String), file.path).toEqual([]);
  return doc.toJS();
}

/** The shell a file runs, in order: `run` of each step, GitLab's script lines, a script file's lines. */
function shellOf(file: RecipeFile): string[] {
  if (isShell(file)) return [file.content];
  const data = parseYaml(file);
  if (isGitlab(file))
    return Object.values(data)
      .filter((job: any) => job && typeof job === 'object' && Array.isArray(job.script))
      .flatMap((job: any) => job.script as string[]);
  return Object.values(data.jobs).flatMap((job: any) => (job.steps as { run?: string }[]).flatMap((step) => (step.run ? [step.run] : [])));
}

/** The folders a CI file keeps between runs with the build's cache (the one keyed «nastavnichestvo-build»). */
function buildCachePaths(file: RecipeFile): string[] {
  const data = parseYaml(file);
  if (isGitlab(file)) {
    const caches = Object.values(data).flatMap((job: any) => (job && typeof job === 'object' && job.cache ? [job.cache].flat() : []));
    return caches.filter((cache: any) => cache.key === 'nastavnichestvo-build').flatMap((cache: any) => cache.paths as string[]);
  }
  const steps = Object.values(data.jobs).flatMap((job: any) => job.steps as { uses?: string; with?: Record<string, string> }[]);
  return steps
    .filter((step) => step.uses?.startsWith('actions/cache@') && String(step.with?.key).startsWith('nastavnichestvo-build-'))
    .flatMap((step) => String(step.with?.path).trim().split('\n'));
}

// ---------------------------------------------------------------- a minimal nginx reader

interface NginxBlock {
  name: string;
  args: string[];
  children?: NginxBlock[];
}

/** nginx's grammar as far as these files use it: directives ending in `;`, blocks in braces, # comments, quoted strings. */
function parseNginx(text: string): NginxBlock[] {
  const tokens = [...text.replace(/#[^\n]*/g, '').matchAll(/"(?:\\.|[^"])*"|'(?:\\.|[^'])*'|[{};]|[^\s{};"']+/g)].map((m) => m[0]);
  let at = 0;
  const block = (closing: boolean): NginxBlock[] => {
    const out: NginxBlock[] = [];
    let words: string[] = [];
    while (at < tokens.length) {
      const token = tokens[at++]!;
      if (token === ';') {
        expect(words.length, 'an empty directive').toBeGreaterThan(0);
        out.push({ name: words[0]!, args: words.slice(1) });
        words = [];
      } else if (token === '{') {
        expect(words.length, 'a block without a name').toBeGreaterThan(0);
        out.push({ name: words[0]!, args: words.slice(1), children: block(true) });
        words = [];
      } else if (token === '}') {
        expect(closing, 'a brace closes nothing').toBe(true);
        expect(words, 'a directive without its ;').toEqual([]);
        return out;
      } else words.push(token);
    }
    expect(closing, 'a block is never closed').toBe(false);
    expect(words, 'a directive without its ;').toEqual([]);
    return out;
  };
  return block(false);
}
const find = (blocks: NginxBlock[] | undefined, name: string, first?: string) =>
  (blocks ?? []).filter((b) => b.name === name && (first === undefined || b.args[0] === first));

// ---------------------------------------------------------------- the tests

describe('the build commands are the README’s', () => {
  it('the README’s «Две команды» install with `npm install` and build what `npm start` builds: `npm run build`', () => {
    const commands = readmeCommands();
    expect(commands).toEqual(expect.arrayContaining(['npm install', 'npm start', 'npm test']));
    // `npm start` builds and then previews; its build is the `build` script, which `npm run build` runs.
    expect(pkg.scripts.start!.split('&&')[0]!.trim()).toBe(pkg.scripts.build);
    expect(tableCommand(/^сборка в `dist\/`/)).toBe(BUILD_COMMAND);
    // The recipes' install is the README's, with flags that only shorten npm's log.
    const install = commands.find((command) => command.startsWith('npm install'))!;
    expect(INSTALL_COMMAND.startsWith(`${install} `)).toBe(true);
    expect(INSTALL_COMMAND.slice(install.length).trim().split(/\s+/)).toEqual(['--no-audit', '--no-fund']);
    // «Используйте `npm install`, не `npm ci`».
    expect(twoCommandsSection()).toContain('Используйте `npm install`, не `npm ci`');
  });

  it.each(VARIANTS)('$name: installs, then builds, with exactly those commands, and never with npm ci', (variant) => {
    for (const file of filesOf(variant).filter((f) => !isNginx(f))) {
      const lines = shellOf(file)
        .join('\n')
        .split('\n')
        .map((line) => line.trim());
      const install = lines.indexOf(INSTALL_COMMAND);
      const build = lines.indexOf(BUILD_COMMAND);
      expect(install, `${file.path}: ${INSTALL_COMMAND}`).toBeGreaterThan(-1);
      expect(build, `${file.path}: ${BUILD_COMMAND}`).toBeGreaterThan(install);
      expect(file.content).not.toMatch(/npm ci\b/);
    }
  });

  it('the README’s test command is not a deploy step: `npm test` needs Debian’s Chromium and minutes; the build checks the content and scans for leaks itself', () => {
    for (const variant of VARIANTS) for (const file of filesOf(variant)) expect(file.content).not.toMatch(/\bnpm (run )?test\b/);
  });
});

describe('the caches kept between builds', () => {
  it('are the project’s own cache folders: the share images, Astro’s content cache, the editor’s bundle', () => {
    expect(CACHE_FOLDERS.map((folder) => folder.path)).toEqual([shareImageCacheDir({}), contentCacheDir('src/content', {}), ADMIN_BUNDLE_CACHE]);
    expect(CACHE_FOLDERS.map((folder) => folder.path)).toEqual([
      'node_modules/.astro/og-cache',
      'node_modules/.astro/src-content',
      'node_modules/.astro/admin-bundle',
    ]);
  });

  it('cover every cache folder the code names under node_modules/.astro (a new one must be added to CACHE_FOLDERS)', () => {
    const named = new Set<string>();
    for (const file of filesUnder(join(ROOT, 'src')).filter((f) => /\.(ts|mjs|astro)$/.test(f)))
      for (const m of readFileSync(file, 'utf8').matchAll(/node_modules\/\.astro\/([A-Za-z0-9._-]+)/g)) named.add(`node_modules/.astro/${m[1]}`);
    expect(named.size).toBeGreaterThan(0);
    for (const path of named) expect(CACHE_FOLDERS.map((folder) => folder.path)).toContain(path);
  });

  it.each(VARIANTS.filter((v) => v.id !== 'nginx'))('$name: keeps exactly those folders, not node_modules as a whole', (variant) => {
    for (const file of filesOf(variant).filter((f) => isWorkflow(f) || isGitlab(f))) {
      expect(buildCachePaths(file), file.path).toEqual(CACHE_FOLDERS.map((folder) => folder.path));
      expect(file.content).not.toMatch(/^\s*-?\s*node_modules\/?\s*$/m);
    }
  });

  it('nginx’s script builds in the server’s own copy, where node_modules/.astro stays from build to build', () => {
    const script = recipe('nginx')
      .files(BASE)
      .find((f) => isShell(f))!;
    expect(script.content).toContain('cd "$(dirname "$0")/.."');
    expect(script.content).not.toMatch(/\brm\b|git clean/);
  });
});

describe('every file parses', () => {
  it.each(VARIANTS)('$name', (variant) => {
    const files = filesOf(variant);
    expect(files.length).toBeGreaterThan(0);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    for (const file of files) {
      if (isNginx(file)) parseNginx(file.content);
      else if (isShell(file)) {
        const check = spawnSync('bash', ['-n'], { input: file.content, encoding: 'utf8' });
        expect(check.stderr, file.path).toBe('');
      } else {
        parseYaml(file);
        // Every shell step is valid bash, as the runners run it.
        for (const script of shellOf(file)) expect(spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' }).stderr, `${file.path}: ${script}`).toBe('');
      }
    }
  });

  it('Forgejo’s workflow goes to .forgejo/workflows/, Gitea’s to .gitea/workflows/, GitHub’s to .github/workflows/', () => {
    const path = (id: (typeof RECIPES)[number]['id'], ci: RecipeOptions['ci']) => recipe(id).files({ ...BASE, ci })[0]!.path;
    expect(path('server', 'forgejo')).toBe('.forgejo/workflows/deploy.yml');
    expect(path('server', 'gitea')).toBe('.gitea/workflows/deploy.yml');
    expect(path('s3', 'github')).toBe('.github/workflows/deploy.yml');
    expect(path('s3', 'gitlab')).toBe('.gitlab-ci.yml');
    expect(path('github-pages', undefined)).toBe('.github/workflows/deploy.yml');
  });
});

describe('the published schemas', () => {
  it.each(VARIANTS)('$name: GitHub’s workflow schema (also for Forgejo and Gitea)', (variant) => {
    for (const file of filesOf(variant).filter(isWorkflow)) expect(validateWorkflow(file.content).errors, file.path).toEqual([]);
  });

  it('the GitHub schema check is real: a misspelt key fails', () => {
    const file = recipe('github-pages').files(BASE)[0]!;
    expect(validateWorkflow(file.content.replace('runs-on:', 'runs_on:')).errors).not.toEqual([]);
  });

  const WORK = join(TMP, 'deploy-recipes');
  afterAll(() => rmSync(WORK, { recursive: true, force: true }));

  /** gitlab-ci-local validates the pipeline against GitLab's ci.json, then lists its jobs; nothing runs. */
  function gitlabCheck(content: string) {
    mkdirSync(WORK, { recursive: true });
    const repo = mkdtempSync(join(WORK, 'gitlab-'));
    spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    writeFileSync(join(repo, '.gitlab-ci.yml'), content);
    const result = spawnSync(process.execPath, [require.resolve('gitlab-ci-local'), '--list', '--json-schema-validation'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  }

  it.each(VARIANTS.filter((v) => filesOf(v).some(isGitlab)))('$name: GitLab’s ci.json', (variant) => {
    const file = filesOf(variant).find(isGitlab)!;
    const { status, output } = gitlabCheck(file.content);
    expect(output).toContain('json schema validated');
    expect(output).not.toContain('Invalid .gitlab-ci.yml');
    expect(status, output).toBe(0);
  });

  it('the GitLab schema check is real: a misspelt key fails', () => {
    const file = recipe('gitlab-pages').files(BASE)[0]!;
    const { status, output } = gitlabCheck(file.content.replace('publish: dist', 'publishh: dist'));
    expect(output).toContain('Invalid .gitlab-ci.yml');
    expect(status).not.toBe(0);
  });
});

describe('what each recipe does', () => {
  it('GitHub and GitLab Pages build under the base path the options give, and at the root with none', () => {
    for (const id of ['github-pages', 'gitlab-pages'] as const) {
      expect(recipe(id).files({ ...BASE, basePath: 'nastavnichestvo/' })[0]!.content).toMatch(/BASE_PATH: "\/nastavnichestvo"\n/);
      expect(recipe(id).files({ ...BASE, basePath: '/' })[0]!.content).not.toContain('BASE_PATH');
    }
  });

  it('GitHub Pages: the built dist/ goes to Pages from a job in the github-pages environment, with the permissions it needs', () => {
    const data = parseYaml(recipe('github-pages').files(BASE)[0]!);
    expect(data.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    const upload = data.jobs.deploy.steps.find((s: any) => String(s.uses).startsWith('actions/upload-pages-artifact@'));
    expect(upload.with.path).toBe('dist');
    expect(data.jobs.publish.needs).toBe('deploy');
    expect(data.jobs.publish.environment.name).toBe('github-pages');
  });

  it('GitLab Pages publishes dist/ (public/ is the site’s own folder of files) from the branch given', () => {
    const data = parseYaml(recipe('gitlab-pages').files({ ...BASE, branch: 'master' })[0]!);
    expect(data.pages.pages.publish).toBe('dist');
    expect(data.pages.artifacts.paths).toEqual(['dist']);
    expect(data.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == "master"' }]);
  });

  it('every CI recipe rebuilds on a push to the branch and nightly, just after midnight in the school’s time zone', () => {
    expect(nightlyCron('Europe/Moscow')).toBe('30 21 * * *');
    expect(nightlyCron('Asia/Yekaterinburg')).toBe('30 19 * * *');
    expect(nightlyCron('Asia/Vladivostok')).toBe('30 14 * * *');
    expect(nightlyCron('Europe/Kaliningrad')).toBe('30 22 * * *');
    expect(nightlyCron('UTC')).toBe('30 0 * * *');
    for (const variant of VARIANTS)
      for (const file of filesOf(variant).filter(isWorkflow)) {
        const data = parseYaml(file);
        expect(data.on.push.branches).toEqual([variant.options.branch]);
        expect(data.on.schedule).toEqual([{ cron: nightlyCron(variant.options.timeZone ?? 'Europe/Moscow') }]);
        expect(Object.values(data.jobs).some((job: any) => job.env?.TZ === (variant.options.timeZone ?? 'Europe/Moscow'))).toBe(true);
      }
  });

  it('each recipe names the secrets it reads, and reads no other', () => {
    for (const variant of VARIANTS) {
      const declared = recipe(variant.id).secrets.map((s) => s.name);
      const text = filesOf(variant)
        .map((f) => f.content)
        .join('\n');
      const read = new Set([...text.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1]));
      // GitLab has no secrets context: masked CI/CD variables, read as $NAME.
      for (const name of declared) expect(read.has(name) || text.includes(`"$${name}"`), `${variant.name}: ${name}`).toBe(true);
      for (const name of read) expect(declared, variant.name).toContain(name);
    }
  });

  it('S3: hashed _astro/ files first and for good; the types a store would guess wrong set by hand; the rest short; deletions last', () => {
    for (const ext of ['xml', 'ics', 'webmanifest', 'wasm', 'pf_fragment', 'pf_index', 'pf_meta', 'pf_filter', 'txt', 'csv'])
      expect(CONTENT_TYPES[ext]).toBeTruthy();
    for (const ci of ['github', 'gitlab', 'forgejo', 'gitea'] as const) {
      const script = shellOf(recipe('s3').files({ ...BASE, ci })[0]!).join('\n');
      const puts = script.split('\n').filter((line) => /^\s*put /.test(line));
      expect(puts[0]).toContain(`--include '_astro/*' --cache-control "${IMMUTABLE_CACHE}"`);
      expect(puts.at(-1)).toMatch(/^\s*put --delete --size-only$/);
      for (const [ext, type] of Object.entries(CONTENT_TYPES)) {
        const line = puts.find((p) => p.includes(`--include '*.${ext}'`));
        expect(line, ext).toContain(`--content-type ${JSON.stringify(type)}`);
        expect(line, ext).toContain('--cache-control "$SHORT"');
      }
      expect(script).toContain('DEST="s3://$S3_BUCKET/nastavnichestvo/"');
      expect(script).toContain('--endpoint-url "$S3_ENDPOINT"');
    }
    const selectel = parseYaml(recipe('s3').files({ ...BASE, ci: 'gitlab', s3: { provider: 'selectel' } })[0]!);
    expect(selectel.variables).toMatchObject({ S3_BUCKET: 'school.ru', S3_ENDPOINT: 'https://s3.ru-1.storage.selcloud.ru', AWS_DEFAULT_REGION: 'ru-1' });
  });

  it('the own server: dist/ goes by rsync to the web root plus the base path, which the nginx file serves, and nginx is reloaded for the new headers', () => {
    for (const ci of ['forgejo', 'gitea'] as const) {
      const files = recipe('server').files({ ...BASE, ci, server: { webRoot: '/srv/www' } });
      const data = parseYaml(files[0]!);
      expect(data.jobs.deploy.env.DEPLOY_PATH).toBe('/srv/www/nastavnichestvo/');
      const script = shellOf(files[0]!).join('\n');
      expect(script).toMatch(/rsync .*dist\/ "\$DEPLOY_USER@\$DEPLOY_HOST:\$DEPLOY_PATH"/);
      expect(script).toContain('nginx -s reload');
      expect(script).toContain('StrictHostKeyChecking=yes');
      expect(files[1]!.content).toBe(nginxConfig({ ...BASE, server: { webRoot: '/srv/www' } }));
    }
  });
});

describe('the nginx server block', () => {
  const cases = [
    { basePath: '/nastavnichestvo', webRoot: '/var/www/school.ru', base: '/nastavnichestvo/' },
    { basePath: '/', webRoot: '/srv/site', base: '/' },
  ];

  it.each(cases)(
    'base $base: HTTPS, root, the build’s headers file inside the section’s location, 404.html, _astro/ kept for good',
    ({ basePath, webRoot, base }) => {
      const conf = parseNginx(nginxConfig({ ...BASE, basePath, server: { webRoot } }));
      const map = find(conf, 'map')[0]!;
      expect(map.children!.find((d) => d.name === `~^${base}_astro/`)?.args).toEqual(['max']);
      const [plain, tls] = find(conf, 'server');
      expect(find(plain!.children, 'return')[0]!.args).toEqual(['301', 'https://$host$request_uri']);
      const server = tls!.children!;
      expect(find(server, 'listen').map((d) => d.args.join(' '))).toContain('443 ssl http2');
      expect(find(server, 'root')[0]!.args).toEqual([webRoot]);
      expect(find(server, 'gzip_static')[0]!.args).toEqual(['on']);
      const section = find(server, 'location', base)[0]!;
      expect(find(section.children, 'include')[0]!.args).toEqual([`${webRoot}${base}nginx-security-headers.conf`]);
      expect(find(section.children, 'error_page')[0]!.args).toEqual(['404', `${base}404.html`]);
      expect(find(section.children, 'expires')[0]!.args).toEqual([map.args[1]]);
      // The build's snippet nests locations for /embed/ and /admin/: nginx accepts them only inside a location they begin with.
      for (const nested of find(parseNginx(nginxSnippet(base, headerSets({ scripts: [], styles: [] }))), 'location'))
        expect(nested.args[0]!.startsWith(base)).toBe(true);
    },
  );

  it('the address of the section without its slash leads to it; at the root there is none to lead', () => {
    const server = find(parseNginx(nginxConfig(BASE)), 'server')[1]!.children;
    expect(find(find(server, 'location', '=')[0]!.children, 'return')[0]!.args).toEqual(['301', '/nastavnichestvo/']);
    expect(find(find(parseNginx(nginxConfig({ ...BASE, basePath: '/' })), 'server')[1]!.children, 'location', '=')).toEqual([]);
  });

  it('types: the charset on Russian text, the calendar and the manifest named', () => {
    const server = find(parseNginx(nginxConfig(BASE)), 'server')[1]!.children!;
    expect(find(server, 'charset')[0]!.args).toEqual(['utf-8']);
    expect(find(server, 'charset_types')[0]!.args).toEqual(expect.arrayContaining(['text/plain', 'text/csv', 'text/calendar', 'application/json']));
    const types = Object.fromEntries(find(server, 'types')[0]!.children!.map((d) => [d.args[0], d.name]));
    expect(types).toMatchObject({ ics: 'text/calendar', webmanifest: 'application/manifest+json', csv: 'text/csv' });
  });

  it('the reader catches what nginx would refuse', () => {
    expect(() => parseNginx('server { listen 80; ')).toThrow();
    expect(() => parseNginx('server { listen 80 }')).toThrow();
    expect(() => parseNginx('location / { } }')).toThrow();
  });
});

it('the tests leave nothing in the project', () => {
  expect(readdirSync(ROOT).filter((name) => name === '.gitlab-ci-local')).toEqual([]);
});
