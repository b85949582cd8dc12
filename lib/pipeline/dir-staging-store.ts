import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listFiles } from '../trail/list-files.js';
import { StagingCorruptError, StagingMissingError } from './errors.js';
import type { StagingStore } from './staging-store.js';

/** A StagingStore in a local directory: the CLI's, one file per key. */
export class DirStagingStore implements StagingStore {
  private readonly root: string;

  public constructor(options: { readonly root: string }) {
    this.root = options.root;
  }

  public async put(key: string, document: unknown): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a document.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(document));
    await rename(temporary, file);
  }

  public async get(key: string): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.fileOf(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StagingMissingError(`No staged document at ${key}`, { cause: error });
      }
      throw error;
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new StagingCorruptError(`Staged document ${key} is not JSON`, { cause: error });
    }
  }

  public async list(prefix: string): Promise<string[]> {
    const keys = await listFiles(this.root, '', (name) => !name.endsWith('.tmp'));
    return keys.filter((k) => k.startsWith(prefix));
  }

  private fileOf(key: string): string {
    if (key.split('/').some((part) => part === '' || part === '.' || part === '..')) {
      throw new TypeError(`Not a staging key: ${key}`);
    }
    return join(this.root, ...key.split('/'));
  }
}
