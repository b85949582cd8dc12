import type { KubeRecord } from '../../model/kube.js';
import { KubePathError } from '../../model/kube-errors.js';
import { decodeId, encodeId } from '../paths.js';

/** The namespace segment of cluster-scoped objects; no namespace can be named so (DNS labels have no `_`). */
export const CLUSTER_SCOPE = '_cluster';
/** The group segment of the core group; no API group is named so (built-in groups are known, others have dots). */
export const CORE_GROUP = 'core';

const PATH_PARTS = /^k8s\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\.yaml$/;

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
 * every segment encoded with `encodeId` (RBAC names hold `:`, names may be any Unicode). Throws
 * KubePathError for a namespace `_cluster` or a group `core`, which would read back differently,
 * and SnapshotPathError (from `encodeId`) for an empty segment.
 */
export function kubePath(record: KubePathParts | KubeRecord): string {
  if (record.namespace === CLUSTER_SCOPE) {
    throw new KubePathError(`A namespace named ${CLUSTER_SCOPE} has no trail path`);
  }
  if (record.group === CORE_GROUP) {
    throw new KubePathError(`An API group named ${CORE_GROUP} has no trail path`);
  }
  const segments = [
    record.cluster,
    record.namespace ?? CLUSTER_SCOPE,
    record.group === '' ? CORE_GROUP : record.group,
    record.kind,
    record.name,
  ];
  return `k8s/${segments.map(encodeId).join('/')}.yaml`;
}

/** The parts of a path `kubePath` gives, or null for any other path. */
export function parseKubePath(path: string): KubePathParts | null {
  const match = PATH_PARTS.exec(path);
  if (match === null) return null;
  const [, ...encoded] = match;
  let decoded: string[];
  try {
    decoded = encoded.map((segment) => decodeId(segment ?? ''));
  } catch {
    return null;
  }
  const [cluster, namespace, group, kind, name] = decoded;
  if (
    cluster === undefined ||
    namespace === undefined ||
    group === undefined ||
    kind === undefined ||
    name === undefined
  ) {
    return null;
  }
  return {
    cluster,
    ...(namespace !== CLUSTER_SCOPE && { namespace }),
    group: group === CORE_GROUP ? '' : group,
    kind,
    name,
  };
}
