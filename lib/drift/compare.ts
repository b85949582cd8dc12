import { isRecord } from '../model/kube.js';
import type { Resource } from '../model/schema.js';
import { SENSITIVE } from '../terraform/state-instance.js';
import type { AttributeSpec, StateContext } from './mapping/types.js';
import {
  canonicalKey,
  holdsSensitive,
  identicalData,
  sameCanonical,
  UNKNOWN,
} from './normalize-values.js';
import type { DriftChange } from './schema.js';

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === null ? [] : [value];
}

function minus(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const keys = new Set(b.map(canonicalKey));
  return a.filter((item) => !keys.has(canonicalKey(item)));
}

/**
 * The changes of one compared attribute. Unknown on either side (not read, unreadable, or masked
 * as sensitive in state) gives none: unknown is never different. In a map, that holds per key.
 */
export function compareAttribute<R = Resource>(
  spec: AttributeSpec<R>,
  resource: R,
  context: StateContext,
): DriftChange[] {
  const rawState = spec.state(context.attributes, context);
  if (rawState === UNKNOWN) return [];
  // A map compares key by key, so one masked key (a ConfigMap's DB_PASSWORD) hides only itself;
  // a map masked whole, or any other masked value, hides everything.
  const perKey = spec.kind === 'map' && isRecord(rawState);
  if (!perKey && holdsSensitive(rawState, SENSITIVE)) return [];
  const rawCloud = spec.cloud(resource, context);
  // Normalizers are pure: the same raw data on both sides (most of a resource in sync) needs none.
  if (rawCloud === UNKNOWN || identicalData(rawState, rawCloud)) return [];
  const state = spec.normalize(rawState);
  const cloud = spec.normalize(rawCloud);
  if (sameCanonical(state, cloud)) return [];
  switch (spec.kind ?? 'value') {
    case 'map': {
      const s = asRecord(state);
      const c = asRecord(cloud);
      const keys = [...new Set([...Object.keys(s), ...Object.keys(c)])].sort();
      return keys
        .filter((key) => !holdsSensitive(s[key], SENSITIVE))
        .filter((key) => !sameCanonical(s[key] ?? null, c[key] ?? null))
        .map((key) => ({
          attribute: `${spec.name}.${key}`,
          state: s[key] ?? null,
          cloud: c[key] ?? null,
        }));
    }
    case 'set': {
      // Only the members on one side: a 40-rule group with one rule added reads as that rule.
      const s = asList(state);
      const c = asList(cloud);
      return [{ attribute: spec.name, state: minus(s, c), cloud: minus(c, s) }];
    }
    default:
      return [{ attribute: spec.name, state, cloud }];
  }
}
