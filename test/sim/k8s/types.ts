/** A subresource a type serves (`status`, `scale`, `log`): listed in discovery, never listable. */
export interface ApiSubresource {
  name: string;
  verbs: readonly string[];
  /** The kind it answers with, when not the parent's (`Scale`, `Eviction`). */
  kind?: string;
  group?: string;
  version?: string;
}

/** One group/version/resource the sim serves, with the facts discovery publishes about it. */
export interface ApiResourceType {
  /** `''` for the core (legacy) group. */
  group: string;
  version: string;
  /** The plural path segment (`deployments`). */
  resource: string;
  kind: string;
  singularName: string;
  namespaced: boolean;
  verbs: readonly string[];
  shortNames?: readonly string[];
  categories?: readonly string[];
  subresources?: readonly ApiSubresource[];
}

/** Object metadata as the API server returns it; only `name` is required in the world. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  managedFields?: ManagedFieldsEntry[];
  finalizers?: string[];
  [key: string]: unknown;
}

/** `metadata.ownerReferences[]`. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** `metadata.managedFields[]`: who wrote which fields, when, and how. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** A stored object: no `apiVersion`/`kind` (the server adds them on a single GET). */
export interface KubeObject {
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** The full verb set of a normal read-write resource. */
export const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
] as const;

/** Verbs of a `status` or `scale` subresource. */
export const STATUS_VERBS = ['get', 'patch', 'update'] as const;

/** `apps/v1` for a group and version, `v1` for the core group. */
export function groupVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}
