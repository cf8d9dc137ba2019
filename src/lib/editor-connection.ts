/**
 * The /admin/ page's view of the settings: only the `editor:` part of settings/site.yaml, read
 * straight from the file so that the page opens whatever else the content holds (a broken entry
 * must still be fixable in the editor).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentRoot, siteSettingsFile } from '../schemas/collections.ts';
import { decapBackend, missingForLogin, readEditorSettings, type EditorConnection, type EditorSettings } from '../schemas/editor-backend.ts';

export const SETTINGS_FILE = siteSettingsFile();

export interface EditorSetup {
  settings?: EditorSettings;
  connection: EditorConnection;
  /** What is wrong with `editor:`, in the editor's words. */
  problems: string[];
  /** What a login still needs (missingForLogin). */
  missing: string[];
}

export function editorSetup(root = contentRoot()): EditorSetup {
  const file = join(process.cwd(), root, SETTINGS_FILE);
  let editor: unknown;
  try {
    editor = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as { editor?: unknown } | null)?.editor : undefined;
  } catch (error) {
    return { connection: {}, missing: [], problems: [`файл ${root}/${SETTINGS_FILE} не читается как YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const { settings, problems } = readEditorSettings(editor);
  return { settings, connection: settings ? decapBackend(settings) : {}, problems, missing: settings ? missingForLogin(settings) : [] };
}
