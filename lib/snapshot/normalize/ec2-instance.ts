import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import { editConfiguration, editField, editItems, editObject, omit, pick } from './step.js';

// Fields that change while the configuration does not: run state, timestamps, public addresses
// that come and go with stop/start, and the idempotency token of the launch call.
const VOLATILE = [
  'State',
  'StateTransitionReason',
  'StateReason',
  'LaunchTime',
  'UsageOperationUpdateTime',
  'PublicIpAddress',
  'PublicDnsName',
  'ClientToken',
];
// `pending`/`disabling` only say that `enabled`/`disabled` is on its way.
const TRANSITIONAL_MONITORING = ['pending', 'disabling'];

/** Drops an EC2 instance's volatile fields: run state, launch and attach times, public addresses, transitional monitoring. */
export function dropInstanceVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    let edited = omit(configuration, VOLATILE);
    edited = editField(edited, 'Monitoring', (monitoring) =>
      editObject(monitoring, (m) =>
        TRANSITIONAL_MONITORING.includes(String(m['State'])) ? omit(m, ['State']) : m,
      ),
    );
    edited = editField(edited, 'NetworkInterfaces', (interfaces) =>
      editItems(interfaces, (eni) => {
        let next = omit(eni, ['Association']);
        next = editField(next, 'Attachment', (a) =>
          editObject(a, (o) => omit(o, ['AttachTime', 'Status'])),
        );
        return editField(next, 'PrivateIpAddresses', (ips) =>
          editItems(ips, (ip) => omit(ip, ['Association'])),
        );
      }),
    );
    return editField(edited, 'BlockDeviceMappings', (mappings) =>
      editItems(mappings, (mapping) =>
        editField(mapping, 'Ebs', (ebs) =>
          editObject(ebs, (o) => omit(o, ['AttachTime', 'Status'])),
        ),
      ),
    );
  });
}

/** Sorts an EC2 instance's set-like lists: security groups, network interfaces (and their groups), block devices, product codes. */
export function sortInstanceLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    let edited = editField(configuration, 'SecurityGroups', (groups) =>
      sortedBy(groups, (g) => [pick(g, 'GroupId')]),
    );
    edited = editField(edited, 'NetworkInterfaces', (interfaces) =>
      sortedBy(
        editItems(interfaces, (eni) =>
          editField(eni, 'Groups', (groups) => sortedBy(groups, (g) => [pick(g, 'GroupId')])),
        ),
        (eni) => [pick(eni, 'Attachment', 'DeviceIndex'), pick(eni, 'NetworkInterfaceId')],
      ),
    );
    edited = editField(edited, 'BlockDeviceMappings', (mappings) =>
      sortedBy(mappings, (m) => [pick(m, 'DeviceName')]),
    );
    return editField(edited, 'ProductCodes', (codes) =>
      sortedBy(codes, (c) => [pick(c, 'ProductCodeId'), pick(c, 'ProductCodeType')]),
    );
  });
}
