import type { Resource } from '../../model/schema.js';
import { editSupplementary } from './ec2-supplementary.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, omit, pick } from './step.js';

/**
 * Drops a prefix list's `State` and `StateMessage` (create/modify in progress or complete).
 * `Version` stays: it moves only when the entries change.
 */
export function dropPrefixListVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    omit(configuration, ['State', 'StateMessage']),
  );
}

/** Sorts a prefix list's entries (`supplementaryConfiguration.Entries`) by CIDR. */
export function sortPrefixListEntries(resource: Resource): Resource {
  return editSupplementary(resource, 'Entries', (entries) =>
    sortedBy(entries, (e) => [pick(e, 'Cidr')]),
  );
}
