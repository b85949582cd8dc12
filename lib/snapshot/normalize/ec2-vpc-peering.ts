import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, editObject, omit, pick } from './step.js';

/** Drops a peering connection's `Status` (pending-acceptance, provisioning, active) and `ExpirationTime`. */
export function dropVpcPeeringVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    omit(configuration, ['Status', 'ExpirationTime']),
  );
}

/** Sorts the CIDR blocks of both sides of a peering connection. */
export function sortVpcPeeringLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    const sortSide = (side: unknown): unknown =>
      editObject(side, (info) => {
        const edited = editField(info, 'CidrBlockSet', (set) =>
          sortedBy(set, (c) => [pick(c, 'CidrBlock')]),
        );
        return editField(edited, 'Ipv6CidrBlockSet', (set) =>
          sortedBy(set, (c) => [pick(c, 'Ipv6CidrBlock')]),
        );
      });
    const edited = editField(configuration, 'AccepterVpcInfo', sortSide);
    return editField(edited, 'RequesterVpcInfo', sortSide);
  });
}
