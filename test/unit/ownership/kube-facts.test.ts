import { describe, expect, it } from 'vitest';
import { gitOpsOwner, readFacts } from '../../../lib/ownership/kube-facts.js';
import { kubeObject } from '../sources/k8s/fixtures.js';

function owner(metadata: Readonly<Record<string, unknown>>) {
  return gitOpsOwner(readFacts(kubeObject('apps/v1', 'Deployment', { metadata })));
}

const HELM_MARKS = {
  labels: { 'app.kubernetes.io/managed-by': 'Helm' },
  annotations: { 'meta.helm.sh/release-name': 'web', 'meta.helm.sh/release-namespace': 'shop' },
};

describe('Function: readFacts', () => {
  it('lists the updates from managedFields, latest first', () => {
    const facts = readFacts(
      kubeObject('v1', 'ConfigMap', {
        metadata: {
          managedFields: [
            {
              manager: 'kubectl-client-side-apply',
              operation: 'Update',
              time: '2026-01-01T00:00:00Z',
            },
            { manager: 'old', operation: 'Update' },
            { manager: 'helm', operation: 'Update', time: '2026-03-01T00:00:00Z' },
            { operation: 'Apply', time: '2026-04-01T00:00:00Z' },
          ],
        },
      }),
    );
    expect(facts.updates).toEqual([
      { manager: 'helm', operation: 'Update', time: '2026-03-01T00:00:00Z' },
      { manager: 'kubectl-client-side-apply', operation: 'Update', time: '2026-01-01T00:00:00Z' },
      { manager: 'old', operation: 'Update' },
    ]);
  });

  it('names the controlling owner and a pending deletion', () => {
    const facts = readFacts(
      kubeObject('apps/v1', 'ReplicaSet', {
        metadata: {
          deletionTimestamp: '2026-11-22T10:00:00Z',
          ownerReferences: [
            { apiVersion: 'v1', kind: 'Thing', name: 'other' },
            { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u', controller: true },
          ],
        },
      }),
    );
    expect(facts).toEqual({
      updates: [],
      controller: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      deletionTimestamp: '2026-11-22T10:00:00Z',
    });
  });
});

describe('Function: gitOpsOwner', () => {
  it('finds Argo CD by its tracking annotation, before the Helm marks of a chart it renders', () => {
    const annotations = {
      ...HELM_MARKS.annotations,
      'argocd.argoproj.io/tracking-id': 'shop-web:apps/Deployment:shop/web',
    };
    expect(owner({ ...HELM_MARKS, annotations })).toEqual({ tool: 'argocd', detail: 'shop-web' });
  });

  it('finds Argo CD label tracking only when an Argo CD controller wrote the object', () => {
    const labels = { 'app.kubernetes.io/instance': 'shop-web' };
    const managedFields = [{ manager: 'argocd-controller', operation: 'Apply' }];
    expect(owner({ labels, managedFields })).toEqual({ tool: 'argocd', detail: 'shop-web' });
    expect(owner({ labels })).toBeUndefined();
  });

  it('finds a Flux Kustomization', () => {
    const labels = {
      'kustomize.toolkit.fluxcd.io/name': 'apps',
      'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
    };
    expect(owner({ labels })).toEqual({ tool: 'flux', detail: 'Kustomization flux-system/apps' });
  });

  it('finds a Flux HelmRelease before the Helm release it installed', () => {
    const labels = {
      ...HELM_MARKS.labels,
      'helm.toolkit.fluxcd.io/name': 'web',
      'helm.toolkit.fluxcd.io/namespace': 'shop',
    };
    expect(owner({ ...HELM_MARKS, labels })).toEqual({
      tool: 'flux',
      detail: 'HelmRelease shop/web',
    });
  });

  it('finds a Helm release by its label and annotations together', () => {
    expect(owner(HELM_MARKS)).toEqual({ tool: 'helm', detail: 'release shop/web' });
    expect(owner({ labels: HELM_MARKS.labels })).toBeUndefined();
  });

  it('finds nothing on a hand-applied object', () => {
    expect(owner({ labels: { app: 'web' } })).toBeUndefined();
  });
});
