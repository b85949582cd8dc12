import type { Resource } from '../../model/schema.js';
import { sortedStrings } from './eks-lists.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, editItems, editObject, omit, pick } from './step.js';

/** The supplementary key that holds an access entry's associated access policies. */
export const ACCESS_POLICIES = 'AccessPolicies';

/** Drops the `modifiedAt` of an EKS access entry and of each of its associated access policies. */
export function dropAccessEntryVolatileFields(resource: Resource): Resource {
  const edited = editConfiguration(resource, (configuration) =>
    omit(configuration, ['modifiedAt']),
  );
  return editAccessPolicies(edited, (policies) =>
    editItems(policies, (policy) => omit(policy, ['modifiedAt'])),
  );
}

/** Sorts an EKS access entry's Kubernetes groups, its access policies by ARN, and each policy's namespaces. */
export function sortAccessEntryLists(resource: Resource): Resource {
  const edited = editConfiguration(resource, (configuration) =>
    editField(configuration, 'kubernetesGroups', sortedStrings),
  );
  return editAccessPolicies(edited, (policies) =>
    sortedBy(
      editItems(policies, (policy) =>
        editField(policy, 'accessScope', (scope) =>
          editObject(scope, (s) => editField(s, 'namespaces', sortedStrings)),
        ),
      ),
      (policy) => [pick(policy, 'policyArn')],
    ),
  );
}

function editAccessPolicies(resource: Resource, edit: (policies: unknown) => unknown): Resource {
  const supplementary = resource.supplementaryConfiguration;
  if (supplementary === undefined || !Object.hasOwn(supplementary, ACCESS_POLICIES))
    return resource;
  return {
    ...resource,
    supplementaryConfiguration: editField(supplementary, ACCESS_POLICIES, edit),
  };
}
