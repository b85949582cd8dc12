import { z } from 'zod';
import { instanceScope } from '../terraform/scope.js';
import type { StateInstance } from '../terraform/state-instance.js';
import { fingerprintValue } from './accept.js';
import { declaredObject } from './kube/declared.js';
import { BY_TERRAFORM_TYPE } from './mapping/registry.js';

/** The trail path of the Terraform record. */
export const TERRAFORM_RECORD_PATH = '.statetrail/terraform.json';

/** One instance as the record keeps it: identifiers and a fingerprint, never attribute values. */
export const RecordedInstance = z.strictObject({
  type: z.string(),
  id: z.string(),
  accountId: z.string().optional(),
  region: z.string().optional(),
  /** A Kubernetes instance's cluster, when the config names it for the state. */
  cluster: z.string().optional(),
  /** A Kubernetes instance's object: `<group or core>/<Kind>/<namespace or _cluster>/<name>`. */
  object: z.string().optional(),
  /** sha256 of the instance's (already masked) attributes in canonical JSON. */
  fingerprint: z.string(),
});
export type RecordedInstance = z.infer<typeof RecordedInstance>;

/**
 * `.statetrail/terraform.json`: per state, its lineage and serial and each managed instance's
 * fingerprint as of the last scan, so the next scan can tell a change Terraform made (the
 * instance's attributes changed between serials) from one it did not.
 */
export const TerraformRecord = z.strictObject({
  version: z.literal(1),
  states: z.record(
    z.string(),
    z.strictObject({
      lineage: z.string(),
      serial: z.number().int(),
      instances: z.record(z.string(), RecordedInstance),
    }),
  ),
});
export type TerraformRecord = z.infer<typeof TerraformRecord>;

/** The record of the states a scan compared with (instances of compared types only). */
export function recordInstances(instances: readonly StateInstance[]): TerraformRecord {
  const states: TerraformRecord['states'] = {};
  for (const instance of instances) {
    if (instance.deposed) continue;
    const recorded = recordedIdentity(instance);
    if (recorded === undefined) continue;
    states[instance.state] ??= {
      lineage: instance.lineage,
      serial: instance.serial,
      instances: {},
    };
    const state = states[instance.state];
    if (!state) continue;
    state.instances[instance.address] = {
      type: instance.type,
      ...recorded,
      fingerprint: fingerprintValue(instance.attributes),
    };
  }
  return { version: 1, states: sortRecord(states) };
}

/** What the record keeps to find an instance's trail path again, or undefined for types not compared. */
function recordedIdentity(
  instance: StateInstance,
): Omit<RecordedInstance, 'type' | 'fingerprint'> | undefined {
  const mapping = BY_TERRAFORM_TYPE.get(instance.type);
  if (mapping) {
    const id = mapping.role === 'primary' ? mapping.cloudId(instance.attributes) : undefined;
    if (id === undefined) return undefined;
    const { accountId, region } = instanceScope(instance);
    return { id, ...(accountId ? { accountId } : {}), ...(region ? { region } : {}) };
  }
  const declared = instance.type.startsWith('kube') ? declaredObject(instance) : undefined;
  if (declared === undefined) return undefined;
  const cluster = instance.scopeHint?.cluster;
  return { id: declared.id, ...(cluster ? { cluster } : {}), object: kubeObjectKey(declared) };
}

/** `<group or core>/<Kind>/<namespace or _cluster>/<name>`: a trail path without its cluster. */
export function kubeObjectKey(parts: {
  readonly group: string;
  readonly kind: string;
  readonly namespace?: string | undefined;
  readonly name: string;
  readonly namespaced?: boolean | undefined;
}): string {
  // A manifest that names no namespace is taken at its word only for a kind it says is namespaced.
  const namespace = parts.namespace ?? (parts.namespaced === true ? 'default' : '_cluster');
  return [parts.group === '' ? 'core' : parts.group, parts.kind, namespace, parts.name].join('/');
}

/** Parses a stored record; an unreadable one counts as none (the next scan rewrites it). */
export function parseTerraformRecord(bytes: Uint8Array | null): TerraformRecord | null {
  if (bytes === null) return null;
  try {
    const parsed = TerraformRecord.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The record's canonical bytes: keys sorted, so an unchanged state rewrites the same file. */
export function renderTerraformRecord(record: TerraformRecord): Uint8Array {
  return new TextEncoder().encode(
    `${JSON.stringify({ ...record, states: sortRecord(record.states) }, null, 2)}\n`,
  );
}

function sortRecord(states: TerraformRecord['states']): TerraformRecord['states'] {
  const sorted: TerraformRecord['states'] = {};
  for (const state of Object.keys(states).sort()) {
    const entry = states[state];
    if (!entry) continue;
    const instances: Record<string, RecordedInstance> = {};
    for (const address of Object.keys(entry.instances).sort()) {
      const recorded = entry.instances[address];
      if (recorded) instances[address] = recorded;
    }
    sorted[state] = { ...entry, instances };
  }
  return sorted;
}
