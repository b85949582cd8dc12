import { gvkOf, isRecord, type KubeObject } from '../../model/kube.js';
import { cleanTemplateMetadata, cleanTopMetadata } from './clean-metadata.js';
import { SPEC_STEPS } from './clean-spec.js';
import { scaleTargetKey } from './scale-targets.js';

/** What cleaning needs to know beyond the object itself. */
export interface CleanOptions {
  /** Workloads an autoscaler scales, as `scaleTargetKey`s (see `scaleTargets`). */
  readonly hpaTargets: ReadonlySet<string>;
  /** Keep the `kubectl.kubernetes.io/restartedAt` annotation (dropped by default). */
  readonly keepRestartedAt?: boolean;
}

/**
 * The object as the trail holds it (DESIGN.md "Kubernetes object file"): a denylist, so every
 * field a user set survives. Drops `status`, server-written metadata, volatile annotations,
 * server-assigned spec fields and autoscaled `spec.replicas`; keeps apiVersion, kind, name,
 * namespace, labels, annotations, `ownerReferences` and `finalizers`, so `kubectl apply -f`
 * restores it. Never changes its input.
 */
export function cleanObject(object: KubeObject, options: CleanOptions): KubeObject {
  // One deep copy, then in-place steps on it: the caller's object is never touched.
  const copy = structuredClone(object);
  const { group, kind } = gvkOf(copy);
  const keepRestartedAt = options.keepRestartedAt ?? false;
  delete copy['status'];
  // Kind steps run first: a claim's binding annotation decides what they drop.
  SPEC_STEPS[`${group}/${kind}`]?.(copy);
  dropAutoscaledReplicas(copy, group, options.hpaTargets);
  for (const template of embeddedTemplates(copy)) cleanTemplateMetadata(template, keepRestartedAt);
  cleanTopMetadata(copy.metadata, keepRestartedAt);
  return { ...copy, apiVersion: object.apiVersion, kind: object.kind };
}

function dropAutoscaledReplicas(
  object: KubeObject,
  group: string,
  targets: ReadonlySet<string>,
): void {
  const { namespace, name } = object.metadata;
  const spec = object['spec'];
  if (namespace === undefined || !isRecord(spec)) return;
  if (targets.has(scaleTargetKey(group, object.kind, namespace, name))) delete spec['replicas'];
}

// Objects embedded in a spec whose metadata the API server stamps like a top-level object's.
function embeddedTemplates(object: KubeObject): unknown[] {
  const spec = object['spec'];
  if (!isRecord(spec)) return [];
  const found: unknown[] = [spec['template']];
  const jobTemplate = spec['jobTemplate'];
  found.push(jobTemplate);
  if (isRecord(jobTemplate) && isRecord(jobTemplate['spec'])) {
    found.push(jobTemplate['spec']['template']);
  }
  const claims = spec['volumeClaimTemplates'];
  if (Array.isArray(claims)) {
    for (const claim of claims) {
      // A StatefulSet's claim templates come back with `status: { phase: Pending }`.
      if (isRecord(claim)) delete claim['status'];
      found.push(claim);
    }
  }
  return found;
}
