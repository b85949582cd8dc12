import { describe, expect, it } from 'vitest';
import {
  dropFargateProfileVolatileFields,
  sortFargateProfileLists,
} from '../../../../lib/snapshot/normalize/eks-fargate-profile.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const TYPE = 'AWS::EKS::FargateProfile';

describe('Function: dropFargateProfileVolatileFields', () => {
  it.each([
    [
      'drops status and health',
      { fargateProfileName: 'system', status: 'CREATING', health: { issues: [] } },
      { fargateProfileName: 'system' },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropFargateProfileVolatileFields(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortFargateProfileLists', () => {
  it.each([
    [
      'sorts subnets, and selectors by namespace then labels',
      {
        subnets: ['subnet-b', 'subnet-a'],
        selectors: [
          { namespace: 'monitoring' },
          { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
          { namespace: 'kube-system', labels: { 'k8s-app': 'coredns' } },
        ],
      },
      {
        subnets: ['subnet-a', 'subnet-b'],
        selectors: [
          { namespace: 'kube-system', labels: { 'k8s-app': 'coredns' } },
          { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
          { namespace: 'monitoring' },
        ],
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortFargateProfileLists(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});
