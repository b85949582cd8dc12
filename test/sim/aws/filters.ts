import type { Filter, Tag } from '@aws-sdk/client-ec2';
import { invalidParameterValue } from './errors.js';

/** Filter name -> the values an item has for it (a filter matches when any value matches). */
export type FilterFields<T> = Record<
  string,
  (item: T) => readonly (string | number | boolean | undefined)[]
>;

/**
 * Applies EC2 `Filters` as EC2 does: names are ANDed, the values of one name ORed, values may use
 * `*` and `?` wildcards, `tag:<key>`, `tag-key` and `tag-value` work on every taggable resource,
 * and an unknown filter name is rejected with InvalidParameterValue.
 */
export function applyFilters<T>(
  items: readonly T[],
  filters: readonly Filter[] | undefined,
  fields: FilterFields<T>,
  tagsOf?: (item: T) => readonly Tag[] | undefined,
): T[] {
  if (!filters || filters.length === 0) return [...items];
  const tests = filters.map((filter) => predicate(filter, fields, tagsOf));
  return items.filter((item) => tests.every((test) => test(item)));
}

function predicate<T>(
  filter: Filter,
  fields: FilterFields<T>,
  tagsOf: ((item: T) => readonly Tag[] | undefined) | undefined,
): (item: T) => boolean {
  const name = filter.Name ?? '';
  const patterns = (filter.Values ?? []).map(wildcard);
  const anyMatches = (values: readonly unknown[]) =>
    values.some((v) => v !== undefined && patterns.some((p) => p.test(String(v))));
  const field = fields[name];
  if (field) return (item) => anyMatches(field(item));
  if (tagsOf && name.startsWith('tag:')) {
    const key = name.slice('tag:'.length);
    return (item) =>
      anyMatches((tagsOf(item) ?? []).filter((t) => t.Key === key).map((t) => t.Value));
  }
  if (tagsOf && name === 'tag-key')
    return (item) => anyMatches((tagsOf(item) ?? []).map((t) => t.Key));
  if (tagsOf && name === 'tag-value')
    return (item) => anyMatches((tagsOf(item) ?? []).map((t) => t.Value));
  throw invalidParameterValue(`The filter '${name}' is invalid`);
}

function wildcard(value: string): RegExp {
  const source = value
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's');
}
