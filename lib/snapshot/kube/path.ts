import type { KubeRecord } from '../../model/kube.js';
import { decodeName, encodeId, type NameOptions } from '../paths.js';

/** The namespace segment of cluster-scoped objects; a namespace really named so is `%5Fcluster`. */
export const CLUSTER_SCOPE = '_cluster';
/** The group segment of the core group; an API group really named so is `%63ore`. */
export const CORE_GROUP = 'core';

const PATH_PARTS = /^k8s\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\.yaml$/;
// A real value equal to a word the layout reserves keeps its own segment: its first character
// percent-encoded, which `encodeId` never does to a letter or `_`.
const ESCAPED_NAMESPACE = '%5Fcluster';
const ESCAPED_GROUP = '%63ore';
// The cluster names the scope the user configured, and Kinds are CamelCase and unique per group:
// both keep their case whole; every other segment digests upper-case letters (see `encodeId`).
const KEEP_CASE: NameOptions = { keepCase: true };

/** Where a record's file lives: what `kubePath` encodes and `parseKubePath` gives back. */
export interface KubePathParts {
  readonly cluster: string;
  readonly namespace?: string;
  /** '' for the core group. */
  readonly group: string;
  readonly kind: string;
  readonly name: string;
}

/**
 * The trail path of an object: `k8s/<cluster>/<namespace or _cluster>/<group or core>/<Kind>/<name>.yaml`,
 * every segment encoded with `encodeId` (RBAC names hold `:`, names may be any Unicode; a long or
 * upper-case name is digested). A real namespace `_cluster` or group `core` is escaped. Throws
 * SnapshotPathError (from `encodeId`) for an empty or ill-formed segment.
 */
export function kubePath(record: KubePathParts | KubeRecord): string {
  const segments = [
    encodeId(record.cluster, KEEP_CASE),
    record.namespace === undefined
      ? CLUSTER_SCOPE
      : segment(record.namespace, CLUSTER_SCOPE, ESCAPED_NAMESPACE),
    record.group === '' ? CORE_GROUP : segment(record.group, CORE_GROUP, ESCAPED_GROUP),
    encodeId(record.kind, KEEP_CASE),
    encodeId(record.name),
  ];
  return `k8s/${segments.join('/')}.yaml`;
}

/** The trail directory of a cluster's objects, `k8s/<cluster>`: the cluster's scope. */
export function kubeScope(cluster: string): string {
  return `k8s/${encodeId(cluster, KEEP_CASE)}`;
}

function segment(value: string, reserved: string, escaped: string): string {
  return value === reserved ? escaped : encodeId(value);
}

/**
 * The parts of a path `kubePath` gives, or null for any other path and for a path whose segments
 * are digested (`<prefix>~<digest>`): only its file says those (`isKubePath` still knows it).
 */
export function parseKubePath(path: string): KubePathParts | null {
  const segments = readSegments(path);
  if (segments === null || segments.some((s) => s === DIGESTED)) return null;
  // Only the namespace and group segments can be null (`readSegments`).
  const [cluster, namespace, group, kind, name] = segments as string[];
  return {
    cluster: cluster as string,
    ...(namespace !== null && { namespace }),
    group: group ?? '',
    kind: kind as string,
    name: name as string,
  };
}

/** True for a path of the `kubePath` layout, digested segments included. */
export function isKubePath(path: string): boolean {
  return readSegments(path) !== null;
}

const DIGESTED = Symbol('digested');

// Each segment's value (null for `_cluster` and `core`, DIGESTED when only the file can say), or
// null for a path `kubePath` cannot give.
function readSegments(path: string): (string | null | typeof DIGESTED)[] | null {
  const match = PATH_PARTS.exec(path);
  if (match === null) return null;
  const [, cluster, namespace, group, kind, name] = match;
  const read = [
    readSegment(cluster),
    namespace === CLUSTER_SCOPE ? null : readSegment(namespace, ESCAPED_NAMESPACE, CLUSTER_SCOPE),
    group === CORE_GROUP ? null : readSegment(group, ESCAPED_GROUP, CORE_GROUP),
    readSegment(kind),
    readSegment(name),
  ];
  return read.includes(undefined) ? null : (read as (string | null | typeof DIGESTED)[]);
}

function readSegment(
  segment: string | undefined,
  escaped?: string,
  word?: string,
): string | typeof DIGESTED | undefined {
  if (segment === undefined) return undefined;
  if (segment === escaped) return word;
  try {
    const decoded = decodeName(segment);
    return 'id' in decoded ? decoded.id : DIGESTED;
  } catch {
    return undefined;
  }
}
