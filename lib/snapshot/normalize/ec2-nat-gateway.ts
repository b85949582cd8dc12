import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, editItems, omit, pick } from './step.js';

/** Drops a NAT gateway's `State` and failure fields, and each address's `Status` and failure message. */
export function dropNatGatewayVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(
      omit(configuration, ['State', 'FailureCode', 'FailureMessage']),
      'NatGatewayAddresses',
      (addresses) => editItems(addresses, (a) => omit(a, ['Status', 'FailureMessage'])),
    ),
  );
}

/** Sorts a NAT gateway's addresses by allocation id, then private IP. */
export function sortNatGatewayLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'NatGatewayAddresses', (addresses) =>
      sortedBy(addresses, (a) => [pick(a, 'AllocationId'), pick(a, 'PrivateIp')]),
    ),
  );
}
