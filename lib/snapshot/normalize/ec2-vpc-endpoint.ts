import type { Resource } from '../../model/schema.js';
import { sortedStrings } from './ec2-supplementary.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, omit, pick } from './step.js';

/** Drops a VPC endpoint's `State` and its last transient error (`LastError`, `FailureReason`). */
export function dropVpcEndpointVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    omit(configuration, ['State', 'LastError', 'FailureReason']),
  );
}

/**
 * Parses a VPC endpoint's `PolicyDocument` (a JSON string) into data, so the file shows the
 * policy with sorted keys and whitespace changes disappear; a document that is not JSON stays.
 */
export function parseVpcEndpointPolicy(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'PolicyDocument', (document) => {
      if (typeof document !== 'string') return document;
      try {
        return JSON.parse(document) as unknown;
      } catch {
        return document;
      }
    }),
  );
}

/** Sorts a VPC endpoint's route tables, subnets, ENIs, security groups and DNS entries. */
export function sortVpcEndpointLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    let edited = configuration;
    for (const list of ['RouteTableIds', 'SubnetIds', 'NetworkInterfaceIds'])
      edited = editField(edited, list, sortedStrings);
    edited = editField(edited, 'Groups', (groups) => sortedBy(groups, (g) => [pick(g, 'GroupId')]));
    return editField(edited, 'DnsEntries', (entries) =>
      sortedBy(entries, (e) => [pick(e, 'DnsName')]),
    );
  });
}
