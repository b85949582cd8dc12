import { gvkOf, isRecord, type KubeObject, splitApiVersion } from '../../model/kube.js';

/** The key of a workload an autoscaler scales: `<group>/<Kind>/<namespace>/<name>` (group '' for core). */
export function scaleTargetKey(
  group: string,
  kind: string,
  namespace: string,
  name: string,
): string {
  return `${group}/${kind}/${namespace}/${name}`;
}

/**
 * The workloads whose `spec.replicas` an autoscaler owns: targets of HorizontalPodAutoscalers
 * (autoscaling v1 and v2) and KEDA ScaledObjects, as `scaleTargetKey`s. Their replica count moves
 * with load, so writing it would commit on every scale event (Argo CD and Flux ignore it too).
 */
export function scaleTargets(objects: Iterable<KubeObject>): Set<string> {
  const targets = new Set<string>();
  for (const object of objects) {
    const { group, kind } = gvkOf(object);
    const isHpa = group === 'autoscaling' && kind === 'HorizontalPodAutoscaler';
    const isKeda = group === 'keda.sh' && kind === 'ScaledObject';
    if (!isHpa && !isKeda) continue;
    const spec = object['spec'];
    const ref = isRecord(spec) ? spec['scaleTargetRef'] : undefined;
    const namespace = object.metadata.namespace;
    if (!isRecord(ref) || typeof ref['name'] !== 'string' || namespace === undefined) continue;
    // KEDA defaults an omitted kind and apiVersion to apps/v1 Deployment.
    const apiVersion = typeof ref['apiVersion'] === 'string' ? ref['apiVersion'] : 'apps/v1';
    const targetKind = typeof ref['kind'] === 'string' ? ref['kind'] : 'Deployment';
    targets.add(
      scaleTargetKey(splitApiVersion(apiVersion).group, targetKind, namespace, ref['name']),
    );
  }
  return targets;
}
