import { describe, expect, it } from 'vitest';
import { type KubeObject, toKubeObject } from '../../../../lib/model/kube.js';
import { cleanObject } from '../../../../lib/snapshot/kube/clean.js';
import { scaleTargetKey, scaleTargets } from '../../../../lib/snapshot/kube/scale-targets.js';
import { kubeObject } from '../../sources/k8s/fixtures.js';

const NONE = new Set<string>();

function clean(object: KubeObject, targets: ReadonlySet<string> = NONE): KubeObject {
  return cleanObject(object, { hpaTargets: targets });
}

describe('Function: cleanObject', () => {
  it.each([
    'managedFields',
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'selfLink',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
  ])('drops metadata.%s', (field) => {
    const object = kubeObject('v1', 'ConfigMap', { metadata: { name: 'a', [field]: 'x' } });
    expect(clean(object).metadata).not.toHaveProperty(field);
  });

  it.each([
    'kubectl.kubernetes.io/last-applied-configuration',
    'deployment.kubernetes.io/revision',
    'kubectl.kubernetes.io/restartedAt',
    'control-plane.alpha.kubernetes.io/leader',
    'autoscaling.alpha.kubernetes.io/conditions',
    'autoscaling.alpha.kubernetes.io/current-metrics',
    'endpoints.kubernetes.io/last-change-trigger-time',
    'deprecated.daemonset.template.generation',
    'pv.kubernetes.io/bind-completed',
    'volume.kubernetes.io/selected-node',
  ])('drops the %s annotation and the emptied annotations map', (annotation) => {
    const object = kubeObject('v1', 'ConfigMap', {
      metadata: { name: 'a', annotations: { [annotation]: 'x' } },
    });
    expect(clean(object).metadata).toEqual({ name: 'a', namespace: 'shop' });
  });

  it('keeps what a user or a controller set on purpose: owners, finalizers, Helm and Argo marks', () => {
    const metadata = {
      name: 'a',
      generateName: 'a-',
      labels: { app: 'a' },
      annotations: {
        'meta.helm.sh/release-name': 'r',
        'argocd.argoproj.io/tracking-id': 'app:/ConfigMap:shop/a',
      },
      finalizers: ['example.com/keep'],
      ownerReferences: [
        { apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'u-1', controller: true },
      ],
    };
    const object = kubeObject('v1', 'ConfigMap', { metadata, data: {}, immutable: true });
    expect(clean(object)).toEqual({ ...object, metadata: { ...metadata, namespace: 'shop' } });
  });

  it('keeps unknown top-level fields (a denylist, not an allowlist)', () => {
    const object = kubeObject('storage.k8s.io/v1', 'StorageClass', {
      metadata: { name: 'gp3' },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3' },
      reclaimPolicy: 'Delete',
    });
    expect(clean(object)).toEqual(object);
  });

  it('drops status and never changes its input', () => {
    const object = kubeObject('v1', 'Namespace', {
      metadata: { name: 'shop', uid: 'u' },
      status: { phase: 'Active' },
    });
    const before = structuredClone(object);
    expect(clean(object)).not.toHaveProperty('status');
    expect(object).toEqual(before);
  });

  it('drops spec.nodeName from Pods only', () => {
    const pod = kubeObject('v1', 'Pod', { spec: { nodeName: 'n1', containers: [] } });
    expect(clean(pod)['spec']).toEqual({ containers: [] });
    const template = kubeObject('apps/v1', 'Deployment', {
      spec: { template: { spec: { nodeName: 'n1' } } },
    });
    expect(clean(template)).toEqual(template);
  });

  it('drops nodePort from ClusterIP Services and keeps it on NodePort Services', () => {
    const ports = [{ port: 80, nodePort: 30080 }];
    const clusterIp = kubeObject('v1', 'Service', { spec: { ports } });
    expect(clean(clusterIp)['spec']).toEqual({ ports: [{ port: 80 }] });
    const nodePort = kubeObject('v1', 'Service', { spec: { type: 'NodePort', ports } });
    expect(clean(nodePort)['spec']).toEqual({ type: 'NodePort', ports });
  });

  it('keeps a volumeName the user chose and drops the one the binder chose', () => {
    const spec = { volumeName: 'pv-1' };
    const byUser = kubeObject('v1', 'PersistentVolumeClaim', { spec });
    expect(clean(byUser)['spec']).toEqual(spec);
    const byBinder = kubeObject('v1', 'PersistentVolumeClaim', {
      metadata: { annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' } },
      spec,
    });
    expect(clean(byBinder)['spec']).toEqual({});
  });

  it('drops the uid and resourceVersion of a PersistentVolume claimRef', () => {
    const claimRef = { kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'c' };
    const pv = kubeObject('v1', 'PersistentVolume', {
      spec: { claimRef: { ...claimRef, uid: 'u', resourceVersion: '9' } },
    });
    expect(clean(pv)['spec']).toEqual({ claimRef });
  });

  it('drops token Secret references from ServiceAccounts', () => {
    const sa = kubeObject('v1', 'ServiceAccount', {
      metadata: { name: 'builder' },
      secrets: [{ name: 'builder-token-x7k2p' }, { name: 'registry' }],
    });
    expect(clean(sa)['secrets']).toEqual([{ name: 'registry' }]);
    const onlyToken = kubeObject('v1', 'ServiceAccount', {
      metadata: { name: 'builder' },
      secrets: [{ name: 'builder-token-x7k2p' }],
    });
    expect(clean(onlyToken)).not.toHaveProperty('secrets');
  });

  it.each([
    ['admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration'],
    ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration'],
  ])('drops caBundle from %s %s webhooks', (apiVersion, kind) => {
    const object = kubeObject(apiVersion, kind, {
      metadata: { name: 'hooks', namespace: undefined },
      webhooks: [{ name: 'a', clientConfig: { caBundle: 'Q0E=', url: 'https://x' } }],
    });
    expect(clean(object)['webhooks']).toEqual([{ name: 'a', clientConfig: { url: 'https://x' } }]);
  });

  it('drops an APIService caBundle', () => {
    const object = kubeObject('apiregistration.k8s.io/v1', 'APIService', {
      spec: { caBundle: 'Q0E=', group: 'metrics.k8s.io' },
    });
    expect(clean(object)['spec']).toEqual({ group: 'metrics.k8s.io' });
  });

  it('drops the rules of an aggregated ClusterRole, which its controller recomputes', () => {
    const aggregationRule = { clusterRoleSelectors: [{ matchLabels: { x: 'true' } }] };
    const role = kubeObject('rbac.authorization.k8s.io/v1', 'ClusterRole', {
      aggregationRule,
      rules: [{ verbs: ['get'] }],
    });
    expect(clean(role)).toEqual({ ...role, rules: undefined, aggregationRule });
    expect(clean(role)).not.toHaveProperty('rules');
  });

  it('drops spec.replicas of a workload an HPA targets, and only of that one', () => {
    const hpa = kubeObject('autoscaling/v1', 'HorizontalPodAutoscaler', {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db' } },
    });
    const targets = scaleTargets([hpa]);
    expect([...targets]).toEqual([scaleTargetKey('apps', 'StatefulSet', 'shop', 'db')]);
    const db = kubeObject('apps/v1', 'StatefulSet', {
      metadata: { name: 'db' },
      spec: { replicas: 2 },
    });
    expect(clean(db, targets)['spec']).toEqual({});
    const other = kubeObject('apps/v1', 'Deployment', {
      metadata: { name: 'db' },
      spec: { replicas: 2 },
    });
    expect(clean(other, targets)['spec']).toEqual({ replicas: 2 });
  });

  it('reads KEDA ScaledObjects, whose target defaults to an apps/v1 Deployment', () => {
    const scaled = kubeObject('keda.sh/v1alpha1', 'ScaledObject', {
      spec: { scaleTargetRef: { name: 'worker' } },
    });
    expect([...scaleTargets([scaled])]).toEqual(['apps/Deployment/shop/worker']);
  });

  it('cleans CronJob job and pod templates', () => {
    const cronJob = kubeObject('batch/v1', 'CronJob', {
      spec: {
        jobTemplate: {
          metadata: { creationTimestamp: null },
          spec: {
            template: {
              metadata: {
                creationTimestamp: null,
                annotations: { 'kubectl.kubernetes.io/restartedAt': 'now' },
              },
            },
          },
        },
      },
    });
    expect(clean(cronJob)['spec']).toEqual({ jobTemplate: { spec: { template: {} } } });
  });

  it('keeps restartedAt when asked', () => {
    const annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-11-19T17:02:11Z' };
    const deployment = kubeObject('apps/v1', 'Deployment', {
      spec: { template: { metadata: { annotations } } },
    });
    const cleaned = cleanObject(deployment, { hpaTargets: NONE, keepRestartedAt: true });
    expect(cleaned['spec']).toEqual({ template: { metadata: { annotations } } });
  });

  it('gives list items the apiVersion and kind of their list', () => {
    const item = toKubeObject(
      { metadata: { name: 'a', uid: 'u' } },
      { apiVersion: 'v1', kind: 'ConfigMap' },
    );
    expect(clean(item)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    expect(() => toKubeObject({ metadata: {} }, { apiVersion: 'v1', kind: 'ConfigMap' })).toThrow(
      'A ConfigMap has no metadata.name',
    );
  });
});
