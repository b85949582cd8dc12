import { describe, expect, it } from 'vitest';
import { computeDrift } from '../../../../lib/drift/engine.js';
import type { DriftChange } from '../../../../lib/drift/schema.js';
import type { KubeObject, KubeRecord } from '../../../../lib/model/kube.js';
import { kubePath } from '../../../../lib/snapshot/kube/path.js';
import { toKubeRecord } from '../../../../lib/sources/k8s/record.js';
import { SENSITIVE, type StateInstance } from '../../../../lib/terraform/state-instance.js';

/**
 * Every typed family of the hashicorp/kubernetes provider, plus kubectl_manifest and the patch
 * types, against the trail. Each case holds a state instance's attributes as the provider (v2)
 * writes them after a refresh (nested blocks as lists of one, snake_case, numbers the provider
 * keeps as strings as strings) and the live object as the API server returns it (with its
 * defaults and server-written metadata), which goes through the exporter (`toKubeRecord`: secret
 * fingerprints, then cleaning) to become what the trail holds.
 */

const NOW = new Date('2026-11-22T10:00:00Z');
const SCOPES = [{ scope: 'k8s/prod', complete: true }];
const HMAC_KEY = new TextEncoder().encode('typed-test-hmac-key-0123456789ab');
const UID = '6b1f2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d';

type Json = Record<string, unknown>;
type Edit = (object: Json) => void;

interface Case {
  readonly type: string;
  /** The report's id for the object. */
  readonly id: string;
  readonly attributes: Json;
  /** The object as the API server returns it. */
  readonly live: Json;
  /** Patch types compare their own fields but never make the object managed. */
  readonly patch?: boolean;
  readonly drift: { readonly edit: Edit; readonly changes: readonly DriftChange[] };
}

// --- State side: what the provider writes ---------------------------------------------------

function tfMeta(
  name: string,
  namespace?: string,
  fields: { labels?: Json; annotations?: Json; generation?: number } = {},
): Json[] {
  return [
    {
      annotations: fields.annotations ?? {},
      generate_name: '',
      generation: fields.generation ?? 1,
      labels: fields.labels ?? {},
      name,
      ...(namespace === undefined ? {} : { namespace }),
      resource_version: '48211',
      uid: UID,
    },
  ];
}

/** A pod template's metadata block: the provider writes every field, empty ones blank. */
function tfTemplateMeta(labels: Json): Json[] {
  return [
    {
      annotations: {},
      generate_name: '',
      generation: 0,
      labels,
      name: '',
      namespace: '',
      resource_version: '',
      uid: '',
    },
  ];
}

function tfContainer(name: string, image: string, extra: Json = {}): Json {
  return {
    args: [],
    command: [],
    env: [],
    env_from: [],
    image,
    image_pull_policy: 'IfNotPresent',
    lifecycle: [],
    liveness_probe: [],
    name,
    port: [],
    readiness_probe: [],
    resources: [{ limits: {}, requests: {} }],
    security_context: [],
    startup_probe: [],
    stdin: false,
    stdin_once: false,
    termination_message_path: '/dev/termination-log',
    termination_message_policy: 'File',
    tty: false,
    volume_mount: [],
    working_dir: '',
    ...extra,
  };
}

function tfPodSpec(containers: Json[], extra: Json = {}): Json[] {
  return [
    {
      active_deadline_seconds: 0,
      affinity: [],
      automount_service_account_token: true,
      container: containers,
      dns_config: [],
      dns_policy: 'ClusterFirst',
      enable_service_links: true,
      host_aliases: [],
      host_ipc: false,
      host_network: false,
      host_pid: false,
      hostname: '',
      image_pull_secrets: [],
      init_container: [],
      node_name: '',
      node_selector: {},
      os: [],
      priority_class_name: '',
      readiness_gate: [],
      restart_policy: 'Always',
      runtime_class_name: '',
      scheduler_name: 'default-scheduler',
      security_context: [],
      service_account_name: '',
      share_process_namespace: false,
      subdomain: '',
      termination_grace_period_seconds: 30,
      toleration: [],
      topology_spread_constraint: [],
      volume: [],
      ...extra,
    },
  ];
}

const tfSelector = (labels: Json): Json[] => [{ match_expressions: [], match_labels: labels }];

// --- Cloud side: what the API server returns ------------------------------------------------

function objectMeta(name: string, namespace?: string, fields: Json = {}): Json {
  return {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    uid: UID,
    resourceVersion: '48211',
    generation: 1,
    creationTimestamp: '2025-03-04T09:12:44Z',
    managedFields: [
      {
        manager: 'HashiCorp',
        operation: 'Update',
        apiVersion: 'v1',
        time: '2025-03-04T09:12:44Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {},
      },
    ],
    ...fields,
  };
}

function liveContainer(name: string, image: string, extra: Json = {}): Json {
  return {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...extra,
  };
}

function livePodSpec(containers: Json[], extra: Json = {}): Json {
  return {
    containers,
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    ...extra,
  };
}

/** The edit someone made by hand: sets `value` at `path` (keys and list indexes). */
function set(path: readonly (string | number)[], value: unknown): Edit {
  return (object) => {
    let node: unknown = object;
    for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
    (node as Record<string | number, unknown>)[path[path.length - 1] as string | number] = value;
  };
}

// --- The cases ------------------------------------------------------------------------------

function deploymentCase(): Case {
  const labels = { app: 'web' };
  return {
    type: 'kubernetes_deployment_v1',
    id: 'web/app',
    attributes: {
      id: 'web/app',
      metadata: tfMeta('app', 'web', { labels: { app: 'web', team: 'shop' }, generation: 4 }),
      spec: [
        {
          min_ready_seconds: 0,
          paused: false,
          progress_deadline_seconds: 600,
          replicas: '3',
          revision_history_limit: 10,
          selector: tfSelector(labels),
          strategy: [
            {
              rolling_update: [{ max_surge: '25%', max_unavailable: '25%' }],
              type: 'RollingUpdate',
            },
          ],
          template: [
            {
              metadata: tfTemplateMeta(labels),
              spec: tfPodSpec(
                [
                  tfContainer('web', 'nginx:1.25', {
                    env: [{ name: 'MODE', value: 'prod', value_from: [] }],
                    port: [
                      {
                        container_port: 8080,
                        host_ip: '',
                        host_port: 0,
                        name: '',
                        protocol: 'TCP',
                      },
                    ],
                    resources: [{ limits: { memory: '256Mi' }, requests: { cpu: '100m' } }],
                  }),
                ],
                { service_account_name: 'app' },
              ),
            },
          ],
        },
      ],
      timeouts: null,
      wait_for_rollout: true,
    },
    live: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: objectMeta('app', 'web', {
        generation: 4,
        labels: { app: 'web', team: 'shop' },
        annotations: { 'deployment.kubernetes.io/revision': '4' },
      }),
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 3,
        revisionHistoryLimit: 10,
        selector: { matchLabels: labels },
        strategy: {
          rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
          type: 'RollingUpdate',
        },
        template: {
          metadata: { creationTimestamp: null, labels },
          spec: livePodSpec(
            [
              liveContainer('web', 'nginx:1.25', {
                env: [{ name: 'MODE', value: 'prod' }],
                ports: [{ containerPort: 8080, protocol: 'TCP' }],
                resources: { limits: { memory: '256Mi' }, requests: { cpu: '100m' } },
              }),
            ],
            { serviceAccount: 'app', serviceAccountName: 'app' },
          ),
        },
      },
      status: { availableReplicas: 3, observedGeneration: 4, readyReplicas: 3, replicas: 3 },
    },
    drift: {
      edit: set(['spec', 'replicas'], 5),
      changes: [{ attribute: 'spec.replicas', state: 3, cloud: 5 }],
    },
  };
}

function statefulSetCase(): Case {
  const labels = { app: 'db' };
  return {
    type: 'kubernetes_stateful_set_v1',
    id: 'web/db',
    attributes: {
      id: 'web/db',
      metadata: tfMeta('db', 'web', { labels }),
      spec: [
        {
          min_ready_seconds: 0,
          persistent_volume_claim_retention_policy: [
            { when_deleted: 'Retain', when_scaled: 'Retain' },
          ],
          pod_management_policy: 'OrderedReady',
          replicas: '2',
          revision_history_limit: 10,
          selector: tfSelector(labels),
          service_name: 'db',
          template: [
            {
              metadata: tfTemplateMeta(labels),
              spec: tfPodSpec([
                tfContainer('postgres', 'postgres:16.2', {
                  volume_mount: [
                    {
                      mount_path: '/var/lib/postgresql/data',
                      mount_propagation: 'None',
                      name: 'data',
                      read_only: false,
                      sub_path: '',
                    },
                  ],
                }),
              ]),
            },
          ],
          update_strategy: [{ rolling_update: [{ partition: 0 }], type: 'RollingUpdate' }],
          volume_claim_template: [
            {
              metadata: tfTemplateMeta({}),
              spec: [
                {
                  access_modes: ['ReadWriteOnce'],
                  resources: [{ limits: {}, requests: { storage: '20Gi' } }],
                  selector: [],
                  storage_class_name: 'gp3',
                  volume_mode: 'Filesystem',
                  volume_name: '',
                },
              ],
            },
          ],
        },
      ],
      timeouts: null,
      wait_for_rollout: true,
    },
    live: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: objectMeta('db', 'web', { labels }),
      spec: {
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        podManagementPolicy: 'OrderedReady',
        replicas: 2,
        revisionHistoryLimit: 10,
        selector: { matchLabels: labels },
        serviceName: 'db',
        template: {
          metadata: { creationTimestamp: null, labels },
          spec: livePodSpec([
            liveContainer('postgres', 'postgres:16.2', {
              volumeMounts: [{ mountPath: '/var/lib/postgresql/data', name: 'data' }],
            }),
          ]),
        },
        updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
        volumeClaimTemplates: [
          {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            metadata: { creationTimestamp: null, name: 'data' },
            spec: {
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: '20Gi' } },
              storageClassName: 'gp3',
              volumeMode: 'Filesystem',
            },
            status: { phase: 'Pending' },
          },
        ],
      },
      status: { availableReplicas: 2, replicas: 2, currentRevision: 'db-7c9d8f' },
    },
    drift: {
      edit: set(['spec', 'template', 'spec', 'containers', 0, 'image'], 'postgres:16.3'),
      changes: [
        {
          attribute: 'spec.template.spec.container.image.postgres',
          state: 'postgres:16.2',
          cloud: 'postgres:16.3',
        },
      ],
    },
  };
}

function daemonSetCase(type: string): Case {
  const labels = { app: 'node-agent' };
  return {
    type,
    id: 'kube-system/node-agent',
    attributes: {
      id: 'kube-system/node-agent',
      metadata: tfMeta('node-agent', 'kube-system', { labels }),
      spec: [
        {
          min_ready_seconds: 0,
          revision_history_limit: 10,
          selector: tfSelector(labels),
          strategy: [{ rolling_update: [{ max_unavailable: '1' }], type: 'RollingUpdate' }],
          template: [
            {
              metadata: tfTemplateMeta(labels),
              spec: tfPodSpec([tfContainer('agent', 'example/agent:3.1')], {
                init_container: [tfContainer('setup', 'example/agent-init:3.1')],
                service_account_name: 'node-agent',
                toleration: [
                  { effect: '', key: '', operator: 'Exists', toleration_seconds: '', value: '' },
                ],
              }),
            },
          ],
        },
      ],
      timeouts: null,
      wait_for_rollout: true,
    },
    live: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: objectMeta('node-agent', 'kube-system', {
        labels,
        annotations: { 'deprecated.daemonset.template.generation': '1' },
      }),
      spec: {
        revisionHistoryLimit: 10,
        selector: { matchLabels: labels },
        template: {
          metadata: { creationTimestamp: null, labels },
          spec: livePodSpec([liveContainer('agent', 'example/agent:3.1')], {
            initContainers: [liveContainer('setup', 'example/agent-init:3.1')],
            serviceAccount: 'node-agent',
            serviceAccountName: 'node-agent',
            tolerations: [{ operator: 'Exists' }],
          }),
        },
        updateStrategy: {
          rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
          type: 'RollingUpdate',
        },
      },
      status: { currentNumberScheduled: 3, desiredNumberScheduled: 3, numberReady: 3 },
    },
    drift: {
      edit: set(
        ['spec', 'template', 'spec', 'initContainers', 0, 'image'],
        'example/agent-init:3.2',
      ),
      changes: [
        {
          attribute: 'spec.template.spec.container.image.setup',
          state: 'example/agent-init:3.1',
          cloud: 'example/agent-init:3.2',
        },
      ],
    },
  };
}

function hpaCase(type: string, name: string): Case {
  const v2 = type.endsWith('_v2');
  return {
    type,
    id: `web/${name}`,
    attributes: {
      id: `web/${name}`,
      metadata: tfMeta(name, 'web'),
      spec: [
        {
          behavior: [],
          max_replicas: 10,
          ...(v2
            ? {
                metric: [
                  {
                    container_resource: [],
                    external: [],
                    object: [],
                    pods: [],
                    resource: [
                      {
                        name: 'cpu',
                        target: [
                          {
                            average_utilization: 70,
                            average_value: '',
                            type: 'Utilization',
                            value: '',
                          },
                        ],
                      },
                    ],
                    type: 'Resource',
                  },
                ],
              }
            : { target_cpu_utilization_percentage: 70 }),
          min_replicas: 2,
          scale_target_ref: [{ api_version: 'apps/v1', kind: 'Deployment', name }],
        },
      ],
    },
    // The trail lists HPAs at the preferred version, autoscaling/v2, whichever the state used.
    live: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: objectMeta(name, 'web'),
      spec: {
        maxReplicas: 10,
        metrics: [
          {
            resource: { name: 'cpu', target: { averageUtilization: 70, type: 'Utilization' } },
            type: 'Resource',
          },
        ],
        minReplicas: 2,
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      },
      status: { currentReplicas: 2, desiredReplicas: 2 },
    },
    drift: {
      edit: set(['spec', 'maxReplicas'], 20),
      changes: [{ attribute: 'spec.max_replicas', state: 10, cloud: 20 }],
    },
  };
}

function webhookCase(kind: 'Validating' | 'Mutating'): Case {
  const base = kind === 'Validating' ? 'validating' : 'mutating';
  const name = `${base}.policy.example.com`;
  const annotations = { 'cert-manager.io/inject-ca-from': 'policy/webhook-cert' };
  return {
    type: `kubernetes_${base}_webhook_configuration_v1`,
    id: name,
    attributes: {
      id: name,
      metadata: tfMeta(name, undefined, { annotations }),
      webhook: [
        {
          admission_review_versions: ['v1'],
          client_config: [
            {
              ca_bundle: '',
              service: [{ name: 'webhook', namespace: 'policy', path: '/validate', port: 443 }],
              url: '',
            },
          ],
          failure_policy: 'Fail',
          match_policy: 'Equivalent',
          name: `check.${name}`,
          namespace_selector: [],
          object_selector: [],
          ...(kind === 'Mutating' ? { reinvocation_policy: 'Never' } : {}),
          rule: [
            {
              api_groups: ['apps'],
              api_versions: ['v1'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['deployments'],
              scope: '*',
            },
          ],
          side_effects: 'None',
          timeout_seconds: 10,
        },
      ],
    },
    live: {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: `${kind}WebhookConfiguration`,
      metadata: objectMeta(name, undefined, { annotations }),
      webhooks: [
        {
          admissionReviewVersions: ['v1'],
          clientConfig: {
            caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM=',
            service: { name: 'webhook', namespace: 'policy', path: '/validate', port: 443 },
          },
          failurePolicy: 'Fail',
          matchPolicy: 'Equivalent',
          name: `check.${name}`,
          namespaceSelector: {},
          objectSelector: {},
          ...(kind === 'Mutating' ? { reinvocationPolicy: 'Never' } : {}),
          rules: [
            {
              apiGroups: ['apps'],
              apiVersions: ['v1'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['deployments'],
              scope: '*',
            },
          ],
          sideEffects: 'None',
          timeoutSeconds: 10,
        },
      ],
    },
    drift: {
      edit: set(['metadata', 'annotations', 'cert-manager.io/inject-ca-from'], 'policy/other-cert'),
      changes: [
        {
          attribute: 'metadata.annotations.cert-manager.io/inject-ca-from',
          state: 'policy/webhook-cert',
          cloud: 'policy/other-cert',
        },
      ],
    },
  };
}

function rbacRule(rule: Json): Json {
  return { api_groups: [], non_resource_urls: null, resource_names: null, ...rule };
}

const CASES: readonly Case[] = [
  {
    type: 'kubernetes_namespace_v1',
    id: 'web',
    attributes: {
      id: 'web',
      metadata: tfMeta('web', undefined, { labels: { team: 'shop' }, generation: 0 }),
      timeouts: null,
      wait_for_default_service_account: false,
    },
    live: {
      apiVersion: 'v1',
      kind: 'Namespace',
      // The API server labels every namespace with its own name.
      metadata: objectMeta('web', undefined, {
        labels: { 'kubernetes.io/metadata.name': 'web', team: 'shop' },
      }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
    drift: {
      edit: set(['metadata', 'labels', 'team'], 'payments'),
      changes: [{ attribute: 'metadata.labels.team', state: 'shop', cloud: 'payments' }],
    },
  },
  {
    type: 'kubernetes_config_map_v1',
    id: 'web/app',
    attributes: {
      id: 'web/app',
      binary_data: {},
      data: { MODE: 'prod', 'app.properties': 'cache=on\nworkers=4\n' },
      immutable: false,
      metadata: tfMeta('app', 'web', { labels: { app: 'web' } }),
    },
    live: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: objectMeta('app', 'web', { labels: { app: 'web' } }),
      data: { MODE: 'prod', 'app.properties': 'cache=on\nworkers=4\n' },
    },
    drift: {
      edit: set(['data', 'MODE'], 'debug'),
      changes: [{ attribute: 'data.MODE', state: 'prod', cloud: 'debug' }],
    },
  },
  {
    type: 'kubernetes_secret_v1',
    id: 'web/db',
    attributes: {
      id: 'web/db',
      // `data` and `binary_data` are sensitive in the provider's schema: masked when read.
      binary_data: SENSITIVE,
      data: SENSITIVE,
      immutable: false,
      metadata: tfMeta('db', 'web', { labels: { app: 'db' } }),
      type: 'Opaque',
      wait_for_service_account_token: true,
    },
    live: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: objectMeta('db', 'web', { labels: { app: 'db' } }),
      data: { password: Buffer.from('hunter2').toString('base64') },
      type: 'Opaque',
    },
    drift: {
      edit: set(['metadata', 'labels', 'app'], 'db-old'),
      changes: [{ attribute: 'metadata.labels.app', state: 'db', cloud: 'db-old' }],
    },
  },
  {
    type: 'kubernetes_service_account_v1',
    id: 'web/app',
    attributes: {
      id: 'web/app',
      automount_service_account_token: true,
      default_secret_name: '',
      image_pull_secret: [],
      metadata: tfMeta('app', 'web', {
        annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/app' },
      }),
      secret: [],
      timeouts: null,
    },
    live: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: objectMeta('app', 'web', {
        annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/app' },
      }),
      automountServiceAccountToken: true,
    },
    drift: {
      edit: set(
        ['metadata', 'annotations', 'eks.amazonaws.com/role-arn'],
        'arn:aws:iam::123456789012:role/admin',
      ),
      changes: [
        {
          attribute: 'metadata.annotations.eks.amazonaws.com/role-arn',
          state: 'arn:aws:iam::123456789012:role/app',
          cloud: 'arn:aws:iam::123456789012:role/admin',
        },
      ],
    },
  },
  {
    // The provider's resource for the namespace's own `default` service account.
    type: 'kubernetes_default_service_account_v1',
    id: 'web/default',
    attributes: {
      id: 'web/default',
      automount_service_account_token: false,
      default_secret_name: '',
      image_pull_secret: [{ name: 'registry' }],
      metadata: tfMeta('default', 'web', { labels: { team: 'shop' } }),
      secret: [],
      timeouts: null,
    },
    live: {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: objectMeta('default', 'web', { labels: { team: 'shop' } }),
      automountServiceAccountToken: false,
      imagePullSecrets: [{ name: 'registry' }],
    },
    drift: {
      edit: set(['metadata', 'labels', 'team'], 'ops'),
      changes: [{ attribute: 'metadata.labels.team', state: 'shop', cloud: 'ops' }],
    },
  },
  {
    type: 'kubernetes_service_v1',
    id: 'web/app',
    attributes: {
      id: 'web/app',
      metadata: tfMeta('app', 'web', { labels: { app: 'web' } }),
      spec: [
        {
          allocate_load_balancer_node_ports: true,
          cluster_ip: '10.100.12.34',
          cluster_ips: ['10.100.12.34'],
          external_ips: [],
          external_name: '',
          external_traffic_policy: '',
          health_check_node_port: 0,
          internal_traffic_policy: 'Cluster',
          ip_families: ['IPv4'],
          ip_family_policy: 'SingleStack',
          load_balancer_class: '',
          load_balancer_ip: '',
          load_balancer_source_ranges: [],
          port: [
            {
              app_protocol: '',
              name: 'http',
              node_port: 0,
              port: 80,
              protocol: 'TCP',
              target_port: '8080',
            },
          ],
          publish_not_ready_addresses: false,
          selector: { app: 'web' },
          session_affinity: 'None',
          session_affinity_config: [],
          type: 'ClusterIP',
        },
      ],
      status: [{ load_balancer: [{ ingress: [] }] }],
      timeouts: null,
      wait_for_load_balancer: true,
    },
    live: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: objectMeta('app', 'web', { labels: { app: 'web' } }),
      spec: {
        clusterIP: '10.100.12.34',
        clusterIPs: ['10.100.12.34'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
        selector: { app: 'web' },
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
    drift: {
      edit: set(['spec', 'ports', 0, 'targetPort'], 9090),
      changes: [
        {
          attribute: 'spec.port',
          state: [{ name: 'http', port: 80, protocol: 'TCP', target_port: '8080' }],
          cloud: [{ name: 'http', port: 80, protocol: 'TCP', target_port: '9090' }],
        },
      ],
    },
  },
  deploymentCase(),
  statefulSetCase(),
  daemonSetCase('kubernetes_daemon_set_v1'),
  daemonSetCase('kubernetes_daemonset'),
  {
    type: 'kubernetes_job_v1',
    id: 'web/migrate',
    attributes: {
      id: 'web/migrate',
      // A Job without labels takes its template's: the provider reads them back.
      metadata: tfMeta('migrate', 'web', { labels: { app: 'migrate' } }),
      spec: [
        {
          active_deadline_seconds: 0,
          backoff_limit: 6,
          completion_mode: 'NonIndexed',
          completions: 1,
          manual_selector: false,
          parallelism: 1,
          pod_failure_policy: [],
          selector: tfSelector({ 'batch.kubernetes.io/controller-uid': UID }),
          template: [
            {
              metadata: tfTemplateMeta({
                app: 'migrate',
                'batch.kubernetes.io/controller-uid': UID,
                'batch.kubernetes.io/job-name': 'migrate',
                'controller-uid': UID,
                'job-name': 'migrate',
              }),
              spec: tfPodSpec([tfContainer('migrate', 'example/migrate:1.4')], {
                restart_policy: 'Never',
              }),
            },
          ],
          ttl_seconds_after_finished: '',
        },
      ],
      timeouts: null,
      wait_for_completion: true,
    },
    live: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: objectMeta('migrate', 'web', { labels: { app: 'migrate' } }),
      spec: {
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        completions: 1,
        manualSelector: false,
        parallelism: 1,
        podReplacementPolicy: 'TerminatingOrFailed',
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': UID } },
        suspend: false,
        template: {
          metadata: {
            creationTimestamp: null,
            labels: {
              app: 'migrate',
              'batch.kubernetes.io/controller-uid': UID,
              'batch.kubernetes.io/job-name': 'migrate',
              'controller-uid': UID,
              'job-name': 'migrate',
            },
          },
          spec: livePodSpec([liveContainer('migrate', 'example/migrate:1.4')], {
            restartPolicy: 'Never',
          }),
        },
      },
      status: { succeeded: 1, completionTime: '2025-03-04T09:14:02Z' },
    },
    drift: {
      edit: set(['spec', 'template', 'spec', 'containers', 0, 'image'], 'example/migrate:1.5'),
      changes: [
        {
          attribute: 'spec.template.spec.container.image.migrate',
          state: 'example/migrate:1.4',
          cloud: 'example/migrate:1.5',
        },
      ],
    },
  },
  {
    type: 'kubernetes_cron_job_v1',
    id: 'web/report',
    attributes: {
      id: 'web/report',
      metadata: tfMeta('report', 'web'),
      spec: [
        {
          concurrency_policy: 'Forbid',
          failed_jobs_history_limit: 1,
          job_template: [
            {
              metadata: tfTemplateMeta({}),
              spec: [
                {
                  active_deadline_seconds: 0,
                  backoff_limit: 6,
                  completion_mode: 'NonIndexed',
                  completions: 1,
                  manual_selector: false,
                  parallelism: 1,
                  pod_failure_policy: [],
                  selector: [],
                  template: [
                    {
                      metadata: tfTemplateMeta({}),
                      spec: tfPodSpec([tfContainer('report', 'example/report:2.0')], {
                        restart_policy: 'OnFailure',
                      }),
                    },
                  ],
                  ttl_seconds_after_finished: '',
                },
              ],
            },
          ],
          schedule: '0 3 * * *',
          starting_deadline_seconds: 0,
          successful_jobs_history_limit: 3,
          suspend: false,
          timezone: '',
        },
      ],
    },
    live: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: objectMeta('report', 'web'),
      spec: {
        concurrencyPolicy: 'Forbid',
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          metadata: { creationTimestamp: null },
          spec: {
            template: {
              metadata: { creationTimestamp: null },
              spec: livePodSpec([liveContainer('report', 'example/report:2.0')], {
                restartPolicy: 'OnFailure',
              }),
            },
          },
        },
        schedule: '0 3 * * *',
        successfulJobsHistoryLimit: 3,
        suspend: false,
      },
      status: { lastScheduleTime: '2026-11-22T03:00:00Z' },
    },
    drift: {
      edit: set(['spec', 'suspend'], true),
      changes: [{ attribute: 'spec.suspend', state: false, cloud: true }],
    },
  },
  {
    type: 'kubernetes_ingress_v1',
    id: 'web/app',
    attributes: {
      id: 'web/app',
      // A `*kubernetes.io` key is in state when the configuration sets it.
      metadata: tfMeta('app', 'web', {
        annotations: {
          'alb.ingress.kubernetes.io/scheme': 'internet-facing',
          'alb.ingress.kubernetes.io/target-type': 'ip',
        },
      }),
      spec: [
        {
          default_backend: [],
          ingress_class_name: 'alb',
          rule: [
            {
              host: 'app.example.com',
              http: [
                {
                  path: [
                    {
                      backend: [
                        {
                          resource: [],
                          service: [{ name: 'app', port: [{ name: '', number: 80 }] }],
                        },
                      ],
                      path: '/',
                      path_type: 'Prefix',
                    },
                  ],
                },
              ],
            },
          ],
          tls: [],
        },
      ],
      status: [
        { load_balancer: [{ ingress: [{ hostname: 'k8s-web-app.elb.amazonaws.com', ip: '' }] }] },
      ],
      wait_for_load_balancer: false,
    },
    live: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: objectMeta('app', 'web', {
        annotations: {
          'alb.ingress.kubernetes.io/scheme': 'internet-facing',
          'alb.ingress.kubernetes.io/target-type': 'ip',
        },
        finalizers: ['ingress.k8s.aws/resources'],
      }),
      spec: {
        ingressClassName: 'alb',
        rules: [
          {
            host: 'app.example.com',
            http: {
              paths: [
                {
                  backend: { service: { name: 'app', port: { number: 80 } } },
                  path: '/',
                  pathType: 'Prefix',
                },
              ],
            },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ hostname: 'k8s-web-app.elb.amazonaws.com' }] } },
    },
    drift: {
      edit: set(['metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme'], 'internal'),
      changes: [
        {
          attribute: 'metadata.annotations.alb.ingress.kubernetes.io/scheme',
          state: 'internet-facing',
          cloud: 'internal',
        },
      ],
    },
  },
  {
    type: 'kubernetes_ingress_class_v1',
    id: 'alb',
    attributes: {
      id: 'alb',
      metadata: tfMeta('alb', undefined, { labels: { 'app.kubernetes.io/name': 'aws-lbc' } }),
      spec: [{ controller: 'ingress.k8s.aws/alb', parameters: [] }],
    },
    live: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: objectMeta('alb', undefined, { labels: { 'app.kubernetes.io/name': 'aws-lbc' } }),
      spec: { controller: 'ingress.k8s.aws/alb' },
    },
    drift: {
      edit: set(['metadata', 'labels', 'app.kubernetes.io/name'], 'other'),
      changes: [
        { attribute: 'metadata.labels.app.kubernetes.io/name', state: 'aws-lbc', cloud: 'other' },
      ],
    },
  },
  {
    type: 'kubernetes_network_policy_v1',
    id: 'web/allow-frontend',
    attributes: {
      id: 'web/allow-frontend',
      metadata: tfMeta('allow-frontend', 'web'),
      spec: [
        {
          egress: [],
          ingress: [
            {
              from: [
                {
                  ip_block: [],
                  namespace_selector: [],
                  pod_selector: tfSelector({ app: 'frontend' }),
                },
              ],
              ports: [{ end_port: 0, port: '8080', protocol: 'TCP' }],
            },
          ],
          pod_selector: tfSelector({ app: 'web' }),
          policy_types: ['Ingress'],
        },
      ],
    },
    live: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: objectMeta('allow-frontend', 'web'),
      spec: {
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { app: 'frontend' } } }],
            ports: [{ port: 8080, protocol: 'TCP' }],
          },
        ],
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Ingress'],
      },
    },
    drift: {
      edit: set(['spec', 'policyTypes'], ['Ingress', 'Egress']),
      changes: [{ attribute: 'spec.policy_types', state: [], cloud: ['Egress'] }],
    },
  },
  {
    type: 'kubernetes_role_v1',
    id: 'web/reader',
    attributes: {
      id: 'web/reader',
      metadata: tfMeta('reader', 'web'),
      rule: [
        {
          api_groups: [''],
          resource_names: [],
          resources: ['pods', 'pods/log'],
          verbs: ['get', 'list', 'watch'],
        },
      ],
    },
    live: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: objectMeta('reader', 'web'),
      rules: [
        { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
      ],
    },
    drift: {
      edit: set(['rules', 0, 'verbs'], ['get', 'list', 'watch', 'delete']),
      changes: [
        {
          attribute: 'rule',
          state: [
            rbacRule({
              api_groups: [''],
              resources: ['pods', 'pods/log'],
              verbs: ['get', 'list', 'watch'],
            }),
          ],
          cloud: [
            rbacRule({
              api_groups: [''],
              resources: ['pods', 'pods/log'],
              verbs: ['delete', 'get', 'list', 'watch'],
            }),
          ],
        },
      ],
    },
  },
  {
    type: 'kubernetes_cluster_role_v1',
    id: 'pod-reader',
    attributes: {
      id: 'pod-reader',
      aggregation_rule: [],
      metadata: tfMeta('pod-reader'),
      rule: [
        {
          api_groups: [''],
          non_resource_urls: [],
          resource_names: [],
          resources: ['pods'],
          verbs: ['get', 'list'],
        },
        {
          api_groups: [],
          non_resource_urls: ['/healthz'],
          resource_names: [],
          resources: [],
          verbs: ['get'],
        },
      ],
    },
    live: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: objectMeta('pod-reader'),
      rules: [
        { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
        { nonResourceURLs: ['/healthz'], verbs: ['get'] },
      ],
    },
    drift: {
      edit: set(['rules', 2], { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] }),
      changes: [
        {
          attribute: 'rule',
          state: [],
          cloud: [rbacRule({ api_groups: ['apps'], resources: ['deployments'], verbs: ['get'] })],
        },
      ],
    },
  },
  {
    type: 'kubernetes_role_binding_v1',
    id: 'web/reader',
    attributes: {
      id: 'web/reader',
      metadata: tfMeta('reader', 'web'),
      role_ref: [{ api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' }],
      subject: [
        { api_group: '', kind: 'ServiceAccount', name: 'app', namespace: 'web' },
        { api_group: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice', namespace: '' },
      ],
    },
    live: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: objectMeta('reader', 'web'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
      subjects: [
        { kind: 'ServiceAccount', name: 'app', namespace: 'web' },
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' },
      ],
    },
    drift: {
      edit: set(['subjects', 1, 'name'], 'mallory'),
      changes: [
        {
          attribute: 'subject',
          state: [
            {
              api_group: 'rbac.authorization.k8s.io',
              kind: 'User',
              name: 'alice',
              namespace: null,
            },
          ],
          cloud: [
            {
              api_group: 'rbac.authorization.k8s.io',
              kind: 'User',
              name: 'mallory',
              namespace: null,
            },
          ],
        },
      ],
    },
  },
  {
    type: 'kubernetes_cluster_role_binding_v1',
    id: 'ops-admin',
    attributes: {
      id: 'ops-admin',
      metadata: tfMeta('ops-admin'),
      role_ref: [
        { api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      ],
      subject: [
        { api_group: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops', namespace: '' },
      ],
    },
    live: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: objectMeta('ops-admin'),
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'cluster-admin',
      },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops' }],
    },
    drift: {
      edit: set(['subjects', 1], {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: 'contractors',
      }),
      changes: [
        {
          attribute: 'subject',
          state: [],
          cloud: [
            {
              api_group: 'rbac.authorization.k8s.io',
              kind: 'Group',
              name: 'contractors',
              namespace: null,
            },
          ],
        },
      ],
    },
  },
  {
    type: 'kubernetes_storage_class_v1',
    id: 'gp3',
    attributes: {
      id: 'gp3',
      allow_volume_expansion: true,
      allowed_topologies: [],
      metadata: tfMeta('gp3', undefined, {
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      }),
      mount_options: [],
      parameters: { encrypted: 'true', type: 'gp3' },
      reclaim_policy: 'Delete',
      storage_provisioner: 'ebs.csi.aws.com',
      volume_binding_mode: 'WaitForFirstConsumer',
    },
    live: {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: objectMeta('gp3', undefined, {
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      }),
      allowVolumeExpansion: true,
      parameters: { encrypted: 'true', type: 'gp3' },
      provisioner: 'ebs.csi.aws.com',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
    drift: {
      edit: set(['allowVolumeExpansion'], false),
      changes: [{ attribute: 'allow_volume_expansion', state: true, cloud: false }],
    },
  },
  {
    type: 'kubernetes_priority_class_v1',
    id: 'batch-low',
    attributes: {
      id: 'batch-low',
      description: 'Batch jobs',
      global_default: false,
      metadata: tfMeta('batch-low'),
      preemption_policy: 'PreemptLowerPriority',
      value: 1000,
    },
    // `globalDefault: false` is omitted by the API server (omitempty).
    live: {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: objectMeta('batch-low'),
      description: 'Batch jobs',
      preemptionPolicy: 'PreemptLowerPriority',
      value: 1000,
    },
    drift: {
      edit: set(['globalDefault'], true),
      changes: [{ attribute: 'global_default', state: false, cloud: true }],
    },
  },
  {
    type: 'kubernetes_persistent_volume_claim_v1',
    id: 'web/data',
    attributes: {
      id: 'web/data',
      metadata: tfMeta('data', 'web'),
      spec: [
        {
          access_modes: ['ReadWriteOnce'],
          resources: [{ limits: {}, requests: { storage: '10Gi' } }],
          selector: [],
          storage_class_name: 'gp3',
          volume_mode: 'Filesystem',
          volume_name: 'pvc-2f6c9b1e-5a8d-4c3e-9f7a-1b2c3d4e5f60',
        },
      ],
      timeouts: null,
      wait_until_bound: true,
    },
    live: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: objectMeta('data', 'web', {
        annotations: {
          'pv.kubernetes.io/bind-completed': 'yes',
          'pv.kubernetes.io/bound-by-controller': 'yes',
          'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
          'volume.kubernetes.io/selected-node': 'ip-10-0-1-23.ec2.internal',
          'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
        },
        finalizers: ['kubernetes.io/pvc-protection'],
      }),
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '10Gi' } },
        storageClassName: 'gp3',
        volumeMode: 'Filesystem',
        volumeName: 'pvc-2f6c9b1e-5a8d-4c3e-9f7a-1b2c3d4e5f60',
      },
      status: { accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' }, phase: 'Bound' },
    },
    drift: {
      edit: set(['spec', 'resources', 'requests', 'storage'], '20Gi'),
      // Quantities compare by value: the report shows them in units.
      changes: [
        {
          attribute: 'spec.resources.requests.storage',
          state: '10Gi',
          cloud: '20Gi',
        },
      ],
    },
  },
  {
    type: 'kubernetes_persistent_volume_v1',
    id: 'shared-nfs',
    attributes: {
      id: 'shared-nfs',
      metadata: tfMeta('shared-nfs', undefined, { labels: { tier: 'shared' } }),
      spec: [
        {
          access_modes: ['ReadWriteMany'],
          capacity: { storage: '100Gi' },
          claim_ref: [],
          mount_options: [],
          node_affinity: [],
          persistent_volume_reclaim_policy: 'Retain',
          persistent_volume_source: [
            { nfs: [{ path: '/exports/shared', read_only: false, server: '10.0.0.5' }] },
          ],
          storage_class_name: '',
          volume_mode: 'Filesystem',
        },
      ],
      timeouts: null,
    },
    live: {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: objectMeta('shared-nfs', undefined, {
        labels: { tier: 'shared' },
        finalizers: ['kubernetes.io/pv-protection'],
      }),
      spec: {
        accessModes: ['ReadWriteMany'],
        capacity: { storage: '100Gi' },
        nfs: { path: '/exports/shared', server: '10.0.0.5' },
        persistentVolumeReclaimPolicy: 'Retain',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Available' },
    },
    drift: {
      edit: set(['metadata', 'labels', 'tier'], 'scratch'),
      changes: [{ attribute: 'metadata.labels.tier', state: 'shared', cloud: 'scratch' }],
    },
  },
  hpaCase('kubernetes_horizontal_pod_autoscaler_v2', 'app'),
  hpaCase('kubernetes_horizontal_pod_autoscaler_v1', 'worker'),
  {
    type: 'kubernetes_pod_disruption_budget_v1',
    id: 'web/app',
    attributes: {
      id: 'web/app',
      metadata: tfMeta('app', 'web'),
      spec: [{ max_unavailable: '', min_available: '2', selector: tfSelector({ app: 'web' }) }],
    },
    live: {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: objectMeta('app', 'web'),
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
      status: { currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 },
    },
    drift: {
      edit: set(['spec', 'minAvailable'], '50%'),
      changes: [{ attribute: 'spec.min_available', state: '2', cloud: '50%' }],
    },
  },
  {
    type: 'kubernetes_limit_range_v1',
    id: 'web/defaults',
    attributes: {
      id: 'web/defaults',
      metadata: tfMeta('defaults', 'web', { labels: { team: 'shop' } }),
      spec: [
        {
          limit: [
            {
              default: { cpu: '500m', memory: '512Mi' },
              default_request: { cpu: '100m', memory: '128Mi' },
              max: {},
              max_limit_request_ratio: {},
              min: {},
              type: 'Container',
            },
          ],
        },
      ],
    },
    live: {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: objectMeta('defaults', 'web', { labels: { team: 'shop' } }),
      spec: {
        limits: [
          {
            default: { cpu: '500m', memory: '512Mi' },
            defaultRequest: { cpu: '100m', memory: '128Mi' },
            type: 'Container',
          },
        ],
      },
    },
    drift: {
      edit: set(['metadata', 'labels', 'team'], 'ops'),
      changes: [{ attribute: 'metadata.labels.team', state: 'shop', cloud: 'ops' }],
    },
  },
  {
    type: 'kubernetes_resource_quota_v1',
    id: 'web/quota',
    attributes: {
      id: 'web/quota',
      metadata: tfMeta('quota', 'web'),
      spec: [
        {
          hard: { pods: '20', 'requests.cpu': '4', 'requests.memory': '8Gi' },
          scope_selector: [],
          scopes: [],
        },
      ],
      timeouts: null,
    },
    live: {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: objectMeta('quota', 'web'),
      spec: { hard: { pods: '20', 'requests.cpu': '4', 'requests.memory': '8Gi' } },
      status: {
        hard: { pods: '20', 'requests.cpu': '4', 'requests.memory': '8Gi' },
        used: { pods: '5', 'requests.cpu': '1200m', 'requests.memory': '3Gi' },
      },
    },
    drift: {
      edit: set(['spec', 'hard', 'pods'], '40'),
      changes: [{ attribute: 'spec.hard.pods', state: '20', cloud: '40' }],
    },
  },
  webhookCase('Validating'),
  webhookCase('Mutating'),
  {
    type: 'kubernetes_csi_driver_v1',
    id: 'efs.csi.aws.com',
    attributes: {
      id: 'efs.csi.aws.com',
      metadata: tfMeta('efs.csi.aws.com', undefined, {
        labels: { 'app.kubernetes.io/name': 'efs' },
      }),
      spec: [
        {
          attach_required: false,
          pod_info_on_mount: false,
          volume_lifecycle_modes: ['Persistent'],
        },
      ],
    },
    live: {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSIDriver',
      metadata: objectMeta('efs.csi.aws.com', undefined, {
        labels: { 'app.kubernetes.io/name': 'efs' },
      }),
      spec: {
        attachRequired: false,
        fsGroupPolicy: 'ReadWriteOnceWithFSType',
        podInfoOnMount: false,
        requiresRepublish: false,
        seLinuxMount: false,
        storageCapacity: false,
        volumeLifecycleModes: ['Persistent'],
      },
    },
    drift: {
      edit: set(['metadata', 'labels', 'app.kubernetes.io/name'], 'efs-old'),
      changes: [
        { attribute: 'metadata.labels.app.kubernetes.io/name', state: 'efs', cloud: 'efs-old' },
      ],
    },
  },
  {
    type: 'kubernetes_api_service_v1',
    id: 'v1beta1.custom.metrics.k8s.io',
    attributes: {
      id: 'v1beta1.custom.metrics.k8s.io',
      metadata: tfMeta('v1beta1.custom.metrics.k8s.io', undefined, { labels: { app: 'adapter' } }),
      spec: [
        {
          ca_bundle: '',
          group: 'custom.metrics.k8s.io',
          group_priority_minimum: 100,
          insecure_skip_tls_verify: true,
          service: [{ name: 'adapter', namespace: 'monitoring', port: 443 }],
          version: 'v1beta1',
          version_priority: 100,
        },
      ],
    },
    live: {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: objectMeta('v1beta1.custom.metrics.k8s.io', undefined, {
        labels: { app: 'adapter' },
      }),
      spec: {
        group: 'custom.metrics.k8s.io',
        groupPriorityMinimum: 100,
        insecureSkipTLSVerify: true,
        service: { name: 'adapter', namespace: 'monitoring', port: 443 },
        version: 'v1beta1',
        versionPriority: 100,
      },
      status: { conditions: [{ status: 'True', type: 'Available' }] },
    },
    drift: {
      edit: set(['metadata', 'labels', 'app'], 'adapter-v2'),
      changes: [{ attribute: 'metadata.labels.app', state: 'adapter', cloud: 'adapter-v2' }],
    },
  },
  {
    type: 'kubernetes_replication_controller_v1',
    id: 'web/legacy',
    attributes: {
      id: 'web/legacy',
      metadata: tfMeta('legacy', 'web', { labels: { app: 'legacy' } }),
      spec: [
        {
          min_ready_seconds: 0,
          // An int in the provider's schema (a string for Deployments and StatefulSets).
          replicas: 2,
          selector: { app: 'legacy' },
          template: [
            {
              metadata: tfTemplateMeta({ app: 'legacy' }),
              spec: tfPodSpec([tfContainer('legacy', 'example/legacy:0.9')]),
            },
          ],
        },
      ],
      timeouts: null,
    },
    live: {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: objectMeta('legacy', 'web', { labels: { app: 'legacy' } }),
      spec: {
        replicas: 2,
        selector: { app: 'legacy' },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'legacy' } },
          spec: livePodSpec([liveContainer('legacy', 'example/legacy:0.9')]),
        },
      },
      status: { replicas: 2, readyReplicas: 2 },
    },
    drift: {
      edit: set(['spec', 'replicas'], 0),
      changes: [{ attribute: 'spec.replicas', state: 2, cloud: 0 }],
    },
  },
  {
    type: 'kubernetes_pod_v1',
    id: 'web/debug',
    attributes: {
      id: 'web/debug',
      metadata: tfMeta('debug', 'web', { labels: { app: 'debug' } }),
      spec: tfPodSpec([tfContainer('shell', 'busybox:1.36', { command: ['sleep', 'infinity'] })], {
        node_name: 'ip-10-0-1-23.ec2.internal',
        service_account_name: 'default',
      }),
      target_state: null,
      timeouts: null,
    },
    live: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: objectMeta('debug', 'web', { labels: { app: 'debug' } }),
      spec: livePodSpec(
        [
          liveContainer('shell', 'busybox:1.36', {
            command: ['sleep', 'infinity'],
            volumeMounts: [
              {
                mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
                name: 'kube-api-access-x7k2p',
                readOnly: true,
              },
            ],
          }),
        ],
        {
          enableServiceLinks: true,
          nodeName: 'ip-10-0-1-23.ec2.internal',
          preemptionPolicy: 'PreemptLowerPriority',
          priority: 0,
          serviceAccount: 'default',
          serviceAccountName: 'default',
          tolerations: [
            {
              effect: 'NoExecute',
              key: 'node.kubernetes.io/not-ready',
              operator: 'Exists',
              tolerationSeconds: 300,
            },
          ],
          volumes: [{ name: 'kube-api-access-x7k2p', projected: { defaultMode: 420 } }],
        },
      ),
      status: { phase: 'Running', podIP: '10.0.1.77' },
    },
    drift: {
      edit: set(['spec', 'containers', 0, 'image'], 'busybox:1.37'),
      changes: [
        { attribute: 'spec.container.image.shell', state: 'busybox:1.36', cloud: 'busybox:1.37' },
      ],
    },
  },
  {
    // gavinbunney/kubectl: the declared YAML is `yaml_body_parsed`; `yaml_body` and the
    // in-cluster copies are sensitive.
    type: 'kubectl_manifest',
    id: 'apiVersion=cert-manager.io/v1,kind=Certificate,namespace=web,name=app-tls',
    attributes: {
      id: '/apis/cert-manager.io/v1/namespaces/web/certificates/app-tls',
      api_version: 'cert-manager.io/v1',
      apply_only: false,
      force_conflicts: false,
      force_new: false,
      ignore_fields: null,
      kind: 'Certificate',
      live_manifest_incluster: SENSITIVE,
      live_uid: UID,
      name: 'app-tls',
      namespace: 'web',
      override_namespace: null,
      sensitive_fields: null,
      server_side_apply: false,
      uid: UID,
      validate_schema: true,
      wait: null,
      wait_for_rollout: true,
      yaml_body: SENSITIVE,
      yaml_body_parsed: [
        'apiVersion: cert-manager.io/v1',
        'kind: Certificate',
        'metadata:',
        '  name: app-tls',
        '  namespace: web',
        'spec:',
        '  dnsNames:',
        '  - app.example.com',
        '  issuerRef:',
        '    kind: ClusterIssuer',
        '    name: letsencrypt',
        '  secretName: app-tls',
        '',
      ].join('\n'),
      yaml_incluster: SENSITIVE,
    },
    live: {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: objectMeta('app-tls', 'web'),
      spec: {
        dnsNames: ['app.example.com'],
        issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt' },
        secretName: 'app-tls',
      },
      status: {
        conditions: [{ status: 'True', type: 'Ready' }],
        notAfter: '2027-02-01T00:00:00Z',
      },
    },
    drift: {
      edit: set(['spec', 'dnsNames'], ['app.example.com', 'www.example.com']),
      changes: [
        {
          attribute: 'spec.dnsNames',
          state: ['app.example.com'],
          cloud: ['app.example.com', 'www.example.com'],
        },
      ],
    },
  },
  {
    // Demoting EKS's own gp2 class: a `*kubernetes.io` annotation a patch declares is compared.
    type: 'kubernetes_annotations',
    id: 'apiVersion=storage.k8s.io/v1,kind=StorageClass,name=gp2',
    patch: true,
    attributes: {
      id: 'apiVersion=storage.k8s.io/v1,kind=StorageClass,name=gp2',
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' },
      api_version: 'storage.k8s.io/v1',
      field_manager: 'Terraform',
      force: true,
      kind: 'StorageClass',
      metadata: [{ name: 'gp2', namespace: '' }],
      template_annotations: null,
    },
    live: {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: objectMeta('gp2', undefined, {
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"storage.k8s.io/v1"}',
          'storageclass.kubernetes.io/is-default-class': 'false',
        },
      }),
      parameters: { fsType: 'ext4', type: 'gp2' },
      provisioner: 'kubernetes.io/aws-ebs',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
    drift: {
      edit: set(['metadata', 'annotations', 'storageclass.kubernetes.io/is-default-class'], 'true'),
      changes: [
        {
          attribute: 'metadata.annotations.storageclass.kubernetes.io/is-default-class',
          state: 'false',
          cloud: 'true',
        },
      ],
    },
  },
  {
    type: 'kubernetes_config_map_v1_data',
    id: 'kube-system/amazon-vpc-cni',
    patch: true,
    attributes: {
      id: 'kube-system/amazon-vpc-cni',
      data: { 'enable-network-policy-controller': 'true' },
      field_manager: 'Terraform',
      force: true,
      metadata: [{ name: 'amazon-vpc-cni', namespace: 'kube-system' }],
    },
    live: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: objectMeta('amazon-vpc-cni', 'kube-system', {
        labels: {
          'app.kubernetes.io/instance': 'aws-vpc-cni',
          'app.kubernetes.io/name': 'aws-node',
        },
      }),
      data: {
        'branch-eni-cooldown': '60',
        'enable-network-policy-controller': 'true',
        'enable-windows-ipam': 'false',
      },
    },
    drift: {
      edit: set(['data', 'enable-network-policy-controller'], 'false'),
      changes: [
        { attribute: 'data.enable-network-policy-controller', state: 'true', cloud: 'false' },
      ],
    },
  },
];

// --- The harness ----------------------------------------------------------------------------

function record(live: Json): KubeRecord {
  const outcome = toKubeRecord(structuredClone(live) as unknown as KubeObject, {
    cluster: 'prod',
    hpaTargets: new Set(),
    key: HMAC_KEY,
  });
  if (outcome.outcome !== 'record') throw new Error(`not exported: ${outcome.reason}`);
  return outcome.record;
}

function instance(c: Case): StateInstance {
  const provider = c.type.startsWith('kubectl_')
    ? 'provider["registry.terraform.io/gavinbunney/kubectl"]'
    : 'provider["registry.terraform.io/hashicorp/kubernetes"]';
  return {
    state: 'k8s.tfstate',
    lineage: 'lineage-typed',
    serial: 12,
    address: `${c.type}.this`,
    type: c.type,
    provider,
    attributes: c.attributes,
    tainted: false,
    scopeHint: { cluster: 'prod' },
  };
}

function drift(c: Case, live: Json) {
  const trail = record(live);
  const report = computeDrift({
    resources: [],
    kubeRecords: [trail],
    instances: [instance(c)],
    scopes: SCOPES,
    now: NOW,
  });
  return { report, path: kubePath(trail) };
}

describe('typed Kubernetes resources against the trail', () => {
  it('covers every typed family, kubectl_manifest and the patch types', async () => {
    const { TYPED } = await import('../../../../lib/drift/kube/typed.js');
    const covered = new Set(CASES.map((c) => c.type));
    for (const family of TYPED) {
      expect(
        family.terraformTypes.some((type) => covered.has(type)),
        family.kind,
      ).toBe(true);
    }
    for (const type of [
      'kubectl_manifest',
      'kubernetes_annotations',
      'kubernetes_config_map_v1_data',
    ]) {
      expect(covered.has(type), type).toBe(true);
    }
  });

  describe.each(CASES)('$type', (c) => {
    it('in sync: no change, and the object is managed (patches: compared, never managed)', () => {
      const { report, path } = drift(c, c.live);
      expect(report.changed).toEqual([]);
      expect(report.missing).toEqual([]);
      if (c.patch === true) {
        expect(report.summary.managed).toBe(0);
        expect(report.unmanaged.map((entry) => entry.path)).toEqual([path]);
      } else {
        expect(report.summary.managed).toBe(1);
        expect(report.unmanaged).toEqual([]);
      }
    });

    it(`drifted ${c.drift.changes.map((change) => change.attribute).join(', ')}`, () => {
      const live = structuredClone(c.live);
      c.drift.edit(live);
      const { report, path } = drift(c, live);
      expect(report.changed).toEqual([
        { address: `${c.type}.this`, type: c.type, id: c.id, path, changes: c.drift.changes },
      ]);
    });
  });
});

describe('typed resources: labels, annotations and other fields', () => {
  const byType = (type: string): Case => {
    const found = CASES.find((c) => c.type === type);
    if (found === undefined) throw new Error(type);
    return found;
  };

  it('reports a changed ingress class', () => {
    const c = byType('kubernetes_ingress_v1');
    const live = structuredClone(c.live);
    set(['spec', 'ingressClassName'], 'nginx')(live);
    expect(drift(c, live).report.changed[0]?.changes).toEqual([
      { attribute: 'spec.ingress_class_name', state: 'alb', cloud: 'nginx' },
    ]);
  });

  it('ignores a `*kubernetes.io` key only the cluster holds, as the provider does', () => {
    const c = byType('kubernetes_ingress_v1');
    const live = structuredClone(c.live);
    set(['metadata', 'annotations', 'alb.ingress.kubernetes.io/group.name'], 'shared')(live);
    set(['metadata', 'labels'], { 'kubernetes.io/managed-by': 'controller' })(live);
    expect(drift(c, live).report.changed).toEqual([]);
  });

  it('reports a `*kubernetes.io` key the state holds and the cluster lost', () => {
    const c = byType('kubernetes_storage_class_v1');
    const live = structuredClone(c.live);
    set(['metadata', 'annotations'], {})(live);
    expect(drift(c, live).report.changed[0]?.changes).toEqual([
      {
        attribute: 'metadata.annotations.storageclass.kubernetes.io/is-default-class',
        state: 'true',
        cloud: null,
      },
    ]);
  });

  it('reports a label someone added by hand', () => {
    const c = byType('kubernetes_deployment_v1');
    const live = structuredClone(c.live);
    set(['metadata', 'labels', 'debug'], 'true')(live);
    expect(drift(c, live).report.changed[0]?.changes).toEqual([
      { attribute: 'metadata.labels.debug', state: null, cloud: 'true' },
    ]);
  });

  it('treats an annotation the trail never holds as unknown, not removed', () => {
    const c = byType('kubernetes_deployment_v1');
    const metadata = (c.attributes['metadata'] as Json[])[0] as Json;
    const attributes = {
      ...c.attributes,
      metadata: [
        {
          ...metadata,
          annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-01T00:00:00Z' },
        },
      ],
    };
    const live = structuredClone(c.live);
    set(
      ['metadata', 'annotations', 'kubectl.kubernetes.io/restartedAt'],
      '2026-11-01T00:00:00Z',
    )(live);
    expect(drift({ ...c, attributes }, live).report.changed).toEqual([]);
  });

  it('matches the provider’s unversioned names to the same family', () => {
    for (const [type, versioned] of [
      ['kubernetes_deployment', 'kubernetes_deployment_v1'],
      ['kubernetes_default_service_account', 'kubernetes_default_service_account_v1'],
      ['kubernetes_ingress_class', 'kubernetes_ingress_class_v1'],
      ['kubernetes_horizontal_pod_autoscaler', 'kubernetes_horizontal_pod_autoscaler_v2'],
      ['kubernetes_cron_job', 'kubernetes_cron_job_v1'],
    ] as const) {
      const c = { ...byType(versioned), type };
      const { report } = drift(c, c.live);
      expect(report.summary.managed, type).toBe(1);
      expect(report.changed, type).toEqual([]);
    }
  });
});
