import { describe, expect, it } from 'vitest';
import type { AwsTarget, PlannedTarget } from '../../../lib/model/index.js';
import { plan } from '../../../lib/pipeline/plan.js';

function awsTarget(planned: PlannedTarget | undefined): AwsTarget {
  if (planned?.target.kind !== 'aws') throw new Error('expected an AWS target');
  return planned.target;
}

const DEFAULTS = { userData: 'skip', keepVolatile: false };
const ROLE = 'arn:aws:iam::222222222222:role/statetrail-reader';

describe('Function: plan', () => {
  it('plans each regional service per region and each global service once per account', () => {
    const result = plan({
      scanId: 's1',
      accounts: [{ account: {}, regions: ['us-east-1', 'eu-west-1', 'us-east-1'] }],
      services: ['ec2', 's3'],
    });
    expect(result.targets).toEqual([
      {
        key: 'aws-caller-eu-west-1-ec2',
        group: 'aws-caller-eu-west-1-ec2',
        target: {
          kind: 'aws',
          account: {},
          region: 'eu-west-1',
          service: 'ec2',
          options: DEFAULTS,
        },
      },
      {
        key: 'aws-caller-global-s3',
        group: 'aws-caller-global-s3',
        target: { kind: 'aws', account: {}, region: 'global', service: 's3', options: DEFAULTS },
      },
      {
        key: 'aws-caller-us-east-1-ec2',
        group: 'aws-caller-us-east-1-ec2',
        target: {
          kind: 'aws',
          account: {},
          region: 'us-east-1',
          service: 'ec2',
          options: DEFAULTS,
        },
      },
    ]);
  });

  it('labels role accounts by their account id and keeps the role on the target', () => {
    const result = plan({
      scanId: 's1',
      accounts: [{ account: { roleArn: ROLE, externalId: 'x1' }, regions: ['eu-west-1'] }],
      services: ['eks'],
    });
    expect(result.targets.map((t) => t.key)).toEqual(['aws-222222222222-eu-west-1-eks']);
    expect(awsTarget(result.targets[0]).account).toEqual({ roleArn: ROLE, externalId: 'x1' });
  });

  it('splits an account S3 scan into shards of one group', () => {
    const result = plan({
      scanId: 's1',
      accounts: [{ account: {}, regions: [] }],
      services: ['s3'],
      s3Shards: 3,
    });
    expect(result.targets.map((t) => [t.key, t.group, awsTarget(t).shard])).toEqual([
      ['aws-caller-global-s3-1of3', 'aws-caller-global-s3', { index: 0, count: 3 }],
      ['aws-caller-global-s3-2of3', 'aws-caller-global-s3', { index: 1, count: 3 }],
      ['aws-caller-global-s3-3of3', 'aws-caller-global-s3', { index: 2, count: 3 }],
    ]);
  });

  it('carries collect options and discovery warnings into the plan', () => {
    const warning = { code: 'denied' as const, target: 'organization', message: 'm' };
    const result = plan({
      scanId: 's1',
      accounts: [{ account: {}, regions: ['eu-west-1'] }],
      services: ['ec2'],
      options: { userData: 'fingerprint', keepVolatile: true },
      warnings: [warning],
      calls: { organizations: 2 },
    });
    expect(awsTarget(result.targets[0]).options).toEqual({
      userData: 'fingerprint',
      keepVolatile: true,
    });
    expect(result.warnings).toEqual([warning]);
    expect(result.calls).toEqual({ organizations: 2 });
  });

  it('rejects a region that is not a region name', () => {
    expect(() => plan({ scanId: 's1', accounts: [{ account: {}, regions: ['moon-1'] }] })).toThrow(
      /not an AWS region name/,
    );
  });
});

describe('Function: plan, Kubernetes clusters', () => {
  it('plans one target per cluster, keyed safely even for context ARNs', () => {
    const arn = 'arn:aws:eks:eu-west-1:111111111111:cluster/prod';
    const result = plan({
      scanId: 's1',
      accounts: [],
      clusters: [
        { kind: 'k8s', cluster: 'kind-dev' },
        { kind: 'k8s', cluster: arn, context: arn },
      ],
    });
    const keys = result.targets.map((t) => t.key);
    expect(keys[1]).toBe('k8s-kind-dev');
    expect(keys[0]).toMatch(/^k8s-arn_aws_eks_eu-west-1_111111111111_cluster_prod-[0-9a-f]{8}$/);
    expect(result.targets[0]?.target).toEqual({ kind: 'k8s', cluster: arn, context: arn });
  });
});
