/**
 * The backend Decap talks to — decap-server on this machine, a git host in production — as Decap
 * makes it. Decap exposes no instance, so each registered factory is wrapped, once, and every part
 * of the editor that needs the backend (the checks across entries, the media rules) is handed it.
 */
import type CMS from 'decap-cms-app';

interface FileEntry {
  data: string;
  file: { path: string };
}

/** What the editor uses of a Decap backend implementation. */
export interface Implementation {
  entriesByFolder(folder: string, extension: string, depth: number): Promise<FileEntry[]>;
  getEntry(path: string): Promise<FileEntry>;
  getMedia(folder: string): Promise<{ path: string }[]>;
  getMediaFile(path: string): Promise<unknown>;
  deleteFiles(paths: string[], commitMessage: string): Promise<unknown>;
}

const BACKENDS = ['proxy', 'git-gateway', 'github', 'gitlab', 'gitea', 'forgejo', 'bitbucket', 'azure', 'aws-cognito-github-proxy', 'test-repo'];
const listeners: ((backend: Implementation) => void)[] = [];
let wrapped = false;

/** Calls `made` with the backend when Decap makes it (it may replace a method of it). */
export function onBackend(cms: typeof CMS, made: (backend: Implementation) => void): void {
  listeners.push(made);
  if (wrapped) return;
  wrapped = true;
  for (const name of BACKENDS) {
    const registered = cms.getBackend(name) as { init: (...args: unknown[]) => Implementation } | undefined;
    if (!registered) continue;
    const init = registered.init;
    registered.init = (...args) => {
      const backend = init(...args);
      for (const listener of listeners) listener(backend);
      return backend;
    };
  }
}
