import type { Resource } from '../../model/schema.js';
import { sortedStrings } from './eks-lists.js';
import { canonicalJson, sortedBy } from './sort-list.js';
import { editConfiguration, editField, omit, pick } from './step.js';

/** Drops an EKS Fargate profile's `status` and `health`, which AWS moves on its own. */
export function dropFargateProfileVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => omit(configuration, ['status', 'health']));
}

/**
 * Sorts an EKS Fargate profile's subnets and selectors: a pod is scheduled on Fargate when any
 * selector matches, so their order means nothing (Terraform holds them as a set).
 */
export function sortFargateProfileLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    const edited = editField(configuration, 'subnets', sortedStrings);
    return editField(edited, 'selectors', (selectors) =>
      sortedBy(selectors, (s) => [pick(s, 'namespace'), canonicalJson(s)]),
    );
  });
}
