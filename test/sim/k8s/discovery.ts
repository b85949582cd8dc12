import { createHash } from 'node:crypto';
import type { KubeFaultBook } from './faults.js';
import type { ApiResourceType } from './types.js';
import { groupVersion } from './types.js';
import { type KubeWorld, servedGroups } from './world.js';

/** `GET /api`: the legacy group's versions. */
export function apiVersions(): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }],
  };
}

/** `GET /apis`: every named group with its versions and preferred version. */
export function apiGroupList(world: KubeWorld): Record<string, unknown> {
  const groups = [...servedGroups(world)].filter(([group]) => group !== '');
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map(([name, versions]) => apiGroupEntry(name, versions)),
  };
}

/** `GET /apis/<group>`, or undefined when the group is not served. */
export function apiGroup(world: KubeWorld, group: string): Record<string, unknown> | undefined {
  const versions = servedGroups(world).get(group);
  if (group === '' || !versions) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroupEntry(group, versions) };
}

/** `GET /api/v1` or `/apis/<g>/<v>`: resources with their subresources as `parent/sub` entries. */
export function apiResourceList(
  world: KubeWorld,
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const types = world.types.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const t of types) {
    resources.push({
      name: t.resource,
      singularName: t.singularName,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
      storageVersionHash: storageVersionHash(t),
    });
    for (const sub of t.subresources ?? [])
      resources.push({
        name: `${t.resource}/${sub.name}`,
        singularName: '',
        namespaced: t.namespaced,
        ...(sub.group === undefined ? {} : { group: sub.group }),
        ...(sub.version === undefined ? {} : { version: sub.version }),
        kind: sub.kind ?? t.kind,
        verbs: sub.verbs,
      });
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion(group, version),
    resources,
  };
}

/**
 * `GET /api` or `/apis` as an `APIGroupDiscoveryList` (apidiscovery.k8s.io): every group of that
 * root with its versions, preferred first. An unavailable group's versions are `Stale`, which
 * client-go reports as a failed group, as it does for a real metrics-server that is down.
 */
export function apiGroupDiscoveryList(
  world: KubeWorld,
  root: 'api' | 'apis',
  apiVersion: 'v2' | 'v2beta1',
  faults: KubeFaultBook,
): Record<string, unknown> {
  const groups = [...servedGroups(world)].filter(([g]) => (root === 'api') === (g === ''));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${apiVersion}`,
    metadata: {},
    items: groups.map(([group, versions]) => ({
      metadata:
        group === '' ? { creationTimestamp: null } : { name: group, creationTimestamp: null },
      versions: versions.map((version) => ({
        version,
        resources: world.types
          .filter((t) => t.group === group && t.version === version)
          .map(discoveryResource),
        freshness: faults.isUnavailable(group) ? 'Stale' : 'Current',
      })),
    })),
  };
}

function apiGroupEntry(name: string, versions: readonly string[]): Record<string, unknown> {
  const entries = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

function discoveryResource(t: ApiResourceType): Record<string, unknown> {
  return {
    resource: t.resource,
    responseKind: { group: '', version: '', kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singularName,
    verbs: t.verbs,
    ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    ...(t.categories ? { categories: t.categories } : {}),
    ...(t.subresources
      ? {
          subresources: t.subresources.map((s) => ({
            subresource: s.name,
            responseKind: {
              group: s.group ?? '',
              version: s.version ?? '',
              kind: s.kind ?? t.kind,
            },
            verbs: s.verbs,
          })),
        }
      : {}),
  };
}

// The real hash is of the storage version; any stable 8-byte base64 value looks the same to clients.
function storageVersionHash(t: ApiResourceType): string {
  return createHash('sha256')
    .update(`${t.group}/${t.version}/${t.kind}`)
    .digest()
    .subarray(0, 8)
    .toString('base64');
}
