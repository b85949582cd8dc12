import {
  controllerOf,
  type FieldUpdate,
  type GitOpsOwner,
  type KubeFacts,
  type KubeObject,
} from '../model/kube.js';

const ARGO_TRACKING = 'argocd.argoproj.io/tracking-id';
const INSTANCE = 'app.kubernetes.io/instance';
const MANAGED_BY = 'app.kubernetes.io/managed-by';

/**
 * The side facts of a live object (who changed it last, who owns it). Read before `cleanObject`,
 * which drops managedFields; they feed commit messages, never the file.
 */
export function readFacts(object: KubeObject): KubeFacts {
  const updates = fieldUpdates(object);
  const owner = controllerOf(object);
  const gitOps = gitOpsOf(object, updates);
  const deletion = object.metadata['deletionTimestamp'];
  return {
    updates,
    ...(owner && {
      controller: { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name },
    }),
    ...(gitOps && { gitOps }),
    ...(typeof deletion === 'string' && { deletionTimestamp: deletion }),
  };
}

/** The GitOps tool (Argo CD, Flux) or Helm release that owns the object, if any. */
export function gitOpsOwner(facts: KubeFacts): GitOpsOwner | undefined {
  return facts.gitOps;
}

// Latest first; entries without a time (rare, old servers) last, in their listed order.
function fieldUpdates(object: KubeObject): FieldUpdate[] {
  const updates: FieldUpdate[] = [];
  for (const entry of object.metadata.managedFields ?? []) {
    if (typeof entry.manager !== 'string') continue;
    updates.push({
      manager: entry.manager,
      operation: typeof entry.operation === 'string' ? entry.operation : 'Unknown',
      ...(typeof entry.time === 'string' && { time: entry.time }),
    });
  }
  // RFC 3339 times from one server share a format, so string order is time order.
  return updates
    .map((update, index) => ({ update, index }))
    .sort((a, b) => compareTimes(b.update.time, a.update.time) || a.index - b.index)
    .map(({ update }) => update);
}

function compareTimes(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

// Argo CD first: it may deploy a Helm chart (Helm labels) or manage Flux objects. Flux before
// Helm: helm-controller installs releases, so its objects carry Helm's marks too.
function gitOpsOf(object: KubeObject, updates: readonly FieldUpdate[]): GitOpsOwner | undefined {
  const labels = object.metadata.labels ?? {};
  const annotations = object.metadata.annotations ?? {};
  const tracking = annotations[ARGO_TRACKING];
  if (tracking !== undefined) {
    // `<app>:<group>/<kind>:<namespace>/<name>`; apps in other namespaces are `<ns>_<app>`.
    return { tool: 'argocd', detail: tracking.split(':', 1)[0] ?? tracking };
  }
  const instance = labels[INSTANCE];
  // The instance label alone is a common Helm and Kustomize convention; Argo CD's label
  // tracking is told apart by its controller being a field manager.
  if (instance !== undefined && updates.some((update) => update.manager.startsWith('argocd'))) {
    return { tool: 'argocd', detail: instance };
  }
  const kustomization = labels['kustomize.toolkit.fluxcd.io/name'];
  if (kustomization !== undefined) {
    const namespace = labels['kustomize.toolkit.fluxcd.io/namespace'];
    return { tool: 'flux', detail: `Kustomization ${qualified(namespace, kustomization)}` };
  }
  const helmRelease = labels['helm.toolkit.fluxcd.io/name'];
  if (helmRelease !== undefined) {
    const namespace = labels['helm.toolkit.fluxcd.io/namespace'];
    return { tool: 'flux', detail: `HelmRelease ${qualified(namespace, helmRelease)}` };
  }
  const release = annotations['meta.helm.sh/release-name'];
  if (labels[MANAGED_BY] === 'Helm' && release !== undefined) {
    const namespace = annotations['meta.helm.sh/release-namespace'];
    return { tool: 'helm', detail: `release ${qualified(namespace, release)}` };
  }
  return undefined;
}

function qualified(namespace: string | undefined, name: string): string {
  return namespace === undefined ? name : `${namespace}/${name}`;
}
