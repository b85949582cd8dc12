import { controllerOf, type GitOpsOwner, type KubeRecord } from '../model/kube.js';
import { readFacts } from './kube-facts.js';

const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
// Written by the API server and the controller manager in every cluster.
const SYSTEM_OBJECTS = new Set([
  '/ConfigMap/kube-root-ca.crt',
  '/ServiceAccount/default',
  'default/Service/kubernetes',
  'kube-system/ConfigMap/extension-apiserver-authentication',
  'kube-system/ConfigMap/kube-apiserver-legacy-service-account-token-tracking',
]);
const CONTROL_PLANE_MANAGERS =
  /^(kube-apiserver|kube-controller-manager|kube-scheduler|kubelet|eks)$/;

function gitOpsText({ tool, detail }: GitOpsOwner): string {
  if (tool === 'argocd') return `Argo CD application ${detail}`;
  if (tool === 'flux') return `Flux ${detail}`;
  return `Helm ${detail}`;
}

/**
 * Who manages an object Terraform does not, when someone does: its owner (a controller made it
 * from another object), the GitOps tool or Helm release that applies it, or Kubernetes itself
 * (system namespaces, RBAC defaults, per-namespace objects, the control plane's own). Reads the
 * scan's facts when present, else what the trail file keeps (owner references, labels,
 * annotations), so a trail checkout gives the same answer.
 */
export function kubeOwnerOf(record: KubeRecord): string | undefined {
  const { manifest, facts } = record;
  const metadata = manifest.metadata;
  // The controller first, as the scan's facts name it; else any owner the file keeps.
  const owner = facts.controller ?? controllerOf(manifest) ?? metadata.ownerReferences?.[0];
  if (owner !== undefined) return `${owner.kind} ${owner.name} (owner reference)`;
  const gitOps = facts.gitOps ?? readFacts(manifest).gitOps;
  if (gitOps !== undefined) return gitOpsText(gitOps);
  const eksComponent = metadata.labels?.['eks.amazonaws.com/component'];
  if (eksComponent !== undefined) return `EKS (${eksComponent})`;
  if (isSystem(record)) return 'Kubernetes (system object)';
  const writers = facts.updates.map((update) => update.manager);
  if (writers.length > 0 && writers.every((writer) => CONTROL_PLANE_MANAGERS.test(writer))) {
    return `Kubernetes control plane (${[...new Set(writers)].sort().join(', ')})`;
  }
  return undefined;
}

function isSystem({ group, kind, namespace, name, manifest }: KubeRecord): boolean {
  const labels = manifest.metadata.labels ?? {};
  const annotations = manifest.metadata.annotations ?? {};
  if (name.startsWith('system:') || name.startsWith('eks:')) return true;
  if (labels['kubernetes.io/bootstrapping'] === 'rbac-defaults') return true;
  if (labels['kube-aggregator.kubernetes.io/automanaged'] !== undefined) return true;
  if (annotations['apf.kubernetes.io/autoupdate-spec'] === 'true') return true;
  if (group === '' && kind === 'Namespace' && SYSTEM_NAMESPACES.has(name)) return true;
  if (group === 'scheduling.k8s.io' && kind === 'PriorityClass' && name.startsWith('system-')) {
    return true;
  }
  if (group !== '') return false;
  return (
    SYSTEM_OBJECTS.has(`/${kind}/${name}`) || SYSTEM_OBJECTS.has(`${namespace}/${kind}/${name}`)
  );
}
