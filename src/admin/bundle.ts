/**
 * The editor's script (Decap CMS, React, our widgets and the schema-made config) bundled by
 * esbuild, apart from Astro's Vite build, and kept between builds. It is about 6 MB: Vite rebuilt it
 * on every `astro build` (4–6 s and half the build's peak memory, see BENCHMARKS.md) although
 * it changes only when its own sources or the installed packages do.
 *
 * The cache key covers exactly what the last bundle was made from: esbuild's list of inputs,
 * each project file by its content and each package by its installed version, plus the mode,
 * the decap-server address baked into the script, and this file with its build options.
 * Runs on Node only (build and dev server).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion, type Metafile, type Plugin } from 'esbuild';

export type AdminBundleMode = 'production' | 'development';

export interface AdminBundleOptions {
  /** The project root: src/admin/cms.ts is resolved from here. */
  root: string;
  mode: AdminBundleMode;
  /** decap-server's API for local editing (scripts/cms.ts sets PUBLIC_DECAP_SERVER). */
  decapServer?: string;
  /** Where bundles and their manifest are kept; one slot per mode. */
  cacheDir?: string;
}

export interface AdminBundle {
  /** The bundle on disk. */
  file: string;
  /** Its published name, with a content hash so that hosts may cache it for good. */
  name: string;
  fromCache: boolean;
  seconds: number;
}

interface Manifest {
  key: string;
  name: string;
  /** Project files the bundle was made from, relative to the root. */
  files: string[];
  /** Package folders (…/node_modules/<name>) it took code from. */
  packages: string[];
}

const ENTRY = 'src/admin/cms.ts';
/** Bundles and their manifests, relative to the project root. */
export const ADMIN_BUNDLE_CACHE = 'node_modules/.astro/admin-bundle';

/** `import css from './x.css?raw'`: the file's text, as Vite gives it in the rest of the site. */
const rawImports: Plugin = {
  name: 'raw-imports',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)), namespace: 'raw' }));
    build.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text', watchFiles: [args.path] }));
  },
};

function packageFolder(input: string): string | null {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? m[1] : null;
}

function cacheKey(root: string, options: AdminBundleOptions, files: string[], packages: string[]): string | null {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ esbuildVersion, mode: options.mode, decapServer: options.decapServer ?? null }));
  // This file holds the build options: a change to them is a change to the bundle.
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of files) {
    const path = join(root, file);
    if (!existsSync(path)) return null;
    hash.update(`\0${file}\0`).update(readFileSync(path));
  }
  for (const folder of packages) {
    const manifest = join(root, folder, 'package.json');
    if (!existsSync(manifest)) return null;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
    hash.update(`\0${folder}\0${name}@${version}`);
  }
  return hash.digest('hex');
}

function sources(root: string, metafile: Metafile): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    // «(disabled):fs» is a module a package's browser field switches off: nothing to read.
    if (input.startsWith('(disabled)')) continue;
    // Plain inputs are relative to the root; the ?raw plugin's are absolute.
    const path = relative(root, resolve(root, input.replace(/^raw:/, '')));
    const folder = packageFolder(path);
    if (folder) packages.add(folder);
    else files.add(path);
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** Writes through a temporary file, so that a build running alongside never reads half a file. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** The editor's bundle: from the cache when nothing it is made from has changed, else built anew. */
export async function adminBundle(options: AdminBundleOptions): Promise<AdminBundle> {
  const started = performance.now();
  const root = resolve(options.root);
  // One slot per mode and decap-server address: two editors on this machine (other ports) must not delete each other's bundle.
  const slot = options.decapServer ? `${options.mode}-${createHash('sha256').update(options.decapServer).digest('hex').slice(0, 8)}` : options.mode;
  const cacheDir = join(options.cacheDir ?? join(root, ADMIN_BUNDLE_CACHE), slot);
  const manifestFile = join(cacheDir, 'manifest.json');
  const elapsed = () => (performance.now() - started) / 1000;

  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const file = join(cacheDir, manifest.name);
    if (existsSync(file) && cacheKey(root, options, manifest.files, manifest.packages) === manifest.key) {
      return { file, name: manifest.name, fromCache: true, seconds: elapsed() };
    }
  }

  const production = options.mode === 'production';
  const result = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: production,
    // Module scripts are always read as UTF-8; escaping every Russian letter would only add bytes.
    charset: 'utf8',
    // Decap's and React's licence notices stay in the published script, gathered at its end.
    legalComments: 'eof',
    write: false,
    outfile: join(cacheDir, 'admin.js'),
    metafile: true,
    logLevel: 'silent',
    define: {
      'process.env.NODE_ENV': JSON.stringify(options.mode),
      'import.meta.env.PUBLIC_DECAP_SERVER': JSON.stringify(options.decapServer ?? ''),
      global: 'globalThis',
    },
    plugins: [rawImports],
  });
  const [script] = result.outputFiles;
  const name = `admin.${createHash('sha256').update(script.contents).digest('hex').slice(0, 8)}.js`;
  const { files, packages } = sources(root, result.metafile);
  const key = cacheKey(root, options, files, packages);
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, name);
  writeAtomically(file, script.contents);
  if (key) writeAtomically(manifestFile, JSON.stringify({ key, name, files, packages } satisfies Manifest, null, 2));
  // Earlier bundles are 6 MB each and nothing points to them any more.
  for (const old of readdirSync(cacheDir)) if (/^admin\.[0-9a-f]{8}\.js$/.test(old) && old !== name) rmSync(join(cacheDir, old), { force: true });
  return { file, name, fromCache: false, seconds: elapsed() };
}
