import { describe, expect, it } from 'vitest';
import {
  dropVpcEndpointVolatileFields,
  parseVpcEndpointPolicy,
  sortVpcEndpointLists,
} from '../../../../lib/snapshot/normalize/ec2-vpc-endpoint.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropVpcEndpointVolatileFields', () => {
  it.each([
    [
      'drops the state and the last transient error',
      {
        VpcEndpointId: 'vpce-1',
        State: 'pending',
        LastError: { Code: 'x', Message: 'y' },
        FailureReason: 'z',
      },
      { VpcEndpointId: 'vpce-1' },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropVpcEndpointVolatileFields(
      deepFreeze(resourceOf('AWS::EC2::VPCEndpoint', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: parseVpcEndpointPolicy', () => {
  it.each([
    [
      'parses the JSON policy document into data',
      { PolicyDocument: '{\n  "Statement": [ { "Effect": "Allow" } ]\n}' },
      { PolicyDocument: { Statement: [{ Effect: 'Allow' }] } },
    ],
    [
      'keeps a document that is not JSON as it is',
      { PolicyDocument: 'not json' },
      { PolicyDocument: 'not json' },
    ],
    [
      'leaves an endpoint without a policy alone',
      { VpcEndpointId: 'vpce-1' },
      { VpcEndpointId: 'vpce-1' },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = parseVpcEndpointPolicy(
      deepFreeze(resourceOf('AWS::EC2::VPCEndpoint', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortVpcEndpointLists', () => {
  it.each([
    [
      'sorts route table, subnet and ENI ids',
      {
        RouteTableIds: ['rtb-2', 'rtb-1'],
        SubnetIds: ['subnet-b', 'subnet-a'],
        NetworkInterfaceIds: ['eni-2', 'eni-1'],
      },
      {
        RouteTableIds: ['rtb-1', 'rtb-2'],
        SubnetIds: ['subnet-a', 'subnet-b'],
        NetworkInterfaceIds: ['eni-1', 'eni-2'],
      },
    ],
    [
      'sorts groups by id and DNS entries by name',
      {
        Groups: [{ GroupId: 'sg-2' }, { GroupId: 'sg-1' }],
        DnsEntries: [{ DnsName: 'b.example' }, { DnsName: 'a.example' }],
      },
      {
        Groups: [{ GroupId: 'sg-1' }, { GroupId: 'sg-2' }],
        DnsEntries: [{ DnsName: 'a.example' }, { DnsName: 'b.example' }],
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortVpcEndpointLists(
      deepFreeze(resourceOf('AWS::EC2::VPCEndpoint', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});
