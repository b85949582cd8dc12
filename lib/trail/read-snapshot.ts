import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Resource, ScopeStatus } from '../model/index.js';
import { SnapshotError } from '../snapshot/errors.js';
import { parseResourcePath } from '../snapshot/paths.js';
import { parseResourceFile } from '../snapshot/render.js';
import { listFiles } from './list-files.js';
import { parseScanRecord, SCAN_RECORD_PATH } from './scan-record.js';

/** A trail checkout read back: its records, its scopes, and the files that could not be read. */
export interface Snapshot {
  readonly resources: Resource[];
  readonly scopes: ScopeStatus[];
  readonly errors: SnapshotError[];
}

/**
 * Reads any trail checkout (no git needed). Every `aws/<account>/<region>/<service>/<type>`
 * directory present counts as a complete scope unless `.statetrail/scan.json` says otherwise;
 * scopes the record lists without a directory (a type scanned with nothing in it) count too.
 */
export async function readSnapshot(dir: string): Promise<Snapshot> {
  const resources: Resource[] = [];
  const errors: SnapshotError[] = [];
  const directories = new Set<string>();
  for (const path of await listFiles(dir, 'aws', (name) => name.endsWith('.yaml'))) {
    const parts = parseResourcePath(path);
    if (!parts) continue;
    directories.add(path.slice(0, path.lastIndexOf('/')));
    try {
      resources.push(parseResourceFile(await readFile(join(dir, path)), path));
    } catch (error) {
      errors.push(
        error instanceof SnapshotError
          ? error
          : new SnapshotError(`Cannot read trail file ${path}`, { cause: error }),
      );
    }
  }
  const record = parseScanRecord(await readFile(join(dir, SCAN_RECORD_PATH)).catch(() => null));
  const scopes = new Map<string, boolean>();
  for (const directory of directories) scopes.set(directory, true);
  for (const [scope, { complete }] of Object.entries(record?.scopes ?? {})) {
    scopes.set(scope, complete);
  }
  return {
    resources,
    scopes: [...scopes]
      .map(([scope, complete]) => ({ scope, complete }))
      .sort((a, b) => (a.scope < b.scope ? -1 : 1)),
    errors,
  };
}
