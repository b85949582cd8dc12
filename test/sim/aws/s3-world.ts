import type {
  GetBucketAccelerateConfigurationOutput,
  GetBucketCorsOutput,
  GetBucketEncryptionOutput,
  GetBucketLifecycleConfigurationOutput,
  GetBucketLoggingOutput,
  GetBucketOwnershipControlsOutput,
  GetBucketPolicyOutput,
  GetBucketReplicationOutput,
  GetBucketRequestPaymentOutput,
  GetBucketTaggingOutput,
  GetBucketVersioningOutput,
  GetBucketWebsiteOutput,
  GetObjectLockConfigurationOutput,
  GetPublicAccessBlockOutput,
  NotificationConfiguration,
} from '@aws-sdk/client-s3';

/** An SDK output as the world holds it: what the Get call answers, without response metadata. */
type Held<T> = Omit<T, '$metadata'>;

/**
 * What each bucket configuration read answers, keyed like the trail's `supplementaryConfiguration`
 * (the Get operation's name without `Get`). The policy is the JSON text S3 stores, not an object.
 */
export interface SimBucketConfig {
  BucketVersioning?: Held<GetBucketVersioningOutput>;
  BucketEncryption?: Held<GetBucketEncryptionOutput>;
  BucketPolicy?: Held<GetBucketPolicyOutput>;
  PublicAccessBlock?: Held<GetPublicAccessBlockOutput>;
  BucketOwnershipControls?: Held<GetBucketOwnershipControlsOutput>;
  BucketLifecycleConfiguration?: Held<GetBucketLifecycleConfigurationOutput>;
  BucketLogging?: Held<GetBucketLoggingOutput>;
  BucketTagging?: Held<GetBucketTaggingOutput>;
  BucketCors?: Held<GetBucketCorsOutput>;
  BucketWebsite?: Held<GetBucketWebsiteOutput>;
  BucketReplication?: Held<GetBucketReplicationOutput>;
  ObjectLockConfiguration?: Held<GetObjectLockConfigurationOutput>;
  BucketNotificationConfiguration?: NotificationConfiguration;
  BucketAccelerateConfiguration?: Held<GetBucketAccelerateConfigurationOutput>;
  BucketRequestPayment?: Held<GetBucketRequestPaymentOutput>;
}

/** A configuration key of a bucket (`BucketPolicy`, `PublicAccessBlock`...). */
export type S3ConfigKey = keyof SimBucketConfig;

/** One general purpose bucket. */
export interface SimBucket {
  name: string;
  /** The region the bucket lives in; requests signed for another region get 301 PermanentRedirect. */
  region: string;
  creationDate: Date;
  /**
   * Each configuration that is set. An absent key was never set: the read answers its NoSuch…
   * error, or its empty/default document for reads that always answer (versioning, logging...).
   */
  config: SimBucketConfig;
  /** Reads a statement in the bucket policy denies to everyone: they answer AccessDenied. */
  denied?: S3ConfigKey[];
}

/** The S3 estate of one account. */
export interface S3AccountWorld {
  /** The account's canonical user id, what ListBuckets answers as `Owner.ID`. */
  ownerId: string;
  /** Bucket names are global in AWS; keep them unique across accounts too. */
  buckets: SimBucket[];
}

/** An S3 estate with no buckets, for `ownerId`. */
export function emptyS3Account(ownerId: string): S3AccountWorld {
  return { ownerId, buckets: [] };
}

/** A canonical user id (64 hex) derived from an account id, stable for a world. */
export function canonicalUserId(accountId: string): string {
  const hex = Buffer.from(`statetrail-sim-${accountId}`).toString('hex');
  return hex.padEnd(64, '0').slice(0, 64);
}

/** The policy document of a bucket as S3 would store it (JSON text). */
export function policyText(document: object): Held<GetBucketPolicyOutput> {
  return { Policy: JSON.stringify(document) };
}
