import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { deploymentFromConfig } from '../../infra/config/deployment.js';
import { createScannerApp, SCANNER_STACK_ID } from '../../infra/scanner-app.js';
import { parseConfig } from '../../lib/config/load-config.js';

const GITHUB = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/github-AbCdEf';
const HMAC = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/hmac';
const STATE_KEY = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const CONFIG = `
trail: github:acme/trail@main
github: { secretArn: "${GITHUB}", apiUrl: "https://github.acme.internal/api/v3" }
aws: { regions: [eu-west-1] }
kubernetes: { eksClusters: true }
terraform:
  roleArn: arn:aws:iam::222222222222:role/tf-state-reader
  states:
    - { location: "s3://tf-states/prod/", kmsKeyArn: "${STATE_KEY}" }
    - s3://other-states/network/*.tfstate
deploy:
  vpc: { vpcId: vpc-0123456789abcdef0, subnetIds: [subnet-0123456789abcdef0, subnet-0123456789abcdef1], securityGroupIds: [sg-0123456789abcdef0] }
  collectMemoryMb: 2048
  hmacKeySecretArn: "${HMAC}"
  logRetentionDays: 90
`;

let template: Template;

beforeAll(() => {
  const deployment = deploymentFromConfig(
    parseConfig(CONFIG, 'statetrail.yaml'),
    'statetrail.yaml',
  );
  // No bundling: these tests read the template.
  const app = createScannerApp(deployment, { context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(app.node.findChild(SCANNER_STACK_ID) as never);
});

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

function roleStatements(step: string): Statement[] {
  const roleId = Object.keys(template.findResources('AWS::IAM::Role')).find((id) =>
    id.startsWith(`${step}Role`),
  );
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
    }),
  ) as { Properties: { PolicyDocument: { Statement: Statement[] } } }[];
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

function grants(step: string, action: string): Statement[] {
  return roleStatements(step).filter((statement) => [statement.Action].flat().includes(action));
}

function functionNamed(description: string): { Properties: Record<string, unknown> } {
  const found = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp(description) },
    }),
  ) as { Properties: Record<string, unknown> }[];
  expect(found).toHaveLength(1);
  return found[0] as { Properties: Record<string, unknown> };
}

describe('the scanner stack built from a config', () => {
  it('lets only drift, commit and review read the GitHub secret, and only collect the HMAC key', () => {
    for (const step of ['Drift', 'Commit', 'Review']) {
      expect(grants(step, 'secretsmanager:GetSecretValue').map((s) => s.Resource)).toEqual([
        GITHUB,
      ]);
    }
    expect(grants('Plan', 'secretsmanager:GetSecretValue')).toEqual([]);
    // A partial ARN (no random suffix) is granted for that name's suffixes only.
    expect(grants('Collect', 'secretsmanager:GetSecretValue').map((s) => s.Resource)).toEqual([
      `${HMAC}-??????`,
    ]);
  });

  it('names the secrets by ARN in the environment, never a credential', () => {
    const commit = functionNamed('commits the staged scan') as {
      Properties: { Environment: { Variables: Record<string, unknown> } };
    };
    const variables = commit.Properties.Environment.Variables;
    expect(variables).toMatchObject({
      STATETRAIL_TRAIL: 'github:acme/trail@main',
      STATETRAIL_GITHUB_SECRET_ARN: GITHUB,
      GITHUB_API_URL: 'https://github.acme.internal/api/v3',
    });
    expect(Object.keys(variables)).not.toContain('GITHUB_TOKEN');
    const collect = functionNamed('collects one planned target') as {
      Properties: { Environment: { Variables: Record<string, unknown> } };
    };
    expect(collect.Properties.Environment.Variables).toMatchObject({
      STATETRAIL_HMAC_KEY_SECRET_ARN: HMAC,
    });
    expect(Object.keys(collect.Properties.Environment.Variables)).not.toContain(
      'STATETRAIL_GITHUB_SECRET_ARN',
    );
  });

  it('lets drift read the configured state prefixes, decrypt with their key, and assume the state role', () => {
    const reads = JSON.stringify(grants('Drift', 's3:GetObject').map((s) => s.Resource));
    expect(reads).toContain(':s3:::tf-states/prod/*');
    expect(reads).toContain(':s3:::other-states/network/*');
    const lists = grants('Drift', 's3:ListBucket').filter((s) => s.Condition);
    expect(lists.map((s) => [JSON.stringify(s.Resource), s.Condition])).toEqual([
      [expect.stringContaining(':s3:::tf-states"'), { StringLike: { 's3:prefix': ['prod/*'] } }],
      [
        expect.stringContaining(':s3:::other-states"'),
        { StringLike: { 's3:prefix': ['network/*'] } },
      ],
    ]);
    const decrypt = grants('Drift', 'kms:Decrypt').find((s) => s.Sid === 'DriftDecryptStates');
    expect(decrypt?.Resource).toBe(STATE_KEY);
    expect(grants('Drift', 'sts:AssumeRole').map((s) => s.Resource)).toEqual([
      'arn:aws:iam::222222222222:role/tf-state-reader',
    ]);
    // Nobody else reads state.
    for (const step of ['Plan', 'Collect', 'Commit', 'Review']) {
      const reads = grants(step, 's3:GetObject').flatMap((s) => [s.Resource].flat());
      expect(JSON.stringify(reads)).not.toContain('states');
    }
  });

  it('runs collect in the configured subnets and security group, with the ENI permissions Lambda needs', () => {
    const collect = functionNamed('collects one planned target');
    expect(collect.Properties['VpcConfig']).toEqual({
      SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
      SecurityGroupIds: ['sg-0123456789abcdef0'],
    });
    expect(collect.Properties['MemorySize']).toBe(2048);
    expect(grants('Collect', 'ec2:CreateNetworkInterface')).toHaveLength(1);
    // Only collect reaches the clusters: the others stay outside the VPC.
    expect(functionNamed('commits the staged scan').Properties['VpcConfig']).toBeUndefined();
    expect(grants('Commit', 'ec2:CreateNetworkInterface')).toEqual([]);
  });

  it('keeps logs for the configured days and builds every function for Node.js 22 on ARM64', () => {
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    template.allResourcesProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
    });
  });
});
