import type { Resource } from '../../model/schema.js';
import { isPlainObject, type PlainObject } from './step.js';

/**
 * A copy of `resource` whose `supplementaryConfiguration[key]` is `edit(value)`; `resource` itself
 * when that read is absent, null (not configured) or not an object.
 */
export function editSupplementary(
  resource: Resource,
  key: string,
  edit: (value: PlainObject) => PlainObject,
): Resource {
  const supplementary = resource.supplementaryConfiguration;
  const value = supplementary?.[key];
  if (supplementary === undefined || !isPlainObject(value)) return resource;
  return { ...resource, supplementaryConfiguration: { ...supplementary, [key]: edit(value) } };
}
