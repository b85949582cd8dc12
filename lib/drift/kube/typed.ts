import { isRecord, type KubeObject } from '../../model/kube.js';
import { isDroppedAnnotation, RESTARTED_AT } from '../../snapshot/kube/clean-metadata.js';
import type { AttributeSpec } from '../mapping/types.js';
import {
  canonicalKey,
  type Normalizer,
  normalizeBoolean,
  normalizeNumber,
  normalizeString,
  normalizeStringSet,
  UNKNOWN,
} from '../normalize-values.js';
import {
  isFingerprint,
  isInternalKey,
  normalizeKubeMap,
  normalizeQuantity,
  normalizeStringMap,
} from './normalize.js';

/** A compared attribute of a typed Kubernetes resource: state attributes against the trail's manifest. */
export type KubeAttributeSpec = AttributeSpec<KubeObject>;

/** One `kubernetes_<kind>` family of the Kubernetes provider. */
export interface KubeTypedSpec {
  /** The first is the type an unmanaged object of this kind is reported as (the `_v1` name). */
  readonly terraformTypes: readonly string[];
  readonly group: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly attributes: readonly KubeAttributeSpec[];
}

type Path = readonly string[];

/**
 * A value of the provider's nested blocks: every block is a list (of one, for a single nested
 * block), so each step takes the first element. `UNKNOWN` when the state does not hold the path
 * (a provider version without the field).
 */
function tf(attributes: Readonly<Record<string, unknown>>, path: Path): unknown {
  let node: unknown = attributes;
  for (const step of path) {
    if (Array.isArray(node)) node = node[0];
    if (!isRecord(node) || !(step in node)) return UNKNOWN;
    node = node[step];
  }
  return node;
}

/** A value of the trail's manifest; absent is not set (null). */
function at(manifest: unknown, path: Path): unknown {
  let node = manifest;
  for (const step of path) {
    if (!isRecord(node)) return null;
    node = node[step];
  }
  return node === undefined ? null : node;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function spec(
  name: string,
  state: Path,
  cloud: Path,
  normalize: Normalizer = normalizeString,
  kind?: AttributeSpec['kind'],
): KubeAttributeSpec {
  return {
    name,
    state: (attributes) => tf(attributes, state),
    cloud:
      kind === 'map'
        ? (manifest, context) => unfingerprinted(at(manifest, cloud), tf(context.attributes, state))
        : (manifest) => at(manifest, cloud),
    normalize,
    ...(kind === undefined ? {} : { kind }),
  };
}

/**
 * A cloud map whose fingerprinted values (Secret data, ConfigMap keys that look secret) take the
 * state's value: a fingerprint says nothing about equality, so those keys compare as unknown.
 */
function unfingerprinted(cloud: unknown, state: unknown): unknown {
  if (!isRecord(cloud) || !Object.values(cloud).some(isFingerprint)) return cloud;
  const known = isRecord(state) ? state : {};
  const out: Record<string, unknown> = {};
  // A key only the cloud holds stays as it is: present is all that can be said of it.
  for (const [key, value] of Object.entries(cloud)) {
    out[key] = isFingerprint(value) && Object.hasOwn(known, key) ? known[key] : value;
  }
  return out;
}

/**
 * Labels or annotations. The provider leaves a `*kubernetes.io` key (its `isInternalKey`) out of
 * state unless the configuration sets it, and then keeps it (`removeInternalKeys` spares keys
 * already in state): `alb.ingress.kubernetes.io/scheme`, `storageclass.kubernetes.io/is-default-class`.
 * So a key the state holds is compared whatever its name, and an internal key only the cluster
 * holds (written by Kubernetes or a controller) is not. Annotations the trail's cleaner drops are
 * never in the trail: unknown, not absent.
 */
function metadataMap(field: 'labels' | 'annotations'): KubeAttributeSpec {
  const path = ['metadata', field];
  const cleaned = (key: string) =>
    field === 'annotations' && (isDroppedAnnotation(key) || key === RESTARTED_AT);
  return {
    name: `metadata.${field}`,
    state: (attributes) => {
      const value = tf(attributes, path);
      if (!isRecord(value)) return value;
      return Object.fromEntries(Object.entries(value).filter(([key]) => !cleaned(key)));
    },
    cloud: (manifest, context) => {
      const cloud = at(manifest, path);
      const state = tf(context.attributes, path);
      if (!isRecord(cloud)) return cloud;
      const held = isRecord(state) ? state : {};
      const kept = Object.entries(cloud).filter(
        ([key]) => !cleaned(key) && (Object.hasOwn(held, key) || !isInternalKey(key)),
      );
      return unfingerprinted(Object.fromEntries(kept), state);
    },
    normalize: normalizeStringMap,
    kind: 'map',
  };
}

/** Labels and annotations, every kind. */
const METADATA: readonly KubeAttributeSpec[] = [metadataMap('labels'), metadataMap('annotations')];

/** Container images by container name, init containers included (`<name>` -> image). */
function images(statePod: Path, cloudPod: Path): KubeAttributeSpec {
  return {
    name: `${statePod.join('.')}.container.image`,
    state: (attributes) => {
      const pod = tf(attributes, statePod);
      if (pod === UNKNOWN) return UNKNOWN;
      const podSpec = Array.isArray(pod) ? pod[0] : pod;
      if (!isRecord(podSpec)) return UNKNOWN;
      return imageMap([...list(podSpec['init_container']), ...list(podSpec['container'])]);
    },
    cloud: (manifest) => {
      const pod = at(manifest, cloudPod);
      if (!isRecord(pod)) return null;
      return imageMap([...list(pod['initContainers']), ...list(pod['containers'])]);
    },
    normalize: normalizeKubeMap,
    kind: 'map',
  };
}

function imageMap(containers: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const container of containers) {
    if (isRecord(container) && typeof container['name'] === 'string') {
      out[container['name']] = container['image'] ?? null;
    }
  }
  return out;
}

/** A Service's ports as a set of (name, port, protocol, target port). */
const SERVICE_PORTS: KubeAttributeSpec = {
  name: 'spec.port',
  state: (attributes) => {
    const ports = tf(attributes, ['spec', 'port']);
    if (ports === UNKNOWN) return UNKNOWN;
    return list(ports).map((port) =>
      isRecord(port)
        ? servicePort(port['name'], port['port'], port['protocol'], port['target_port'])
        : null,
    );
  },
  cloud: (manifest) =>
    list(at(manifest, ['spec', 'ports'])).map((port) =>
      isRecord(port)
        ? servicePort(port['name'], port['port'], port['protocol'], port['targetPort'])
        : null,
    ),
  normalize: canonicalSet,
  kind: 'set',
};

function servicePort(name: unknown, port: unknown, protocol: unknown, target: unknown) {
  const number = normalizeNumber(port);
  return {
    name: normalizeString(name),
    port: number,
    protocol: normalizeString(protocol) ?? 'TCP',
    // The API defaults the target to the port; the provider reads it back as a string.
    target_port: normalizeString(target) ?? (number === null ? null : String(number)),
  };
}

/** RBAC rules as a set: each rule's lists as sets. */
const RBAC_RULES: KubeAttributeSpec = {
  name: 'rule',
  state: (attributes) => {
    const rules = tf(attributes, ['rule']);
    if (rules === UNKNOWN) return UNKNOWN;
    // An aggregated role's rules are the aggregation controller's: the trail drops them too.
    if (
      tf(attributes, ['aggregation_rule']) !== UNKNOWN &&
      list(attributes['aggregation_rule']).length > 0
    )
      return UNKNOWN;
    return list(rules).map((rule) =>
      isRecord(rule)
        ? rbacRule(
            rule['api_groups'],
            rule['resources'],
            rule['resource_names'],
            rule['verbs'],
            rule['non_resource_urls'],
          )
        : null,
    );
  },
  cloud: (manifest) => {
    if (isRecord(manifest['aggregationRule'])) return UNKNOWN;
    return list(manifest['rules']).map((rule) =>
      isRecord(rule)
        ? rbacRule(
            rule['apiGroups'],
            rule['resources'],
            rule['resourceNames'],
            rule['verbs'],
            rule['nonResourceURLs'],
          )
        : null,
    );
  },
  normalize: canonicalSet,
  kind: 'set',
};

function rbacRule(
  apiGroups: unknown,
  resources: unknown,
  names: unknown,
  verbs: unknown,
  urls: unknown,
) {
  // The core group is `""`: kept, where the string-set normalizer would drop an empty string.
  const groups = list(apiGroups).map((g) => (typeof g === 'string' ? g : ''));
  return {
    api_groups: groups.length === 0 ? null : [...new Set(groups)].sort(),
    resources: normalizeStringSet(resources),
    resource_names: normalizeStringSet(names),
    verbs: normalizeStringSet(verbs),
    non_resource_urls: normalizeStringSet(urls),
  };
}

// A subject's API group as the API server defaults it: RBAC's for users and groups, core for
// service accounts.
function subjectGroup(kind: unknown, group: unknown): string {
  const given = normalizeString(group);
  if (given !== null) return given;
  return kind === 'ServiceAccount' ? '' : 'rbac.authorization.k8s.io';
}

const ROLE_REF: KubeAttributeSpec = {
  name: 'role_ref',
  state: (attributes) => {
    const ref = tf(attributes, ['role_ref']);
    const block = Array.isArray(ref) ? ref[0] : ref;
    if (!isRecord(block)) return UNKNOWN;
    return { api_group: block['api_group'], kind: block['kind'], name: block['name'] };
  },
  cloud: (manifest) => {
    const ref = manifest['roleRef'];
    if (!isRecord(ref)) return null;
    return { api_group: ref['apiGroup'], kind: ref['kind'], name: ref['name'] };
  },
  normalize: (value) => (isRecord(value) ? value : null),
};

const SUBJECTS: KubeAttributeSpec = {
  name: 'subject',
  state: (attributes) => {
    const subjects = tf(attributes, ['subject']);
    if (subjects === UNKNOWN) return UNKNOWN;
    return list(subjects).map((s) =>
      isRecord(s) ? subject(s['kind'], s['name'], s['namespace'], s['api_group']) : null,
    );
  },
  cloud: (manifest) =>
    list(manifest['subjects']).map((s) =>
      isRecord(s) ? subject(s['kind'], s['name'], s['namespace'], s['apiGroup']) : null,
    ),
  normalize: canonicalSet,
  kind: 'set',
};

function subject(kind: unknown, name: unknown, namespace: unknown, group: unknown) {
  return {
    kind: normalizeString(kind),
    name: normalizeString(name),
    namespace: kind === 'ServiceAccount' ? normalizeString(namespace) : null,
    api_group: subjectGroup(kind, group),
  };
}

/** A set of plain objects: nulls out, sorted by canonical form; empty is null. */
function canonicalSet(value: unknown): unknown {
  const items = list(value).filter((item) => item !== null);
  if (items.length === 0) return null;
  const byKey = new Map(items.map((item) => [canonicalKey(item), item]));
  return [...byKey.keys()].sort().map((key) => byKey.get(key));
}

const POD = ['spec', 'template', 'spec'];
const WORKLOAD: readonly KubeAttributeSpec[] = [
  images(POD, POD),
  spec(
    'spec.template.spec.service_account_name',
    [...POD, 'service_account_name'],
    [...POD, 'serviceAccountName'],
  ),
];
// An autoscaled workload's replicas are not in the trail (the cleaner drops them): absent is unknown.
const REPLICAS: KubeAttributeSpec = {
  ...spec('spec.replicas', ['spec', 'replicas'], ['spec', 'replicas'], normalizeNumber),
  cloud: (manifest) => {
    const replicas = at(manifest, ['spec', 'replicas']);
    return replicas === null ? UNKNOWN : replicas;
  },
};
const JOB_POD = ['spec', 'job_template', 'spec', 'template', 'spec'];
const CLOUD_JOB_POD = ['spec', 'jobTemplate', 'spec', 'template', 'spec'];

function family(
  base: string,
  group: string,
  kind: string,
  namespaced: boolean,
  attributes: readonly KubeAttributeSpec[] = [],
  extraTypes: readonly string[] = [],
): KubeTypedSpec {
  return {
    terraformTypes: [`kubernetes_${base}_v1`, `kubernetes_${base}`, ...extraTypes],
    group,
    kind,
    namespaced,
    attributes: [...METADATA, ...attributes],
  };
}

/**
 * The typed resources of the hashicorp/kubernetes provider, each with its unversioned and `_v1`
 * names (the `_v1` name first). Every one compares labels and annotations; the fields below are
 * the ones people change by hand: images, replicas, schedules, ports, selectors, RBAC rules.
 */
export const TYPED: readonly KubeTypedSpec[] = [
  family('namespace', '', 'Namespace', false),
  family('config_map', '', 'ConfigMap', true, [
    spec('data', ['data'], ['data'], normalizeKubeMap, 'map'),
    spec('binary_data', ['binary_data'], ['binaryData'], normalizeKubeMap, 'map'),
  ]),
  family('secret', '', 'Secret', true, [
    spec('type', ['type'], ['type']),
    // Values are masked in state and fingerprinted in the trail: compared as unknown.
    spec('data', ['data'], ['data'], normalizeKubeMap, 'map'),
  ]),
  // `kubernetes_default_service_account(_v1)` manages a namespace's `default` account (same schema).
  family(
    'service_account',
    '',
    'ServiceAccount',
    true,
    [],
    ['kubernetes_default_service_account_v1', 'kubernetes_default_service_account'],
  ),
  family('service', '', 'Service', true, [
    spec('spec.type', ['spec', 'type'], ['spec', 'type']),
    spec('spec.selector', ['spec', 'selector'], ['spec', 'selector'], normalizeKubeMap, 'map'),
    SERVICE_PORTS,
    spec(
      'spec.load_balancer_source_ranges',
      ['spec', 'load_balancer_source_ranges'],
      ['spec', 'loadBalancerSourceRanges'],
      normalizeStringSet,
      'set',
    ),
  ]),
  family('deployment', 'apps', 'Deployment', true, [REPLICAS, ...WORKLOAD]),
  family('stateful_set', 'apps', 'StatefulSet', true, [REPLICAS, ...WORKLOAD]),
  {
    ...family('daemon_set', 'apps', 'DaemonSet', true, WORKLOAD),
    terraformTypes: ['kubernetes_daemon_set_v1', 'kubernetes_daemonset'],
  },
  family('job', 'batch', 'Job', true, [images(['spec', 'template', 'spec'], POD)]),
  family('cron_job', 'batch', 'CronJob', true, [
    spec('spec.schedule', ['spec', 'schedule'], ['spec', 'schedule']),
    spec('spec.suspend', ['spec', 'suspend'], ['spec', 'suspend'], normalizeBoolean),
    images(JOB_POD, CLOUD_JOB_POD),
  ]),
  family('ingress', 'networking.k8s.io', 'Ingress', true, [
    spec('spec.ingress_class_name', ['spec', 'ingress_class_name'], ['spec', 'ingressClassName']),
  ]),
  family('ingress_class', 'networking.k8s.io', 'IngressClass', false),
  family('network_policy', 'networking.k8s.io', 'NetworkPolicy', true, [
    spec(
      'spec.pod_selector.match_labels',
      ['spec', 'pod_selector', 'match_labels'],
      ['spec', 'podSelector', 'matchLabels'],
      normalizeKubeMap,
      'map',
    ),
    spec(
      'spec.policy_types',
      ['spec', 'policy_types'],
      ['spec', 'policyTypes'],
      normalizeStringSet,
      'set',
    ),
  ]),
  family('role', 'rbac.authorization.k8s.io', 'Role', true, [RBAC_RULES]),
  family('cluster_role', 'rbac.authorization.k8s.io', 'ClusterRole', false, [RBAC_RULES]),
  family('role_binding', 'rbac.authorization.k8s.io', 'RoleBinding', true, [ROLE_REF, SUBJECTS]),
  family('cluster_role_binding', 'rbac.authorization.k8s.io', 'ClusterRoleBinding', false, [
    ROLE_REF,
    SUBJECTS,
  ]),
  family('storage_class', 'storage.k8s.io', 'StorageClass', false, [
    spec('storage_provisioner', ['storage_provisioner'], ['provisioner']),
    spec('reclaim_policy', ['reclaim_policy'], ['reclaimPolicy']),
    spec('volume_binding_mode', ['volume_binding_mode'], ['volumeBindingMode']),
    spec(
      'allow_volume_expansion',
      ['allow_volume_expansion'],
      ['allowVolumeExpansion'],
      normalizeBoolean,
    ),
    spec('parameters', ['parameters'], ['parameters'], normalizeKubeMap, 'map'),
  ]),
  family('priority_class', 'scheduling.k8s.io', 'PriorityClass', false, [
    spec('value', ['value'], ['value'], normalizeNumber),
    // The API omits `globalDefault: false` (omitempty); the provider writes false.
    spec(
      'global_default',
      ['global_default'],
      ['globalDefault'],
      (v) => normalizeBoolean(v) ?? false,
    ),
  ]),
  family('persistent_volume_claim', '', 'PersistentVolumeClaim', true, [
    spec('spec.storage_class_name', ['spec', 'storage_class_name'], ['spec', 'storageClassName']),
    spec(
      'spec.access_modes',
      ['spec', 'access_modes'],
      ['spec', 'accessModes'],
      normalizeStringSet,
      'set',
    ),
    spec(
      'spec.resources.requests',
      ['spec', 'resources', 'requests'],
      ['spec', 'resources', 'requests'],
      normalizeQuantityMap,
      'map',
    ),
  ]),
  family('persistent_volume', '', 'PersistentVolume', false),
  {
    ...family('horizontal_pod_autoscaler', 'autoscaling', 'HorizontalPodAutoscaler', true, [
      spec('spec.min_replicas', ['spec', 'min_replicas'], ['spec', 'minReplicas'], normalizeNumber),
      spec('spec.max_replicas', ['spec', 'max_replicas'], ['spec', 'maxReplicas'], normalizeNumber),
    ]),
    terraformTypes: [
      'kubernetes_horizontal_pod_autoscaler_v2',
      'kubernetes_horizontal_pod_autoscaler_v1',
      'kubernetes_horizontal_pod_autoscaler',
      'kubernetes_horizontal_pod_autoscaler_v2beta2',
    ],
  },
  family('pod_disruption_budget', 'policy', 'PodDisruptionBudget', true, [
    spec('spec.min_available', ['spec', 'min_available'], ['spec', 'minAvailable']),
    spec('spec.max_unavailable', ['spec', 'max_unavailable'], ['spec', 'maxUnavailable']),
  ]),
  family('limit_range', '', 'LimitRange', true),
  family('resource_quota', '', 'ResourceQuota', true, [
    spec('spec.hard', ['spec', 'hard'], ['spec', 'hard'], normalizeQuantityMap, 'map'),
  ]),
  family(
    'validating_webhook_configuration',
    'admissionregistration.k8s.io',
    'ValidatingWebhookConfiguration',
    false,
  ),
  family(
    'mutating_webhook_configuration',
    'admissionregistration.k8s.io',
    'MutatingWebhookConfiguration',
    false,
  ),
  family('csi_driver', 'storage.k8s.io', 'CSIDriver', false),
  family('api_service', 'apiregistration.k8s.io', 'APIService', false),
  family('replication_controller', '', 'ReplicationController', true, [REPLICAS, ...WORKLOAD]),
  family('pod', '', 'Pod', true, [images(['spec'], ['spec'])]),
];

// Quantities compare by value (`1024Mi` is `1Gi`): each is rewritten as a number of units.
function normalizeQuantityMap(value: unknown): unknown {
  const map = normalizeKubeMap(value);
  if (!isRecord(map)) return map;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, normalizeQuantity(v)]));
}

/** Each typed family by every Terraform type name it has. */
export const TYPED_BY_TERRAFORM_TYPE: ReadonlyMap<string, KubeTypedSpec> = new Map(
  TYPED.flatMap((typed) => typed.terraformTypes.map((type) => [type, typed] as const)),
);

/** Each typed family by `<group>/<Kind>`: how an unmanaged object's type is named. */
export const TYPED_BY_KIND: ReadonlyMap<string, KubeTypedSpec> = new Map(
  TYPED.map((typed) => [`${typed.group}/${typed.kind}`, typed] as const),
);
