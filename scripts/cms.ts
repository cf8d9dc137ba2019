/**
 * `npm run cms`: the editor on this machine, without a login.
 *
 * Starts decap-server (writes the edited files straight into src/content of this
 * project) and `astro dev`, both bound to 127.0.0.1 only, tells the /admin/ page where
 * decap-server is, prints the editor's address once both answer, and stops both on
 * Ctrl+C or SIGTERM.
 *
 * CONTENT_ROOT=<folder>/src/content edits a copy instead (the tests do): the editor's settings
 * (cms/config.ts) name the content «src/content/…», so decap-server works in <folder>, and
 * astro dev shows the copy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const DECAP_PORT = Number(process.env.DECAP_PORT || 8181);
const SITE_PORT = Number(process.env.SITE_PORT || 4321);
const DECAP_API = `http://${HOST}:${DECAP_PORT}/api/v1`;
const EDITOR_URL = `http://${HOST}:${SITE_PORT}/admin/`;
const STARTUP_TIMEOUT_MS = 120_000;
const CONTENT_ROOT = (process.env.CONTENT_ROOT || 'src/content').replace(/\/+$/, '');
if (!/(^|\/)src\/content$/.test(CONTENT_ROOT)) {
  console.error(`CONTENT_ROOT=${CONTENT_ROOT}: редактору нужна папка, которая кончается на src/content (например, .cache/copy/src/content)`);
  process.exit(1);
}
/** Where decap-server works: the folder that holds CONTENT_ROOT's src/content. */
const REPO_DIR = resolve(ROOT, CONTENT_ROOT.slice(0, -'src/content'.length) || '.');

/** Fails early with a clear message instead of letting Vite move to another port. */
function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', () => fail(new Error(`Порт ${HOST}:${port} занят (${what}). Остановите то, что его занимает, и запустите снова.`)));
    probe.listen(port, HOST, () => probe.close(() => ok()));
  });
}

const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;

function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
  // process.execPath: the project's pinned Node (npm run puts it first on PATH).
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push({ name, proc });
  proc.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n${name} остановился (${signal ?? `код ${code}`}); останавливаю остальное.`);
    void stop(1);
  });
  return proc;
}

async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      ({ proc }) =>
        new Promise<void>((done) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return done();
          const force = setTimeout(() => proc.kill('SIGKILL'), 5_000);
          proc.once('exit', () => {
            clearTimeout(force);
            done();
          });
          proc.kill('SIGTERM');
        }),
    ),
  );
  process.exit(exitCode);
}

async function waitFor(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!stopping) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} не ответил за ${STARTUP_TIMEOUT_MS / 1000} с`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));

try {
  await assertPortFree(DECAP_PORT, 'для decap-server; другой можно задать через DECAP_PORT');
  await assertPortFree(SITE_PORT, 'для сайта; другой можно задать через SITE_PORT');

  start('decap-server', [resolve(ROOT, 'node_modules/decap-server/dist/index.js')], {
    PORT: String(DECAP_PORT),
    BIND_HOST: HOST,
    // Files are written into this project's working tree; nothing is committed (MODE=fs).
    GIT_REPO_DIRECTORY: REPO_DIR,
    MODE: 'fs',
  });
  // --ignore-lock: this script owns its dev server (it stops it with itself); Astro's lock would refuse a second project copy's editor.
  start('astro dev', [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--ignore-lock', '--host', HOST, '--port', String(SITE_PORT)], {
    ASTRO_DEV_BACKGROUND: '0',
    ASTRO_TELEMETRY_DISABLED: '1',
    PUBLIC_DECAP_SERVER: DECAP_API,
  });

  await waitFor('decap-server', async () => {
    const res = await fetch(DECAP_API, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
    return res.ok && typeof (await res.json()).repo === 'string';
  });
  await waitFor('astro dev', async () => (await fetch(EDITOR_URL)).ok);
  if (!stopping) console.log(`\nРедактор: ${EDITOR_URL}\n(изменения сохраняются прямо в ${CONTENT_ROOT}; остановить — Ctrl+C)\n`);
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}
