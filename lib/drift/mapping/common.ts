import type { Resource } from '../../model/schema.js';
import {
  type Normalizer,
  normalizeBoolean,
  normalizeNumber,
  normalizeString,
  normalizeStringSet,
  normalizeTags,
} from '../normalize-values.js';
import { configAtPath, stateField } from './read.js';
import type { AttributeSpec } from './types.js';

/**
 * Tags, reported as `tags.<key>`: the state side is `tags_all` (the config's tags plus the
 * provider's `default_tags`, which the cloud carries too), `tags` on providers before 3.38.
 */
export const TAGS: AttributeSpec = {
  name: 'tags',
  state: (attributes) =>
    'tags_all' in attributes ? attributes['tags_all'] : stateField(attributes, 'tags'),
  cloud: (resource) => resource.tags,
  normalize: normalizeTags,
  kind: 'map',
};

const NORMALIZERS = {
  string: normalizeString,
  bool: normalizeBoolean,
  number: normalizeNumber,
  set: normalizeStringSet,
} as const satisfies Record<string, Normalizer>;

/** A top-level state attribute against one `configuration` path. */
export function field(
  name: string,
  path: readonly (string | number)[],
  as: keyof typeof NORMALIZERS = 'string',
): AttributeSpec {
  return {
    name,
    state: (attributes) => stateField(attributes, name),
    cloud: (resource: Resource) => configAtPath(resource, path),
    normalize: NORMALIZERS[as],
    ...(as === 'set' ? { kind: 'set' as const } : {}),
  };
}
