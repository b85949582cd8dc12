import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, editItems, omit, pick } from './step.js';

/**
 * Drops the `State` of an internet gateway's (or egress-only gateway's) attachments: it reads
 * `available`/`attached` at rest and passes through `attaching`/`detaching`; which VPC the
 * gateway is attached to (`VpcId`) is the configuration and stays.
 */
export function dropGatewayAttachmentStates(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'Attachments', (attachments) =>
      editItems(attachments, (a) => omit(a, ['State'])),
    ),
  );
}

/** Sorts a gateway's attachments by VPC id. */
export function sortGatewayAttachments(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'Attachments', (attachments) =>
      sortedBy(attachments, (a) => [pick(a, 'VpcId')]),
    ),
  );
}
