import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { NotifyConfig } from '../../lib/config/schema.js';
import { ScanRequest } from '../../lib/pipeline/scan-request.js';
import type { Deployment } from '../config/deployment.js';
import { LeaseTable } from '../constructs/lease-table.js';
import { ScanAlarms } from '../constructs/scan-alarms.js';
import { ScanApi } from '../constructs/scan-api.js';
import { ScanSchedule } from '../constructs/scan-schedule.js';
import { ScanWorkflow } from '../constructs/scan-workflow.js';
import { ScannerFunction } from '../constructs/scanner-function.js';
import { ScannerKey } from '../constructs/scanner-key.js';
import { StagingBucket } from '../constructs/staging-bucket.js';
import {
  grantSecretRead,
  hasNotifiers,
  notifyStatements,
  stateReadStatements,
} from '../constructs/step-grants.js';
import { collectVpc, deployedEnvironment, retentionOf } from '../constructs/step-settings.js';
import { TerraformHostsAccess } from '../constructs/terraform-hosts-access.js';

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
   * What every scan covers, from the config; the state machine holds it as a constant.
   * @default a minimal request (no regions, no clusters, no states): the scan plans nothing
   */
  readonly request?: ScanRequest;
  /** The config's `notify`: where notifications go. @default none: no notify step */
  readonly notify?: NotifyConfig;
  /** The config's `schedule`: six-field EventBridge cron and time zone. @default no schedule */
  readonly schedule?: { readonly cron: string; readonly timeZone?: string };
  /**
   * What the config file says (`cdk deploy -c config=PATH`): the trail, the request, the schedule,
   * the secrets by ARN, the states drift may read, the VPC, memory and log retention. Its trail,
   * request, schedule and notify win over {@link trail}, {@link request}, {@link schedule} and
   * {@link notify}.
   */
  readonly deployment?: Deployment;
}

/**
 * The scanner: the staging bucket, the lease table and one function per pipeline step (lease,
 * plan, collect, drift, attribute, commit, review, and notify when configured) for a state
 * machine to run. The bucket lives here rather than in a stateful stack
 * because nothing in it outlives a scan (see {@link StagingBucket}).
 */
export class ScannerStack extends Stack {
  /** Where the steps exchange documents. */
  public readonly staging: StagingBucket;
  /** Encrypts the staging bucket and the log groups. */
  public readonly key: ScannerKey;
  /** The Terraform state locations the drift function may read. */
  public readonly stateLocations: readonly string[];
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
  /** The attribute step: who changed each drifted or changed resource, from CloudTrail. */
  public readonly attribute: ScannerFunction;
  /** The notify step, when the config names a notifier. */
  public readonly notify: ScannerFunction | undefined;
  /** The trail's lease, so two scans never commit at once. */
  public readonly leases: LeaseTable;
  /** The lease step: acquire before plan, release after notify. */
  public readonly lease: ScannerFunction;
  /** The state machine that runs the steps in order; an execution's name is its scan id. */
  public readonly workflow: ScanWorkflow;
  /** The HTTP API: POST /scans, GET /scans/{id}, GET /drift. */
  public readonly api: ScanApi;

  public constructor(scope: Construct, id: string, props: ScannerStackProps = {}) {
    super(scope, id, props);

    const deployment = props.deployment;
    this.stateLocations = deployment?.request.states.map((state) => state.location) ?? [];
    this.key = new ScannerKey(this, 'Key');
    this.staging = new StagingBucket(this, 'Staging', { encryptionKey: this.key });
    const staging = {
      STAGING_BUCKET: this.staging.bucketName,
      STAGING_PREFIX: this.staging.prefix,
    };
    const trailLocation = deployment?.trail ?? props.trail;
    const trail = {
      ...(trailLocation === undefined ? {} : { STATETRAIL_TRAIL: trailLocation }),
      ...deployedEnvironment(deployment, 'github'),
    };
    const defaults = { logEncryptionKey: this.key, logRetention: retentionOf(deployment) };
    this.leases = new LeaseTable(this, 'Leases');

    this.plan = new ScannerFunction(this, 'Plan', {
      ...defaults,
      entry: 'functions/plan.ts',
      description: 'statetrail: discovers accounts, regions and EKS clusters and plans the targets',
      timeout: Duration.minutes(5),
      environment: staging,
    });
    this.collect = new ScannerFunction(this, 'Collect', {
      ...defaults,
      entry: 'functions/collect.ts',
      description: 'statetrail: collects one planned target into the staging bucket',
      // Below the 5-minute cap on the Express child workflow that will invoke it per target.
      timeout: Duration.minutes(4),
      memorySize: deployment?.deploy.collectMemoryMb ?? 1024,
      environment: { ...staging, ...deployedEnvironment(deployment, 'hmac') },
      ...collectVpc(this, deployment),
    });
    this.drift = new ScannerFunction(this, 'Drift', {
      ...defaults,
      entry: 'functions/drift.ts',
      description: 'statetrail: compares the staged scan with the Terraform states',
      timeout: Duration.minutes(10),
      memorySize: 1024,
      environment: { ...staging, ...trail },
    });
    this.commit = new ScannerFunction(this, 'Commit', {
      ...defaults,
      entry: 'functions/commit.ts',
      description: 'statetrail: commits the staged scan to the trail',
      timeout: Duration.minutes(10),
      memorySize: 1024,
      environment: { ...staging, ...trail, LEASE_TABLE: this.leases.tableName },
    });
    this.review = new ScannerFunction(this, 'Review', {
      ...defaults,
      entry: 'functions/review.ts',
      description: 'statetrail: reviews the scan on GitHub: drift pull requests and the dashboard',
      timeout: Duration.minutes(10),
      memorySize: 1024,
      environment: { ...staging, ...trail },
    });
    this.attribute = new ScannerFunction(this, 'Attribute', {
      ...defaults,
      entry: 'functions/attribute.ts',
      description: 'statetrail: attributes drifted and changed resources from CloudTrail',
      timeout: Duration.minutes(10),
      memorySize: 512,
      environment: { ...staging, ...trail },
    });
    const notifyConfig = deployment?.notify ?? props.notify;
    const notify = hasNotifiers(notifyConfig) ? notifyConfig : undefined;
    this.notify =
      notify &&
      new ScannerFunction(this, 'Notify', {
        ...defaults,
        entry: 'functions/notify.ts',
        description: 'statetrail: notifies Slack, SNS and webhooks of new drift and failures',
        timeout: Duration.minutes(2),
        memorySize: 256,
        // Names and ARNs only: the notifiers' URLs and signing keys stay in Secrets Manager.
        environment: { ...staging, ...trail, STATETRAIL_NOTIFY: JSON.stringify(notify) },
      });
    this.lease = new ScannerFunction(this, 'Lease', {
      ...defaults,
      entry: 'functions/lease.ts',
      description: 'statetrail: acquires and releases the trail lease of a scan',
      timeout: Duration.seconds(30),
      memorySize: 256,
      environment: { ...trail, LEASE_TABLE: this.leases.tableName, LEASE_TTL_SECONDS: '3600' },
    });
    // Only the lease function writes leases; commit reads its scan's lease before it writes.
    this.leases.grantLeaseWrite(this.lease);
    this.leases.grantLeaseRead(this.commit);
    const staged = [this.plan, this.collect, this.drift, this.attribute, this.commit, this.review];
    for (const step of this.notify ? [...staged, this.notify] : staged) {
      this.staging.grantStagingReadWrite(step);
    }
    for (const statement of attributionStatements(this.partition)) {
      this.attribute.addToRolePolicy(statement);
    }
    for (const statement of collectorStatements(this.partition)) {
      this.collect.addToRolePolicy(statement);
    }
    for (const statement of discoveryStatements(this.partition)) {
      this.plan.addToRolePolicy(statement);
    }
    if (deployment) {
      // Only the functions that open the trail hold the GitHub credential (drift reads accepted
      // drift and ignore rules at the trail's head; attribute reads the manifest; notify keeps
      // its ledger there); only collect holds the HMAC key.
      const trailReaders = [this.drift, this.attribute, this.commit, this.review];
      grantSecretRead(
        this,
        'GitHubSecret',
        deployment.github.secretArn,
        this.notify ? [...trailReaders, this.notify] : trailReaders,
      );
      if (notify && this.notify) {
        for (const statement of notifyStatements(notify)) this.notify.addToRolePolicy(statement);
      }
      const hmac = deployment.deploy.hmacKeySecretArn;
      if (hmac) grantSecretRead(this, 'HmacKeySecret', hmac, [this.collect]);
      const states = deployment.request.states;
      for (const statement of stateReadStatements(
        this.partition,
        states,
        deployment.stateRoleArn,
      )) {
        this.drift.addToRolePolicy(statement);
      }
      new TerraformHostsAccess(this, 'TerraformHosts', {
        fn: this.drift,
        hosts: deployment.terraformHosts,
      });
    }
    this.workflow = new ScanWorkflow(this, 'Workflow', {
      request: deployment?.request ?? props.request ?? ScanRequest.parse({ aws: {} }),
      functions: {
        plan: this.plan,
        collect: this.collect,
        drift: this.drift,
        commit: this.commit,
        review: this.review,
        lease: this.lease,
        attribute: this.attribute,
        ...(this.notify ? { notify: this.notify } : {}),
      },
      // A Bucket is an IBucket; exactOptionalPropertyTypes trips over its optional `isWebsite`.
      staging: this.staging as IBucket,
      stagingPrefix: this.staging.prefix,
      logEncryptionKey: this.key,
      logRetention: defaults.logRetention,
    });
    const stateMachine = this.workflow.stateMachine;
    this.api = new ScanApi(this, 'ScanApi', {
      stateMachine,
      staging: this.staging,
      logEncryptionKey: this.key,
      logRetention: defaults.logRetention,
    });
    const scheduled = deployment?.schedule ?? props.schedule;
    const schedule =
      scheduled && new ScanSchedule(this, 'Schedule', { stateMachine, ...scheduled });
    const { plan, collect, drift, attribute, commit, review, lease } = this;
    new ScanAlarms(this, 'Alarms', {
      stateMachine,
      functions: {
        Plan: plan,
        Collect: collect,
        Drift: drift,
        Attribute: attribute,
        Commit: commit,
        Review: review,
        ...(this.notify ? { Notify: this.notify } : {}),
        Lease: lease,
        Api: this.api.handler,
      },
      deadLetterQueues: schedule ? [schedule.deadLetterQueue] : [],
    });
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

/**
 * What attribution reads: CloudTrail's management events (LookupEvents has no resource-level
 * permissions), in member accounts through their statetrail-* roles.
 */
export function attributionStatements(partition: string): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'AttributionLookup',
      actions: ['cloudtrail:LookupEvents'],
      resources: ['*'],
    }),
    new PolicyStatement({
      sid: 'AttributionMemberAccounts',
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
