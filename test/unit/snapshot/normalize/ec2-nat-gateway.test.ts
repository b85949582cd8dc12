import { describe, expect, it } from 'vitest';
import {
  dropNatGatewayVolatileFields,
  sortNatGatewayLists,
} from '../../../../lib/snapshot/normalize/ec2-nat-gateway.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: dropNatGatewayVolatileFields', () => {
  it.each([
    [
      'drops the state and failure fields',
      {
        NatGatewayId: 'nat-1',
        State: 'failed',
        FailureCode: 'Gateway.NotAttached',
        FailureMessage: 'x',
      },
      { NatGatewayId: 'nat-1' },
    ],
    [
      'drops each address status and failure message, keeping the address',
      {
        NatGatewayAddresses: [
          { AllocationId: 'eipalloc-1', Status: 'succeeded', FailureMessage: 'x', IsPrimary: true },
        ],
      },
      { NatGatewayAddresses: [{ AllocationId: 'eipalloc-1', IsPrimary: true }] },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropNatGatewayVolatileFields(
      deepFreeze(resourceOf('AWS::EC2::NatGateway', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortNatGatewayLists', () => {
  it.each([
    [
      'sorts addresses by allocation id, then private IP',
      {
        NatGatewayAddresses: [
          { AllocationId: 'eipalloc-2' },
          { PrivateIp: '10.0.0.9' },
          { AllocationId: 'eipalloc-1' },
        ],
      },
      {
        NatGatewayAddresses: [
          { PrivateIp: '10.0.0.9' },
          { AllocationId: 'eipalloc-1' },
          { AllocationId: 'eipalloc-2' },
        ],
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortNatGatewayLists(
      deepFreeze(resourceOf('AWS::EC2::NatGateway', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});
