import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  Choice,
  Condition,
  DefinitionBody,
  DistributedMap,
  Errors,
  Fail,
  type IChainable,
  type INextable,
  JitterType,
  JsonPath,
  LogLevel,
  Parallel,
  Pass,
  ProcessorMode,
  ProcessorType,
  Result,
  ResultWriterV2,
  S3JsonItemReader,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { STEPFUNCTIONS_USE_DISTRIBUTED_MAP_RESULT_WRITER_V2 } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import type { ScanRequest } from '../../lib/pipeline/scan-request.js';

/** The Lambda errors a task retries: throttling and the service's own failures, never ours. */
export const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.TooManyRequestsException',
  'Lambda.ServiceException',
  'Lambda.SdkClientException',
  'Lambda.ClientExecutionTimeoutException',
] as const;

/** The error name a lease step throws when another scan holds the trail. */
export const LEASE_HELD_ERROR = 'LeaseHeldError';

/** The functions the workflow calls, one per step; lease, attribute and notify are optional. */
export interface ScanWorkflowFunctions {
  readonly plan: IFunction;
  readonly collect: IFunction;
  readonly drift: IFunction;
  readonly commit: IFunction;
  readonly review: IFunction;
  readonly lease?: IFunction;
  readonly attribute?: IFunction;
  readonly notify?: IFunction;
}

/** Props of {@link ScanWorkflow}. */
export interface ScanWorkflowProps {
  /** What every execution scans (an execution's `scope` can only narrow it). */
  readonly request: ScanRequest;
  readonly functions: ScanWorkflowFunctions;
  /** The staging bucket: the Distributed Map reads the plan's items and writes its results there. */
  readonly staging: IBucket;
  /** The staging bucket's document root, ending in `/`. @default 'staging/' */
  readonly stagingPrefix?: string;
  /** Collect children running at once (Lambda concurrency and API rate limits). @default 40 */
  readonly maxConcurrency?: number;
  /** Failed children tolerated before the map (and the scan) fails. @default 10 */
  readonly toleratedFailurePercentage?: number;
  /** Wait between attempts to take the lease. @default 60 seconds */
  readonly leaseWait?: Duration;
  /** Attempts to take the lease before the scan is skipped. @default 5 */
  readonly leaseAttempts?: number;
  /** How long the state machine's logs are kept. @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /** Encrypts the state machine's log group. @default a key of its own (LogsKey) */
  readonly logEncryptionKey?: IKey;
}

/**
 * The deployed scan: a Standard state machine in DESIGN.md's order, lease -> plan -> Distributed
 * Map (collect, Express children) -> drift -> attribute -> commit -> review -> notify -> release.
 * A failed target is caught in its child, so its scope ends up incomplete instead of failing the
 * scan; anything else that fails releases the lease, notifies and fails the execution.
 */
export class ScanWorkflow extends Construct {
  /** The state machine; its execution name is the scan id. */
  public readonly stateMachine: StateMachine;

  public constructor(scope: Construct, id: string, props: ScanWorkflowProps) {
    super(scope, id);
    // The Distributed Map renders ResultWriterV2 only under this flag (set here, for this tree).
    this.node.setContext(STEPFUNCTIONS_USE_DISTRIBUTED_MAP_RESULT_WRITER_V2, true);
    const { functions } = props;
    const scanId = JsonPath.stringAt('$$.Execution.Name');

    const body = new Parallel(this, 'Scan', {
      comment: 'The scan itself: any failure in it is caught once, here',
      resultSelector: { 'result.$': '$[0]' },
      outputPath: '$.result',
    });
    body.branch(scanSteps(this, props));

    const succeeded = new Succeed(this, 'ScanSucceeded');
    const failed = new Fail(this, 'ScanFailed', {
      errorPath: '$.failure.Error',
      causePath: '$.failure.Cause',
    });
    let onFailure: IChainable = failed;
    if (functions.notify) {
      onFailure = invoke(this, 'NotifyFailure', functions.notify, {
        scanId,
        failed: {
          error: JsonPath.stringAt('$.failure.Error'),
          cause: JsonPath.stringAt('$.failure.Cause'),
        },
      })
        .addCatch(failed, { resultPath: JsonPath.DISCARD })
        .next(failed);
    }
    if (functions.lease) {
      const releaseAfterFailure = invoke(this, 'ReleaseLeaseAfterFailure', functions.lease, {
        action: 'release',
        scanId,
      });
      // A lease that cannot be released expires on its own: the failure still gets reported.
      releaseAfterFailure.addCatch(onFailure, { resultPath: JsonPath.DISCARD }).next(onFailure);
      onFailure = releaseAfterFailure;
    }
    body.addCatch(onFailure, { errors: [Errors.ALL], resultPath: '$.failure' });

    let definition: IChainable = body;
    if (functions.lease) {
      const release = invoke(this, 'ReleaseLease', functions.lease, { action: 'release', scanId });
      body.next(release).next(succeeded);
      definition = leaseGate(this, functions.lease, props, body);
    } else {
      body.next(succeeded);
    }

    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      encryptionKey: props.logEncryptionKey ?? logKey(this),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      comment: 'statetrail: one scan of the configured estate into the trail',
      definitionBody: DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
    });
  }
}

/** A KMS key for the state machine's logs, usable by CloudWatch Logs in this region only. */
function logKey(scope: Construct): Key {
  const key = new Key(scope, 'LogsKey', {
    description: 'statetrail: encrypts the scan state machine logs',
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  key.grantEncryptDecrypt(new ServicePrincipal(`logs.${Stack.of(scope).region}.amazonaws.com`));
  return key;
}

/** A Lambda task with the house retries: throttling and service errors, backoff with jitter. */
function invoke(
  scope: Construct,
  id: string,
  fn: IFunction,
  payload: TaskInput | Record<string, unknown>,
  options: { resultSelector?: Record<string, unknown>; resultPath?: string } = {},
): LambdaInvoke {
  const task = new LambdaInvoke(scope, id, {
    lambdaFunction: fn,
    payload: payload instanceof TaskInput ? payload : TaskInput.fromObject(payload),
    retryOnServiceExceptions: false,
    ...(options.resultSelector === undefined ? {} : { resultSelector: options.resultSelector }),
    resultPath: options.resultPath ?? JsonPath.DISCARD,
  });
  task.addRetry({
    errors: [...LAMBDA_TRANSIENT_ERRORS],
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 6,
    maxDelay: Duration.seconds(60),
    jitterStrategy: JitterType.FULL,
  });
  return task;
}

/**
 * Takes the lease before the scan: not acquired -> wait and try again, up to the configured
 * attempts, then succeed saying the scan was skipped (another scan holds the trail).
 */
function leaseGate(
  scope: Construct,
  lease: IFunction,
  props: ScanWorkflowProps,
  body: IChainable,
): IChainable {
  const attempts = props.leaseAttempts ?? 5;
  const start = new Pass(scope, 'LeaseAttempts', {
    result: Result.fromObject({ attempts: 1 }),
    resultPath: '$.leaseAttempts',
  });
  const acquire = invoke(
    scope,
    'AcquireLease',
    lease,
    { action: 'acquire', scanId: JsonPath.stringAt('$$.Execution.Name') },
    { resultSelector: { 'answer.$': '$.Payload' }, resultPath: '$.lease' },
  );
  const skipped = new Pass(scope, 'LeaseHeld', {
    parameters: {
      'scanId.$': '$$.Execution.Name',
      skipped: 'lease-held',
      reason: 'another scan holds the trail',
      'lease.$': '$.lease',
    },
  }).next(new Succeed(scope, 'ScanSkipped'));
  const wait = new Wait(scope, 'WaitForLease', {
    time: WaitTime.duration(props.leaseWait ?? Duration.seconds(60)),
  });
  const count = new Pass(scope, 'CountLeaseAttempt', {
    parameters: { 'attempts.$': 'States.MathAdd($.leaseAttempts.attempts, 1)' },
    resultPath: '$.leaseAttempts',
  });
  const retry = new Choice(scope, 'TryLeaseAgain')
    .when(Condition.numberLessThan('$.leaseAttempts.attempts', attempts), wait)
    .otherwise(skipped);
  wait.next(count).next(acquire);
  acquire.addCatch(retry, { errors: [LEASE_HELD_ERROR], resultPath: '$.lease' });
  const held = new Choice(scope, 'LeaseAcquired')
    .when(Condition.booleanEquals('$.lease.answer.acquired', true), body)
    .otherwise(retry);
  return start.next(acquire).next(held);
}

/** Plan, collect, drift (when the request has states), attribute, commit, review, notify. */
function scanSteps(scope: Construct, props: ScanWorkflowProps): IChainable {
  const { request, functions } = props;
  const scanId = JsonPath.stringAt('$$.Execution.Name');
  const prefix = props.stagingPrefix ?? 'staging/';
  const planFields = {
    scanId,
    aws: request.aws,
    clusters: request.clusters,
    eksClusters: request.eksClusters,
    ...(request.kubeFilter === undefined ? {} : { kubeFilter: request.kubeFilter }),
  };
  const planInput = (id: string, extra: Record<string, unknown>) =>
    new Pass(scope, id, { parameters: { ...planFields, ...extra }, resultPath: '$.planInput' });
  const plan = invoke(scope, 'Plan', functions.plan, TaskInput.fromJsonPathAt('$.planInput'), {
    resultSelector: {
      'targets.$': '$.Payload.targets',
      'itemsKey.$': '$.Payload.itemsKey',
    },
    resultPath: '$.plan',
  });
  // An execution's scope narrows the configured request; the plan step only sees it when given.
  const hasScope = new Choice(scope, 'HasScope')
    .when(
      Condition.isPresent('$.scope'),
      planInput('PlanInputWithScope', { scope: JsonPath.objectAt('$.scope') }).next(plan),
    )
    .otherwise(planInput('PlanInput', {}).next(plan));

  const collectTarget = invoke(
    scope,
    'CollectTarget',
    functions.collect,
    TaskInput.fromJsonPathAt('$'),
    {
      resultSelector: { 'key.$': '$.Payload.key', 'complete.$': '$.Payload.complete' },
      resultPath: '$',
    },
  );
  // A target that still fails after the retries is recorded as failed by its child, which
  // succeeds: the commit step finds no staged result for it and leaves its scope incomplete.
  collectTarget.addCatch(
    new Pass(scope, 'TargetFailed', {
      parameters: {
        'key.$': '$.planned.key',
        failed: true,
        'error.$': '$.failure.Error',
      },
    }),
    { errors: [Errors.ALL], resultPath: '$.failure' },
  );
  const collect = new DistributedMap(scope, 'Collect', {
    comment: 'One Express child per planned target, read from the staged items',
    mapExecutionType: StateMachineType.EXPRESS,
    itemReader: new S3JsonItemReader({
      bucket: props.staging,
      key: JsonPath.format(`${prefix}{}`, JsonPath.stringAt('$.plan.itemsKey')),
    }),
    // The children's answers go to the bucket, never into the execution's 256 KB state.
    resultWriterV2: new ResultWriterV2({ bucket: props.staging, prefix: `${prefix}map-results` }),
    resultPath: JsonPath.DISCARD,
    maxConcurrency: props.maxConcurrency ?? 40,
    toleratedFailurePercentage: props.toleratedFailurePercentage ?? 10,
  });
  collect.itemProcessor(collectTarget, {
    mode: ProcessorMode.DISTRIBUTED,
    executionType: ProcessorType.EXPRESS,
  });
  plan.next(collect);

  let last: INextable = collect;
  const then = (task: LambdaInvoke) => {
    last.next(task);
    last = task;
  };
  if (request.states.length > 0) {
    then(
      invoke(scope, 'Drift', functions.drift, {
        scanId,
        states: request.states,
        ...(request.kubeFilter === undefined ? {} : { kubeFilter: request.kubeFilter }),
      }),
    );
  }
  if (functions.attribute) then(invoke(scope, 'Attribute', functions.attribute, { scanId }));
  then(
    invoke(
      scope,
      'Commit',
      functions.commit,
      // The notification ledger's persistence rule is decided in the commit step.
      {
        scanId,
        ...(request.review === undefined ? {} : { persistScans: request.review.persistScans }),
      },
      {
        resultSelector: {
          'commit.$': '$.Payload.commit',
          'added.$': '$.Payload.added',
          'changed.$': '$.Payload.changed',
          'removed.$': '$.Payload.removed',
        },
        resultPath: '$.commit',
      },
    ),
  );
  then(
    invoke(
      scope,
      'Review',
      functions.review,
      { scanId, ...(request.review === undefined ? {} : { review: request.review }) },
      {
        resultSelector: {
          'opened.$': '$.Payload.opened',
          'updated.$': '$.Payload.updated',
          'closed.$': '$.Payload.closed',
        },
        resultPath: '$.review',
      },
    ),
  );
  if (functions.notify) then(invoke(scope, 'Notify', functions.notify, { scanId }));
  const summary = new Pass(scope, 'ScanSummary', {
    parameters: {
      'scanId.$': '$$.Execution.Name',
      'targets.$': '$.plan.targets',
      'commit.$': '$.commit',
      'review.$': '$.review',
    },
  });
  last.next(summary);
  return hasScope;
}
