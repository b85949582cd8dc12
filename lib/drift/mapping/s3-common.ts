import type { Resource } from '../../model/schema.js';
import { type Normalizer, normalizeString, UNKNOWN } from '../normalize-values.js';
import { supplementaryAt } from './read.js';
import type { AttributeSpec, Attributes } from './types.js';

/** A bucket name from `bucket`, or from an id `bucket` / `bucket,expected_bucket_owner`. */
export function bucketId(attributes: Attributes): string | undefined {
  const bucket = attributes['bucket'];
  if (typeof bucket === 'string' && bucket !== '') return bucket;
  const id = attributes['id'];
  return typeof id === 'string' && id !== '' ? id.split(',')[0] : undefined;
}

/** A compared attribute read from one of the bucket's supplementary reads. */
export function s3Spec(
  name: string,
  state: (attributes: Attributes) => unknown,
  read: string,
  cloud: (value: unknown) => unknown,
  normalize: Normalizer = normalizeString,
  extra: Partial<AttributeSpec> = {},
): AttributeSpec {
  return {
    name,
    state,
    cloud: (resource: Resource) => {
      const value = supplementaryAt(resource, read);
      return value === UNKNOWN ? UNKNOWN : cloud(value);
    },
    normalize,
    ...extra,
  };
}

/** A path into a value, undefined where it stops. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** The rows of a list, or none. */
export function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

/** The encryption rule in one comparable shape, from Terraform's block or the SDK's rule. */
export function encryption(algorithm: unknown, key: unknown, bucketKey: unknown): unknown {
  if (algorithm === undefined || algorithm === null || algorithm === '') return null;
  return {
    algorithm,
    bucketKey: bucketKey === true,
    kmsKey: typeof key === 'string' && key !== '' ? key : null,
  };
}

/** Versioning as `Enabled` / `Suspended`, never-enabled and `Disabled` as null. */
export function versioningStatus(value: unknown): unknown {
  return value === 'Enabled' || value === 'Suspended' ? value : null;
}
