import { describe, expect, it } from 'vitest';
import { dropVpcVolatileFields, sortVpcLists } from '../../../../lib/snapshot/normalize/ec2-vpc.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropVpcVolatileFields', () => {
  it.each([
    ['drops the state', { VpcId: 'vpc-1', State: 'available' }, { VpcId: 'vpc-1' }],
    [
      'keeps the state of each CIDR association',
      {
        CidrBlockAssociationSet: [{ AssociationId: 'a', CidrBlockState: { State: 'associated' } }],
      },
      {
        CidrBlockAssociationSet: [{ AssociationId: 'a', CidrBlockState: { State: 'associated' } }],
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropVpcVolatileFields(deepFreeze(resourceOf('AWS::EC2::VPC', configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortVpcLists', () => {
  it.each([
    [
      'sorts IPv4 CIDR associations by association id',
      {
        CidrBlockAssociationSet: [
          { AssociationId: 'vpc-cidr-assoc-2' },
          { AssociationId: 'vpc-cidr-assoc-1' },
        ],
      },
      {
        CidrBlockAssociationSet: [
          { AssociationId: 'vpc-cidr-assoc-1' },
          { AssociationId: 'vpc-cidr-assoc-2' },
        ],
      },
    ],
    [
      'sorts IPv6 CIDR associations by association id',
      { Ipv6CidrBlockAssociationSet: [{ AssociationId: 'b' }, { AssociationId: 'a' }] },
      { Ipv6CidrBlockAssociationSet: [{ AssociationId: 'a' }, { AssociationId: 'b' }] },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortVpcLists(deepFreeze(resourceOf('AWS::EC2::VPC', configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});
