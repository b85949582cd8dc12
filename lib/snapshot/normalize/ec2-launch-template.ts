import type { Resource } from '../../model/schema.js';
import { editSupplementary, sortedStrings } from './ec2-supplementary.js';
import { sortedBy } from './sort-list.js';
import { editField, editItems, editObject, type PlainObject, pick } from './step.js';

/**
 * Sorts the set-like lists of a launch template's `DefaultVersion` and `LatestVersion` data:
 * security groups, block devices, network interfaces (and their groups), tag specifications
 * (and their tags).
 */
export function sortLaunchTemplateVersionLists(resource: Resource): Resource {
  const sortVersion = (version: unknown): unknown =>
    editObject(version, (v) =>
      editField(v, 'LaunchTemplateData', (data) => editObject(data, sortData)),
    );
  return editSupplementary(
    editSupplementary(resource, 'DefaultVersion', sortVersion),
    'LatestVersion',
    sortVersion,
  );
}

function sortData(data: PlainObject): PlainObject {
  let edited = editField(data, 'SecurityGroupIds', sortedStrings);
  edited = editField(edited, 'SecurityGroups', sortedStrings);
  edited = editField(edited, 'BlockDeviceMappings', (mappings) =>
    sortedBy(mappings, (m) => [pick(m, 'DeviceName')]),
  );
  edited = editField(edited, 'NetworkInterfaces', (interfaces) =>
    sortedBy(
      editItems(interfaces, (eni) => editField(eni, 'Groups', sortedStrings)),
      (eni) => [pick(eni, 'NetworkCardIndex'), pick(eni, 'DeviceIndex')],
    ),
  );
  return editField(edited, 'TagSpecifications', (specs) =>
    sortedBy(
      editItems(specs, (spec) =>
        editField(spec, 'Tags', (tags) => sortedBy(tags, (t) => [pick(t, 'Key')])),
      ),
      (spec) => [pick(spec, 'ResourceType')],
    ),
  );
}
