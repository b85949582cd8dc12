import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, omit, pick } from './step.js';

/**
 * Drops a VPC's `State` (pending/available). The `CidrBlockState` of each association stays:
 * associated or disassociated is configuration.
 */
export function dropVpcVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => omit(configuration, ['State']));
}

/** Sorts a VPC's IPv4 and IPv6 CIDR associations by association id. */
export function sortVpcLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    const byAssociation = (set: unknown): unknown =>
      sortedBy(set, (a) => [pick(a, 'AssociationId')]);
    const edited = editField(configuration, 'CidrBlockAssociationSet', byAssociation);
    return editField(edited, 'Ipv6CidrBlockAssociationSet', byAssociation);
  });
}
