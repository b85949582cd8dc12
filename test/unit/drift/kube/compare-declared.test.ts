import { describe, expect, it } from 'vitest';
import { compareDeclared } from '../../../../lib/drift/kube/compare-declared.js';
import type { KubeObject } from '../../../../lib/model/kube.js';
import { cleanObject } from '../../../../lib/snapshot/kube/clean.js';
import { REDACTED } from '../../../../lib/snapshot/normalize/redact-credentials.js';
import { maskAttributes } from '../../../../lib/terraform/mask.js';
import { SENSITIVE } from '../../../../lib/terraform/state-instance.js';

const FINGERPRINT = 'hmac-sha256:9b74c9897bac770ffc029102a200c5de';

/** The object as the trail holds it: the live object through the exporter's cleaning. */
function trail(live: Record<string, unknown>): KubeObject {
  return cleanObject(live as KubeObject, { hpaTargets: new Set() });
}

interface DeploymentOptions {
  readonly image?: string;
  readonly replicas?: number;
  readonly labels?: Record<string, string>;
  readonly containers?: Record<string, unknown>[];
}

/** What a `kubernetes_manifest` declares for a Deployment. */
function declaredDeployment(options: DeploymentOptions = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      labels: options.labels ?? { app: 'web', team: 'shop' },
    },
    spec: {
      ...(options.replicas !== undefined && { replicas: options.replicas }),
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: options.containers ?? [
            {
              name: 'web',
              image: options.image ?? 'nginx:1.25',
              args: ['--port', '8080'],
              ports: [{ containerPort: 8080 }],
              resources: { limits: { memory: '1Gi', cpu: '1' } },
            },
          ],
        },
      },
    },
  };
}

/** The live Deployment, with what the API server and controllers add. */
function liveDeployment(options: DeploymentOptions = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      uid: '0b8d2c47-5f9e-4d8a-9c36-1f6c2b3c0e11',
      resourceVersion: '918273',
      generation: 4,
      creationTimestamp: '2024-05-01T10:00:00Z',
      labels: options.labels ?? { app: 'web', team: 'shop' },
      annotations: { 'deployment.kubernetes.io/revision': '4' },
      managedFields: [{ manager: 'terraform', operation: 'Apply', time: '2024-05-01T10:00:00Z' }],
    },
    spec: {
      ...(options.replicas !== undefined && { replicas: options.replicas }),
      selector: { matchLabels: { app: 'web' } },
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: options.containers ?? [
            {
              name: 'web',
              image: options.image ?? 'nginx:1.25',
              args: ['--port', '8080'],
              imagePullPolicy: 'IfNotPresent',
              ports: [{ containerPort: 8080, protocol: 'TCP' }],
              resources: { limits: { memory: '1Gi', cpu: '1' } },
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: { availableReplicas: 2, observedGeneration: 4, replicas: 2 },
  };
}

function container(name: string, image: string): Record<string, unknown> {
  return { name, image };
}

describe('compareDeclared: in sync', () => {
  it('reports nothing when the trail adds only server defaults', () => {
    expect(
      compareDeclared(declaredDeployment({ replicas: 2 }), trail(liveDeployment({ replicas: 2 }))),
    ).toEqual([]);
  });

  it('reports nothing when the declaration and the object are the same data', () => {
    const object = trail(liveDeployment({ replicas: 2 }));
    expect(compareDeclared(structuredClone(object), object)).toEqual([]);
  });

  it('ignores identity: apiVersion, kind, name and namespace', () => {
    const declared = {
      ...declaredDeployment(),
      apiVersion: 'extensions/v1beta1',
      metadata: { name: 'other', namespace: 'elsewhere', labels: { app: 'web', team: 'shop' } },
    };
    expect(compareDeclared(declared, trail(liveDeployment()))).toEqual([]);
  });

  it('ignores declared status and server-written metadata', () => {
    const declared = declaredDeployment();
    declared['status'] = { replicas: 9 };
    const metadata = declared['metadata'] as Record<string, unknown>;
    metadata['uid'] = 'abc';
    metadata['resourceVersion'] = '1';
    metadata['generation'] = 7;
    metadata['managedFields'] = [{ manager: 'terraform', operation: 'Apply' }];
    metadata['creationTimestamp'] = '2020-01-01T00:00:00Z';
    expect(compareDeclared(declared, trail(liveDeployment()))).toEqual([]);
  });

  it('does not change its inputs', () => {
    const declared = declaredDeployment({ image: 'nginx:1.26', replicas: 3 });
    const object = trail(liveDeployment());
    const before = structuredClone({ declared, object });
    compareDeclared(declared, object);
    expect({ declared, object }).toEqual(before);
  });
});

describe('compareDeclared: named lists', () => {
  it('reports a changed image in a named container', () => {
    expect(
      compareDeclared(declaredDeployment({ image: 'nginx:1.26' }), trail(liveDeployment())),
    ).toEqual([
      {
        attribute: 'spec.template.spec.containers[web].image',
        state: 'nginx:1.26',
        cloud: 'nginx:1.25',
      },
    ]);
  });

  it('matches containers by name, not position', () => {
    const declared = declaredDeployment({
      containers: [container('web', 'nginx:1.25'), container('proxy', 'envoy:1.30')],
    });
    const live = liveDeployment({
      containers: [container('proxy', 'envoy:1.31'), container('web', 'nginx:1.25')],
    });
    expect(compareDeclared(declared, trail(live))).toEqual([
      {
        attribute: 'spec.template.spec.containers[proxy].image',
        state: 'envoy:1.30',
        cloud: 'envoy:1.31',
      },
    ]);
  });

  it('reports a declared container the object lacks, with cloud null', () => {
    const sidecar = container('proxy', 'envoy:1.30');
    const declared = declaredDeployment({ containers: [container('web', 'nginx:1.25'), sidecar] });
    const live = liveDeployment({ containers: [container('web', 'nginx:1.25')] });
    expect(compareDeclared(declared, trail(live))).toEqual([
      { attribute: 'spec.template.spec.containers[proxy]', state: sidecar, cloud: null },
    ]);
  });

  it('ignores a live container the declaration does not name', () => {
    const declared = declaredDeployment({ containers: [container('web', 'nginx:1.25')] });
    const live = liveDeployment({
      containers: [container('istio-proxy', 'istio/proxyv2:1.22'), container('web', 'nginx:1.25')],
    });
    expect(compareDeclared(declared, trail(live))).toEqual([]);
  });

  it('matches env entries by name', () => {
    const env = (value: string) => [
      { name: 'MODE', value: 'prod' },
      { name: 'LEVEL', value },
    ];
    const declared = declaredDeployment({
      containers: [{ ...container('web', 'nginx:1.25'), env: env('info') }],
    });
    const live = liveDeployment({
      containers: [{ ...container('web', 'nginx:1.25'), env: [...env('debug')].reverse() }],
    });
    expect(compareDeclared(declared, trail(live))).toEqual([
      {
        attribute: 'spec.template.spec.containers[web].env[LEVEL].value',
        state: 'info',
        cloud: 'debug',
      },
    ]);
  });
});

describe('compareDeclared: labels and maps', () => {
  it('reports a removed label with cloud null', () => {
    const declared = declaredDeployment({ labels: { app: 'web', team: 'shop' } });
    const live = liveDeployment({ labels: { app: 'web' } });
    expect(compareDeclared(declared, trail(live))).toEqual([
      { attribute: 'metadata.labels.team', state: 'shop', cloud: null },
    ]);
  });

  it('reports the whole map with cloud null when the object has no labels left', () => {
    const declared = declaredDeployment({ labels: { team: 'shop' } });
    const live = liveDeployment();
    delete (live['metadata'] as Record<string, unknown>)['labels'];
    expect(compareDeclared(declared, trail(live))).toEqual([
      { attribute: 'metadata.labels', state: { team: 'shop' }, cloud: null },
    ]);
  });

  it('reports a changed label value', () => {
    const declared = declaredDeployment({ labels: { app: 'web', team: 'shop' } });
    const live = liveDeployment({ labels: { app: 'web', team: 'payments' } });
    expect(compareDeclared(declared, trail(live))).toEqual([
      { attribute: 'metadata.labels.team', state: 'shop', cloud: 'payments' },
    ]);
  });

  it('ignores live labels and annotations the declaration does not set', () => {
    const declared = declaredDeployment({ labels: { app: 'web' } });
    const live = liveDeployment({
      labels: { app: 'web', team: 'shop', 'app.kubernetes.io/version': '1.2.3' },
    });
    (live['metadata'] as Record<string, unknown>)['annotations'] = {
      'meta.helm.sh/release-name': 'web',
    };
    expect(compareDeclared(declared, trail(live))).toEqual([]);
  });

  it('treats an empty declared map or list as nothing, when the object has none', () => {
    const declared = declaredDeployment();
    const metadata = declared['metadata'] as Record<string, unknown>;
    metadata['annotations'] = {};
    const template = (declared['spec'] as Record<string, Record<string, unknown>>)['template'];
    (template?.['spec'] as Record<string, unknown>)['volumes'] = [];
    (template?.['spec'] as Record<string, unknown>)['nodeSelector'] = {};
    const object = trail(liveDeployment());
    expect(object.metadata.annotations).toBeUndefined();
    expect(compareDeclared(declared, object)).toEqual([]);
  });

  it('treats an empty declared ConfigMap data as nothing', () => {
    const declared = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app', namespace: 'shop' },
      data: {},
    };
    const object = trail({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' } });
    expect(compareDeclared(declared, object)).toEqual([]);
  });

  it('reports a declared scalar field the object lacks, with cloud null', () => {
    const declared = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app', namespace: 'shop' },
      data: { mode: 'prod', level: 'info' },
    };
    const object = trail({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app', namespace: 'shop' },
      data: { mode: 'prod' },
    });
    expect(compareDeclared(declared, object)).toEqual([
      { attribute: 'data.level', state: 'info', cloud: null },
    ]);
  });

  it('reports a map declared where the object holds a scalar', () => {
    const declared = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app' },
      data: { nested: { a: '1' } },
    };
    const object = trail({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app' },
      data: { nested: 'a=1' },
    });
    expect(compareDeclared(declared, object)).toEqual([
      { attribute: 'data.nested', state: { a: '1' }, cloud: 'a=1' },
    ]);
  });
});

describe('compareDeclared: fields the trail never holds', () => {
  function service(spec: Record<string, unknown>): Record<string, unknown> {
    return {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop' },
      spec,
    };
  }
  const ports = [{ name: 'http', port: 80, targetPort: 8080 }];

  it('treats a declared clusterIP as unknown (cleaning drops allocated addresses)', () => {
    const declared = service({
      clusterIP: '10.100.12.7',
      clusterIPs: ['10.100.12.7'],
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
      ports,
      selector: { app: 'web' },
    });
    const live = service({
      clusterIP: '10.100.200.1',
      clusterIPs: ['10.100.200.1'],
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
      ports: [{ ...ports[0], protocol: 'TCP' }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    const object = trail(live);
    expect(object['spec']).not.toHaveProperty('clusterIP');
    expect(compareDeclared(declared, object)).toEqual([]);
  });

  it('still reports a headless Service that lost its clusterIP None (cleaning keeps it)', () => {
    const declared = service({ clusterIP: 'None', ports, selector: { app: 'web' } });
    const object = trail(service({ clusterIP: '10.100.200.1', ports, selector: { app: 'web' } }));
    expect(compareDeclared(declared, object)).toEqual([
      { attribute: 'spec.clusterIP', state: 'None', cloud: null },
    ]);
  });

  it('still compares the rest of a Service whose clusterIP is unknown', () => {
    const declared = service({ clusterIP: '10.100.12.7', ports, selector: { app: 'web' } });
    const object = trail(service({ clusterIP: '10.100.12.7', ports, selector: { app: 'api' } }));
    expect(compareDeclared(declared, object)).toEqual([
      { attribute: 'spec.selector.app', state: 'web', cloud: 'api' },
    ]);
  });

  function webhookConfiguration(clientConfig: Record<string, unknown>): Record<string, unknown> {
    return {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: 'policy' },
      webhooks: [
        {
          name: 'validate.policy.example.com',
          admissionReviewVersions: ['v1'],
          sideEffects: 'None',
          clientConfig,
        },
      ],
    };
  }

  it('treats a declared webhook caBundle as unknown', () => {
    const declared = webhookConfiguration({
      caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t',
      service: { name: 'policy', namespace: 'policy-system', path: '/validate' },
    });
    const live = webhookConfiguration({
      caBundle: 'LS0tLS1CRUdJTiBPVEhFUi0tLS0t',
      service: { name: 'policy', namespace: 'policy-system', path: '/validate', port: 443 },
    });
    expect(compareDeclared(declared, trail(live))).toEqual([]);
  });

  it('still reports other webhook changes next to an unknown caBundle', () => {
    const declared = webhookConfiguration({
      caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t',
      service: { name: 'policy', namespace: 'policy-system', path: '/validate' },
    });
    const live = webhookConfiguration({
      caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t',
      service: { name: 'policy', namespace: 'policy-system', path: '/check' },
    });
    expect(compareDeclared(declared, trail(live))).toEqual([
      {
        attribute: 'webhooks[validate.policy.example.com].clientConfig.service.path',
        state: '/validate',
        cloud: '/check',
      },
    ]);
  });

  it('treats declared replicas as unknown when the trail holds none (an autoscaler owns them)', () => {
    const object = trail(liveDeployment());
    expect(object['spec']).not.toHaveProperty('replicas');
    expect(compareDeclared(declaredDeployment({ replicas: 3 }), object)).toEqual([]);
  });

  it('reports replicas that differ', () => {
    expect(
      compareDeclared(declaredDeployment({ replicas: 3 }), trail(liveDeployment({ replicas: 2 }))),
    ).toEqual([{ attribute: 'spec.replicas', state: 3, cloud: 2 }]);
  });

  it('treats the last-applied annotation as unknown', () => {
    const declared = declaredDeployment();
    (declared['metadata'] as Record<string, unknown>)['annotations'] = {
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}',
      owner: 'shop',
    };
    const live = liveDeployment();
    (live['metadata'] as Record<string, unknown>)['annotations'] = {
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment","x":1}',
      owner: 'shop',
    };
    expect(compareDeclared(declared, trail(live))).toEqual([]);
  });

  it('treats the last-applied annotation as unknown when it is the only one declared', () => {
    const declared = declaredDeployment();
    (declared['metadata'] as Record<string, unknown>)['annotations'] = {
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}',
    };
    // The object keeps annotations other managers set: the declared one is still unknown.
    const live = liveDeployment();
    (live['metadata'] as Record<string, unknown>)['annotations'] = {
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}',
      'meta.helm.sh/release-name': 'web',
    };
    expect(compareDeclared(declared, trail(live))).toEqual([]);
    // And when the object has no annotations left at all.
    expect(compareDeclared(declared, trail(liveDeployment()))).toEqual([]);
  });

  it("treats a ServiceAccount's token secrets as unknown", () => {
    const account = (secrets: Record<string, unknown>[]) => ({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'builder', namespace: 'ci' },
      secrets,
    });
    const declared = account([{ name: 'builder-token-x7k2p' }]);
    const object = trail(account([{ name: 'builder-token-x7k2p' }, { name: 'registry' }]));
    expect(object['secrets']).toEqual([{ name: 'registry' }]);
    expect(compareDeclared(declared, object)).toEqual([]);
  });
});

describe('compareDeclared: values alike as the API reads them', () => {
  it('compares quantities by value', () => {
    const declared = declaredDeployment({
      containers: [
        {
          ...container('web', 'nginx:1.25'),
          resources: {
            limits: { memory: '1024Mi', cpu: '1000m' },
            requests: { memory: '0.5Gi', cpu: '0.5' },
          },
        },
      ],
    });
    const live = liveDeployment({
      containers: [
        {
          ...container('web', 'nginx:1.25'),
          resources: {
            limits: { memory: '1Gi', cpu: '1' },
            requests: { memory: '512Mi', cpu: '500m' },
          },
        },
      ],
    });
    expect(compareDeclared(declared, trail(live))).toEqual([]);
  });

  it('reports quantities that differ in value', () => {
    const declared = declaredDeployment({
      containers: [{ ...container('web', 'nginx:1.25'), resources: { limits: { memory: '1G' } } }],
    });
    const live = liveDeployment({
      containers: [{ ...container('web', 'nginx:1.25'), resources: { limits: { memory: '1Gi' } } }],
    });
    expect(compareDeclared(declared, trail(live))).toEqual([
      {
        attribute: 'spec.template.spec.containers[web].resources.limits.memory',
        state: '1G',
        cloud: '1Gi',
      },
    ]);
  });

  it('compares numbers and numeric strings alike', () => {
    const declared = declaredDeployment({
      containers: [
        { ...container('web', 'nginx:1.25'), ports: [{ name: 'http', containerPort: '8080' }] },
      ],
    });
    const live = liveDeployment({
      containers: [
        {
          ...container('web', 'nginx:1.25'),
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        },
      ],
    });
    expect(compareDeclared(declared, trail(live))).toEqual([]);
    const service = (targetPort: unknown) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { ports: [{ name: 'http', port: 80, targetPort }] },
    });
    expect(compareDeclared(service(8080), trail(service('8080')))).toEqual([]);
    expect(compareDeclared(service('8080'), trail(service(8081)))).toEqual([
      { attribute: 'spec.ports[http].targetPort', state: '8080', cloud: 8081 },
    ]);
  });

  it('compares booleans and their strings alike', () => {
    const declared = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app' },
      immutable: 'true',
    };
    const object = trail({ ...declared, immutable: true });
    expect(compareDeclared(declared, object)).toEqual([]);
    expect(compareDeclared(declared, { ...object, immutable: false })).toEqual([
      { attribute: 'immutable', state: 'true', cloud: false },
    ]);
  });
});

describe('compareDeclared: masked and fingerprinted values', () => {
  function secret(data: Record<string, unknown>, labels?: Record<string, string>): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'shop', ...(labels && { labels }) },
      type: 'Opaque',
      data,
    };
  }

  it('never compares nor shows a (sensitive) value', () => {
    const declared = secret({ password: SENSITIVE, user: SENSITIVE, extra: SENSITIVE });
    const object = secret({ password: FINGERPRINT, user: 'plain-but-different' });
    const changes = compareDeclared(declared, object);
    expect(changes).toEqual([]);
    expect(JSON.stringify(changes)).not.toContain(SENSITIVE);
  });

  it('compares the rest of a Secret whose values are masked', () => {
    const declared = secret({ password: SENSITIVE }, { app: 'db' });
    const object = secret({ password: FINGERPRINT }, { app: 'database' });
    expect(compareDeclared(declared, object)).toEqual([
      { attribute: 'metadata.labels.app', state: 'db', cloud: 'database' },
    ]);
  });

  it('never shows (sensitive), even where a change is reported next to it', () => {
    // As state gives it: `secret` is a secret name at any depth, so the volume's source is masked.
    const manifest = maskAttributes({
      manifest: declaredDeployment({
        image: 'nginx:1.26',
        containers: [
          {
            ...container('web', 'nginx:1.26'),
            args: ['--token', SENSITIVE],
            env: [
              { name: 'MODE', value: 'prod' },
              { name: 'API_KEY', value: SENSITIVE },
            ],
          },
        ],
      }),
    })['manifest'] as Record<string, unknown>;
    const template = (manifest['spec'] as Record<string, Record<string, unknown>>)['template'];
    (template?.['spec'] as Record<string, unknown>)['volumes'] = maskAttributes({
      volumes: [{ name: 'certs', secret: { secretName: 'web-tls' } }],
    })['volumes'];
    expect(JSON.stringify(manifest)).toContain(SENSITIVE);

    const live = liveDeployment({
      containers: [
        {
          ...container('web', 'nginx:1.25'),
          args: ['--token', 'abc', '--verbose'],
          env: [{ name: 'MODE', value: 'dev' }],
        },
      ],
    });
    const liveTemplate = (live['spec'] as Record<string, Record<string, unknown>>)['template'];
    (liveTemplate?.['spec'] as Record<string, unknown>)['volumes'] = [
      { name: 'certs', secret: { secretName: 'other-tls', defaultMode: 420 } },
    ];

    const changes = compareDeclared(manifest, trail(live));
    expect(JSON.stringify(changes)).not.toContain(SENSITIVE);
    // A masked value elsewhere in the spec hides neither the image nor the env value.
    expect(changes).toEqual([
      {
        attribute: 'spec.template.spec.containers[web].env[MODE].value',
        state: 'prod',
        cloud: 'dev',
      },
      {
        attribute: 'spec.template.spec.containers[web].image',
        state: 'nginx:1.26',
        cloud: 'nginx:1.25',
      },
    ]);
  });

  it('never reports a masked value whose field the object lacks', () => {
    const declared = declaredDeployment({
      containers: [{ ...container('web', 'nginx:1.25'), command: [SENSITIVE] }],
    });
    const changes = compareDeclared(declared, trail(liveDeployment()));
    expect(changes).toEqual([]);
    expect(JSON.stringify(changes)).not.toContain(SENSITIVE);
  });

  it('never compares a value the trail holds as a fingerprint or redacted', () => {
    const configMap = (data: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app', namespace: 'shop' },
      data,
    });
    const declared = configMap({ 'db-password': 'hunter2', token: 'abc', mode: 'prod' });
    const object = trail(configMap({ 'db-password': FINGERPRINT, token: REDACTED, mode: 'prod' }));
    expect(compareDeclared(declared, object)).toEqual([]);
    expect(
      compareDeclared({ ...declared, data: { 'db-password': 'hunter2', mode: 'dev' } }, object),
    ).toEqual([{ attribute: 'data.mode', state: 'dev', cloud: 'prod' }]);
  });
});

describe('compareDeclared: unnamed lists', () => {
  function ingress(hosts: string[]): Record<string, unknown> {
    return {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        rules: hosts.map((host) => ({
          host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'web', port: { number: 80 } } },
              },
            ],
          },
        })),
      },
    };
  }

  it('compares a list of unnamed objects item by item', () => {
    expect(
      compareDeclared(
        ingress(['a.example.com', 'b.example.com']),
        trail(ingress(['a.example.com', 'c.example.com'])),
      ),
    ).toEqual([
      { attribute: 'spec.rules[1].host', state: 'b.example.com', cloud: 'c.example.com' },
    ]);
  });

  it('ignores defaults the server added inside unnamed items', () => {
    const declared = declaredDeployment();
    const live = liveDeployment();
    const tolerations = [
      { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' },
    ];
    const spec = (o: Record<string, unknown>) =>
      (o['spec'] as Record<string, Record<string, Record<string, unknown>>>)['template']?.[
        'spec'
      ] as Record<string, unknown>;
    spec(declared)['tolerations'] = tolerations.map(({ effect: _effect, ...rest }) => rest);
    spec(live)['tolerations'] = tolerations;
    expect(compareDeclared(declared, trail(live))).toEqual([]);
  });

  it('reports the whole list when unnamed items differ in number', () => {
    const declared = ingress(['a.example.com']);
    const object = trail(ingress(['a.example.com', 'b.example.com']));
    const changes = compareDeclared(declared, object);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.attribute).toBe('spec.rules');
    expect(changes[0]?.cloud).toEqual((object['spec'] as Record<string, unknown>)['rules']);
  });

  it('reports a reordered scalar list (args order matters)', () => {
    const declared = declaredDeployment({
      containers: [{ ...container('web', 'nginx:1.25'), args: ['--port', '8080', '--verbose'] }],
    });
    const live = liveDeployment({
      containers: [{ ...container('web', 'nginx:1.25'), args: ['--verbose', '--port', '8080'] }],
    });
    expect(compareDeclared(declared, trail(live))).toEqual([
      {
        attribute: 'spec.template.spec.containers[web].args',
        state: ['--port', '8080', '--verbose'],
        cloud: ['--verbose', '--port', '8080'],
      },
    ]);
  });

  it('compares scalar list items as the API reads them', () => {
    const declared = declaredDeployment({
      containers: [{ ...container('web', 'nginx:1.25'), args: ['--port', 8080] }],
    });
    const live = liveDeployment({
      containers: [{ ...container('web', 'nginx:1.25'), args: ['--port', '8080'] }],
    });
    expect(compareDeclared(declared, trail(live))).toEqual([]);
  });

  it('reports a list declared where the object holds something else', () => {
    const declared = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app' },
      data: { hosts: ['a', 'b'] },
    };
    const object = trail({ ...declared, data: { hosts: 'a,b' } });
    expect(compareDeclared(declared, object)).toEqual([
      { attribute: 'data.hosts', state: ['a', 'b'], cloud: 'a,b' },
    ]);
  });
});

describe('compareDeclared: quantities only where the API holds quantities', () => {
  it('keeps "1.10" and "1.1" apart in a ConfigMap, and 5k apart from 5000 in an env value', () => {
    const declared = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'versions', namespace: 'shop' },
      data: { api: '1.10', limit: '5k' },
    };
    const object = trail({ ...declared, data: { api: '1.1', limit: '5000' } });
    expect(compareDeclared(declared, object)).toEqual([
      { attribute: 'data.api', state: '1.10', cloud: '1.1' },
      { attribute: 'data.limit', state: '5k', cloud: '5000' },
    ]);
  });

  it('compares a quota and a claim by value', () => {
    const quota = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'q', namespace: 'shop' },
      spec: { hard: { 'requests.memory': '2048Mi', pods: '10' } },
    };
    expect(
      compareDeclared(
        quota,
        trail({ ...quota, spec: { hard: { 'requests.memory': '2Gi', pods: '10' } } }),
      ),
    ).toEqual([]);
  });
});
