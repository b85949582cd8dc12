import type { Resource } from '../../model/schema.js';
import { UNKNOWN } from '../normalize-values.js';
import type { Attributes } from './types.js';

function walk(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || current === undefined) return undefined;
    if (typeof current !== 'object') return UNKNOWN;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** A top-level state attribute; one the state does not record at all is unknown. */
export function stateField(attributes: Attributes, name: string): unknown {
  return name in attributes ? attributes[name] : UNKNOWN;
}

/** `configAt` with the path as one array: no copy per call on the comparison's hot path. */
export function configAtPath(resource: Resource, path: readonly (string | number)[]): unknown {
  return walk(resource.configuration, path);
}

/** A state attribute by path; an attribute the state does not record at all is unknown. */
export function stateAt(attributes: Attributes, ...path: (string | number)[]): unknown {
  const [first] = path;
  if (first === undefined || !(String(first) in attributes)) return UNKNOWN;
  return walk(attributes, path);
}

/** The first element of a Terraform nested block list (`versioning.0`), or null. */
export function firstBlock(value: unknown): Record<string, unknown> | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : null;
}

/** A field of the resource's `configuration`; absent fields read as absent (the SDK omits unset). */
export function configAt(resource: Resource, ...path: (string | number)[]): unknown {
  return walk(resource.configuration, path);
}

/** A supplementary read: unknown when listed in `unreadable` or never read. */
export function supplementaryAt(
  resource: Resource,
  read: string,
  ...path: (string | number)[]
): unknown {
  if (resource.unreadable?.includes(read)) return UNKNOWN;
  const supplementary = resource.supplementaryConfiguration;
  if (supplementary === undefined || !(read in supplementary)) return UNKNOWN;
  return walk(supplementary[read], path);
}

/** The string id in `attributes.id`, if any. */
export function idAttribute(attributes: Attributes): string | undefined {
  const id = attributes['id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A field of the first element of a Terraform nested block (`metadata_options.0.http_tokens`). */
export function blockAt(
  attributes: Attributes,
  name: string,
  ...path: (string | number)[]
): unknown {
  const value = stateAt(attributes, name);
  if (value === UNKNOWN) return UNKNOWN;
  const block = firstBlock(value);
  return block === null ? null : walk(block, path);
}
