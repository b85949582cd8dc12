import { builtinTypes } from './catalog.js';
import type { ApiResourceType, KubeObject } from './types.js';

/** Which collection an object lives in. */
export interface Gvr {
  group: string;
  version: string;
  resource: string;
}

interface Bucket {
  byKey: Map<string, KubeObject>;
  /** Objects in storage-key order (`namespace/name`), rebuilt after a write. */
  sorted?: KubeObject[];
  keys?: string[];
}

/** The cluster the sim serves: its types, objects, callers and discovery switches. */
export interface KubeWorld {
  /** Served types in publication order; per group, the preferred version comes first. */
  types: ApiResourceType[];
  /** Bearer token -> user name. */
  tokens: Map<string, string>;
  /**
   * Set to accept EKS tokens (aws-iam-authenticator's `k8s-aws-v1.` presigned STS URLs) as the
   * EKS authentication webhook would, for a cluster of this name.
   */
  eksCluster?: string;
  /** Answers aggregated discovery (apidiscovery.k8s.io/v2) when the client asks for it. */
  aggregatedDiscovery: boolean;
  /** The cluster's last resourceVersion (etcd revision). */
  resourceVersion: number;
  /** Where creation timestamps start (epoch ms). */
  epochMs: number;
  readonly buckets: Map<string, Bucket>;
}

/** Options of {@link createWorld}. */
export interface WorldOptions {
  types?: ApiResourceType[];
  tokens?: Record<string, string>;
  aggregatedDiscovery?: boolean;
  epochMs?: number;
}

/** The token every sample world accepts. */
export const SIM_TOKEN = 'sim-token-3f9c2a';

/** The user behind {@link SIM_TOKEN}, named in Forbidden messages. */
export const SIM_USER = 'system:serviceaccount:statetrail:exporter';

/** An empty cluster with the built-in 1.32 types and one valid token. */
export function createWorld(options: WorldOptions = {}): KubeWorld {
  return {
    types: options.types ?? builtinTypes(),
    tokens: new Map(Object.entries(options.tokens ?? { [SIM_TOKEN]: SIM_USER })),
    aggregatedDiscovery: options.aggregatedDiscovery ?? true,
    resourceVersion: 1000,
    epochMs: options.epochMs ?? Date.UTC(2025, 0, 6, 9, 0, 0),
    buckets: new Map(),
  };
}

/** The served type for a group/version/resource, if any. */
export function findType(world: KubeWorld, gvr: Gvr): ApiResourceType | undefined {
  return world.types.find(
    (t) => t.group === gvr.group && t.version === gvr.version && t.resource === gvr.resource,
  );
}

/** The served type of a group and kind in its preferred version. */
export function typeOfKind(world: KubeWorld, group: string, kind: string): ApiResourceType {
  const found = world.types.find((t) => t.group === group && t.kind === kind);
  if (!found) throw new Error(`The world serves no kind ${kind} in group "${group}"`);
  return found;
}

/** Groups in publication order, each with its versions, preferred first. */
export function servedGroups(world: KubeWorld): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const t of world.types) {
    const versions = groups.get(t.group) ?? [];
    if (!versions.includes(t.version)) versions.push(t.version);
    groups.set(t.group, versions);
  }
  return groups;
}

/** Adds a type (a CRD's, say) unless the world already serves it. */
export function addType(world: KubeWorld, type: ApiResourceType): void {
  if (!findType(world, type)) world.types.push(type);
}

/** Stores (or replaces) an object, giving it the next resourceVersion like a write would. */
export function putObject(world: KubeWorld, gvr: Gvr, object: KubeObject): KubeObject {
  const type = findType(world, gvr);
  if (!type) throw new Error(`The world serves no ${gvrKey(gvr)}`);
  if (type.namespaced !== (object.metadata.namespace !== undefined))
    throw new Error(`${gvrKey(gvr)} ${object.metadata.name}: namespace does not match the scope`);
  world.resourceVersion++;
  object.metadata.resourceVersion = String(world.resourceVersion);
  const bucket = bucketOf(world, gvr);
  bucket.byKey.set(storageKey(object.metadata.namespace, object.metadata.name), object);
  delete bucket.sorted;
  delete bucket.keys;
  return object;
}

/** One object by namespace (undefined for cluster-scoped) and name. */
export function getObject(
  world: KubeWorld,
  gvr: Gvr,
  namespace: string | undefined,
  name: string,
): KubeObject | undefined {
  return world.buckets.get(gvrKey(gvr))?.byKey.get(storageKey(namespace, name));
}

/** Every object of a collection in storage-key order, with the keys alongside. */
export function sortedObjects(
  world: KubeWorld,
  gvr: Gvr,
): { keys: readonly string[]; objects: readonly KubeObject[] } {
  const bucket = world.buckets.get(gvrKey(gvr));
  if (!bucket) return { keys: [], objects: [] };
  if (!bucket.sorted || !bucket.keys) {
    const keys = [...bucket.byKey.keys()].sort();
    bucket.keys = keys;
    bucket.sorted = keys.map((k) => bucket.byKey.get(k) as KubeObject);
  }
  return { keys: bucket.keys, objects: bucket.sorted };
}

/** How many objects the world holds. */
export function countObjects(world: KubeWorld): number {
  let n = 0;
  for (const bucket of world.buckets.values()) n += bucket.byKey.size;
  return n;
}

/** `group/version/resource`, with an empty group for core. */
export function gvrKey(gvr: Gvr): string {
  return `${gvr.group}/${gvr.version}/${gvr.resource}`;
}

/** The etcd-like key objects sort by: `namespace/name`, or `name` when cluster-scoped. */
export function storageKey(namespace: string | undefined, name: string): string {
  return namespace === undefined ? name : `${namespace}/${name}`;
}

function bucketOf(world: KubeWorld, gvr: Gvr): Bucket {
  const key = gvrKey(gvr);
  let bucket = world.buckets.get(key);
  if (!bucket) {
    bucket = { byKey: new Map() };
    world.buckets.set(key, bucket);
  }
  return bucket;
}
