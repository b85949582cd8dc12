import type { Resource } from '../../model/schema.js';
import { isPlainObject } from './step.js';

/**
 * Dates become ISO strings and undefined object fields disappear, at every depth, so later steps
 * and the canonical YAML see JSON-like data (SDK v3 objects hold both). Runs first, for all types.
 */
export function toPlainData(resource: Resource): Resource {
  return plain(resource) as Resource;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
  // As in JSON, an undefined list item becomes null (dropping it would shift the others).
  if (Array.isArray(value))
    return value.map((item: unknown) => (item === undefined ? null : plain(item)));
  if (!isPlainObject(value)) return value;
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item !== undefined) entries.push([key, plain(item)]);
  }
  // fromEntries defines own properties: a `__proto__` key stays data, never a prototype.
  return Object.fromEntries(entries);
}
