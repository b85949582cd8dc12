import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { deploymentFromConfig } from '../../infra/config/deployment.js';
import { createScannerApp, SCANNER_STACK_ID } from '../../infra/scanner-app.js';
import { parseConfig } from '../../lib/config/load-config.js';

const GITHUB = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/github-AbCdEf';
const HMAC = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/hmac';
const SLACK = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/slack-QwErTy';
const HOOK_URL = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/hook-url';
const HOOK_KEY = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/hook-key-ZxCvBn';
const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:drift-mail';
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
notify:
  slack: [{ webhookUrlSecretArn: "${SLACK}", top: 5 }]
  sns: [{ topicArn: "${TOPIC}" }]
  webhook: [{ urlSecretArn: "${HOOK_URL}", signingSecretArn: "${HOOK_KEY}" }]
  dashboardUrl: https://github.com/acme/trail/issues/1
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
  it('lets only the steps that open the trail read the GitHub secret, and only collect the HMAC key', () => {
    for (const step of ['Drift', 'Attribute', 'Commit', 'Review', 'Lease']) {
      if (step === 'Lease') {
        expect(grants(step, 'secretsmanager:GetSecretValue')).toEqual([]);
        continue;
      }
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

  it('lets attribute look up CloudTrail here and through the member roles, and use staging only', () => {
    const statements = roleStatements('Attribute');
    expect(
      statements.filter((s) => s.Sid?.startsWith('Attribution')).map((s) => [s.Action, s.Resource]),
    ).toEqual([
      ['cloudtrail:LookupEvents', '*'],
      [
        'sts:AssumeRole',
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/statetrail-*']] },
      ],
    ]);
    const actions = [...new Set(statements.flatMap((s) => [s.Action].flat()))].sort();
    expect(actions).toEqual([
      'cloudtrail:LookupEvents',
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'sts:AssumeRole',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    expect(grants('Attribute', 's3:GetObject').flatMap((s) => [s.Resource].flat())).not.toContain(
      '*',
    );
  });

  it("lets notify read exactly its notifiers' secrets and publish to exactly its topics", () => {
    const secrets = grants('Notify', 'secretsmanager:GetSecretValue').flatMap((s) =>
      [s.Resource].flat(),
    );
    // Partial ARNs (no random suffix) are granted that name's suffixes only.
    expect(secrets.sort()).toEqual([GITHUB, `${HOOK_URL}-??????`, HOOK_KEY, SLACK].sort());
    expect(grants('Notify', 'sns:Publish').map((s) => s.Resource)).toEqual([TOPIC]);
    const actions = [...new Set(roleStatements('Notify').flatMap((s) => [s.Action].flat()))];
    expect(actions.filter((a) => !/^(s3|kms|xray|secretsmanager|logs):/.test(a))).toEqual([
      'sns:Publish',
    ]);
    // Nobody else reaches a notifier.
    for (const step of ['Plan', 'Collect', 'Drift', 'Attribute', 'Commit', 'Review']) {
      expect(grants(step, 'sns:Publish')).toEqual([]);
      const read = JSON.stringify(grants(step, 'secretsmanager:GetSecretValue'));
      for (const arn of [SLACK, HOOK_URL, HOOK_KEY]) expect(read).not.toContain(arn);
    }
  });

  it('tells notify its config as JSON of names and ARNs, and runs it last in the workflow', () => {
    const notify = functionNamed('notifies Slack') as {
      Properties: { Environment: { Variables: Record<string, string> } };
    };
    const variables = notify.Properties.Environment.Variables;
    expect(JSON.parse(variables['STATETRAIL_NOTIFY'] ?? '')).toEqual({
      slack: [{ webhookUrlSecretArn: SLACK, top: 5 }],
      sns: [{ topicArn: TOPIC }],
      webhook: [{ urlSecretArn: HOOK_URL, signingSecretArn: HOOK_KEY }],
      dashboardUrl: 'https://github.com/acme/trail/issues/1',
    });
    expect(variables['STATETRAIL_GITHUB_SECRET_ARN']).toBe(GITHUB);
    const machine = Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0];
    const definition = JSON.stringify(machine?.Properties?.DefinitionString);
    expect(definition).toContain('"Notify');
    expect(definition).toContain('"NotifyFailure');
    expect(definition).toContain('"Attribute');
  });

  it('alarms on the errors of every function, attribute and notify included', () => {
    const described = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties?.AlarmDescription as string,
    );
    for (const name of [
      'Plan',
      'Collect',
      'Drift',
      'Attribute',
      'Commit',
      'Review',
      'Notify',
      'Lease',
      'Api',
    ]) {
      expect(described).toContain(`statetrail: the ${name} function failed`);
    }
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
