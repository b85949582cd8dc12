import { isRecord } from '../../model/kube.js';

/**
 * Metadata fields the API server writes: identity, versions, times and field ownership. None is
 * configuration, and each changes without anyone changing the object (managedFields times move on
 * every status write). `ownerReferences`, `finalizers` and `generateName` stay: see `cleanObject`.
 */
export const DROPPED_METADATA: readonly string[] = [
  'managedFields',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/** Annotations controllers and kubectl write that record events or copies, not configuration. */
export const DROPPED_ANNOTATIONS: readonly string[] = [
  // Holds the whole applied object, Secret data in clear included.
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.daemonset.template.generation',
  'control-plane.alpha.kubernetes.io/leader',
  'endpoints.kubernetes.io/last-change-trigger-time',
  'kubernetes.io/service-account.uid',
  'pv.kubernetes.io/bind-completed',
  'pv.kubernetes.io/bound-by-controller',
  'volume.kubernetes.io/selected-node',
];

/** Annotation prefixes dropped the same way (HPA conditions and current metrics). */
export const DROPPED_ANNOTATION_PREFIXES: readonly string[] = ['autoscaling.alpha.kubernetes.io/'];

/** Written by `kubectl rollout restart`: when a restart happened, not how the workload is set up. */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** Removes server-written fields and volatile annotations from a metadata map, in place. */
export function cleanTopMetadata(
  metadata: Record<string, unknown>,
  keepRestartedAt: boolean,
): void {
  for (const field of DROPPED_METADATA) delete metadata[field];
  cleanAnnotations(metadata, keepRestartedAt);
  dropIfEmpty(metadata, 'labels');
}

/**
 * Cleans an embedded object's metadata (pod and job templates, volume claim templates): the API
 * writes `creationTimestamp: null` there, and `rollout restart` stamps the pod template.
 */
export function cleanTemplateMetadata(template: unknown, keepRestartedAt: boolean): void {
  if (!isRecord(template)) return;
  const metadata = template['metadata'];
  if (!isRecord(metadata)) return;
  delete metadata['creationTimestamp'];
  cleanAnnotations(metadata, keepRestartedAt);
  dropIfEmpty(metadata, 'labels');
  if (Object.keys(metadata).length === 0) delete template['metadata'];
}

function cleanAnnotations(metadata: Record<string, unknown>, keepRestartedAt: boolean): void {
  const annotations = metadata['annotations'];
  if (!isRecord(annotations)) return;
  for (const key of Object.keys(annotations)) {
    if (isDroppedAnnotation(key) || (!keepRestartedAt && key === RESTARTED_AT)) {
      delete annotations[key];
    }
  }
  dropIfEmpty(metadata, 'annotations');
}

/** True for an annotation `cleanObject` always drops. */
export function isDroppedAnnotation(key: string): boolean {
  return (
    DROPPED_ANNOTATIONS.includes(key) ||
    DROPPED_ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix))
  );
}

/** Deletes `parent[key]` when it is an empty map or list (an empty field carries nothing). */
export function dropIfEmpty(parent: Record<string, unknown>, key: string): void {
  const value = parent[key];
  const empty = Array.isArray(value)
    ? value.length === 0
    : isRecord(value) && Object.keys(value).length === 0;
  if (empty || value === null) delete parent[key];
}
