import { describe, expect, it } from 'vitest';
import {
  dropVpcPeeringVolatileFields,
  sortVpcPeeringLists,
} from '../../../../lib/snapshot/normalize/ec2-vpc-peering.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropVpcPeeringVolatileFields', () => {
  it.each([
    [
      'drops the status and the expiration time',
      {
        VpcPeeringConnectionId: 'pcx-1',
        Status: { Code: 'active' },
        ExpirationTime: '2026-01-08T00:00:00.000Z',
      },
      { VpcPeeringConnectionId: 'pcx-1' },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropVpcPeeringVolatileFields(
      deepFreeze(resourceOf('AWS::EC2::VPCPeeringConnection', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortVpcPeeringLists', () => {
  it.each([
    [
      'sorts both sides’ IPv4 and IPv6 CIDR blocks',
      {
        AccepterVpcInfo: {
          CidrBlockSet: [{ CidrBlock: '10.1.0.0/16' }, { CidrBlock: '10.0.0.0/16' }],
        },
        RequesterVpcInfo: {
          Ipv6CidrBlockSet: [{ Ipv6CidrBlock: 'b::/56' }, { Ipv6CidrBlock: 'a::/56' }],
        },
      },
      {
        AccepterVpcInfo: {
          CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }, { CidrBlock: '10.1.0.0/16' }],
        },
        RequesterVpcInfo: {
          Ipv6CidrBlockSet: [{ Ipv6CidrBlock: 'a::/56' }, { Ipv6CidrBlock: 'b::/56' }],
        },
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortVpcPeeringLists(
      deepFreeze(resourceOf('AWS::EC2::VPCPeeringConnection', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});
