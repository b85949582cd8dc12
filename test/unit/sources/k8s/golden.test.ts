import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type KubeObject, toKubeObject } from '../../../../lib/model/kube.js';
import { scaleTargets } from '../../../../lib/snapshot/kube/scale-targets.js';
import { toKubeRecord } from '../../../../lib/sources/k8s/record.js';
import { renderKubeRecord } from '../../../../lib/sources/k8s/render.js';

const GOLDEN = join(import.meta.dirname, 'golden');
// Set to rewrite expected.yaml files after a deliberate change; review the diff before committing.
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const KEY = new TextEncoder().encode('statetrail-test-hmac-key');

const hpa = toKubeObject(
  {
    metadata: { name: 'api', namespace: 'shop' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' } },
  },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
);

const CASES: readonly [string, string][] = [
  ['deployment', 'k8s/prod-eu/shop/apps/Deployment/web.yaml'],
  ['deployment-autoscaled', 'k8s/prod-eu/shop/apps/Deployment/api.yaml'],
  ['service', 'k8s/prod-eu/shop/core/Service/web.yaml'],
  ['service-headless', 'k8s/prod-eu/shop/core/Service/db.yaml'],
  ['configmap', 'k8s/prod-eu/shop/core/ConfigMap/web-config.yaml'],
  ['secret', 'k8s/prod-eu/shop/core/Secret/db.yaml'],
  [
    'validating-webhook',
    'k8s/prod-eu/_cluster/admissionregistration.k8s.io/ValidatingWebhookConfiguration/cert-manager-webhook.yaml',
  ],
  [
    'cluster-role-colon',
    'k8s/prod-eu/_cluster/rbac.authorization.k8s.io/ClusterRole/system%3Aaggregate-to-view.yaml',
  ],
  ['custom-resource', 'k8s/prod-eu/shop/cert-manager.io/Certificate/web-tls.yaml'],
  [
    'crd-conversion',
    'k8s/prod-eu/_cluster/apiextensions.k8s.io/CustomResourceDefinition/widgets.example.com.yaml',
  ],
  ['pvc-bound', 'k8s/prod-eu/shop/core/PersistentVolumeClaim/data-db-0.yaml'],
  ['statefulset', 'k8s/prod-eu/shop/apps/StatefulSet/db.yaml'],
];

function readInput(name: string): KubeObject {
  return JSON.parse(readFileSync(join(GOLDEN, name, 'input.json'), 'utf8')) as KubeObject;
}

describe('Golden: cleaned manifests', () => {
  it.each(CASES)('writes %s as its expected file', (name, path) => {
    const result = toKubeRecord(readInput(name), {
      cluster: 'prod-eu',
      key: KEY,
      hpaTargets: scaleTargets([hpa]),
    });
    if (result.outcome !== 'record') throw new Error(`${name} was skipped`);
    const file = renderKubeRecord(result.record);
    const text = new TextDecoder().decode(file.bytes);
    const expectedFile = join(GOLDEN, name, 'expected.yaml');
    if (UPDATE) writeFileSync(expectedFile, text);
    expect(file.path).toBe(path);
    expect(text).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
