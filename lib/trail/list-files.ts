import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `root/under` whose name `accept` takes, as `/`-separated paths relative to
 * `root`, sorted; a directory that does not exist has none.
 */
export async function listFiles(
  root: string,
  under: string,
  accept: (name: string) => boolean,
): Promise<string[]> {
  const found: string[] = [];
  async function walk(directory: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && accept(entry.name)) {
        found.push(relative(root, path).split(sep).join('/'));
      }
    }
  }
  await walk(under ? join(root, under) : root);
  return found.sort();
}
