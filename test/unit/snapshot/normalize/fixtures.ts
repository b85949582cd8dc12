import type { Resource } from '../../../../lib/model/schema.js';

/** A resource record of `resourceType` around `configuration`, as a collector builds it. */
export function resourceOf(resourceType: string, configuration: Record<string, unknown>): Resource {
  return {
    schemaVersion: 1,
    resourceType,
    resourceId: 'id-1',
    accountId: '123456789012',
    awsRegion: 'eu-west-1',
    tags: {},
    configuration,
  };
}

/** Freezes `value` and everything it holds, so any mutation throws (ESM code is strict). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
