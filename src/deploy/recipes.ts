/**
 * Deployment recipes: the CI and server files that `npm run new` writes into a school's repository
 * so that every push (and every night) builds the section and puts it online. Pure: options in,
 * file texts out; nothing here reads or writes the disk.
 *
 * Every recipe keeps the build's caches between builds (CACHE_FOLDERS): with them a rebuild of an
 * unchanged section redraws no share image and rebundles no editor — seconds instead of minutes on
 * a large section (BENCHMARKS.md). Every recipe rebuilds nightly too: the states of events
 * («просрочено») and the end of consents are judged against the day of the build (src/lib/build-date.ts),
 * so a site not rebuilt would keep showing a person whose consent ended.
 */
import { ADMIN_BUNDLE_CACHE } from '../admin/bundle.ts';
import { normaliseBase } from '../lib/base-path.ts';
import { contentCacheDir, contentRoot, shareImageCacheDir } from '../schemas/collections.ts';

/** README, «Установка»: `npm install`, not `npm ci`; the flags only keep the log short, as in .ci/run. */
export const INSTALL_COMMAND = 'npm install --no-audit --no-fund';
/** README, «Другие команды»: the build into dist/. */
export const BUILD_COMMAND = 'npm run build';
export const OUT_DIR = 'dist';

/**
 * The folders a build reuses, as the build finds them with no OG_CACHE_DIR, ASTRO_CACHE_ROOT or
 * CONTENT_ROOT set (a school's section lives in src/content). Each is checked by the build itself,
 * so a stale one costs nothing: the share images are keyed by the card's data and template, the
 * editor's bundle by its sources and package versions, Astro's store by its own digest.
 * Not node_modules as a whole: `npm install` makes it right for the lock file in seconds from npm's
 * download cache, and a restored copy from another lock file would be wrong.
 */
export const CACHE_FOLDERS: readonly { path: string; holds: string }[] = [
  { path: shareImageCacheDir({}), holds: 'картинки для ссылок (Open Graph): без кэша каждая рисуется заново' },
  { path: contentCacheDir(contentRoot({}), {}), holds: 'кэш Astro: прочитанное содержимое, уменьшенные картинки, шрифты' },
  { path: ADMIN_BUNDLE_CACHE, holds: 'собранный код редактора /admin/ (6 МБ)' },
];
/** npm's download cache: `npm install` takes the packages from it instead of the registry. */
export const NPM_CACHE_DIR = '~/.npm';

/** Types an object store would guess wrong or not at all (no charset on Russian text, the search index unknown). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json',
  wasm: 'application/wasm',
  // Pagefind's index and its WebAssembly are gzip data that its script unpacks itself: served as
  // bytes, never with Content-Encoding, or the browser would unpack them first.
  pf_fragment: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
  pagefind: 'application/octet-stream',
};
/** Hashed names (Astro's `_astro/`): a file there never changes, so it may be kept for good. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Everything else — pages, data, images — may change with the next build. */
export const SHORT_CACHE = 'public, max-age=300';
/** Worth compressing ahead for nginx's gzip_static/brotli_static; the search index is compressed already. */
export const PRECOMPRESSED = ['html', 'css', 'js', 'json', 'svg', 'xml', 'txt', 'csv', 'ics', 'webmanifest', 'wasm'] as const;

export type CiHost = 'github' | 'gitlab' | 'forgejo' | 'gitea';
export type S3Provider = keyof typeof S3_PROVIDERS;

/** Endpoints and regions as the providers' documentation gives them; `endpoint`/`region` override. */
export const S3_PROVIDERS = {
  yandex: { label: 'Yandex Object Storage', endpoint: 'https://storage.yandexcloud.net', region: 'ru-central1' },
  selectel: { label: 'Selectel S3', endpoint: 'https://s3.ru-1.storage.selcloud.ru', region: 'ru-1' },
  vk: { label: 'VK Cloud Object Storage', endpoint: 'https://hb.ru-msk.vkcloud-storage.ru', region: 'ru-msk' },
} as const;

export interface RecipeOptions {
  /** The site's public address (siteUrl in settings), e.g. https://school.ru/. */
  siteUrl: string;
  /** Where the section lives on that site: «/nastavnichestvo», or «/» for the root. Project pages on GitHub and GitLab: «/<repository>». */
  basePath: string;
  /** The branch whose pushes publish the site. */
  branch: string;
  /** Whose «today» the build judges consents and deadlines by (TZ); Europe/Moscow by default. */
  timeZone?: string;
  /** Where the CI runs, for the recipes that can run on several (s3: any; server: forgejo or gitea). */
  ci?: CiHost;
  /** The runner label (runs-on) on GitHub, Forgejo and Gitea. */
  runsOn?: string;
  /** The own server (recipes «server» and «nginx»). */
  server?: { host?: string; user?: string; port?: number; webRoot?: string };
  /** The object storage (recipe «s3»); the bucket defaults to the site's host name, as Yandex names website buckets. */
  s3?: { provider?: S3Provider; bucket?: string; endpoint?: string; region?: string };
}

export interface RecipeFile {
  /** Relative to the repository's root. */
  path: string;
  content: string;
}

export interface Recipe {
  id: 'github-pages' | 'gitlab-pages' | 'server' | 's3' | 'nginx';
  label: string;
  description: string;
  /** CI secrets (or GitLab CI/CD variables) the recipe reads, by name, with what to put there. */
  secrets: readonly { name: string; what: string }[];
  files(options: RecipeOptions): RecipeFile[];
}

const q = (value: string) => JSON.stringify(value);
const indent = (text: string, spaces: number) =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');

/** «/nastavnichestvo/» or «/». */
const baseOf = (options: RecipeOptions) => normaliseBase(options.basePath);
const hostOf = (options: RecipeOptions) => new URL(options.siteUrl).hostname;
const timeZoneOf = (options: RecipeOptions) => options.timeZone ?? 'Europe/Moscow';

/** Minutes east of UTC on 15 January (standard time where there is summer time; all year in Russia). */
function utcOffsetMinutes(timeZone: string): number {
  const at = Date.UTC(2026, 0, 15, 12);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  );
  return (Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - at) / 60_000;
}

/** 00:30 in the school's time zone, as a UTC cron line: just after the day on which a consent ends has begun. */
export function nightlyCron(timeZone: string): string {
  const minutes = (((30 - utcOffsetMinutes(timeZone)) % 1440) + 1440) % 1440;
  return `${minutes % 60} ${Math.floor(minutes / 60)} * * *`;
}

/** The build's environment: the base path (none at the root) and the school's time zone. */
function buildEnv(options: RecipeOptions): Record<string, string> {
  const base = baseOf(options);
  return { ...(base === '/' ? {} : { BASE_PATH: base.replace(/\/$/, '') }), TZ: timeZoneOf(options) };
}
const envYaml = (env: Record<string, string>, spaces: number) =>
  indent(
    Object.entries(env)
      .map(([k, v]) => `${k}: ${q(v)}`)
      .join('\n'),
    spaces,
  );

const HEADER = (what: string) =>
  [
    `# «Наставничество»: ${what}.`,
    '# Файл написала команда `npm run new`; его можно править. Сборка — те же команды, что в README:',
    `# ${INSTALL_COMMAND} && ${BUILD_COMMAND}.`,
    '# Кэш сборки (картинки для ссылок, содержимое, код редактора) хранится между сборками:',
    '# с ним повторная сборка идёт секунды, без него на большом разделе — минуты.',
    '# Каждую ночь сайт собирается заново: состояния мероприятий и сроки согласий считаются на день сборки.',
  ].join('\n');

// ---------------------------------------------------------------- GitHub, Forgejo, Gitea Actions

type ActionsHost = Exclude<CiHost, 'gitlab'>;

/**
 * Action versions per host: GitHub runs the current majors; Forgejo and Gitea runners fetch
 * actions from their own mirrors (data.forgejo.org) and run them on the runner image's Node, so
 * the majors that run on Node 20 there.
 */
const ACTIONS: Record<ActionsHost, { checkout: string; cache: string }> = {
  github: { checkout: 'actions/checkout@v6', cache: 'actions/cache@v5' },
  forgejo: { checkout: 'actions/checkout@v4', cache: 'actions/cache@v4' },
  gitea: { checkout: 'actions/checkout@v4', cache: 'actions/cache@v4' },
};
const DEFAULT_RUNNER: Record<ActionsHost, string> = { github: 'ubuntu-latest', forgejo: 'docker', gitea: 'ubuntu-latest' };
const WORKFLOW_PATH: Record<ActionsHost, string> = {
  github: '.github/workflows/deploy.yml',
  forgejo: '.forgejo/workflows/deploy.yml',
  gitea: '.gitea/workflows/deploy.yml',
};

const cachePathsYaml = (spaces: number) => indent(CACHE_FOLDERS.map((folder) => folder.path).join('\n'), spaces);

/** Checkout, npm's download cache, the build's caches, the README's two commands. */
function actionsBuildSteps(host: ActionsHost): string {
  const { checkout, cache } = ACTIONS[host];
  // GitHub's runner has Node and setup-node keeps ~/.npm by the lock file; a Forgejo or Gitea
  // runner image brings its own Node (the actions need it), and actions/cache keeps ~/.npm.
  const npmCache =
    host === 'github'
      ? `- name: Node.js и кэш npm
  uses: actions/setup-node@v6
  with:
    node-version: 22
    cache: npm`
      : `- name: Кэш npm
  uses: ${cache}
  with:
    path: ${NPM_CACHE_DIR}
    key: npm-\${{ hashFiles('package-lock.json') }}
    restore-keys: npm-`;
  return indent(
    `- uses: ${checkout}
${npmCache}
- name: Установить пакеты
  run: ${INSTALL_COMMAND}
# После npm install, чтобы npm не тронул восстановленное; сохраняется в конце задачи.
- name: Кэш сборки — картинки для ссылок, содержимое, редактор
  uses: ${cache}
  with:
    path: |
${cachePathsYaml(6)}
    # Новый ключ в каждом запуске, чтобы кэш сохранялся каждый раз; восстанавливается самый свежий.
    key: nastavnichestvo-build-\${{ github.run_id }}
    restore-keys: nastavnichestvo-build-
- name: Собрать
  run: ${BUILD_COMMAND}`,
    6,
  );
}

function actionsWorkflow(host: ActionsHost, options: RecipeOptions, what: string, job: { env?: Record<string, string>; steps: string }, extra = ''): string {
  const cron = nightlyCron(timeZoneOf(options));
  return `${HEADER(what)}
name: Выложить сайт
on:
  push:
    branches: [${q(options.branch)}]
  schedule:
    # 00:30 по времени ${timeZoneOf(options)} (время здесь — UTC).
    - cron: ${q(cron)}
  workflow_dispatch:
${extra}jobs:
  deploy:
    runs-on: ${q(options.runsOn ?? DEFAULT_RUNNER[host])}
    env:
${envYaml({ ...buildEnv(options), ...job.env }, 6)}
    steps:
${actionsBuildSteps(host)}
${indent(job.steps, 6)}
`;
}

// ---------------------------------------------------------------- GitLab CI

function gitlabPipeline(
  options: RecipeOptions,
  what: string,
  job: { name: string; extra?: string; script?: string; env?: Record<string, string>; envNote?: string },
): string {
  return `${HEADER(what)}
# Ночная сборка: Build → Pipeline schedules → New schedule, «30 0 * * *», часовой пояс ${timeZoneOf(options)}, ветка ${options.branch}.
variables:
${job.envNote ? `  ${job.envNote}\n` : ''}${envYaml({ ...buildEnv(options), ...job.env }, 2)}
  # Кэш загрузок npm — в папке проекта: GitLab кэширует только пути внутри неё.
  npm_config_cache: "$CI_PROJECT_DIR/.npm"
${job.name}:
  # Подойдёт любой образ с Node 20+ и npm: Node 22 ставится вместе с пакетами проекта.
  image: node:22-bookworm
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == ${q(options.branch)}
  cache:
    - key:
        files: [package-lock.json]
      paths: [.npm/]
    # Один ключ на все запуски: кэш заменяется в конце каждой удачной сборки.
    - key: nastavnichestvo-build
      paths:
${indent(CACHE_FOLDERS.map((folder) => `- ${folder.path}`).join('\n'), 8)}
  script:
    - ${INSTALL_COMMAND}
    - ${BUILD_COMMAND}
${job.script ? `${indent(job.script, 4)}\n` : ''}${job.extra ?? ''}`;
}

// ---------------------------------------------------------------- shell steps

/** For nginx's gzip_static and brotli_static: compressed once, at the best level, not on every request. */
const precompressScript = (
  dir: string,
) => `find ${dir} -type f \\( ${PRECOMPRESSED.map((ext) => `-name '*.${ext}'`).join(' -o ')} \\) -size +1k -print0 > /tmp/precompress
xargs -0 -r gzip -9 -k -f < /tmp/precompress
if command -v brotli >/dev/null; then xargs -0 -r brotli -k -f -q 11 < /tmp/precompress; fi`;

/**
 * The upload to an object store: hashed files first (a new page never points at a file not yet
 * there), then each content type the CLI would guess wrong, then the rest, then what the build no
 * longer has is deleted. `aws s3 sync` compares size and time, and every build writes its files
 * anew, so everything is uploaded again; the last pass only deletes.
 */
function s3UploadScript(base: string): string {
  const byType = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(CONTENT_TYPES)) byType.set(type, [...(byType.get(type) ?? []), ext]);
  const typed = [...byType].map(
    ([type, exts]) =>
      `put --exclude '*' ${exts.map((ext) => `--include '*.${ext}'`).join(' ')} --exclude '_astro/*' --content-type ${q(type)} --cache-control "$SHORT"`,
  );
  const known = Object.keys(CONTENT_TYPES)
    .map((ext) => `--exclude '*.${ext}'`)
    .join(' ');
  return `set -euo pipefail
command -v aws >/dev/null || { apt-get update -qq && apt-get install -y -qq awscli >/dev/null; }
DEST="s3://$S3_BUCKET${base}"
SHORT=${q(SHORT_CACHE)}
put() { aws s3 sync ${OUT_DIR}/ "$DEST" --endpoint-url "$S3_ENDPOINT" --no-progress "$@"; }
put --exclude '*' --include '_astro/*' --cache-control ${q(IMMUTABLE_CACHE)}
${typed.join('\n')}
put --exclude '_astro/*' ${known} --cache-control "$SHORT"
put --delete --size-only`;
}

/** Credentials under the names the AWS CLI reads, and the checksums every S3-compatible store accepts. */
const S3_ENV_NOTE = '# AWS CLI 2.23+ добавляет контрольные суммы CRC, которые принимает не всякое S3-совместимое хранилище: только где обязательно.';

function s3Settings(options: RecipeOptions) {
  const provider = S3_PROVIDERS[options.s3?.provider ?? 'yandex'];
  return {
    provider,
    bucket: options.s3?.bucket ?? hostOf(options),
    endpoint: options.s3?.endpoint ?? provider.endpoint,
    region: options.s3?.region ?? provider.region,
  };
}

// ---------------------------------------------------------------- own server

function serverSettings(options: RecipeOptions) {
  const host = hostOf(options);
  const webRoot = (options.server?.webRoot ?? `/var/www/${host}`).replace(/\/+$/, '');
  return {
    host: options.server?.host ?? host,
    user: options.server?.user ?? 'deploy',
    port: options.server?.port ?? 22,
    webRoot,
    /** Where dist/ goes: the web root plus the base path, so that nginx's root serves it at that path. */
    target: `${webRoot}${baseOf(options)}`,
  };
}

/** nginx reads the headers file when it loads its configuration, and the file changes with every build (the hashes of inline scripts). */
const NGINX_RELOAD = 'sudo -n /usr/sbin/nginx -t && sudo -n /usr/sbin/nginx -s reload';

const nginxFileName = (options: RecipeOptions) => `deploy/nginx/${hostOf(options)}.conf`;

/** A server block for the section: HTTPS, the build's security headers, caching by folder, compression, 404.html, the base path. */
export function nginxConfig(options: RecipeOptions): string {
  const base = baseOf(options);
  const { webRoot, target } = serverSettings(options);
  const host = hostOf(options);
  const cacheVar = `$nastavnichestvo_expires_${host.replace(/[^A-Za-z0-9]+/g, '_')}`;
  const bare = base.replace(/\/$/, '');
  return `# «Наставничество»: раздел https://${host}${base} на nginx.
# Файл написала команда \`npm run new\`. Положите его в /etc/nginx/conf.d/ (или в sites-available
# со ссылкой из sites-enabled), проверьте \`sudo nginx -t\` и перезагрузите nginx: \`sudo nginx -s reload\`.
# Если у сайта уже есть блок server, перенесите в него location-блоки ниже и строку map.
#
# Сборка (всё содержимое dist/) лежит в ${target}.
# После каждой выкладки nginx надо перезагружать: заголовки безопасности — файл из сборки,
# и он меняется с каждой сборкой, а nginx читает его только при загрузке настроек.

# Файлы в _astro/ с хэшем в имени не меняются — хранятся «навсегда» (max — 10 лет); остальное (страницы, данные, картинки) — 5 минут.
map $uri ${cacheVar} {
    default 5m;
    ~^${base}_astro/ max;
}

server {
    listen 80;
    listen [::]:80;
    server_name ${host};
    return 301 https://$host$request_uri;
}

server {
    # В nginx 1.25.1 и новее можно писать \`listen 443 ssl;\` и \`http2 on;\`.
    listen 443 ssl http2;
    listen [::]:443 ssl http2;
    server_name ${host};
    # Let's Encrypt (certbot certonly --webroot или --nginx) кладёт сертификаты сюда.
    ssl_certificate /etc/letsencrypt/live/${host}/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/${host}/privkey.pem;

    root ${webRoot};
    index index.html;
    # Переадресация на адрес со слешем — относительная: верна и за прокси, и на другом порту.
    absolute_redirect off;
    server_tokens off;

    # Русский текст в .txt, .csv, .ics и данных: кодировка — в заголовке, а не на догадку браузера.
    charset utf-8;
    charset_types text/css text/plain text/xml text/csv text/calendar application/javascript application/json application/rss+xml application/manifest+json;
    # Типы, которых может не быть в mime.types; индекс поиска (.pf_*, .pagefind) отдаётся как байты (default_type).
    types {
        text/calendar ics;
        text/csv csv;
        application/manifest+json webmanifest;
    }
    include /etc/nginx/mime.types;
    default_type application/octet-stream;

    # Файлы, сжатые заранее при выкладке (.gz, .br рядом с исходными), иначе — сжатие на лету.
    gzip_static on;
    gzip on;
    gzip_vary on;
    gzip_types text/css text/plain text/xml text/csv text/calendar application/javascript application/json application/xml application/rss+xml application/manifest+json application/wasm image/svg+xml;
    # С модулем ngx_brotli (в Debian и Ubuntu — пакет libnginx-mod-http-brotli-static) уберите # ниже.
    # brotli_static on;
${
  bare
    ? `
    location = ${bare} {
        return 301 ${base};
    }
`
    : ''
}
    location ${base} {
        expires ${cacheVar};
        error_page 404 ${base}404.html;
        # Заголовки этой сборки: для сайта — здесь, для /embed/ и /admin/ — свои, во вложенных location.
        include ${target}nginx-security-headers.conf;

        # Служебные файлы сборки для хостингов — не страницы сайта.
        location ~ ^${base}(_headers|nginx-security-headers\\.conf)$ {
            return 404;
        }
    }
}
`;
}

/** For a server without CI: pull, build with the caches that stay in node_modules, publish, reload nginx. */
function publishScript(options: RecipeOptions): string {
  const { target } = serverSettings(options);
  const env = Object.entries(buildEnv(options))
    .map(([k, v]) => `export ${k}=${q(v)}`)
    .join('\n');
  return `#!/usr/bin/env bash
# «Наставничество»: собрать раздел на этом сервере и выложить его для nginx.
# Файл написала команда \`npm run new\`. Запуск из папки проекта: \`bash deploy/publish.sh\`;
# каждую ночь — строкой в crontab пользователя, который владеет папкой проекта:
#   30 0 * * * cd /путь/к/проекту && bash deploy/publish.sh >> deploy/publish.log 2>&1
# Кэш сборки остаётся в node_modules/.astro этой папки, поэтому повторная сборка идёт секунды.
set -euo pipefail
cd "$(dirname "$0")/.."
${env}
git pull --ff-only origin ${q(options.branch)}
${INSTALL_COMMAND}
${BUILD_COMMAND}
${precompressScript(OUT_DIR)}
mkdir -p ${q(target)}
rsync -rlpt --chmod=D755,F644 --delete-after --delay-updates ${OUT_DIR}/ ${q(target)}
${NGINX_RELOAD}
`;
}

// ---------------------------------------------------------------- the recipes

const SSH_SECRETS = [
  { name: 'SSH_PRIVATE_KEY', what: 'закрытый ключ SSH пользователя, от имени которого выкладывается сайт (открытый — в его ~/.ssh/authorized_keys)' },
  { name: 'SSH_KNOWN_HOSTS', what: 'строка ключа сервера: вывод `ssh-keyscan -p <порт> <сервер>`' },
];
const S3_SECRETS = [
  { name: 'S3_ACCESS_KEY_ID', what: 'идентификатор статического ключа доступа к бакету' },
  { name: 'S3_SECRET_ACCESS_KEY', what: 'секретный ключ к нему' },
];

export const RECIPES: readonly Recipe[] = [
  {
    id: 'github-pages',
    label: 'GitHub Pages',
    description:
      'GitHub Actions собирает сайт при каждой правке и каждую ночь и выкладывает его на GitHub Pages. Включите Pages: Settings → Pages → Source: GitHub Actions. Заголовки безопасности GitHub Pages не ставит.',
    secrets: [],
    files: (options) => [
      {
        path: WORKFLOW_PATH.github,
        content:
          actionsWorkflow(
            'github',
            options,
            'сборка и выкладка на GitHub Pages',
            {
              steps: `- name: Передать сборку GitHub Pages
  uses: actions/upload-pages-artifact@v5
  with:
    path: ${OUT_DIR}`,
            },
            `permissions:
  contents: read
  pages: write
  id-token: write
# Одна выкладка за раз: новая ждёт, а не обрывает начатую.
concurrency:
  group: pages
  cancel-in-progress: false
`,
          ).replace(/\n$/, '') + publishJob(),
      },
    ],
  },
  {
    id: 'gitlab-pages',
    label: 'GitLab Pages',
    description:
      'GitLab CI собирает сайт при каждой правке и выкладывает его на GitLab Pages (GitLab 17.9 и новее; на GitLab 16.1–17.8 замените `pages: publish: dist` на `publish: dist`). Ночную сборку включите в Build → Pipeline schedules. Заголовки безопасности GitLab Pages не ставит.',
    secrets: [],
    files: (options) => [
      {
        path: '.gitlab-ci.yml',
        content: gitlabPipeline(options, 'сборка и выкладка на GitLab Pages', {
          name: 'pages',
          // public/ is the site's own folder of files copied as they are (Astro's publicDir), so Pages publishes dist/.
          extra: `  pages:
    publish: ${OUT_DIR}
  artifacts:
    paths: [${OUT_DIR}]
`,
        }),
      },
    ],
  },
  {
    id: 'server',
    label: 'Свой сервер: Forgejo или Gitea Actions, SSH и rsync',
    description:
      'Forgejo или Gitea Actions собирает сайт и копирует его по SSH (rsync) на свой сервер с nginx, затем перезагружает nginx. Файл — в .forgejo/workflows/ для Forgejo, в .gitea/workflows/ для Gitea. Настройки nginx — рецепт «nginx».',
    secrets: SSH_SECRETS,
    files: (options) => {
      const host: ActionsHost = options.ci === 'gitea' ? 'gitea' : 'forgejo';
      const server = serverSettings(options);
      return [
        {
          path: WORKFLOW_PATH[host],
          content: actionsWorkflow(host, options, `сборка и выкладка на сервер ${server.host} по SSH`, {
            env: { DEPLOY_HOST: server.host, DEPLOY_PORT: String(server.port), DEPLOY_USER: server.user, DEPLOY_PATH: server.target },
            steps: `- name: Сжать файлы заранее для nginx
  run: |
${indent(`command -v rsync >/dev/null && command -v brotli >/dev/null || { apt-get update -qq && apt-get install -y -qq rsync openssh-client brotli >/dev/null; }\n${precompressScript(OUT_DIR)}`, 4)}
- name: Выложить на сервер
  env:
    SSH_PRIVATE_KEY: \${{ secrets.SSH_PRIVATE_KEY }}
    SSH_KNOWN_HOSTS: \${{ secrets.SSH_KNOWN_HOSTS }}
  run: |
${indent(
  `set -euo pipefail
mkdir -p ~/.ssh && chmod 700 ~/.ssh
printf '%s\\n' "$SSH_PRIVATE_KEY" > ~/.ssh/deploy_key && chmod 600 ~/.ssh/deploy_key
printf '%s\\n' "$SSH_KNOWN_HOSTS" > ~/.ssh/known_hosts
SSH="ssh -i $HOME/.ssh/deploy_key -p $DEPLOY_PORT -o StrictHostKeyChecking=yes"
# Новые файлы встают на место все вместе в конце, старые удаляются только после этого.
rsync -rlptz --chmod=D755,F644 --delete-after --delay-updates -e "$SSH" ${OUT_DIR}/ "$DEPLOY_USER@$DEPLOY_HOST:$DEPLOY_PATH"
$SSH "$DEPLOY_USER@$DEPLOY_HOST" '${NGINX_RELOAD}'`,
  4,
)}`,
          }),
        },
        { path: nginxFileName(options), content: nginxConfig(options) },
      ];
    },
  },
  {
    id: 's3',
    label: 'Объектное хранилище S3 и CDN (Yandex Object Storage, Selectel, VK Cloud)',
    description:
      'CI собирает сайт и загружает его в бакет S3-совместимого хранилища с верными типами файлов и заголовками кэша: файлы из _astro/ — навсегда, остальное — на 5 минут. Бакету нужен режим веб-сайта (главная страница index.html, ошибка — 404.html), перед ним — CDN с кэшем «как у источника».',
    secrets: S3_SECRETS,
    files: (options) => {
      const s3 = s3Settings(options);
      const base = baseOf(options);
      const env = { S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, AWS_DEFAULT_REGION: s3.region };
      const checksums = { AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required', AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required' };
      const what = `сборка и загрузка в ${s3.provider.label}, бакет ${s3.bucket}`;
      const ci = options.ci ?? 'github';
      if (ci === 'gitlab')
        return [
          {
            path: '.gitlab-ci.yml',
            content: gitlabPipeline(options, what, {
              name: 'deploy',
              env: { ...env, ...checksums },
              envNote: S3_ENV_NOTE,
              // Protected and masked CI/CD variables hold the keys; the CLI reads them under its own names.
              script: `- export AWS_ACCESS_KEY_ID="$S3_ACCESS_KEY_ID" AWS_SECRET_ACCESS_KEY="$S3_SECRET_ACCESS_KEY"\n- |\n${indent(s3UploadScript(base), 2)}`,
            }),
          },
        ];
      return [
        {
          path: WORKFLOW_PATH[ci],
          content: actionsWorkflow(ci, options, what, {
            env,
            steps: `- name: Загрузить в хранилище
  env:
    AWS_ACCESS_KEY_ID: \${{ secrets.S3_ACCESS_KEY_ID }}
    AWS_SECRET_ACCESS_KEY: \${{ secrets.S3_SECRET_ACCESS_KEY }}
    ${S3_ENV_NOTE}
${indent(envYaml(checksums, 0), 4)}
  run: |
${indent(s3UploadScript(base), 4)}`,
          }),
        },
      ];
    },
  },
  {
    id: 'nginx',
    label: 'nginx на своём сервере',
    description:
      'Блок server для nginx: HTTPS, заголовки безопасности из сборки, кэш по папкам, сжатые заранее файлы, страница 404. И скрипт deploy/publish.sh, который собирает сайт на самом сервере (например, по cron каждую ночь) и перезагружает nginx.',
    secrets: [],
    files: (options) => [
      { path: nginxFileName(options), content: nginxConfig(options) },
      { path: 'deploy/publish.sh', content: publishScript(options) },
    ],
  },
];

/** GitHub Pages deploys from a job of its own, in the environment the repository's Pages settings protect. */
function publishJob(): string {
  return `
  publish:
    needs: deploy
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.pages.outputs.page_url }}
    steps:
      - name: Выложить на GitHub Pages
        id: pages
        uses: actions/deploy-pages@v5
`;
}

export function recipe(id: Recipe['id']): Recipe {
  const found = RECIPES.find((r) => r.id === id);
  if (!found) throw new Error(`Нет рецепта выкладки «${id}»: есть ${RECIPES.map((r) => r.id).join(', ')}`);
  return found;
}
