import type { Resource } from '../../model/schema.js';
import { editSupplementary } from './s3-supplementary.js';
import { editField, isPlainObject } from './step.js';

/**
 * Makes a bucket policy (`BucketPolicy.Policy`) a JSON object with its keys sorted at every
 * level, parsing it first if it is still the string S3 sends. Nothing else is rewritten: a lone
 * `Action: s3:GetObject` stays a string and statements keep their order, so the trail records
 * what AWS returns. Semantic equivalence (string vs one-element list, account id vs root ARN) is
 * the drift engine's business, not the recorder's. A string that does not parse stays as it is.
 */
export function canonicalizeBucketPolicy(resource: Resource): Resource {
  return editSupplementary(resource, 'BucketPolicy', (output) =>
    editField(output, 'Policy', (policy) => sortKeysDeep(parsed(policy))),
  );
}

function parsed(policy: unknown): unknown {
  if (typeof policy !== 'string') return policy;
  try {
    return JSON.parse(policy) as unknown;
  } catch {
    return policy;
  }
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (!isPlainObject(value)) return value;
  // Code-unit order, as the canonical YAML writer sorts; fromEntries keeps `__proto__` as data.
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, sortKeysDeep(value[key])]));
}
