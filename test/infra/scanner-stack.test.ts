import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { S3_CONFIGURATION_READS, ScannerStack } from '../../infra/stacks/scanner-stack.js';

const TRAIL = 'github:acme/trail@scans';

let template: Template;

beforeAll(() => {
  // No bundling: these tests read the template, and esbuild would make each synth take seconds.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(new ScannerStack(app, 'Test', { trail: TRAIL }));
});

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Every Allow statement of every inline policy attached to a step function's role. */
function roleStatements(
  step: 'Plan' | 'Collect' | 'Drift' | 'Attribute' | 'Commit' | 'Review',
): Statement[] {
  const roleId = Object.keys(
    template.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: Match.objectLike({
          Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })],
        }),
      },
    }),
  ).find((id) => id.startsWith(`${step}Role`));
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
    }),
  ) as { Properties: { PolicyDocument: { Statement: Statement[] } } }[];
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

function collectRoleStatements(): Statement[] {
  return roleStatements('Collect');
}

/** The environment variables of the function built from `entry`'s step. */
function environmentOf(description: RegExp): Record<string, unknown> {
  const functions = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp(description.source) },
    }),
  ) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[];
  expect(functions).toHaveLength(1);
  return functions[0]?.Properties.Environment.Variables ?? {};
}

function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((statement) => [statement.Action].flat()).sort();
}

describe('ScannerStack', () => {
  it('runs the collect function on Node.js 22, ARM64, with JSON logs and active tracing', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON', LogGroup: Match.anyValue() }),
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: {
          STAGING_BUCKET: { Ref: Match.stringLikeRegexp('^Staging') },
          STAGING_PREFIX: 'staging/',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
  });

  it('has one function per step and the API, those that open the trail told it, none given a credential', () => {
    // Lease, plan, collect, drift, attribute, commit, review (no notifier configured) and the API.
    template.resourceCountIs('AWS::Lambda::Function', 8);
    const steps = [
      /discovers accounts/,
      /collects one/,
      /compares the staged/,
      /attributes drifted/,
      /commits/,
      /reviews/,
    ];
    for (const step of steps) {
      const env = environmentOf(step);
      expect(env['STAGING_PREFIX']).toBe('staging/');
      expect(Object.keys(env).filter((name) => /TOKEN|KEY|SECRET/.test(name))).toEqual([]);
    }
    expect(environmentOf(/compares the staged/)['STATETRAIL_TRAIL']).toBe(TRAIL);
    expect(environmentOf(/commits/)['STATETRAIL_TRAIL']).toBe(TRAIL);
    expect(environmentOf(/reviews/)['STATETRAIL_TRAIL']).toBe(TRAIL);
    expect(environmentOf(/attributes drifted/)['STATETRAIL_TRAIL']).toBe(TRAIL);
    expect(environmentOf(/collects one/)['STATETRAIL_TRAIL']).toBeUndefined();
  });

  it('grants the attribute role CloudTrail lookups, the member roles and staging, nothing else', () => {
    expect([...new Set(actionsOf(roleStatements('Attribute')))]).toEqual([
      'cloudtrail:LookupEvents',
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
      'sts:AssumeRole',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    const assume = roleStatements('Attribute').filter((s) => s.Action === 'sts:AssumeRole');
    expect(JSON.stringify(assume.map((s) => s.Resource))).toContain(':iam::*:role/statetrail-*');
    expect(assume).toHaveLength(1);
    // No notifier configured: no notify function.
    expect(
      template.findResources('AWS::Lambda::Function', {
        Properties: { Description: Match.stringLikeRegexp('notifies') },
      }),
    ).toEqual({});
  });

  it('grants the plan role discovery and staging, and no collector reads', () => {
    expect(actionsOf(roleStatements('Plan'))).toEqual(
      [
        'ec2:DescribeRegions',
        'eks:ListClusters',
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'organizations:ListAccounts',
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
        'sts:AssumeRole',
        'sts:GetCallerIdentity',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
  });

  it('grants the drift, commit and review roles staging only (commit: its lease read): GitHub is reached over HTTPS', () => {
    for (const step of ['Drift', 'Commit', 'Review'] as const) {
      expect(actionsOf(roleStatements(step))).toEqual(
        [
          ...(step === 'Commit' ? ['dynamodb:GetItem'] : []),
          'kms:Decrypt',
          'kms:GenerateDataKey',
          'logs:CreateLogStream',
          'logs:PutLogEvents',
          's3:GetObject',
          's3:ListBucket',
          's3:PutObject',
          'xray:PutTelemetryRecords',
          'xray:PutTraceSegments',
        ].sort(),
      );
    }
  });

  it('keeps the function logs for a bounded time, encrypted with the scanner key', () => {
    // One per function (eight), the state machine's and the API's access logs: all on the key.
    template.resourceCountIs('AWS::Logs::LogGroup', 10);
    template.allResourcesProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 30,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('blocks public access to the staging bucket, encrypts it with the scanner key, and expires what it holds', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
            },
          },
        ],
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 7, Status: 'Enabled' })]),
      },
      VersioningConfiguration: Match.absent(),
    });
  });

  it('denies every request to the staging bucket that does not use TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('grants the collect role exactly the reads it needs, tracing, and staging under its prefix', () => {
    const statements = collectRoleStatements();
    expect(actionsOf(statements)).toEqual(
      [
        'ec2:Describe*',
        'ec2:GetManagedPrefixListEntries',
        'eks:Describe*',
        'eks:List*',
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        's3:GetObject',
        's3:ListAllMyBuckets',
        's3:ListBucket',
        's3:PutObject',
        ...S3_CONFIGURATION_READS,
        'sts:AssumeRole',
        'sts:GetCallerIdentity',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    for (const statement of statements) expect(statement.Effect).toBe('Allow');
    const objects = statements.find((statement) => actionsOf([statement]).includes('s3:GetObject'));
    expect(JSON.stringify(objects?.Resource)).toContain('/staging/*');
  });

  it('attaches no managed policy to the collect role and lets it write to its own log group only', () => {
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    const logs = collectRoleStatements().find((statement) =>
      actionsOf([statement]).includes('logs:PutLogEvents'),
    );
    expect(logs?.Resource).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^CollectLogs/), 'Arn'],
    });
  });

  it('gives the collectors describe actions on *, bucket reads on buckets, and member roles only', () => {
    const find = (action: string) =>
      collectRoleStatements().find((candidate) => actionsOf([candidate]).includes(action));
    expect(find('ec2:Describe*')?.Resource).toBe('*');
    expect(JSON.stringify(find('s3:GetBucketPolicy')?.Resource)).toContain(':s3:::*');
    expect(JSON.stringify(find('sts:AssumeRole')?.Resource)).toContain(':role/statetrail-*');
    expect(actionsOf(collectRoleStatements())).not.toContain('s3:GetObjectVersion');
  });
});
