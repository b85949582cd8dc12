import type { Resource } from '../../model/schema.js';
import { sortedBy } from './sort-list.js';
import {
  editConfiguration,
  editField,
  editItems,
  editObject,
  isPlainObject,
  omit,
  type PlainObject,
  pick,
} from './step.js';

// An address AWS lends (not an Elastic IP) is owned by `amazon` and changes on stop/start.
function isEphemeral(association: unknown): boolean {
  return isPlainObject(association) && association['IpOwnerId'] === 'amazon';
}

function dropEphemeralAssociation(object: PlainObject): PlainObject {
  return isEphemeral(object['Association']) ? omit(object, ['Association']) : object;
}

/**
 * Drops an ENI's `Status`, its attachment's `AttachTime` and `Status`, and public-address
 * associations AWS lends (`IpOwnerId: amazon`, with the matching `PublicDnsName`); an Elastic IP
 * association is configuration and stays.
 */
export function dropNetworkInterfaceVolatileFields(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    let edited = omit(configuration, ['Status']);
    if (isEphemeral(edited['Association'])) edited = omit(edited, ['Association', 'PublicDnsName']);
    edited = editField(edited, 'Attachment', (attachment) =>
      editObject(attachment, (a) => omit(a, ['AttachTime', 'Status'])),
    );
    return editField(edited, 'PrivateIpAddresses', (addresses) =>
      editItems(addresses, dropEphemeralAssociation),
    );
  });
}

/** Sorts an ENI's groups, private and IPv6 addresses, prefixes and `TagSet` (ENIs name their tags so). */
export function sortNetworkInterfaceLists(resource: Resource): Resource {
  return editConfiguration(resource, (configuration) => {
    const keys: readonly (readonly [string, string])[] = [
      ['Groups', 'GroupId'],
      ['PrivateIpAddresses', 'PrivateIpAddress'],
      ['Ipv6Addresses', 'Ipv6Address'],
      ['Ipv4Prefixes', 'Ipv4Prefix'],
      ['Ipv6Prefixes', 'Ipv6Prefix'],
      ['TagSet', 'Key'],
    ];
    let edited = configuration;
    for (const [list, key] of keys)
      edited = editField(edited, list, (items) => sortedBy(items, (item) => [pick(item, key)]));
    return edited;
  });
}
