import aslValidator from 'asl-validator';
import { Duration } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_TRANSIENT_ERRORS, ScanWorkflow } from '../../infra/constructs/scan-workflow.js';
import { ScannerStack } from '../../infra/stacks/scanner-stack.js';
import { ScanRequest } from '../../lib/pipeline/scan-request.js';
import {
  type AslDefinition,
  allStates,
  happyPath,
  synthesizeWorkflow,
  testApp,
  testStack,
} from './workflow-definition.js';

const REQUEST = ScanRequest.parse({
  aws: { regions: ['eu-west-1'], services: ['ec2'] },
  states: [{ location: 's3://states/network.tfstate' }],
  review: { persistScans: 3, maxOpenPulls: 5 },
});

/** A workflow with every optional step, in a plain stack. */
function fullWorkflow(): { template: Template; definition: AslDefinition } {
  const stack = testStack();
  const fn = (id: string) =>
    new LambdaFunction(stack, id, {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('export const handler = async () => ({});'),
    });
  new ScanWorkflow(stack, 'Workflow', {
    request: REQUEST,
    functions: {
      plan: fn('Plan'),
      collect: fn('Collect'),
      drift: fn('Drift'),
      commit: fn('Commit'),
      review: fn('Review'),
      lease: fn('Lease'),
      attribute: fn('Attribute'),
      notify: fn('Notify'),
    },
    staging: new Bucket(stack, 'Staging') as IBucket,
    maxConcurrency: 25,
    toleratedFailurePercentage: 20,
    leaseWait: Duration.seconds(30),
    leaseAttempts: 4,
  });
  return synthesizeWorkflow(stack);
}

let full: { template: Template; definition: AslDefinition };
let deployed: { template: Template; definition: AslDefinition };

beforeAll(() => {
  full = fullWorkflow();
  deployed = synthesizeWorkflow(new ScannerStack(testApp(), 'Scanner', {}));
});

/** A state of the full workflow's definition, wherever it is nested. */
function state(name: string) {
  const found = allStates(full.definition).get(name);
  if (!found) throw new Error(`no state ${name}`);
  return found;
}

describe('ScanWorkflow', () => {
  it('is valid Amazon States Language, with and without the optional steps', () => {
    for (const { definition } of [full, deployed]) {
      const result = aslValidator(structuredClone(definition));
      expect(result.errors).toEqual([]);
      expect(result.isValid).toBe(true);
    }
  });

  it("runs DESIGN's order: lease, plan, collect, drift, attribute, commit, review, notify, release", () => {
    expect(happyPath(full.definition)).toEqual([
      'AcquireLease',
      'Plan',
      'CollectTarget',
      'Drift',
      'Attribute',
      'Commit',
      'Review',
      'Notify',
      'ReleaseLease',
    ]);
    // The stack without states and without notifiers: no drift, no notify.
    expect(happyPath(deployed.definition)).toEqual([
      'AcquireLease',
      'Plan',
      'CollectTarget',
      'Attribute',
      'Commit',
      'Review',
      'ReleaseLease',
    ]);
  });

  it('is a Standard state machine with X-Ray tracing and ALL logs to a KMS-encrypted group', () => {
    full.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [
          { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } },
        ],
      },
    });
    full.template.hasResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('LogsKey'), 'Arn'] },
      RetentionInDays: 30,
    });
    full.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('fans collect out as a Distributed Map of Express children reading the staged items', () => {
    const collect = state('Collect');
    expect(collect).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 25,
      ToleratedFailurePercentage: 20,
      ResultPath: null,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } },
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { 'Key.$': "States.Format('staging/{}', $.plan.itemsKey)" },
      },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' },
    });
    expect(state('Plan').ResultSelector).toEqual({
      'targets.$': '$.Payload.targets',
      'itemsKey.$': '$.Payload.itemsKey',
    });
    // The deployed stack's defaults.
    expect(allStates(deployed.definition).get('Collect')).toMatchObject({
      MaxConcurrency: 40,
      ToleratedFailurePercentage: 10,
    });
  });

  it('retries every Lambda task on throttling and service errors, with backoff and full jitter', () => {
    const tasks = [...allStates(full.definition)].filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBe(11);
    for (const [, task] of tasks) {
      expect(task.Retry).toEqual([
        {
          ErrorEquals: [...LAMBDA_TRANSIENT_ERRORS],
          IntervalSeconds: 2,
          MaxAttempts: 6,
          BackoffRate: 2,
          MaxDelaySeconds: 60,
          JitterStrategy: 'FULL',
        },
      ]);
    }
  });

  it('catches a target that still fails in its child, recording it, so the map succeeds', () => {
    expect(state('CollectTarget').Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'TargetFailed' },
    ]);
    expect(state('TargetFailed')).toMatchObject({
      Type: 'Pass',
      End: true,
      Parameters: { 'key.$': '$.planned.key', failed: true },
    });
  });

  it('passes the scan id, the configured request and an execution scope to the plan step', () => {
    expect(state('HasScope').Choices).toEqual([
      { Variable: '$.scope', IsPresent: true, Next: 'PlanInputWithScope' },
    ]);
    expect(state('PlanInputWithScope').Parameters).toMatchObject({
      'scanId.$': '$$.Execution.Name',
      aws: { regions: ['eu-west-1'], services: ['ec2'] },
      'scope.$': '$.scope',
    });
    expect(state('PlanInput').Parameters).not.toHaveProperty(['scope.$']);
    expect(state('Drift').Parameters).toMatchObject({
      Payload: { 'scanId.$': '$$.Execution.Name', states: REQUEST.states },
    });
    expect(state('Review').Parameters).toMatchObject({
      Payload: { review: { persistScans: 3, maxOpenPulls: 5 } },
    });
  });

  it('waits for a held lease and tries again, then skips the scan saying why', () => {
    expect(state('LeaseAcquired').Choices).toEqual([
      { Variable: '$.lease.answer.acquired', BooleanEquals: true, Next: 'Scan' },
    ]);
    expect(state('LeaseAcquired').Default).toBe('TryLeaseAgain');
    expect(state('AcquireLease').Catch).toEqual([
      { ErrorEquals: ['LeaseHeldError'], ResultPath: '$.lease', Next: 'TryLeaseAgain' },
    ]);
    expect(state('TryLeaseAgain')).toMatchObject({
      Choices: [{ Variable: '$.leaseAttempts.attempts', NumericLessThan: 4, Next: 'WaitForLease' }],
      Default: 'LeaseHeld',
    });
    expect(state('WaitForLease')).toMatchObject({ Seconds: 30, Next: 'CountLeaseAttempt' });
    expect(state('LeaseHeld')).toMatchObject({
      Parameters: { skipped: 'lease-held' },
      Next: 'ScanSkipped',
    });
    expect(state('ScanSkipped').Type).toBe('Succeed');
  });

  it('on any failure of the scan releases the lease, notifies with the failure, then fails', () => {
    expect(state('Scan').Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'ReleaseLeaseAfterFailure' },
    ]);
    expect(state('ReleaseLeaseAfterFailure')).toMatchObject({
      Next: 'NotifyFailure',
      Parameters: { Payload: { action: 'release' } },
    });
    expect(state('NotifyFailure')).toMatchObject({
      Next: 'ScanFailed',
      Parameters: {
        FunctionName: expect.stringMatching(/:function:Notify[0-9A-F]{8}$/),
        Payload: { failed: { 'error.$': '$.failure.Error', 'cause.$': '$.failure.Cause' } },
      },
    });
    expect(state('ScanFailed')).toEqual({
      Type: 'Fail',
      ErrorPath: '$.failure.Error',
      CausePath: '$.failure.Cause',
    });
  });

  it('lets the state machine read the items and write the map results on the staging bucket', () => {
    const policies = Object.values(full.template.findResources('AWS::IAM::Policy'));
    const actions = policies.flatMap((policy) =>
      (
        policy as { Properties: { PolicyDocument: { Statement: { Action: unknown }[] } } }
      ).Properties.PolicyDocument.Statement.flatMap((statement) => [statement.Action].flat()),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        's3:GetObject',
        's3:PutObject',
        'states:StartExecution',
        'lambda:InvokeFunction',
      ]),
    );
  });
});
