import { describe, expect, it } from 'vitest';
import {
  dropAddonVolatileFields,
  sortAddonLists,
} from '../../../../lib/snapshot/normalize/eks-addon.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const TYPE = 'AWS::EKS::Addon';

describe('Function: dropAddonVolatileFields', () => {
  it.each([
    [
      'drops status, health and modifiedAt, keeping version and createdAt',
      {
        addonName: 'vpc-cni',
        addonVersion: 'v1.19.2-eksbuild.1',
        status: 'DEGRADED',
        health: { issues: [{ code: 'InsufficientNumberOfReplicas' }] },
        createdAt: '2026-03-10T08:21:45.000Z',
        modifiedAt: '2026-05-20T14:02:11.000Z',
      },
      {
        addonName: 'vpc-cni',
        addonVersion: 'v1.19.2-eksbuild.1',
        createdAt: '2026-03-10T08:21:45.000Z',
      },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = dropAddonVolatileFields(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});

describe('Function: sortAddonLists', () => {
  it.each([
    [
      'sorts the pod identity association ARNs',
      { podIdentityAssociations: ['arn:pia/b', 'arn:pia/a'] },
      { podIdentityAssociations: ['arn:pia/a', 'arn:pia/b'] },
    ],
    ['leaves an add-on without them alone', { addonName: 'coredns' }, { addonName: 'coredns' }],
  ])('%s', (_name, configuration, expected) => {
    const output = sortAddonLists(deepFreeze(resourceOf(TYPE, configuration)));
    expect(output.configuration).toStrictEqual(expected);
  });
});
