import type { KubeRecord } from '../../model/kube.js';
import type { PathClass } from '../classify.js';

// Field managers as the tools register them in managedFields.
const GITOPS_MANAGERS: readonly [RegExp, string][] = [
  [/^argocd/, 'Argo CD'],
  [/^kustomize-controller$/, 'Flux'],
  [/^helm-controller$/, 'Flux (HelmRelease)'],
  [/^helm$/i, 'Helm'],
];
const HAND_MANAGERS = /^(kubectl|k9s|lens|openlens|mozilla|kubernetes-dashboard)/i;

/**
 * The class of a changed Kubernetes object from its latest update by a tool that writes
 * configuration: *explained* when Argo CD, Flux or Helm made it; *drift* when a person did
 * (kubectl, a dashboard), on a codified object or on one nobody codified; *unverified* when no
 * such update is recorded (controllers, operators, unknown clients).
 */
export function classifyKubeChange(record: KubeRecord): PathClass {
  for (const update of record.facts.updates) {
    const gitOps = GITOPS_MANAGERS.find(([pattern]) => pattern.test(update.manager));
    if (gitOps) {
      return {
        class: 'explained',
        address: `${gitOps[1]} (${update.manager}${update.time ? ` at ${update.time}` : ''})`,
      };
    }
    if (HAND_MANAGERS.test(update.manager)) return { class: 'drift' };
  }
  return { class: 'unverified' };
}
