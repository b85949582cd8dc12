import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import { editField, isPlainObject, type PlainObject } from './step.js';

/** A copy of `resource` whose `supplementaryConfiguration[key]` is `edit(value)`; itself when absent. */
export function editSupplementary(
  resource: Resource,
  key: string,
  edit: (value: unknown) => unknown,
): Resource {
  const supplementary = resource.supplementaryConfiguration;
  if (!supplementary || !Object.hasOwn(supplementary, key)) return resource;
  return { ...resource, supplementaryConfiguration: editField(supplementary, key, edit) };
}

/** A sorted copy of a list of strings (a set such as `SubnetIds`); other values unchanged. */
export function sortedStrings(value: unknown): unknown {
  return sortedBy(value, (item) => [typeof item === 'string' ? item : undefined]);
}

/** A list without the plain-object items `drop` selects; other values unchanged. */
export function withoutItems(value: unknown, drop: (item: PlainObject) => boolean): unknown {
  return Array.isArray(value)
    ? value.filter((item: unknown) => !(isPlainObject(item) && drop(item)))
    : value;
}

/** A sort-key part for a boolean field: false (or absent) before true. */
export function flag(value: unknown, key: string): number {
  return isPlainObject(value) && value[key] === true ? 1 : 0;
}
