import { describe, expect, it } from 'vitest';
import {
  dropSubnetVolatileFields,
  sortSubnetLists,
} from '../../../../lib/snapshot/normalize/ec2-subnet.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropSubnetVolatileFields', () => {
  it.each([
    [
      'drops the free address count and the state',
      { SubnetId: 'subnet-1', AvailableIpAddressCount: 250, State: 'available' },
      { SubnetId: 'subnet-1' },
    ],
    ['leaves a subnet without them alone', { SubnetId: 'subnet-1' }, { SubnetId: 'subnet-1' }],
  ])('%s', (_name, configuration, expected) => {
    const output = dropSubnetVolatileFields(
      deepFreeze(resourceOf('AWS::EC2::Subnet', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortSubnetLists', () => {
  it.each([
    [
      'sorts IPv6 CIDR associations by association id, keeping their state',
      {
        Ipv6CidrBlockAssociationSet: [
          { AssociationId: 'subnet-cidr-assoc-2', Ipv6CidrBlockState: { State: 'associated' } },
          { AssociationId: 'subnet-cidr-assoc-1', Ipv6CidrBlockState: { State: 'disassociated' } },
        ],
      },
      {
        Ipv6CidrBlockAssociationSet: [
          { AssociationId: 'subnet-cidr-assoc-1', Ipv6CidrBlockState: { State: 'disassociated' } },
          { AssociationId: 'subnet-cidr-assoc-2', Ipv6CidrBlockState: { State: 'associated' } },
        ],
      },
    ],
    [
      'leaves an empty set alone',
      { Ipv6CidrBlockAssociationSet: [] },
      { Ipv6CidrBlockAssociationSet: [] },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortSubnetLists(deepFreeze(resourceOf('AWS::EC2::Subnet', configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});
