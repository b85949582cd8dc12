import { controllerOf, type Gvk, gvkOf, type KubeObject } from '../../model/kube.js';
import type { ExportFilter, ExportRule } from '../../model/kube-filter.js';
import { isNoiseSecret } from './secrets.js';

/** One entry of the default exclusion list, with the reason a reader sees. */
interface NoiseRule {
  readonly reason: string;
  readonly matches: (object: KubeObject, gvk: Gvk) => boolean;
}

const REVIEW_GROUPS = ['authentication.k8s.io', 'authorization.k8s.io'];

function kinds(group: string, names: readonly string[]): (o: KubeObject, gvk: Gvk) => boolean {
  return (_object, gvk) => gvk.group === group && names.includes(gvk.kind);
}

/**
 * Objects left out by default (research/k8s.md 3.2): each changes on its own, is derived from an
 * exported owner, or holds secrets in a form statetrail cannot fingerprint usefully.
 */
export const DEFAULT_NOISE: readonly NoiseRule[] = [
  { reason: 'events expire within the hour', matches: kinds('', ['Event']) },
  { reason: 'events expire within the hour', matches: kinds('events.k8s.io', ['Event']) },
  { reason: 'leases renew every few seconds', matches: kinds('coordination.k8s.io', ['Lease']) },
  { reason: 'endpoints follow pod readiness', matches: kinds('', ['Endpoints']) },
  {
    reason: 'endpoints follow pod readiness',
    matches: kinds('discovery.k8s.io', ['EndpointSlice']),
  },
  { reason: 'live metrics', matches: (_object, gvk) => gvk.group === 'metrics.k8s.io' },
  {
    reason: 'derived from the controller that owns it',
    matches: (object, gvk) =>
      (kinds('', ['Pod'])(object, gvk) ||
        kinds('apps', ['ReplicaSet', 'ControllerRevision'])(object, gvk) ||
        kinds('batch', ['Job'])(object, gvk)) &&
      controllerOf(object) !== undefined,
  },
  { reason: 'nodes come and go with their status', matches: kinds('', ['Node']) },
  {
    reason: 'node and attachment state',
    matches: kinds('storage.k8s.io', ['CSINode', 'VolumeAttachment']),
  },
  {
    reason: 'transient certificate requests',
    matches: kinds('certificates.k8s.io', ['CertificateSigningRequest']),
  },
  {
    reason: 'transient certificate requests',
    matches: kinds('cert-manager.io', ['CertificateRequest']),
  },
  {
    reason: 'transient certificate requests',
    matches: kinds('acme.cert-manager.io', ['Order', 'Challenge']),
  },
  {
    reason: 'create-only review requests',
    matches: (_object, gvk) => REVIEW_GROUPS.includes(gvk.group) && gvk.kind.endsWith('Review'),
  },
  {
    reason: 'service-account tokens and Helm release records',
    matches: (object) => isNoiseSecret(object),
  },
  {
    reason: 'the cluster autoscaler rewrites it every few seconds',
    matches: (object, gvk) =>
      kinds('', ['ConfigMap'])(object, gvk) && object.metadata.name === 'cluster-autoscaler-status',
  },
  {
    // Helm 2 release records: gzipped, base64-encoded values, secrets included.
    reason: 'Helm 2 release records',
    matches: (object, gvk) =>
      kinds('', ['ConfigMap'])(object, gvk) && object.metadata.labels?.['OWNER'] === 'TILLER',
  },
];

/** Why an object is on the default exclusion list, or undefined when it is not. */
export function noiseReason(object: KubeObject): string | undefined {
  const gvk = gvkOf(object);
  return DEFAULT_NOISE.find((rule) => rule.matches(object, gvk))?.reason;
}

/** True for an object on the default exclusion list. */
export function isNoise(object: KubeObject): boolean {
  return noiseReason(object) !== undefined;
}

/** True when `filter` exports the object (`gvk` is the type it was listed as). */
export function isExported(object: KubeObject, gvk: Gvk, filter: ExportFilter): boolean {
  const matches = (rule: ExportRule): boolean => ruleMatches(rule, object, gvk);
  if (filter.include.length > 0 && !filter.include.some(matches)) return false;
  if (filter.exclude.some(matches)) return false;
  return !(filter.defaultExclusions && DEFAULT_NOISE.some((rule) => rule.matches(object, gvk)));
}

function ruleMatches(rule: ExportRule, object: KubeObject, gvk: Gvk): boolean {
  if (rule.group !== undefined) {
    const group = rule.group === 'core' ? '' : rule.group;
    if (!globMatches(group, gvk.group)) return false;
  }
  if (rule.kind !== undefined && !globMatches(rule.kind, gvk.kind)) return false;
  const namespace = object.metadata.namespace ?? '_cluster';
  if (rule.namespace !== undefined && !globMatches(rule.namespace, namespace)) return false;
  const labels = object.metadata.labels ?? {};
  for (const [key, value] of Object.entries(rule.labels ?? {})) {
    const actual = labels[key];
    if (actual === undefined || (value !== '*' && value !== actual)) return false;
  }
  return true;
}

function globMatches(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern === text;
  const parts = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(text);
}
