import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { StateSourceError } from '../errors.js';
import { checkStateSize } from '../limits.js';
import { globMatcher, splitGlob } from './glob.js';
import { isGlob, type StateSource } from './state-source.js';

const STATE_SUFFIX = '.tfstate';
// Provider and module caches: never states of this configuration.
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.terraform', 'node_modules', '.git']);

/**
 * Local states: a file, a directory (every `*.tfstate` under it, `.terraform/` skipped) or a
 * glob such as `states/**\/*.tfstate`.
 */
export function fileStateSource(location: string): StateSource {
  return {
    list: () => listFiles(location),
    read: async (path) => {
      const info = await stat(path).catch(() => null);
      // Too large to hold as one string: said before reading, not as a failed read.
      if (info) checkStateSize(info.size, path);
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        throw new StateSourceError(`Cannot read Terraform state ${path}`, { cause: error });
      }
    },
  };
}

async function listFiles(location: string): Promise<string[]> {
  if (isGlob(location)) {
    const { base, rest } = splitGlob(location);
    const matches = globMatcher(rest);
    const files = await walk(base, location).catch(() => []);
    return files.filter((file) => matches(relative(base, file))).sort();
  }
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(location)).isDirectory();
  } catch (error) {
    throw new StateSourceError(`Cannot read Terraform state ${location}`, { cause: error });
  }
  if (!isDirectory) return [location];
  const files = await walk(location, location);
  return files.filter((file) => file.endsWith(STATE_SUFFIX)).sort();
}

async function walk(directory: string, location: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    throw new StateSourceError(`Cannot list Terraform states under ${location}`, { cause: error });
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...(await walk(path, location)));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files;
}
