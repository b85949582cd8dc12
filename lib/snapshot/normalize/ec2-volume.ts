import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, editItems, omit, pick } from './step.js';

/** Drops a volume's `State` (in-use/available follows attachment) and each attachment's `AttachTime` and `State`. */
export function dropVolumeVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(omit(configuration, ['State']), 'Attachments', (attachments) =>
      editItems(attachments, (a) => omit(a, ['AttachTime', 'State'])),
    ),
  );
}

/** Sorts a (multi-attach) volume's attachments by instance, then device. */
export function sortVolumeLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'Attachments', (attachments) =>
      sortedBy(attachments, (a) => [pick(a, 'InstanceId'), pick(a, 'Device')]),
    ),
  );
}
