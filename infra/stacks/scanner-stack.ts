import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { Deployment } from '../config/deployment.js';
import { ScannerFunction } from '../constructs/scanner-function.js';
import { ScannerKey } from '../constructs/scanner-key.js';
import { StagingBucket } from '../constructs/staging-bucket.js';
import { grantSecretRead, stateReadStatements } from '../constructs/step-grants.js';
import { collectVpc, deployedEnvironment, retentionOf } from '../constructs/step-settings.js';

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
   * What the config file says (`cdk deploy -c config=PATH`): the trail, the secrets by ARN, the
   * states drift may read, the VPC, memory and log retention. Its trail wins over {@link trail}.
   */
  readonly deployment?: Deployment;
}

/**
 * The scanner: the staging bucket and one function per pipeline step (plan, collect, drift,
 * commit, review) for a state machine to run. The bucket lives here rather than in a stateful stack
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
      environment: { ...staging, ...trail },
    });
    this.review = new ScannerFunction(this, 'Review', {
      ...defaults,
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
    if (deployment) {
      // Only the functions that open the trail hold the GitHub credential (drift reads accepted
      // drift and ignore rules at the trail's head); only collect holds the HMAC key.
      grantSecretRead(this, 'GitHubSecret', deployment.github.secretArn, [
        this.drift,
        this.commit,
        this.review,
      ]);
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
