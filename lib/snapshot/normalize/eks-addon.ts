import type { Resource } from '../../model/schema.js';
import { sortedStrings } from './eks-lists.js';
import { editConfiguration, editField, omit } from './step.js';

/** Drops an EKS add-on's `status`, `health` and `modifiedAt`, which AWS moves on its own. */
export function dropAddonVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    omit(configuration, ['status', 'health', 'modifiedAt']),
  );
}

/** Sorts an EKS add-on's pod identity association ARNs. */
export function sortAddonLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(configuration, 'podIdentityAssociations', sortedStrings),
  );
}
