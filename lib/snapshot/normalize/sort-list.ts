import { isPlainObject } from './step.js';

/** A sort key: compared part by part, undefined before numbers before strings. */
export type SortKey = readonly (string | number | undefined)[];

/**
 * A sorted copy of a set-like list (the API returns its items in no promised order). Ties, and
 * items without the key, are ordered by their canonical JSON, so the result depends only on which
 * items the list holds. A value that is not a list is returned as it is.
 */
export function sortedBy(value: unknown, key: (item: unknown) => SortKey): unknown {
  if (!Array.isArray(value)) return value;
  const decorated = value.map((item: unknown) => ({
    item,
    key: key(item),
    json: undefined as string | undefined,
  }));
  decorated.sort((a, b) => {
    const byKey = compareKeys(a.key, b.key);
    if (byKey !== 0) return byKey;
    a.json ??= canonicalJson(a.item);
    b.json ??= canonicalJson(b.item);
    return compareParts(a.json, b.json);
  });
  return decorated.map((entry) => entry.item);
}

function compareKeys(a: SortKey, b: SortKey): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const byPart = compareParts(a[i], b[i]);
    if (byPart !== 0) return byPart;
  }
  return 0;
}

function compareParts(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  // Code-unit order, never localeCompare: every machine must sort the same way.
  return (a as string | number) < (b as string | number) ? -1 : 1;
}

function rank(part: string | number | undefined): number {
  return part === undefined ? 0 : typeof part === 'number' ? 1 : 2;
}

/** JSON with object keys sorted (code-unit order) at every level: a stable identity for an item. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => canonicalJson(item ?? null)).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort((a, b) => compareParts(a, b));
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
