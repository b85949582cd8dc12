import { describe, expect, it } from 'vitest';
import {
  dropNodegroupVolatileFields,
  sortNodegroupLists,
} from '../../../../lib/snapshot/normalize/eks-nodegroup.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const TYPE = 'AWS::EKS::Nodegroup';

describe('Function: dropNodegroupVolatileFields', () => {
  it.each([
    [
      'drops status, health, modifiedAt, releaseVersion and the desired size',
      {
        nodegroupName: 'general',
        status: 'DEGRADED',
        health: { issues: [] },
        modifiedAt: '2026-05-20T14:02:11.000Z',
        releaseVersion: '1.31.4-20250123',
        scalingConfig: { minSize: 2, maxSize: 6, desiredSize: 3 },
      },
      { nodegroupName: 'general', scalingConfig: { minSize: 2, maxSize: 6 } },
    ],
    [
      'keeps createdAt, the Kubernetes version and the Auto Scaling groups',
      {
        createdAt: '2026-03-10T08:21:45.000Z',
        version: '1.31',
        resources: {
          autoScalingGroups: [{ name: 'eks-general-1' }],
          remoteAccessSecurityGroup: 'sg-1',
        },
      },
      {
        createdAt: '2026-03-10T08:21:45.000Z',
        version: '1.31',
        resources: {
          autoScalingGroups: [{ name: 'eks-general-1' }],
          remoteAccessSecurityGroup: 'sg-1',
        },
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropNodegroupVolatileFields(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortNodegroupLists', () => {
  it.each([
    [
      'sorts subnets, remote-access groups, taints and Auto Scaling groups',
      {
        subnets: ['subnet-b', 'subnet-a'],
        remoteAccess: { ec2SshKey: 'ops', sourceSecurityGroups: ['sg-2', 'sg-1'] },
        taints: [
          { key: 'spot', value: 'true', effect: 'NO_SCHEDULE' },
          { key: 'batch', effect: 'PREFER_NO_SCHEDULE' },
        ],
        resources: { autoScalingGroups: [{ name: 'asg-b' }, { name: 'asg-a' }] },
      },
      {
        subnets: ['subnet-a', 'subnet-b'],
        remoteAccess: { ec2SshKey: 'ops', sourceSecurityGroups: ['sg-1', 'sg-2'] },
        taints: [
          { key: 'batch', effect: 'PREFER_NO_SCHEDULE' },
          { key: 'spot', value: 'true', effect: 'NO_SCHEDULE' },
        ],
        resources: { autoScalingGroups: [{ name: 'asg-a' }, { name: 'asg-b' }] },
      },
    ],
    [
      'keeps the order of instance types: it is their On-Demand priority',
      { instanceTypes: ['m6i.xlarge', 'm5.xlarge', 'c5.xlarge'] },
      { instanceTypes: ['m6i.xlarge', 'm5.xlarge', 'c5.xlarge'] },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortNodegroupLists(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});
