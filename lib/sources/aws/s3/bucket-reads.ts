import {
  GetBucketAccelerateConfigurationCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLoggingCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketReplicationCommand,
  GetBucketRequestPaymentCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/** The input every bucket read takes: the bucket, and the account that must own it. */
interface ReadInput {
  readonly Bucket: string;
  /** S3 answers 403 when someone else owns the bucket (deleted and re-created between list and read). */
  readonly ExpectedBucketOwner: string;
}

/** One per-bucket configuration read. */
export interface BucketRead {
  /** The `supplementaryConfiguration` key: the Get operation's name without `Get`. */
  readonly key: string;
  /** The S3 API operation, for warnings (`s3:<operation>`). */
  readonly operation: string;
  /** The error code S3 answers when this configuration was never set; none for reads that always answer. */
  readonly notConfigured?: string;
  send(client: S3Client, input: ReadInput): Promise<object>;
}

/**
 * The fifteen reads made for every bucket, in the order they are made. The not-configured codes
 * are those terraform-provider-aws treats as "absent" (internal/service/s3/errors.go); the
 * others (versioning, logging, notification, accelerate, request payment) answer an empty or
 * default document instead of an error.
 */
export const BUCKET_READS: readonly BucketRead[] = [
  {
    key: 'BucketVersioning',
    operation: 'GetBucketVersioning',
    send: (c, input) => c.send(new GetBucketVersioningCommand(input)),
  },
  {
    key: 'BucketEncryption',
    operation: 'GetBucketEncryption',
    notConfigured: 'ServerSideEncryptionConfigurationNotFoundError',
    send: (c, input) => c.send(new GetBucketEncryptionCommand(input)),
  },
  {
    key: 'BucketPolicy',
    operation: 'GetBucketPolicy',
    notConfigured: 'NoSuchBucketPolicy',
    send: (c, input) => c.send(new GetBucketPolicyCommand(input)),
  },
  {
    key: 'PublicAccessBlock',
    operation: 'GetPublicAccessBlock',
    notConfigured: 'NoSuchPublicAccessBlockConfiguration',
    send: (c, input) => c.send(new GetPublicAccessBlockCommand(input)),
  },
  {
    key: 'BucketOwnershipControls',
    operation: 'GetBucketOwnershipControls',
    notConfigured: 'OwnershipControlsNotFoundError',
    send: (c, input) => c.send(new GetBucketOwnershipControlsCommand(input)),
  },
  {
    key: 'BucketLifecycleConfiguration',
    operation: 'GetBucketLifecycleConfiguration',
    notConfigured: 'NoSuchLifecycleConfiguration',
    send: (c, input) => c.send(new GetBucketLifecycleConfigurationCommand(input)),
  },
  {
    key: 'BucketLogging',
    operation: 'GetBucketLogging',
    send: (c, input) => c.send(new GetBucketLoggingCommand(input)),
  },
  {
    key: 'BucketTagging',
    operation: 'GetBucketTagging',
    notConfigured: 'NoSuchTagSet',
    send: (c, input) => c.send(new GetBucketTaggingCommand(input)),
  },
  {
    key: 'BucketCors',
    operation: 'GetBucketCors',
    notConfigured: 'NoSuchCORSConfiguration',
    send: (c, input) => c.send(new GetBucketCorsCommand(input)),
  },
  {
    key: 'BucketWebsite',
    operation: 'GetBucketWebsite',
    notConfigured: 'NoSuchWebsiteConfiguration',
    send: (c, input) => c.send(new GetBucketWebsiteCommand(input)),
  },
  {
    key: 'BucketReplication',
    operation: 'GetBucketReplication',
    notConfigured: 'ReplicationConfigurationNotFoundError',
    send: (c, input) => c.send(new GetBucketReplicationCommand(input)),
  },
  {
    key: 'ObjectLockConfiguration',
    operation: 'GetObjectLockConfiguration',
    notConfigured: 'ObjectLockConfigurationNotFoundError',
    send: (c, input) => c.send(new GetObjectLockConfigurationCommand(input)),
  },
  {
    key: 'BucketNotificationConfiguration',
    operation: 'GetBucketNotificationConfiguration',
    send: (c, input) => c.send(new GetBucketNotificationConfigurationCommand(input)),
  },
  {
    key: 'BucketAccelerateConfiguration',
    operation: 'GetBucketAccelerateConfiguration',
    send: (c, input) => c.send(new GetBucketAccelerateConfigurationCommand(input)),
  },
  {
    key: 'BucketRequestPayment',
    operation: 'GetBucketRequestPayment',
    send: (c, input) => c.send(new GetBucketRequestPaymentCommand(input)),
  },
];
