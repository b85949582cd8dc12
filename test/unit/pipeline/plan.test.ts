import { describe, expect, it } from 'vitest';
import type { AwsTarget, PlannedTarget } from '../../../lib/model/index.js';
import { PlanConflictError } from '../../../lib/pipeline/errors.js';
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

describe('Function: plan, clusters that share a name', () => {
  it('refuses two clusters that would write one trail directory, naming both', () => {
    const clusters = [
      { kind: 'k8s' as const, cluster: 'kubernetes', kubeconfig: '/a/config', context: 'admin' },
      { kind: 'k8s' as const, cluster: 'kubernetes', kubeconfig: '/b/config', context: 'admin' },
    ];
    expect(() => plan({ scanId: 's1', accounts: [], clusters })).toThrow(PlanConflictError);
    expect(() => plan({ scanId: 's1', accounts: [], clusters })).toThrow(
      'k8s/kubernetes/: kubeconfig /a/config, context admin and kubeconfig /b/config, context admin',
    );
  });

  it('refuses names that differ only in case, which one checkout cannot hold apart', () => {
    const clusters = [
      { kind: 'k8s' as const, cluster: 'Prod' },
      { kind: 'k8s' as const, cluster: 'prod' },
    ];
    expect(() => plan({ scanId: 's1', accounts: [], clusters })).toThrow(PlanConflictError);
  });

  it('plans clusters of distinct names side by side', () => {
    const clusters = [
      { kind: 'k8s' as const, cluster: 'lab', kubeconfig: '/a/config' },
      { kind: 'k8s' as const, cluster: 'kubernetes', kubeconfig: '/b/config' },
    ];
    expect(plan({ scanId: 's1', accounts: [], clusters }).targets.map((t) => t.key)).toEqual([
      'k8s-kubernetes',
      'k8s-lab',
    ]);
  });
});
