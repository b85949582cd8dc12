import type { WorldKit } from './kit.js';

/** A Deployment Argo CD applies (server-side) and tracks by annotation and instance label. */
export function addArgoApp(kit: WorldKit): void {
  const labels = { app: 'cart', 'app.kubernetes.io/instance': 'shop' };
  kit.add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'cart',
    namespace: 'shop',
    labels,
    annotations: {
      'argocd.argoproj.io/tracking-id': 'shop:apps/Deployment:shop/cart',
      'deployment.kubernetes.io/revision': '1',
    },
    generation: 1,
    createdAt: 120,
    writers: [
      { manager: 'argocd-controller', operation: 'Apply' },
      { manager: 'kube-controller-manager', subresource: 'status', minutes: 1 },
    ],
    body: {
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'cart' } },
        template: {
          metadata: { labels: { app: 'cart' } },
          spec: { containers: [{ name: 'cart', image: 'ghcr.io/example/cart:2.0.1' }] },
        },
      },
      status: { observedGeneration: 1, replicas: 1, readyReplicas: 1, availableReplicas: 1 },
    },
  });
  kit.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: 'argocd-cm',
    namespace: 'argocd',
    labels: {
      'app.kubernetes.io/name': 'argocd-cm',
      'app.kubernetes.io/part-of': 'argocd',
      'app.kubernetes.io/managed-by': 'Helm',
    },
    annotations: {
      'meta.helm.sh/release-name': 'argocd',
      'meta.helm.sh/release-namespace': 'argocd',
    },
    writers: [{ manager: 'helm' }],
    body: {
      data: {
        'application.resourceTrackingMethod': 'annotation',
        'timeout.reconciliation': '180s',
      },
    },
  });
}

/** A ConfigMap a Flux Kustomization applies (server-side), known by its Flux labels. */
export function addFluxObject(kit: WorldKit): void {
  kit.add({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: 'checkout-flags',
    namespace: 'shop',
    labels: {
      'kustomize.toolkit.fluxcd.io/name': 'apps',
      'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
    },
    createdAt: 130,
    writers: [{ manager: 'kustomize-controller', operation: 'Apply' }],
    body: { data: { 'new-checkout': 'true' } },
  });
}
