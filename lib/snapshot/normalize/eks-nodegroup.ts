import type { Resource } from '../../model/schema.js';
import { sortedStrings } from './eks-lists.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, editObject, omit, pick } from './step.js';

// Status and health move on their own, `modifiedAt` with every AWS-side update, the AMI release
// with managed upgrades, and the desired size with the cluster autoscaler (Terraform users set
// `ignore_changes` on it for the same reason).
const VOLATILE = ['status', 'health', 'modifiedAt', 'releaseVersion'];

/** Drops an EKS node group's status, health, `modifiedAt`, `releaseVersion` and `scalingConfig.desiredSize`. */
export function dropNodegroupVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) =>
    editField(omit(configuration, VOLATILE), 'scalingConfig', (scaling) =>
      editObject(scaling, (s) => omit(s, ['desiredSize'])),
    ),
  );
}

/**
 * Sorts an EKS node group's set-like lists: subnets, remote-access source security groups, taints
 * and Auto Scaling groups. `instanceTypes` keeps its order: for On-Demand capacity it is the
 * priority in which EKS tries the types.
 */
export function sortNodegroupLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    let edited = editField(configuration, 'subnets', sortedStrings);
    edited = editField(edited, 'remoteAccess', (access) =>
      editObject(access, (a) => editField(a, 'sourceSecurityGroups', sortedStrings)),
    );
    edited = editField(edited, 'taints', (taints) =>
      sortedBy(taints, (t) => [pick(t, 'key'), pick(t, 'effect'), pick(t, 'value')]),
    );
    return editField(edited, 'resources', (resources) =>
      editObject(resources, (r) =>
        editField(r, 'autoScalingGroups', (groups) => sortedBy(groups, (g) => [pick(g, 'name')])),
      ),
    );
  });
}
