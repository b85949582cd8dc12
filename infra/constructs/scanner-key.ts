import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * The scanner's customer-managed KMS key (rotated yearly): it encrypts the staging bucket and the
 * functions' log groups. One key rather than one per use: a key costs $1 a month, and both hold
 * the same data (records already redacted by the collectors).
 */
export class ScannerKey extends Key {
  public constructor(scope: Construct, id: string) {
    super(scope, id, {
      description: 'statetrail: staging bucket and log groups',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const { region, account, partition } = Stack.of(this);
    // CloudWatch Logs encrypts with the key only for this account's log groups in this region.
    this.grant(
      new ServicePrincipal(`logs.${region}.amazonaws.com`).withConditions({
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*`,
        },
      }),
      'kms:Encrypt*',
      'kms:Decrypt*',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
      'kms:Describe*',
    );
  }
}
