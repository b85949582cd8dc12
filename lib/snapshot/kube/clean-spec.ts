import { isRecord, type KubeObject } from '../../model/kube.js';
import { dropIfEmpty } from './clean-metadata.js';

/** A kind-specific cleaning step; it edits the private copy `cleanObject` made. */
type SpecStep = (object: KubeObject) => void;

/**
 * Server-assigned fields per `<group>/<Kind>`: the API server or a controller fills them in, so a
 * file that kept them would change when nothing was configured differently, and `kubectl apply`
 * of an allocated `clusterIP` into another cluster fails when the address is taken.
 */
export const SPEC_STEPS: Readonly<Record<string, SpecStep>> = {
  '/Service': cleanService,
  '/Pod': (object) => deleteIn(object, ['spec'], 'nodeName'),
  '/PersistentVolumeClaim': cleanClaim,
  '/PersistentVolume': cleanVolume,
  '/ServiceAccount': cleanServiceAccount,
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration': cleanWebhooks,
  'admissionregistration.k8s.io/MutatingWebhookConfiguration': cleanWebhooks,
  'apiextensions.k8s.io/CustomResourceDefinition': (object) =>
    deleteIn(object, ['spec', 'conversion', 'webhook', 'clientConfig'], 'caBundle'),
  'apiregistration.k8s.io/APIService': (object) => deleteIn(object, ['spec'], 'caBundle'),
  'rbac.authorization.k8s.io/ClusterRole': cleanAggregatedRole,
};

function cleanService(object: KubeObject): void {
  const spec = object['spec'];
  if (!isRecord(spec)) return;
  // `None` (headless) is chosen by the user; an address is allocated by the server.
  if (spec['clusterIP'] !== 'None') {
    delete spec['clusterIP'];
    delete spec['clusterIPs'];
  }
  // Defaulted from the cluster's primary family; dual-stack choices stay.
  const policy = spec['ipFamilyPolicy'];
  const families = spec['ipFamilies'];
  if (
    (policy === undefined || policy === 'SingleStack') &&
    (!Array.isArray(families) || families.length <= 1)
  ) {
    delete spec['ipFamilyPolicy'];
    delete spec['ipFamilies'];
  }
  delete spec['healthCheckNodePort'];
  const type = spec['type'];
  if ((type === undefined || type === 'ClusterIP') && Array.isArray(spec['ports'])) {
    for (const port of spec['ports']) if (isRecord(port)) delete port['nodePort'];
  }
}

function cleanClaim(object: KubeObject): void {
  // A claim the user bound to a named volume keeps it; the binder's choice goes.
  const boundByController =
    object.metadata.annotations?.['pv.kubernetes.io/bound-by-controller'] === 'yes';
  if (boundByController) deleteIn(object, ['spec'], 'volumeName');
}

function cleanVolume(object: KubeObject): void {
  const spec = object['spec'];
  const claimRef = isRecord(spec) ? spec['claimRef'] : undefined;
  if (!isRecord(claimRef)) return;
  delete claimRef['uid'];
  delete claimRef['resourceVersion'];
}

function cleanServiceAccount(object: KubeObject): void {
  const secrets = object['secrets'];
  if (!Array.isArray(secrets)) return;
  // Token Secrets the token controller created (before 1.24) are named `<sa>-token-<random>`.
  const prefix = `${object.metadata.name}-token-`;
  object['secrets'] = secrets.filter(
    (ref) => !(isRecord(ref) && typeof ref['name'] === 'string' && ref['name'].startsWith(prefix)),
  );
  dropIfEmpty(object, 'secrets');
}

function cleanWebhooks(object: KubeObject): void {
  const webhooks = object['webhooks'];
  if (!Array.isArray(webhooks)) return;
  // Injected by cert-manager's cainjector or the webhook itself, and rotated with the certificate.
  for (const webhook of webhooks) deleteIn(webhook, ['clientConfig'], 'caBundle');
}

function cleanAggregatedRole(object: KubeObject): void {
  // The clusterrole-aggregation controller rewrites `rules` from the labelled roles.
  if (isRecord(object['aggregationRule'])) delete object['rules'];
}

function deleteIn(root: unknown, path: readonly string[], key: string): void {
  let node = root;
  for (const step of path) node = isRecord(node) ? node[step] : undefined;
  if (isRecord(node)) delete node[key];
}
