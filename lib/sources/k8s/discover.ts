import type { KubeConfig } from '@kubernetes/client-node';
import { isRecord } from '../../model/kube.js';
import { KubeDiscoveryError } from './api-errors.js';
import { type KubeHttp, type KubeResponse, kubeHttp, statusMessage } from './http.js';

/** One listable resource type in its preferred version. */
export interface KubeResourceType {
  /** '' for the core group. */
  readonly group: string;
  readonly version: string;
  /** The plural path segment (`deployments`). */
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** A group (or group/version) discovery could not read; its types are unknown or unlistable. */
export interface DiscoveryFailure {
  readonly group: string;
  readonly version?: string;
  readonly reason: 'stale' | 'unavailable' | 'forbidden' | 'failed';
  readonly message: string;
}

/** What discovery found: types to list (sorted by group, kind) and groups it could not read. */
export interface Discovery {
  readonly mode: 'aggregated' | 'legacy';
  readonly resources: readonly KubeResourceType[];
  readonly failures: readonly DiscoveryFailure[];
}

/** The Accept header kubectl sends for discovery: aggregated v2, then v2beta1, then plain JSON. */
export const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,' +
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

// Types served twice under another name for compatibility: the legacy copy goes when the newer
// group serves the same resource. Only this table, never kind names alone: Knative's `Service`
// shares its kind with core's and both are real.
const SUPERSEDED: readonly { readonly group: string; readonly by: readonly string[] }[] = [
  { group: '', by: ['events.k8s.io'] },
  { group: 'extensions', by: ['apps', 'networking.k8s.io', 'policy'] },
];

/**
 * Every listable type of the cluster, the way `kubectl api-resources --verbs=list` finds them
 * (research/k8s.md 3.1): aggregated discovery when the server answers it, else the legacy walk.
 * A group that is stale, unavailable or denied becomes a failure, not an exception; only an
 * unreadable `/api` or `/apis` root throws (KubeDiscoveryError).
 */
export async function discoverResources(kc: KubeConfig | KubeHttp): Promise<Discovery> {
  const http = 'get' in kc ? kc : kubeHttp(kc);
  const [core, named] = await Promise.all([
    http.get('/api', AGGREGATED_ACCEPT),
    http.get('/apis', AGGREGATED_ACCEPT),
  ]);
  const found =
    isAggregated(core) && isAggregated(named)
      ? { mode: 'aggregated' as const, ...fromAggregated([core.body, named.body]) }
      : { mode: 'legacy' as const, ...(await legacyDiscovery(http, core, named)) };
  return { ...found, resources: sortTypes(dropSuperseded(found.resources)) };
}

function isAggregated(response: KubeResponse): boolean {
  return (
    response.status === 200 &&
    /;\s*as=APIGroupDiscoveryList/.test(response.contentType) &&
    /g=apidiscovery\.k8s\.io/.test(response.contentType)
  );
}

interface Found {
  resources: KubeResourceType[];
  failures: DiscoveryFailure[];
}

function fromAggregated(bodies: readonly unknown[]): Found {
  const found: Found = { resources: [], failures: [] };
  for (const body of bodies) {
    const items = isRecord(body) && Array.isArray(body['items']) ? body['items'] : [];
    for (const item of items) {
      if (!isRecord(item)) continue;
      const metadata = isRecord(item['metadata']) ? item['metadata'] : {};
      const group = typeof metadata['name'] === 'string' ? metadata['name'] : '';
      // Versions come in descending preference: the first is the one to export.
      const preferred = Array.isArray(item['versions']) ? item['versions'][0] : undefined;
      if (!isRecord(preferred) || typeof preferred['version'] !== 'string') continue;
      const version = preferred['version'];
      if (preferred['freshness'] === 'Stale') {
        found.failures.push({ group, version, reason: 'stale', message: 'discovery is stale' });
        continue;
      }
      const resources = Array.isArray(preferred['resources']) ? preferred['resources'] : [];
      for (const entry of resources) {
        if (!isRecord(entry)) continue;
        const kind = isRecord(entry['responseKind']) ? entry['responseKind']['kind'] : undefined;
        const type = listable(group, version, {
          name: entry['resource'],
          kind,
          verbs: entry['verbs'],
          namespaced: entry['scope'] === 'Namespaced',
        });
        if (type) found.resources.push(type);
      }
    }
  }
  return found;
}

async function legacyDiscovery(
  http: KubeHttp,
  core: KubeResponse,
  named: KubeResponse,
): Promise<Found> {
  const rootOk = (r: KubeResponse, path: string): Record<string, unknown> => {
    if (r.status !== 200 || !isRecord(r.body))
      throw new KubeDiscoveryError(`GET ${path} answered ${r.status}: ${statusMessage(r)}`);
    return r.body;
  };
  const coreVersions = rootOk(core, '/api')['versions'];
  const groupVersions: Array<{ group: string; version: string; path: string }> = [];
  // The legacy group serves only v1; later entries would be older, never preferred.
  const coreVersion = Array.isArray(coreVersions) ? coreVersions[0] : undefined;
  if (typeof coreVersion === 'string')
    groupVersions.push({ group: '', version: coreVersion, path: `/api/${coreVersion}` });
  const groups = rootOk(named, '/apis')['groups'];
  for (const entry of Array.isArray(groups) ? groups : []) {
    if (!isRecord(entry) || typeof entry['name'] !== 'string') continue;
    const preferred = isRecord(entry['preferredVersion']) ? entry['preferredVersion'] : undefined;
    const version = preferred?.['version'];
    if (typeof version !== 'string') continue;
    groupVersions.push({
      group: entry['name'],
      version,
      path: `/apis/${entry['name']}/${version}`,
    });
  }
  const found: Found = { resources: [], failures: [] };
  const answers = await Promise.all(groupVersions.map((gv) => http.get(gv.path)));
  groupVersions.forEach(({ group, version }, index) => {
    const answer = answers[index] as KubeResponse;
    if (answer.status !== 200 || !isRecord(answer.body)) {
      found.failures.push({
        group,
        version,
        reason: failureReason(answer.status),
        message: statusMessage(answer),
      });
      return;
    }
    const resources = answer.body['resources'];
    for (const entry of Array.isArray(resources) ? resources : []) {
      if (!isRecord(entry)) continue;
      const type = listable(group, version, {
        name: entry['name'],
        kind: entry['kind'],
        verbs: entry['verbs'],
        namespaced: entry['namespaced'] === true,
      });
      if (type) found.resources.push(type);
    }
  });
  return found;
}

/** The reason of a failed discovery or list call, by HTTP status. */
export function failureReason(status: number): DiscoveryFailure['reason'] {
  if (status === 403 || status === 401) return 'forbidden';
  if (status === 503) return 'unavailable';
  return 'failed';
}

function listable(
  group: string,
  version: string,
  entry: { name: unknown; kind: unknown; verbs: unknown; namespaced: boolean },
): KubeResourceType | undefined {
  const { name, kind, verbs } = entry;
  if (typeof name !== 'string' || name.includes('/') || typeof kind !== 'string') return undefined;
  if (!Array.isArray(verbs) || !verbs.includes('list') || !verbs.includes('get')) return undefined;
  return { group, version, resource: name, kind, namespaced: entry.namespaced };
}

function dropSuperseded(types: readonly KubeResourceType[]): KubeResourceType[] {
  const served = new Set(types.map((t) => `${t.group}/${t.resource}`));
  return types.filter((t) => {
    const rule = SUPERSEDED.find((s) => s.group === t.group);
    return !rule?.by.some((group) => served.has(`${group}/${t.resource}`));
  });
}

function sortTypes(types: readonly KubeResourceType[]): KubeResourceType[] {
  const key = (t: KubeResourceType) => `${t.group}\u0000${t.resource}`;
  return [...types].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
