import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { DefinitionBody, Pass, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE_SCAN_METRIC, ScanAlarms } from '../../infra/constructs/scan-alarms.js';
import { ScanApi } from '../../infra/constructs/scan-api.js';
import { ScanSchedule } from '../../infra/constructs/scan-schedule.js';
import { StagingBucket } from '../../infra/constructs/staging-bucket.js';

let template: Template;
let stack: Stack;

beforeAll(() => {
  // No bundling: these tests read the template.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  stack = new Stack(app, 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
  // A one-Pass state machine stands in for the scan workflow.
  const stateMachine = new StateMachine(stack, 'Workflow', {
    stateMachineName: 'statetrail-scan',
    definitionBody: DefinitionBody.fromChainable(new Pass(stack, 'Done')),
  });
  const staging = new StagingBucket(stack, 'Staging');
  const api = new ScanApi(stack, 'ScanApi', { stateMachine, staging });
  const schedule = new ScanSchedule(stack, 'Schedule', {
    stateMachine,
    cron: '0 * * * ? *',
    timeZone: 'Europe/Berlin',
  });
  const other = new LambdaFunction(stack, 'Other', {
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline('exports.handler = async () => {}'),
  });
  new ScanAlarms(stack, 'Alarms', {
    stateMachine,
    functions: { Api: api.handler, Other: other },
    deadLetterQueues: [schedule.deadLetterQueue],
  });
  template = Template.fromStack(stack);
});

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
}

/** The Allow statements of a role's inline policies, with the roles' logical id prefix. */
function statementsOf(rolePrefix: string): Statement[] {
  const roleId = Object.keys(template.findResources('AWS::IAM::Role')).find((id) =>
    id.startsWith(rolePrefix),
  );
  expect(roleId).toBeDefined();
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
    }),
  ) as { Properties: { PolicyDocument: { Statement: Statement[] } } }[];
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
}
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('ScanApi', () => {
  it('has exactly the three routes, each IAM-authorized, on one Lambda integration', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as {
      Properties: { RouteKey: string; AuthorizationType: string };
    }[];
    expect(routes.map((r) => r.Properties.RouteKey).sort()).toEqual([
      'GET /drift',
      'GET /scans/{id}',
      'POST /scans',
    ]);
    for (const route of routes) expect(route.Properties.AuthorizationType).toBe('AWS_IAM');
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('throttles the $default stage and writes JSON access logs with the caller', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
      Properties: Record<string, unknown> & { AccessLogSettings: { Format: string } };
    };
    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [expect.stringMatching(/^ScanApiAccessLogs/), 'Arn'] },
      },
    });
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toMatchObject({
      requestId: '$context.requestId',
      caller: '$context.identity.userArn',
    });
  });

  it('lets the function start this state machine, describe its executions and read staging only', () => {
    const statements = statementsOf('ScanApiFunctionRole');
    const byAction = new Map(statements.flatMap((s) => actionsOf(s).map((a) => [a, s] as const)));
    expect(byAction.get('states:StartExecution')?.Resource).toEqual({
      Ref: expect.stringMatching(/^Workflow/),
    });
    expect(JSON.stringify(byAction.get('states:DescribeExecution')?.Resource)).toContain(
      ':execution:',
    );
    // The state machine's own name (taken from its ARN), then `:*`: its executions, no other's.
    expect(JSON.stringify(byAction.get('states:DescribeExecution')?.Resource)).toMatch(
      /"Fn::Select":\[6,\{"Fn::Split":\[":",\{"Ref":"Workflow[0-9A-F]+"\}\]\}\]\},":\*"/,
    );
    // Reads, never writes, the staging bucket.
    const s3Actions = [...byAction.keys()].filter((a) => a.startsWith('s3:'));
    expect(s3Actions.length).toBeGreaterThan(0);
    for (const action of s3Actions) expect(action).toMatch(/^s3:(Get|List)/);
    // Nothing else: the logs and X-Ray writes of every function, and the above.
    const others = [...byAction.keys()].filter(
      (a) =>
        !a.startsWith('s3:') &&
        !a.startsWith('states:') &&
        !a.startsWith('logs:') &&
        !a.startsWith('xray:'),
    );
    expect(others).toEqual([]);
    expect([...byAction.keys()].filter((a) => a.startsWith('states:')).sort()).toEqual([
      'states:DescribeExecution',
      'states:StartExecution',
    ]);
  });

  it('gives the function the state machine and the staging bucket in its environment', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          STATE_MACHINE_ARN: { Ref: Match.stringLikeRegexp('^Workflow') },
          STAGING_PREFIX: 'staging/',
        }),
      },
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
    });
  });
});

describe('ScanSchedule', () => {
  it('starts the state machine on the cron in its time zone, at the exact time, with the schedule trigger', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', 1);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 * * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { Ref: Match.stringLikeRegexp('^Workflow') },
        Input: '{"trigger":"schedule"}',
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: {
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduleDeadLetters'), 'Arn'] },
        },
      },
    });
  });

  it('parks undelivered starts in an encrypted, TLS-only dead-letter queue', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1_209_600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it("lets the scheduler's role start this state machine only", () => {
    const schedulerRoles = Object.entries(template.findResources('AWS::IAM::Role'))
      .filter(([, role]) => JSON.stringify(role).includes('scheduler.amazonaws.com'))
      .map(([id]) => id);
    expect(schedulerRoles).toHaveLength(1);
    const statements = schedulerRoles.flatMap((id) => statementsOf(id));
    const starts = statements.filter((s) => actionsOf(s).includes('states:StartExecution'));
    expect(starts.length).toBeGreaterThan(0);
    for (const s of starts) expect(s.Resource).toEqual({ Ref: expect.stringMatching(/^Workflow/) });
  });

  it('refuses a five-field cron, naming it', () => {
    const app = new App();
    const other = new Stack(app, 'Other');
    const stateMachine = new StateMachine(other, 'M', {
      definitionBody: DefinitionBody.fromChainable(new Pass(other, 'P')),
    });
    expect(() => new ScanSchedule(other, 'S', { stateMachine, cron: '0 * * * *' })).toThrow(
      'schedule cron "0 * * * *" needs',
    );
  });
});

describe('ScanAlarms', () => {
  type AlarmProps = {
    MetricName?: string;
    Namespace?: string;
    Threshold: number;
    ComparisonOperator: string;
    TreatMissingData: string;
    Period?: number;
    Dimensions?: { Name: string }[];
  };
  const alarms = () =>
    Object.entries(template.findResources('AWS::CloudWatch::Alarm')).map(([id, r]) => ({
      id,
      ...(r as { Properties: AlarmProps }).Properties,
    }));

  it('alarms on failed and timed-out executions', () => {
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
      const alarm = alarms().find((a) => a.MetricName === metric);
      expect(alarm).toMatchObject({
        Namespace: 'AWS/States',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('alarms on errors and throttles of every function given', () => {
    const lambda = alarms().filter((a) => a.Namespace === 'AWS/Lambda');
    expect(lambda.map((a) => a.id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'AlarmsApiErrors',
      'AlarmsApiThrottles',
      'AlarmsOtherErrors',
      'AlarmsOtherThrottles',
    ]);
    for (const alarm of lambda) expect(alarm.Dimensions?.[0]?.Name).toBe('FunctionName');
  });

  it('alarms on any message in the dead-letter queue', () => {
    expect(
      alarms().find((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible'),
    ).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 1,
    });
  });

  it('alarms when no complete scan was recorded for three hours, missing data breaching', () => {
    expect(alarms().find((a) => a.MetricName === COMPLETE_SCAN_METRIC.metricName)).toMatchObject({
      Namespace: 'statetrail',
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      Period: 10_800,
    });
    expect(alarms()).toHaveLength(2 + 4 + 1 + 1);
  });
});

describe('ScannerStack: its workflow with the API, the schedule and alarms', () => {
  it('adds the API, the schedule and alarms on every step function', async () => {
    const { ScannerStack } = await import('../../infra/stacks/scanner-stack.js');
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const scanner = new ScannerStack(app, 'Wired', {
      schedule: { cron: '30 6 * * ? *', timeZone: 'Europe/Berlin' },
    });
    const wired = Template.fromStack(scanner);
    wired.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    wired.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 6 * * ? *)',
    });
    // 2 execution alarms, errors and throttles of 8 functions (7 steps, no notifier configured,
    // and the API), the DLQ, no complete scan.
    wired.resourceCountIs('AWS::CloudWatch::Alarm', 2 + 16 + 1 + 1);
    // Without a schedule, no schedule and no DLQ alarm.
    const bareApp = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const bare = Template.fromStack(new ScannerStack(bareApp, 'Bare'));
    bare.resourceCountIs('AWS::Scheduler::Schedule', 0);
    bare.resourceCountIs('AWS::CloudWatch::Alarm', 2 + 16 + 1);
  });
});
