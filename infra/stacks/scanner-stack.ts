import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { ScannerFunction } from '../constructs/scanner-function.js';
import { StagingBucket } from '../constructs/staging-bucket.js';

/**
 * The scanner: the staging bucket and the pipeline's functions. The bucket lives here rather than
 * in a stateful stack because nothing in it outlives a scan (see {@link StagingBucket}).
 */
export class ScannerStack extends Stack {
  /** Where the steps exchange documents. */
  public readonly staging: StagingBucket;
  /** The collect step: one planned target per invocation. */
  public readonly collect: ScannerFunction;

  public constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, props);

    this.staging = new StagingBucket(this, 'Staging');

    this.collect = new ScannerFunction(this, 'Collect', {
      entry: 'functions/collect.ts',
      description: 'statetrail: collects one planned target into the staging bucket',
      // Below the 5-minute cap on the Express child workflow that will invoke it per target.
      timeout: Duration.minutes(4),
      memorySize: 1024,
      environment: { STAGING_BUCKET: this.staging.bucketName, STAGING_PREFIX: this.staging.prefix },
    });
    this.staging.grantStagingReadWrite(this.collect);
    for (const statement of collectorStatements(this.partition)) {
      this.collect.addToRolePolicy(statement);
    }
  }
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
