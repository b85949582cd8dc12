import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { ScanAlarms } from '../constructs/scan-alarms.js';
import { ScanApi } from '../constructs/scan-api.js';
import { ScanSchedule } from '../constructs/scan-schedule.js';
import { ScannerFunction } from '../constructs/scanner-function.js';
import { StagingBucket } from '../constructs/staging-bucket.js';

/** Props of {@link ScannerStack}. */
export interface ScannerStackProps extends StackProps {
  /**
   * The trail drift, commit and review read and write, `github:OWNER/REPO[@BRANCH]`
   * (`STATETRAIL_TRAIL`). Its credential is not configured here: the deployment reads it from
   * Secrets Manager.
   * @default none: the drift, commit and review functions fail their cold start, naming the variable
   */
  readonly trail?: string;
  /**
   * The scan workflow (the ScanWorkflow's state machine): with it come the HTTP API, the schedule
   * (when `schedule` is given) and the alarms. @default none of them
   */
  readonly stateMachine?: (scope: Construct) => IStateMachine;
  /** The config's `schedule`: six-field EventBridge cron and time zone. @default no schedule */
  readonly schedule?: { readonly cron: string; readonly timeZone?: string };
}

/**
 * The scanner: the staging bucket and one function per pipeline step (plan, collect, drift,
 * commit, review) for a state machine to run. The bucket lives here rather than in a stateful stack
 * because nothing in it outlives a scan (see {@link StagingBucket}).
 */
export class ScannerStack extends Stack {
  /** Where the steps exchange documents. */
  public readonly staging: StagingBucket;
  /** The plan step: discovery and planning; its items feed the collect Distributed Map. */
  public readonly plan: ScannerFunction;
  /** The collect step: one planned target (AWS, Kubernetes or EKS) per invocation. */
  public readonly collect: ScannerFunction;
  /** The drift step: the staged scan against the Terraform states. */
  public readonly drift: ScannerFunction;
  /** The commit step: one commit of the scan on the trail. */
  public readonly commit: ScannerFunction;
  /** The review step: drift PRs, prune PRs and the dashboard issue on the GitHub trail. */
  public readonly review: ScannerFunction;

  public constructor(scope: Construct, id: string, props: ScannerStackProps = {}) {
    super(scope, id, props);

    this.staging = new StagingBucket(this, 'Staging');
    const staging = {
      STAGING_BUCKET: this.staging.bucketName,
      STAGING_PREFIX: this.staging.prefix,
    };
    const trail = props.trail === undefined ? {} : { STATETRAIL_TRAIL: props.trail };

    this.plan = new ScannerFunction(this, 'Plan', {
      entry: 'functions/plan.ts',
      description: 'statetrail: discovers accounts, regions and EKS clusters and plans the targets',
      timeout: Duration.minutes(5),
      environment: staging,
    });
    this.collect = new ScannerFunction(this, 'Collect', {
      entry: 'functions/collect.ts',
      description: 'statetrail: collects one planned target into the staging bucket',
      // Below the 5-minute cap on the Express child workflow that will invoke it per target.
      timeout: Duration.minutes(4),
      memorySize: 1024,
      environment: staging,
    });
    this.drift = new ScannerFunction(this, 'Drift', {
      entry: 'functions/drift.ts',
      description: 'statetrail: compares the staged scan with the Terraform states',
      timeout: Duration.minutes(10),
      memorySize: 1024,
      environment: { ...staging, ...trail },
    });
    this.commit = new ScannerFunction(this, 'Commit', {
      entry: 'functions/commit.ts',
      description: 'statetrail: commits the staged scan to the trail',
      timeout: Duration.minutes(10),
      memorySize: 1024,
      environment: { ...staging, ...trail },
    });
    this.review = new ScannerFunction(this, 'Review', {
      entry: 'functions/review.ts',
      description: 'statetrail: reviews the scan on GitHub: drift pull requests and the dashboard',
      timeout: Duration.minutes(10),
      memorySize: 1024,
      environment: { ...staging, ...trail },
    });
    for (const step of [this.plan, this.collect, this.drift, this.commit, this.review]) {
      this.staging.grantStagingReadWrite(step);
    }
    for (const statement of collectorStatements(this.partition)) {
      this.collect.addToRolePolicy(statement);
    }
    for (const statement of discoveryStatements(this.partition)) {
      this.plan.addToRolePolicy(statement);
    }
    if (props.stateMachine) {
      const stateMachine = props.stateMachine(this);
      const api = new ScanApi(this, 'ScanApi', { stateMachine, staging: this.staging });
      const schedule =
        props.schedule && new ScanSchedule(this, 'Schedule', { stateMachine, ...props.schedule });
      const { plan, collect, drift, commit, review } = this;
      new ScanAlarms(this, 'Alarms', {
        stateMachine,
        functions: {
          Plan: plan,
          Collect: collect,
          Drift: drift,
          Commit: commit,
          Review: review,
          Api: api.handler,
        },
        deadLetterQueues: schedule ? [schedule.deadLetterQueue] : [],
      });
    }
  }
}

/**
 * What discovery reads: the caller, the enabled regions, an Organization's accounts and the EKS
 * clusters of each account and region, in member accounts through their statetrail-* roles.
 */
export function discoveryStatements(partition: string): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'DiscoveryList',
      actions: [
        'ec2:DescribeRegions',
        'eks:ListClusters',
        'organizations:ListAccounts',
        'sts:GetCallerIdentity',
      ],
      resources: ['*'],
    }),
    new PolicyStatement({
      sid: 'DiscoveryMemberAccounts',
      actions: ['sts:AssumeRole'],
      resources: [`arn:${partition}:iam::*:role/statetrail-*`],
    }),
  ];
}

/** The S3 bucket-configuration reads the S3 collector makes, one per Get operation. */
export const S3_CONFIGURATION_READS = [
  's3:GetAccelerateConfiguration',
  's3:GetBucketCORS',
  's3:GetBucketLogging',
  's3:GetBucketNotification',
  's3:GetBucketObjectLockConfiguration',
  's3:GetBucketOwnershipControls',
  's3:GetBucketPolicy',
  's3:GetBucketPublicAccessBlock',
  's3:GetBucketRequestPayment',
  's3:GetBucketTagging',
  's3:GetBucketVersioning',
  's3:GetBucketWebsite',
  's3:GetEncryptionConfiguration',
  's3:GetLifecycleConfiguration',
  's3:GetReplicationConfiguration',
] as const;

/**
 * What the collectors read, and nothing that reads data: no s3:GetObject on user buckets, no
 * secrets. Describe/List actions without resource-level permissions get `*`.
 */
export function collectorStatements(partition: string): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'CollectorsDescribe',
      actions: [
        'ec2:Describe*',
        'ec2:GetManagedPrefixListEntries',
        'eks:Describe*',
        'eks:List*',
        's3:ListAllMyBuckets',
        'sts:GetCallerIdentity',
      ],
      resources: ['*'],
    }),
    new PolicyStatement({
      sid: 'CollectorsBucketConfiguration',
      actions: [...S3_CONFIGURATION_READS],
      resources: [`arn:${partition}:s3:::*`],
    }),
    new PolicyStatement({
      sid: 'CollectorsMemberAccounts',
      actions: ['sts:AssumeRole'],
      // Member accounts' read-only roles are named statetrail-*, by the member-account stack.
      resources: [`arn:${partition}:iam::*:role/statetrail-*`],
    }),
  ];
}
