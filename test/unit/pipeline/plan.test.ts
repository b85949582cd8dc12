import { describe, expect, it } from 'vitest';
import type { AwsTarget } from '../../../lib/model/index.js';
import { plan } from '../../../lib/pipeline/plan.js';

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
    expect((result.targets[0]?.target as AwsTarget).account).toEqual({ roleArn: ROLE, externalId: 'x1' });
  });

  it('splits an account S3 scan into shards of one group', () => {
    const result = plan({
      scanId: 's1',
      accounts: [{ account: {}, regions: [] }],
      services: ['s3'],
      s3Shards: 3,
    });
    expect(result.targets.map((t) => [t.key, t.group, (t.target as AwsTarget).shard])).toEqual([
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
    expect((result.targets[0]?.target as AwsTarget).options).toEqual({
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
