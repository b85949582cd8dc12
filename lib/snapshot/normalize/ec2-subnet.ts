import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, omit, pick } from './step.js';

/** Drops a subnet's `AvailableIpAddressCount` (moves with every ENI) and `State`. */
export function dropSubnetVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    omit(configuration, ['AvailableIpAddressCount', 'State']),
  );
}

/** Sorts a subnet's IPv6 CIDR associations by association id. */
export function sortSubnetLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'Ipv6CidrBlockAssociationSet', (set) =>
      sortedBy(set, (a) => [pick(a, 'AssociationId')]),
    ),
  );
}
