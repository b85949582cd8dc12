import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Resource, ScopeStatus } from '../model/index.js';
import { isRecord, type KubeObject, type KubeRecord, splitApiVersion } from '../model/kube.js';
import { SnapshotError } from '../snapshot/errors.js';
import { type KubePathParts, parseKubePath } from '../snapshot/kube/path.js';
import { parseResourcePath } from '../snapshot/paths.js';
import { parseResourceFile } from '../snapshot/render.js';
import { listFiles } from './list-files.js';
import { parseScanRecord, SCAN_RECORD_PATH } from './scan-record.js';

/** A trail checkout read back: its records, its scopes, and the files that could not be read. */
export interface Snapshot {
  readonly resources: Resource[];
  /** Kubernetes objects as the files hold them; facts are scan-time only, so none here. */
  readonly kubeRecords: KubeRecord[];
  readonly scopes: ScopeStatus[];
  readonly errors: SnapshotError[];
}

/**
 * Reads any trail checkout (no git needed). Every `aws/<account>/<region>/<service>/<type>` and
 * `k8s/<cluster>` directory present counts as a complete scope unless `.statetrail/scan.json`
 * says otherwise; scopes the record lists without a directory (a type scanned with nothing in it)
 * count too.
 */
export async function readSnapshot(dir: string): Promise<Snapshot> {
  const errors: SnapshotError[] = [];
  const directories = new Set<string>();
  // Each trail file of a tree (a path `locate` knows), parsed; its scope directory noted, a
  // failure kept as an error.
  async function readTree<P, T>(
    tree: 'aws' | 'k8s',
    locate: (path: string) => P | null,
    parse: (bytes: Uint8Array, path: string, parts: P) => T,
    scopeOf: (path: string) => string,
  ): Promise<T[]> {
    const read: T[] = [];
    for (const path of await listFiles(dir, tree, (name) => name.endsWith('.yaml'))) {
      const parts = locate(path);
      if (!parts) continue;
      directories.add(scopeOf(path));
      try {
        read.push(parse(await readFile(join(dir, path)), path, parts));
      } catch (error) {
        errors.push(
          error instanceof SnapshotError
            ? error
            : new SnapshotError(`Cannot read trail file ${path}`, { cause: error }),
        );
      }
    }
    return read;
  }
  const resources = await readTree(
    'aws',
    parseResourcePath,
    (bytes, path) => parseResourceFile(bytes, path),
    (path) => path.slice(0, path.lastIndexOf('/')),
  );
  const kubeRecords = await readTree('k8s', parseKubePath, parseKubeFile, (path) =>
    path.split('/', 2).join('/'),
  );
  const record = parseScanRecord(await readFile(join(dir, SCAN_RECORD_PATH)).catch(() => null));
  const scopes = new Map<string, boolean>();
  for (const directory of directories) scopes.set(directory, true);
  for (const [scope, { complete }] of Object.entries(record?.scopes ?? {})) {
    scopes.set(scope, complete);
  }
  return {
    resources,
    kubeRecords,
    scopes: [...scopes]
      .map(([scope, complete]) => ({ scope, complete }))
      .sort((a, b) => (a.scope < b.scope ? -1 : 1)),
    errors,
  };
}

/** A Kubernetes trail file as a record: the manifest must name the object its path names. */
function parseKubeFile(bytes: Uint8Array, path: string, parts: KubePathParts): KubeRecord {
  let manifest: unknown;
  try {
    manifest = parseYaml(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new SnapshotError(`Trail file ${path} is not YAML`, { cause: error });
  }
  if (
    !isRecord(manifest) ||
    typeof manifest['apiVersion'] !== 'string' ||
    typeof manifest['kind'] !== 'string' ||
    !isRecord(manifest['metadata'])
  ) {
    throw new SnapshotError(
      `Trail file ${path} is not a Kubernetes object (apiVersion, kind, metadata)`,
    );
  }
  const object = manifest as KubeObject;
  const { group, version } = splitApiVersion(object.apiVersion);
  if (
    group !== parts.group ||
    object.kind !== parts.kind ||
    object.metadata.name !== parts.name ||
    object.metadata.namespace !== parts.namespace
  ) {
    throw new SnapshotError(
      `Trail file ${path} holds ${object.kind} ${object.metadata.name}, not what its path names`,
    );
  }
  return { ...parts, version, manifest: object, facts: { updates: [] } };
}
