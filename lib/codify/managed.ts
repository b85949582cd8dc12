import { BY_TERRAFORM_TYPE } from '../drift/mapping/registry.js';
import type { StateInstance } from '../terraform/state-instance.js';

/**
 * Cloud id -> address of each resource a state manages (a primary mapped type, not deposed):
 * what `codify` references instead of writing the id, and whose addresses it never reuses.
 */
export function managedAddresses(instances: readonly StateInstance[]): Map<string, string> {
  const managed = new Map<string, string>();
  for (const instance of instances) {
    const mapping = BY_TERRAFORM_TYPE.get(instance.type);
    if (mapping?.role !== 'primary' || instance.deposed !== undefined) continue;
    const id = mapping.cloudId(instance.attributes);
    if (id !== undefined && !managed.has(id)) managed.set(id, instance.address);
  }
  return managed;
}
