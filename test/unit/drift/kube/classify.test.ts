import { describe, expect, it } from 'vitest';
import { classifyKubeChange } from '../../../../lib/drift/kube/classify.js';
import type { KubeRecord } from '../../../../lib/model/kube.js';

function record(updates: { manager: string; time?: string }[]): KubeRecord {
  return {
    cluster: 'c',
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    namespace: 'shop',
    name: 'web',
    manifest: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } },
    facts: { updates: updates.map((u) => ({ operation: 'Update', ...u })) },
  };
}

describe('Function: classifyKubeChange', () => {
  it.each([
    [
      [{ manager: 'argocd-controller', time: 't1' }],
      { class: 'explained', address: 'Argo CD (argocd-controller at t1)' },
    ],
    [
      [{ manager: 'kustomize-controller' }],
      { class: 'explained', address: 'Flux (kustomize-controller)' },
    ],
    [[{ manager: 'helm' }], { class: 'explained', address: 'Helm (helm)' }],
    [[{ manager: 'kubectl-edit' }, { manager: 'argocd-controller' }], { class: 'drift' }],
    [
      [{ manager: 'kube-controller-manager' }, { manager: 'kubectl-client-side-apply' }],
      { class: 'drift' },
    ],
    [
      [{ manager: 'kube-controller-manager' }, { manager: 'helm-controller' }],
      { class: 'explained', address: 'Flux (HelmRelease) (helm-controller)' },
    ],
    [[{ manager: 'cert-manager-cainjector' }], { class: 'unverified' }],
    [[], { class: 'unverified' }],
  ])('classifies a change whose latest writers are %j', (updates, expected) => {
    expect(classifyKubeChange(record(updates))).toEqual(expected);
  });
});
