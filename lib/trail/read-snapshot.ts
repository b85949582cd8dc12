import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Resource, ScopeStatus } from '../model/index.js';
import { isRecord, type KubeObject, type KubeRecord, splitApiVersion } from '../model/kube.js';
import { SnapshotError } from '../snapshot/errors.js';
import { isKubePath, type KubePathParts, kubePath, parseKubePath } from '../snapshot/kube/path.js';
import {
  decodeName,
  parseResourcePath,
  type ResourcePathParts,
  resourcePath,
} from '../snapshot/paths.js';
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
 * count too. A scope holding a file that cannot be read counts as incomplete (unknown, never
 * absent); a top-level `aws`, `k8s` or `.statetrail` that is a symbolic link is not followed.
 */
export async function readSnapshot(dir: string): Promise<Snapshot> {
  const errors: SnapshotError[] = [];
  const directories = new Set<string>();
  // A scope with a file that could not be read is unknown: what that file held is not absent.
  const unreadable = new Set<string>();
  // Each trail file of a tree (a path `locate` knows), parsed; its scope directory noted, a
  // failure kept as an error.
  async function readTree<P, T>(
    tree: 'aws' | 'k8s',
    locate: (path: string) => P | null,
    parse: (bytes: Uint8Array, path: string, parts: P) => T,
    scopeOf: (path: string) => string,
  ): Promise<T[]> {
    const read: T[] = [];
    if (await isLink(dir, tree)) {
      errors.push(
        new SnapshotError(
          `Trail directory ${tree} is a symbolic link; statetrail reads nothing outside the checkout, so its files were skipped`,
        ),
      );
      return read;
    }
    for (const path of await listFiles(dir, tree, (name) => name.endsWith('.yaml'))) {
      const parts = locate(path);
      if (!parts) continue;
      const scope = scopeOf(path);
      directories.add(scope);
      try {
        read.push(parse(await readFile(join(dir, path)), path, parts));
      } catch (error) {
        unreadable.add(scope);
        const what =
          error instanceof SnapshotError ? error.message : `Cannot read trail file ${path}`;
        errors.push(
          new SnapshotError(`${what}; scope ${scope} counts as incomplete`, { cause: error }),
        );
      }
    }
    return read;
  }
  const resources = await readTree(
    'aws',
    parseResourcePath,
    (bytes, path, parts) => namedByPath(parseResourceFile(bytes, path), path, parts),
    (path) => path.slice(0, path.lastIndexOf('/')),
  );
  const kubeRecords = await readTree('k8s', kubePathParts, parseKubeFile, (path) =>
    path.split('/', 2).join('/'),
  );
  const linked = await isLink(dir, SCAN_RECORD_PATH.split('/')[0] ?? '');
  if (linked) {
    errors.push(
      new SnapshotError(
        `Trail directory ${SCAN_RECORD_PATH.split('/')[0]} is a symbolic link; statetrail reads nothing outside the checkout, so the scan record was skipped`,
      ),
    );
  }
  const record = linked
    ? null
    : parseScanRecord(await readFile(join(dir, SCAN_RECORD_PATH)).catch(() => null));
  const scopes = new Map<string, boolean>();
  for (const directory of directories) scopes.set(directory, true);
  for (const [scope, { complete }] of Object.entries(record?.scopes ?? {})) {
    scopes.set(scope, complete);
  }
  for (const scope of unreadable) scopes.set(scope, false);
  return {
    resources,
    kubeRecords,
    scopes: [...scopes]
      .map(([scope, complete]) => ({ scope, complete }))
      .sort((a, b) => (a.scope < b.scope ? -1 : 1)),
    errors,
  };
}

/** Whether `name` at the top of the checkout is a symbolic link (which may lead outside it). */
async function isLink(dir: string, name: string): Promise<boolean> {
  const info = await lstat(join(dir, name)).catch(() => null);
  return info?.isSymbolicLink() === true;
}

/**
 * A resource file must hold the id its path names: the id itself, or for a digested name
 * (`<prefix>~<digest>`) an id that `resourcePath` gives exactly this path for.
 */
function namedByPath(resource: Resource, path: string, parts: ResourcePathParts): Resource {
  const named =
    parts.resourceId === null
      ? safely(() => resourcePath(resource)) === path
      : parts.resourceId === resource.resourceId;
  if (!named) {
    throw new SnapshotError(
      `Trail file ${path} holds a resourceId that is not what its path names`,
    );
  }
  return resource;
}

function safely(make: () => string): string | undefined {
  try {
    return make();
  } catch {
    return undefined;
  }
}

// The parts a Kubernetes path holds whole, or `{ digested: true }` for a path with digested
// segments (its file says the rest), or null for a path of no trail file.
function kubePathParts(path: string): KubePathParts | { readonly digested: true } | null {
  return parseKubePath(path) ?? (isKubePath(path) ? { digested: true } : null);
}

/** A Kubernetes trail file as a record: the manifest must name the object its path names. */
function parseKubeFile(
  bytes: Uint8Array,
  path: string,
  located: KubePathParts | { readonly digested: true },
): KubeRecord {
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
  const parts = 'digested' in located ? fromFile(object, group, path) : located;
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

// The parts of a digested path, from the manifest (the cluster segment is never digested unless
// the cluster name is over 250 bytes: then the file cannot say it).
function fromFile(object: KubeObject, group: string, path: string): KubePathParts {
  const segment = path.split('/')[1] ?? '';
  const decoded = safely(() => {
    const read = decodeName(segment);
    return 'id' in read ? read.id : '';
  });
  const cluster = decoded === '' ? undefined : decoded;
  const { name, namespace } = object.metadata;
  const parts: KubePathParts = {
    cluster: cluster ?? '',
    ...(typeof namespace === 'string' && { namespace }),
    group,
    kind: object.kind,
    name: typeof name === 'string' ? name : '',
  };
  if (cluster === undefined || safely(() => kubePath(parts)) !== path) {
    throw new SnapshotError(`Trail file ${path} holds an object that is not what its path names`);
  }
  return parts;
}
