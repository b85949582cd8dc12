import { describe, expect, it } from 'vitest';
import {
  dropRouteTableVolatileFields,
  sortRouteTableLists,
} from '../../../../lib/snapshot/normalize/ec2-route-table.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropRouteTableVolatileFields', () => {
  it.each([
    [
      'drops routes a virtual private gateway propagates',
      {
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable' },
          { DestinationCidrBlock: '172.16.0.0/12', Origin: 'EnableVgwRoutePropagation' },
        ],
      },
      {
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable' },
        ],
      },
    ],
    [
      'drops each route state, blackhole included',
      { Routes: [{ DestinationCidrBlock: '0.0.0.0/0', State: 'blackhole' }] },
      { Routes: [{ DestinationCidrBlock: '0.0.0.0/0' }] },
    ],
    ['leaves a table without routes alone', { RouteTableId: 'rtb-1' }, { RouteTableId: 'rtb-1' }],
  ])('%s', (_name, configuration, expected) => {
    const output = dropRouteTableVolatileFields(
      deepFreeze(resourceOf('AWS::EC2::RouteTable', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortRouteTableLists', () => {
  it.each([
    [
      'sorts routes by IPv4, IPv6, then prefix-list destination',
      {
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16' },
          { DestinationPrefixListId: 'pl-1' },
          { DestinationIpv6CidrBlock: '::/0' },
          { DestinationCidrBlock: '0.0.0.0/0' },
        ],
      },
      {
        Routes: [
          { DestinationPrefixListId: 'pl-1' },
          { DestinationIpv6CidrBlock: '::/0' },
          { DestinationCidrBlock: '0.0.0.0/0' },
          { DestinationCidrBlock: '10.0.0.0/16' },
        ],
      },
    ],
    [
      'sorts associations by association id',
      { Associations: [{ RouteTableAssociationId: 'b' }, { RouteTableAssociationId: 'a' }] },
      { Associations: [{ RouteTableAssociationId: 'a' }, { RouteTableAssociationId: 'b' }] },
    ],
    [
      'sorts propagating gateways by id',
      { PropagatingVgws: [{ GatewayId: 'vgw-2' }, { GatewayId: 'vgw-1' }] },
      { PropagatingVgws: [{ GatewayId: 'vgw-1' }, { GatewayId: 'vgw-2' }] },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortRouteTableLists(
      deepFreeze(resourceOf('AWS::EC2::RouteTable', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});
