import type { Resource } from '../../model/schema.js';
import { flag } from './ec2-supplementary.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, pick } from './step.js';

/** Sorts a network ACL's entries by (Egress, RuleNumber), the order AWS evaluates them in, and its associations by id. */
export function sortNetworkAclLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    const edited = editField(configuration, 'Entries', (entries) =>
      sortedBy(entries, (e) => [flag(e, 'Egress'), pick(e, 'RuleNumber')]),
    );
    return editField(edited, 'Associations', (associations) =>
      sortedBy(associations, (a) => [pick(a, 'NetworkAclAssociationId')]),
    );
  });
}
