import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** Props of {@link StagingBucket}. */
export interface StagingBucketProps {
  /** Root of the staged documents (the functions' `STAGING_PREFIX`). @default 'staging/' */
  readonly prefix?: string;
  /** Staged documents older than this are deleted: a scan needs them for minutes. @default 7 days */
  readonly expiration?: Duration;
  /** Encrypts the staged documents (SSE-KMS with an S3 bucket key). @default S3-managed keys */
  readonly encryptionKey?: IKey;
}

/**
 * Where the pipeline's steps hand each other JSON documents when deployed: private, TLS-only,
 * encrypted, unversioned, and self-cleaning, since nothing in it outlives a scan.
 */
export class StagingBucket extends Bucket {
  /** Root of the staged documents, ending in `/`. */
  public readonly prefix: string;

  public constructor(scope: Construct, id: string, props: StagingBucketProps = {}) {
    super(scope, id, {
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      ...(props.encryptionKey
        ? {
            encryption: BucketEncryption.KMS,
            encryptionKey: props.encryptionKey,
            // One data key per bucket rather than per object: far fewer KMS calls per scan.
            bucketKeyEnabled: true,
          }
        : { encryption: BucketEncryption.S3_MANAGED }),
      versioned: false,
      lifecycleRules: [
        {
          id: 'expire-staged-documents',
          expiration: props.expiration ?? Duration.days(7),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Disposable contents; deleting the stack fails while objects remain, which is acceptable
      // (they expire within a week) and avoids the auto-delete custom resource and its Lambda.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    this.prefix = props.prefix ?? 'staging/';
  }

  /**
   * Lets a function read and write the documents under {@link prefix}, nothing else. ListBucket
   * cannot be narrowed to the prefix without risk: S3 answers a GET of a missing key with 404 only
   * to a caller that may list the bucket (403 otherwise), and the store tells "missing" from
   * "denied" by exactly that. The bucket holds staged documents only, so listing reveals no more.
   */
  public grantStagingReadWrite(grantee: IGrantable): Grant {
    Grant.addToPrincipal({ grantee, actions: ['s3:ListBucket'], resourceArns: [this.bucketArn] });
    this.encryptionKey?.grant(grantee, 'kms:Decrypt', 'kms:GenerateDataKey');
    return Grant.addToPrincipal({
      grantee,
      actions: ['s3:GetObject', 's3:PutObject'],
      resourceArns: [this.arnForObjects(`${this.prefix}*`)],
    });
  }
}
