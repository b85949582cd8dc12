import type { Resource } from '../../model/schema.js';

/** One normalization step: pure, returns a new record and never mutates its input. */
export type NormalizeStep = (resource: Resource) => Resource;

/** A JSON-like object as SDK responses hold them. */
export type PlainObject = Record<string, unknown>;

/** True for an object literal (not an array, Date or other class instance). */
export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy of `resource` whose configuration is `edit(configuration)`. */
export function editConfiguration(
  resource: Resource,
  edit: (configuration: PlainObject) => PlainObject,
): Resource {
  return { ...resource, configuration: edit(resource.configuration) };
}

/** A copy of `object` without `keys`; `object` itself when it has none of them. */
export function omit(object: PlainObject, keys: readonly string[]): PlainObject {
  if (!keys.some((key) => Object.hasOwn(object, key))) return object;
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** A copy of `object` with `object[key]` replaced by `edit(object[key])`; `object` when `key` is absent. */
export function editField(
  object: PlainObject,
  key: string,
  edit: (value: unknown) => unknown,
): PlainObject {
  if (!Object.hasOwn(object, key)) return object;
  return { ...object, [key]: edit(object[key]) };
}

/** Applies `edit` to `value` when it is a plain object; any other value is returned as it is. */
export function editObject(value: unknown, edit: (object: PlainObject) => PlainObject): unknown {
  return isPlainObject(value) ? edit(value) : value;
}

/** A list whose plain-object items are `edit(item)`; other items, and non-lists, stay as they are. */
export function editItems(value: unknown, edit: (item: PlainObject) => PlainObject): unknown {
  return Array.isArray(value) ? value.map((item: unknown) => editObject(item, edit)) : value;
}

/** The string or number at `path` inside `value`, or undefined (for sort keys). */
export function pick(value: unknown, ...path: string[]): string | number | undefined {
  let current = value;
  for (const key of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return typeof current === 'string' || typeof current === 'number' ? current : undefined;
}
