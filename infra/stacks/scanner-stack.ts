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
    this.collect.addToRolePolicy(
      new PolicyStatement({
        sid: 'CollectorsDescribe',
        // Neither action supports resource-level permissions, so `*` is the narrowest resource.
        actions: ['ec2:Describe*', 'sts:GetCallerIdentity'],
        resources: ['*'],
      }),
    );
  }
}
