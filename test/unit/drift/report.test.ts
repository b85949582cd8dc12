import { describe, expect, it } from 'vitest';
import { aggregateScopes } from '../../../lib/drift/report.js';
import type { ScopeStatus } from '../../../lib/model/schema.js';

describe('aggregateScopes', () => {
  it.each<{ name: string; scopes: ScopeStatus[]; expected: ReturnType<typeof aggregateScopes> }>([
    { name: 'gives nothing for no scopes', scopes: [], expected: [] },
    {
      name: 'folds type scopes into their account and region',
      scopes: [
        { scope: 'aws/111111111111/eu-west-1/ec2/instance', complete: true },
        { scope: 'aws/111111111111/eu-west-1/ec2/subnet', complete: true },
      ],
      expected: [{ scope: 'aws/111111111111/eu-west-1', complete: true }],
    },
    {
      name: 'is incomplete when any type scope under it is, whatever the order',
      scopes: [
        { scope: 'aws/111111111111/eu-west-1/ec2/instance', complete: false },
        { scope: 'aws/111111111111/eu-west-1/ec2/subnet', complete: true },
        { scope: 'aws/111111111111/us-east-1/ec2/subnet', complete: true },
        { scope: 'aws/111111111111/us-east-1/ec2/vpc', complete: false },
      ],
      expected: [
        { scope: 'aws/111111111111/eu-west-1', complete: false },
        { scope: 'aws/111111111111/us-east-1', complete: false },
      ],
    },
    {
      name: 'keeps a Kubernetes scope per cluster and sorts by code unit',
      scopes: [
        { scope: 'k8s/prod/apps/deployment', complete: true },
        { scope: 'aws/222222222222/global/s3/bucket', complete: true },
        { scope: 'aws/111111111111/eu-west-1/ec2/vpc', complete: true },
        { scope: 'k8s/prod/core/configmap', complete: false },
      ],
      expected: [
        { scope: 'aws/111111111111/eu-west-1', complete: true },
        { scope: 'aws/222222222222/global', complete: true },
        { scope: 'k8s/prod', complete: false },
      ],
    },
  ])('$name', ({ scopes, expected }) => {
    expect(aggregateScopes(scopes)).toEqual(expected);
  });
});
