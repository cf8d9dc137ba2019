/** Reads one content file the way the content layer does: YAML data, or Markdown frontmatter + body. */
import { parse as parseYaml } from 'yaml';

export interface RawEntry {
  data: unknown;
  body?: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;

export class EntryReadError extends Error {}

export function readEntry(fileName: string, source: string): RawEntry {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'yaml' || ext === 'yml') return { data: parseYamlText(source) };
  if (ext === 'json') {
    try {
      return { data: JSON.parse(source) };
    } catch (error) {
      throw new EntryReadError(`файл не читается как JSON: ${(error as Error).message}`);
    }
  }
  if (ext === 'md' || ext === 'mdx') {
    const match = FRONTMATTER.exec(source.replace(/^\uFEFF/, ''));
    if (!match) throw new EntryReadError('в начале файла нет блока полей между строками «---»');
    return { data: parseYamlText(match[1]), body: match[2] };
  }
  throw new EntryReadError(`файлы с расширением «.${ext}» в этой папке не читаются`);
}

function parseYamlText(source: string): unknown {
  try {
    return parseYaml(source, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    throw new EntryReadError(`ошибка в разметке YAML: ${message}`);
  }
}
