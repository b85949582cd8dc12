import type { Random } from '../aws/random.js';
import type { KubeObject, ManagedFieldsEntry, ObjectMeta, OwnerReference } from './types.js';

/** Who wrote an object (or its status), how, and how many minutes after its creation. */
export interface Writer {
  manager: string;
  operation?: 'Apply' | 'Update';
  subresource?: 'status';
  minutes?: number;
}

/** Everything {@link buildObject} needs; `body` holds spec, data, status and the like. */
export interface ObjectInput {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: KubeObject & { apiVersion?: string; kind?: string };
  ownerRef?: OwnerReference;
  /** Minutes after the world's epoch the object was created. */
  createdAt?: number;
  generation?: number;
  writers?: readonly Writer[];
  body?: Record<string, unknown>;
}

/** Builds uids and timestamps for one world, deterministically from a seeded random. */
export interface MetaFactory {
  uid(): string;
  /** RFC 3339 at whole seconds, `minutes` after the epoch. */
  time(minutes: number): string;
}

/** A factory over a seeded random and an epoch. */
export function metaFactory(random: Random, epochMs: number): MetaFactory {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return {
    uid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`,
    time: (minutes) =>
      new Date(epochMs + Math.round(minutes * 60_000)).toISOString().replace('.000Z', 'Z'),
  };
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * A stored object with realistic metadata: uid, generation, creationTimestamp, ownerReferences,
 * managedFields per writer and, when kubectl client-side apply wrote it, the last-applied
 * annotation. The resourceVersion comes later, from the world, when the object is stored.
 */
export function buildObject(factory: MetaFactory, input: ObjectInput): KubeObject {
  const created = input.createdAt ?? 0;
  const writers = input.writers ?? [{ manager: 'kubectl-client-side-apply' }];
  const { status, ...desired } = input.body ?? {};
  const annotations = { ...input.annotations };
  if (writers.some((w) => w.manager === 'kubectl-client-side-apply'))
    annotations[LAST_APPLIED] = lastApplied(input, desired);
  const owner = input.ownerRef ?? (input.owner ? ownerRefTo(input.owner) : undefined);
  const metadata: ObjectMeta = {
    name: input.name,
    ...(input.namespace === undefined ? {} : { namespace: input.namespace }),
    uid: factory.uid(),
    ...(input.generation === undefined ? {} : { generation: input.generation }),
    creationTimestamp: factory.time(created),
    ...(input.labels ? { labels: input.labels } : {}),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    ...(owner ? { ownerReferences: [owner] } : {}),
    managedFields: writers.map((w) => managedEntry(factory, input, w, created, desired, status)),
  };
  return status === undefined ? { metadata, ...desired } : { metadata, ...desired, status };
}

/** A controller ownerReference pointing at an object that carries apiVersion and kind. */
export function ownerRefTo(
  owner: KubeObject & { apiVersion?: string; kind?: string },
): OwnerReference {
  return {
    apiVersion: String(owner.apiVersion),
    kind: String(owner.kind),
    name: owner.metadata.name,
    uid: String(owner.metadata.uid),
    controller: true,
    blockOwnerDeletion: true,
  };
}

function lastApplied(input: ObjectInput, desired: Record<string, unknown>): string {
  const metadata = {
    ...(input.annotations ? { annotations: input.annotations } : {}),
    ...(input.labels ? { labels: input.labels } : {}),
    name: input.name,
    ...(input.namespace === undefined ? {} : { namespace: input.namespace }),
  };
  return `${JSON.stringify({ apiVersion: input.apiVersion, kind: input.kind, metadata, ...desired })}\n`;
}

function managedEntry(
  factory: MetaFactory,
  input: ObjectInput,
  writer: Writer,
  created: number,
  desired: Record<string, unknown>,
  status: unknown,
): ManagedFieldsEntry {
  const fieldsV1: Record<string, unknown> = {};
  if (writer.subresource === 'status') {
    fieldsV1['f:status'] = fieldsOf(status, 2);
  } else {
    const meta: Record<string, unknown> = {};
    if (input.labels) meta['f:labels'] = fieldsOf(input.labels, 1, true);
    if (writer.manager === 'kubectl-client-side-apply')
      meta['f:annotations'] = { '.': {}, [`f:${LAST_APPLIED}`]: {} };
    if (input.owner || input.ownerRef) meta['f:ownerReferences'] = { '.': {} };
    if (Object.keys(meta).length > 0) fieldsV1['f:metadata'] = meta;
    for (const [key, value] of Object.entries(desired)) fieldsV1[`f:${key}`] = fieldsOf(value, 2);
  }
  return {
    manager: writer.manager,
    operation: writer.operation ?? 'Update',
    apiVersion: input.apiVersion,
    time: factory.time(created + (writer.minutes ?? 0)),
    fieldsType: 'FieldsV1',
    fieldsV1,
    ...(writer.subresource ? { subresource: writer.subresource } : {}),
  };
}

// FieldsV1 marks a map it owns with "." and each key as "f:<key>"; lists stay opaque leaves here.
function fieldsOf(value: unknown, depth: number, owned = false): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth === 0) return {};
  const out: Record<string, unknown> = owned ? { '.': {} } : {};
  for (const [key, child] of Object.entries(value))
    out[`f:${key}`] = fieldsOf(child, depth - 1, true);
  return out;
}
