import { z } from 'zod';
import { instanceScope } from '../terraform/scope.js';
import type { StateInstance } from '../terraform/state-instance.js';
import { fingerprintValue } from './accept.js';
import { BY_TERRAFORM_TYPE } from './mapping/registry.js';

/** The trail path of the Terraform record. */
export const TERRAFORM_RECORD_PATH = '.statetrail/terraform.json';

/** One instance as the record keeps it: identifiers and a fingerprint, never attribute values. */
export const RecordedInstance = z.strictObject({
  type: z.string(),
  id: z.string(),
  accountId: z.string().optional(),
  region: z.string().optional(),
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
    const mapping = BY_TERRAFORM_TYPE.get(instance.type);
    if (!mapping || mapping.role !== 'primary' || instance.deposed) continue;
    const id = mapping.cloudId(instance.attributes);
    if (id === undefined) continue;
    states[instance.state] ??= {
      lineage: instance.lineage,
      serial: instance.serial,
      instances: {},
    };
    const state = states[instance.state];
    if (!state) continue;
    const { accountId, region } = instanceScope(instance);
    state.instances[instance.address] = {
      type: instance.type,
      id,
      ...(accountId ? { accountId } : {}),
      ...(region ? { region } : {}),
      fingerprint: fingerprintValue(instance.attributes),
    };
  }
  return { version: 1, states: sortRecord(states) };
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
