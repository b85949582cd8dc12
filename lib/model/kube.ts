import { KubeObjectError } from './kube-errors.js';

/** One entry of `metadata.ownerReferences`. */
export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid?: string;
  readonly controller?: boolean;
  readonly [field: string]: unknown;
}

/** One entry of `metadata.managedFields` (only the fields the facts read are typed). */
export interface ManagedFieldsEntry {
  readonly manager?: string;
  readonly operation?: string;
  readonly time?: string;
  readonly subresource?: string;
  readonly [field: string]: unknown;
}

/** `metadata` of an object: the fields statetrail reads are typed, every other field is kept. */
export interface KubeMetadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  managedFields?: ManagedFieldsEntry[];
  [field: string]: unknown;
}

/** A Kubernetes object as the API returns it (JSON), with apiVersion and kind always set. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeMetadata;
  [field: string]: unknown;
}

/** Group, version and kind of an object; `group` is '' for the core group. */
export interface Gvk {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** One managedFields update, as kept in the side facts. */
export interface FieldUpdate {
  readonly manager: string;
  readonly operation: string;
  /** RFC 3339 time of the update; absent when the server did not record one. */
  readonly time?: string;
}

/** The tool that keeps an object in sync with a git repository or chart, when one does. */
export interface GitOpsOwner {
  readonly tool: 'argocd' | 'flux' | 'helm';
  /** Which application, Kustomization, HelmRelease or Helm release: `<namespace>/<name>` or the app name. */
  readonly detail: string;
}

/** Facts read from the live object before cleaning; they go to commit messages, never into the file. */
export interface KubeFacts {
  /** The object's last updates, latest first (from managedFields). */
  readonly updates: readonly FieldUpdate[];
  /** The owner whose controller manages this object (ownerReferences with `controller: true`). */
  readonly controller?: {
    readonly apiVersion: string;
    readonly kind: string;
    readonly name: string;
  };
  /** The GitOps tool or Helm release that owns the object. */
  readonly gitOps?: GitOpsOwner;
  /** When the object's deletion was requested (it still exists, held by finalizers). */
  readonly deletionTimestamp?: string;
}

/** One exported object: the Kubernetes counterpart of the AWS `Resource` record. */
export interface KubeRecord {
  readonly cluster: string;
  /** API group; '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Absent for cluster-scoped objects. */
  readonly namespace?: string;
  readonly name: string;
  /** The cleaned object: what the trail file holds. */
  readonly manifest: KubeObject;
  readonly facts: KubeFacts;
}

/** Group and version of an `apiVersion` (`apps/v1` -> apps, v1; `v1` -> '', v1). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  if (slash === -1) return { group: '', version: apiVersion };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The Gvk of an object. */
export function gvkOf(object: KubeObject): Gvk {
  return { ...splitApiVersion(object.apiVersion), kind: object.kind };
}

/** True for a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A list item (or a whole object) as a KubeObject: list items carry no apiVersion and kind, so the
 * caller passes the list's. Throws KubeObjectError when the item has no `metadata.name`.
 */
export function toKubeObject(
  item: unknown,
  typeMeta: { readonly apiVersion: string; readonly kind: string },
): KubeObject {
  if (!isRecord(item)) throw new KubeObjectError('A Kubernetes list item is not an object');
  const metadata = item['metadata'];
  if (!isRecord(metadata) || typeof metadata['name'] !== 'string' || metadata['name'] === '') {
    throw new KubeObjectError(`A ${typeMeta.kind} has no metadata.name`);
  }
  return { ...item, apiVersion: typeMeta.apiVersion, kind: typeMeta.kind } as KubeObject;
}

/** The owner reference with `controller: true`, if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((owner) => owner.controller === true);
}
