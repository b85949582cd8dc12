import { sortedBy } from './sort-list.js';

/** A sorted copy of a list of strings (ids, CIDRs, group names) whose order carries no meaning. */
export function sortedStrings(value: unknown): unknown {
  return sortedBy(value, (item) => [typeof item === 'string' ? item : undefined]);
}
