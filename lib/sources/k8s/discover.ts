import type { KubeConfig } from '@kubernetes/client-node';
import { isRecord } from '../../model/kube.js';
import { KubeDiscoveryError, KubeTransportError } from './api-errors.js';
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
  readonly reason: 'stale' | 'unavailable' | 'forbidden' | 'throttled' | 'malformed' | 'failed';
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
 * A group that is stale, unavailable, denied or answered with no resources becomes a failure, not
 * an exception; an unreadable or implausible `/api` or `/apis` root (not JSON, a Status, no core
 * v1, no groups at all) throws KubeDiscoveryError with its reason. A broken answer is never read
 * as "nothing there".
 */
export async function discoverResources(kc: KubeConfig | KubeHttp): Promise<Discovery> {
  const http = 'get' in kc ? kc : kubeHttp(kc);
  const [core, named] = await Promise.all([getRoot(http, '/api'), getRoot(http, '/apis')]);
  // A root that failed says why itself, before the other root's format is held against it.
  if (!isAggregated(core)) rootBody(core, '/api');
  if (!isAggregated(named)) rootBody(named, '/apis');
  const found =
    isAggregated(core) && isAggregated(named)
      ? { mode: 'aggregated' as const, ...fromAggregated(core, named) }
      : { mode: 'legacy' as const, ...(await legacyDiscovery(http, core, named)) };
  return { ...found, resources: sortTypes(dropSuperseded(found.resources)) };
}

async function getRoot(http: KubeHttp, path: string): Promise<KubeResponse> {
  try {
    return await http.get(path, AGGREGATED_ACCEPT);
  } catch (error) {
    if (!(error instanceof KubeTransportError)) throw error;
    throw new KubeDiscoveryError(`GET ${path} failed: ${error.message}`, {
      cause: error,
      reason: 'unavailable',
    });
  }
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

function malformed(path: string, what: string): KubeDiscoveryError {
  return new KubeDiscoveryError(`GET ${path} answered 200 but ${what}`, { reason: 'malformed' });
}

/** The body of a discovery root that answered 200, or the error that says why it is unusable. */
function rootBody(response: KubeResponse, path: string): Record<string, unknown> {
  if (response.status !== 200) {
    const reason = failureReason(response.status);
    throw new KubeDiscoveryError(
      `GET ${path} answered ${response.status}: ${statusMessage(response)}`,
      {
        reason: reason === 'failed' ? 'unavailable' : reason,
      },
    );
  }
  if (!isRecord(response.body)) throw malformed(path, 'not with a JSON object');
  if (response.body['kind'] === 'Status') throw malformed(path, 'with a Status');
  return response.body;
}

function fromAggregated(core: KubeResponse, named: KubeResponse): Found {
  const found: Found = { resources: [], failures: [] };
  for (const [response, path] of [
    [core, '/api'],
    [named, '/apis'],
  ] as const) {
    const body = rootBody(response, path);
    const items = body['items'];
    if (!Array.isArray(items) || items.length === 0) throw malformed(path, 'with no groups');
    for (const item of items) {
      if (!isRecord(item)) throw malformed(path, 'with a group that is no object');
      const metadata = isRecord(item['metadata']) ? item['metadata'] : {};
      const group = typeof metadata['name'] === 'string' ? metadata['name'] : '';
      // `/api` holds only the unnamed core group, `/apis` only named ones.
      if ((group === '') !== (path === '/api')) throw malformed(path, 'with a misplaced group');
      readAggregatedGroup(group, item, found);
    }
    if (path === '/api' && !found.resources.some((t) => t.group === '')) {
      const coreFailed = found.failures.some((f) => f.group === '');
      if (!coreFailed) throw malformed(path, 'with no core v1 resources');
    }
  }
  return found;
}

function readAggregatedGroup(group: string, item: Record<string, unknown>, found: Found): void {
  // Versions come in descending preference: the first is the one to export.
  const preferred = Array.isArray(item['versions']) ? item['versions'][0] : undefined;
  if (!isRecord(preferred) || typeof preferred['version'] !== 'string') {
    found.failures.push({ group, reason: 'malformed', message: 'discovery names no version' });
    return;
  }
  const version = preferred['version'];
  if (preferred['freshness'] === 'Stale') {
    found.failures.push({ group, version, reason: 'stale', message: 'discovery is stale' });
    return;
  }
  const resources = preferred['resources'];
  if (!Array.isArray(resources) || resources.length === 0) {
    found.failures.push({
      group,
      version,
      reason: 'malformed',
      message: 'discovery lists no resources',
    });
    return;
  }
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

interface GroupVersion {
  readonly group: string;
  readonly version: string;
  readonly path: string;
}

function legacyGroupVersions(
  core: KubeResponse,
  named: KubeResponse,
  found: Found,
): GroupVersion[] {
  const coreVersions = rootBody(core, '/api')['versions'];
  // The legacy group serves only v1; a root without it is no API server's.
  if (!Array.isArray(coreVersions) || !coreVersions.includes('v1'))
    throw malformed('/api', 'with no core v1');
  const groupVersions: GroupVersion[] = [{ group: '', version: 'v1', path: '/api/v1' }];
  const groups = rootBody(named, '/apis')['groups'];
  if (!Array.isArray(groups) || groups.length === 0) throw malformed('/apis', 'with no groups');
  for (const entry of groups) {
    if (!isRecord(entry) || typeof entry['name'] !== 'string' || entry['name'] === '')
      throw malformed('/apis', 'with an unnamed group');
    const group = entry['name'];
    const preferred = isRecord(entry['preferredVersion']) ? entry['preferredVersion'] : undefined;
    const version = preferred?.['version'];
    if (typeof version !== 'string') {
      found.failures.push({ group, reason: 'malformed', message: 'discovery names no version' });
      continue;
    }
    groupVersions.push({ group, version, path: `/apis/${group}/${version}` });
  }
  return groupVersions;
}

async function legacyDiscovery(
  http: KubeHttp,
  core: KubeResponse,
  named: KubeResponse,
): Promise<Found> {
  const found: Found = { resources: [], failures: [] };
  const groupVersions = legacyGroupVersions(core, named, found);
  const answers = await Promise.all(
    groupVersions.map((gv) =>
      http.get(gv.path).catch((error: unknown) => {
        if (error instanceof KubeTransportError) return error;
        throw error;
      }),
    ),
  );
  groupVersions.forEach(({ group, version }, index) => {
    const answer = answers[index] as KubeResponse | KubeTransportError;
    const listed = resourceList(answer);
    if ('reason' in listed) {
      found.failures.push({ group, version, ...listed });
      return;
    }
    for (const entry of listed.resources) {
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

/** The resources of a group/version answer, or why the group is unknown. */
function resourceList(
  answer: KubeResponse | KubeTransportError,
): { readonly resources: readonly unknown[] } | Pick<DiscoveryFailure, 'reason' | 'message'> {
  if (answer instanceof KubeTransportError)
    return { reason: 'unavailable', message: answer.message };
  if (answer.status !== 200)
    return { reason: failureReason(answer.status), message: statusMessage(answer) };
  const body = answer.body;
  if (!isRecord(body) || body['kind'] === 'Status')
    return { reason: 'malformed', message: 'discovery answered 200 with no resource list' };
  const resources = body['resources'];
  if (!Array.isArray(resources) || resources.length === 0)
    return { reason: 'malformed', message: 'discovery lists no resources' };
  return { resources };
}

/** The reason of a failed discovery or list call, by HTTP status. */
export function failureReason(
  status: number,
): 'forbidden' | 'throttled' | 'unavailable' | 'failed' {
  if (status === 403 || status === 401) return 'forbidden';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'unavailable';
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
