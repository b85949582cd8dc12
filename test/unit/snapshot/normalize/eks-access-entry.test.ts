import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../../lib/model/schema.js';
import {
  dropAccessEntryVolatileFields,
  sortAccessEntryLists,
} from '../../../../lib/snapshot/normalize/eks-access-entry.js';
import { deepFreeze, resourceOf } from './fixtures.js';

function entryOf(configuration: Record<string, unknown>, policies?: unknown[]): Resource {
  return {
    ...resourceOf('AWS::EKS::AccessEntry', configuration),
    ...(policies === undefined ? {} : { supplementaryConfiguration: { AccessPolicies: policies } }),
  };
}

const view = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
const edit = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy';

describe('Function: dropAccessEntryVolatileFields', () => {
  it.each([
    [
      "drops the entry's and each policy's modifiedAt, keeping associatedAt",
      entryOf({ principalArn: 'arn:role/a', modifiedAt: 'm', createdAt: 'c' }, [
        { policyArn: view, associatedAt: 'a', modifiedAt: 'm' },
      ]),
      entryOf({ principalArn: 'arn:role/a', createdAt: 'c' }, [
        { policyArn: view, associatedAt: 'a' },
      ]),
    ],
    [
      'leaves an entry whose policies could not be read alone',
      { ...entryOf({ principalArn: 'arn:role/a' }), unreadable: ['AccessPolicies'] },
      { ...entryOf({ principalArn: 'arn:role/a' }), unreadable: ['AccessPolicies'] },
    ],
  ])('%s', (_name, input, expected) => {
    expect(dropAccessEntryVolatileFields(deepFreeze(input))).toStrictEqual(expected);
  });
});

describe('Function: sortAccessEntryLists', () => {
  it.each([
    [
      'sorts Kubernetes groups, policies by ARN and the namespaces of each scope',
      entryOf({ kubernetesGroups: ['viewers', 'developers'] }, [
        { policyArn: view, accessScope: { type: 'cluster', namespaces: [] } },
        { policyArn: edit, accessScope: { type: 'namespace', namespaces: ['staging', 'dev'] } },
      ]),
      entryOf({ kubernetesGroups: ['developers', 'viewers'] }, [
        { policyArn: edit, accessScope: { type: 'namespace', namespaces: ['dev', 'staging'] } },
        { policyArn: view, accessScope: { type: 'cluster', namespaces: [] } },
      ]),
    ],
  ])('%s', (_name, input, expected) => {
    expect(sortAccessEntryLists(deepFreeze(input))).toStrictEqual(expected);
  });
});
