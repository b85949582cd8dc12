import { ALL_VERBS, type ApiResourceType, type ApiSubresource, STATUS_VERBS } from './types.js';

interface Extra {
  cluster?: boolean;
  verbs?: readonly string[];
  short?: readonly string[];
  categories?: readonly string[];
  sub?: readonly ApiSubresource[];
}

function type(gv: string, resource: string, kind: string, extra: Extra = {}): ApiResourceType {
  const [group, version] = gv.includes('/') ? (gv.split('/') as [string, string]) : ['', gv];
  return {
    group,
    version,
    resource,
    kind,
    singularName: kind.toLowerCase(),
    namespaced: !extra.cluster,
    verbs: extra.verbs ?? ALL_VERBS,
    ...(extra.short ? { shortNames: extra.short } : {}),
    ...(extra.categories ? { categories: extra.categories } : {}),
    ...(extra.sub ? { subresources: extra.sub } : {}),
  };
}

const status: ApiSubresource = { name: 'status', verbs: STATUS_VERBS };
const scale: ApiSubresource = {
  name: 'scale',
  verbs: STATUS_VERBS,
  kind: 'Scale',
  group: 'autoscaling',
  version: 'v1',
};
const create = ['create'] as const;
const readOnly = ['get', 'list'] as const;
const all = ['all'] as const;

const podSubresources: ApiSubresource[] = [
  { name: 'attach', verbs: ['create', 'get'], kind: 'PodAttachOptions' },
  { name: 'binding', verbs: create, kind: 'Binding' },
  { name: 'ephemeralcontainers', verbs: STATUS_VERBS },
  { name: 'eviction', verbs: create, kind: 'Eviction', group: 'policy', version: 'v1' },
  { name: 'exec', verbs: ['create', 'get'], kind: 'PodExecOptions' },
  { name: 'log', verbs: ['get'] },
  { name: 'portforward', verbs: ['create', 'get'], kind: 'PodPortForwardOptions' },
  { name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'], kind: 'PodProxyOptions' },
  { name: 'resize', verbs: STATUS_VERBS },
  status,
];

/**
 * The built-in types of a Kubernetes 1.32 cluster, trimmed to what an exporter meets, in the
 * order the API server publishes them. Groups with two versions list the preferred one first.
 */
export function builtinTypes(): ApiResourceType[] {
  return [
    type('v1', 'bindings', 'Binding', { verbs: create }),
    type('v1', 'componentstatuses', 'ComponentStatus', {
      cluster: true,
      verbs: readOnly,
      short: ['cs'],
    }),
    type('v1', 'configmaps', 'ConfigMap', { short: ['cm'] }),
    type('v1', 'endpoints', 'Endpoints', { short: ['ep'] }),
    type('v1', 'events', 'Event', { short: ['ev'] }),
    type('v1', 'limitranges', 'LimitRange', { short: ['limits'] }),
    type('v1', 'namespaces', 'Namespace', {
      cluster: true,
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      short: ['ns'],
      sub: [{ name: 'finalize', verbs: ['update'] }, status],
    }),
    type('v1', 'nodes', 'Node', {
      cluster: true,
      short: ['no'],
      sub: [{ name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'] }, status],
    }),
    type('v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', {
      short: ['pvc'],
      sub: [status],
    }),
    type('v1', 'persistentvolumes', 'PersistentVolume', {
      cluster: true,
      short: ['pv'],
      sub: [status],
    }),
    type('v1', 'pods', 'Pod', { short: ['po'], categories: all, sub: podSubresources }),
    type('v1', 'podtemplates', 'PodTemplate'),
    type('v1', 'replicationcontrollers', 'ReplicationController', {
      short: ['rc'],
      categories: all,
      sub: [scale, status],
    }),
    type('v1', 'resourcequotas', 'ResourceQuota', { short: ['quota'], sub: [status] }),
    type('v1', 'secrets', 'Secret'),
    type('v1', 'serviceaccounts', 'ServiceAccount', {
      short: ['sa'],
      sub: [{ name: 'token', verbs: create, kind: 'TokenRequest', group: 'authentication.k8s.io' }],
    }),
    type('v1', 'services', 'Service', {
      short: ['svc'],
      categories: all,
      sub: [{ name: 'proxy', verbs: ['create', 'delete', 'get', 'patch', 'update'] }, status],
    }),
    type('apiregistration.k8s.io/v1', 'apiservices', 'APIService', {
      cluster: true,
      sub: [status],
    }),
    type('apps/v1', 'controllerrevisions', 'ControllerRevision'),
    type('apps/v1', 'daemonsets', 'DaemonSet', { short: ['ds'], categories: all, sub: [status] }),
    type('apps/v1', 'deployments', 'Deployment', {
      short: ['deploy'],
      categories: all,
      sub: [scale, status],
    }),
    type('apps/v1', 'replicasets', 'ReplicaSet', {
      short: ['rs'],
      categories: all,
      sub: [scale, status],
    }),
    type('apps/v1', 'statefulsets', 'StatefulSet', {
      short: ['sts'],
      categories: all,
      sub: [scale, status],
    }),
    type('events.k8s.io/v1', 'events', 'Event', { short: ['ev'] }),
    type('authentication.k8s.io/v1', 'selfsubjectreviews', 'SelfSubjectReview', {
      cluster: true,
      verbs: create,
    }),
    type('authentication.k8s.io/v1', 'tokenreviews', 'TokenReview', {
      cluster: true,
      verbs: create,
    }),
    type('authorization.k8s.io/v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', {
      cluster: true,
      verbs: create,
    }),
    type('authorization.k8s.io/v1', 'subjectaccessreviews', 'SubjectAccessReview', {
      cluster: true,
      verbs: create,
    }),
    type('autoscaling/v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', {
      short: ['hpa'],
      categories: all,
      sub: [status],
    }),
    type('autoscaling/v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', {
      short: ['hpa'],
      categories: all,
      sub: [status],
    }),
    type('batch/v1', 'cronjobs', 'CronJob', { short: ['cj'], categories: all, sub: [status] }),
    type('batch/v1', 'jobs', 'Job', { categories: all, sub: [status] }),
    type('certificates.k8s.io/v1', 'certificatesigningrequests', 'CertificateSigningRequest', {
      cluster: true,
      short: ['csr'],
      sub: [{ name: 'approval', verbs: STATUS_VERBS }, status],
    }),
    type('networking.k8s.io/v1', 'ingressclasses', 'IngressClass', { cluster: true }),
    type('networking.k8s.io/v1', 'ingresses', 'Ingress', { short: ['ing'], sub: [status] }),
    type('networking.k8s.io/v1', 'networkpolicies', 'NetworkPolicy', { short: ['netpol'] }),
    type('policy/v1', 'poddisruptionbudgets', 'PodDisruptionBudget', {
      short: ['pdb'],
      sub: [status],
    }),
    type('rbac.authorization.k8s.io/v1', 'clusterrolebindings', 'ClusterRoleBinding', {
      cluster: true,
    }),
    type('rbac.authorization.k8s.io/v1', 'clusterroles', 'ClusterRole', { cluster: true }),
    type('rbac.authorization.k8s.io/v1', 'rolebindings', 'RoleBinding'),
    type('rbac.authorization.k8s.io/v1', 'roles', 'Role'),
    type('storage.k8s.io/v1', 'csidrivers', 'CSIDriver', { cluster: true }),
    type('storage.k8s.io/v1', 'csinodes', 'CSINode', { cluster: true }),
    type('storage.k8s.io/v1', 'storageclasses', 'StorageClass', { cluster: true, short: ['sc'] }),
    type(
      'admissionregistration.k8s.io/v1',
      'mutatingwebhookconfigurations',
      'MutatingWebhookConfiguration',
      {
        cluster: true,
      },
    ),
    type(
      'admissionregistration.k8s.io/v1',
      'validatingwebhookconfigurations',
      'ValidatingWebhookConfiguration',
      {
        cluster: true,
      },
    ),
    type('apiextensions.k8s.io/v1', 'customresourcedefinitions', 'CustomResourceDefinition', {
      cluster: true,
      short: ['crd', 'crds'],
      sub: [status],
    }),
    type('scheduling.k8s.io/v1', 'priorityclasses', 'PriorityClass', {
      cluster: true,
      short: ['pc'],
    }),
    type('coordination.k8s.io/v1', 'leases', 'Lease'),
    type('discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice'),
    type('metrics.k8s.io/v1beta1', 'nodes', 'NodeMetrics', { cluster: true, verbs: readOnly }),
    type('metrics.k8s.io/v1beta1', 'pods', 'PodMetrics', { verbs: readOnly }),
  ];
}
