import {
  GetBucketAccelerateConfigurationOutput$,
  GetBucketCorsOutput$,
  GetBucketEncryptionOutput$,
  GetBucketLifecycleConfigurationOutput$,
  GetBucketLoggingOutput$,
  GetBucketOwnershipControlsOutput$,
  GetBucketPolicyOutput$,
  GetBucketReplicationOutput$,
  GetBucketRequestPaymentOutput$,
  GetBucketTaggingOutput$,
  GetBucketVersioningOutput$,
  GetBucketWebsiteOutput$,
  GetObjectLockConfigurationOutput$,
  GetPublicAccessBlockOutput$,
  NotificationConfiguration$,
} from '@aws-sdk/client-s3';
import type { S3ConfigKey } from './s3-world.js';
import type { SchemaRef } from './xml-writer.js';

/** A "this configuration is not set" answer: S3's code and message, always 404. */
export interface NotSetError {
  code: string;
  message: string;
}

/** One bucket configuration read the sim answers (`GET /<bucket>?<subresource>`). */
export interface S3ConfigOperation {
  /** The SDK operation name, which the fault book and call log use. */
  action: string;
  /** The IAM action S3 checks, which its AccessDenied message names. */
  iamAction: string;
  key: S3ConfigKey;
  /** The SDK output schema: where members go (headers, payload, body) and their XML names. */
  output: SchemaRef;
  /** How an unset configuration answers: an error, or this default document. */
  unset: { error: NotSetError } | { output: object };
}

// Messages as S3 writes them; the not-set codes match terraform-provider-aws's errors.go.
/** Subresource query key -> operation, from the SDK's http traits (`GET /?policy`...). */
export const S3_CONFIG_OPERATIONS: Readonly<Record<string, S3ConfigOperation>> = {
  versioning: {
    action: 'GetBucketVersioning',
    iamAction: 's3:GetBucketVersioning',
    key: 'BucketVersioning',
    output: GetBucketVersioningOutput$,
    unset: { output: {} },
  },
  encryption: {
    action: 'GetBucketEncryption',
    iamAction: 's3:GetEncryptionConfiguration',
    key: 'BucketEncryption',
    output: GetBucketEncryptionOutput$,
    unset: {
      error: {
        code: 'ServerSideEncryptionConfigurationNotFoundError',
        message: 'The server side encryption configuration was not found',
      },
    },
  },
  policy: {
    action: 'GetBucketPolicy',
    iamAction: 's3:GetBucketPolicy',
    key: 'BucketPolicy',
    output: GetBucketPolicyOutput$,
    unset: { error: { code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist' } },
  },
  publicAccessBlock: {
    action: 'GetPublicAccessBlock',
    iamAction: 's3:GetBucketPublicAccessBlock',
    key: 'PublicAccessBlock',
    output: GetPublicAccessBlockOutput$,
    unset: {
      error: {
        code: 'NoSuchPublicAccessBlockConfiguration',
        message: 'The public access block configuration was not found',
      },
    },
  },
  ownershipControls: {
    action: 'GetBucketOwnershipControls',
    iamAction: 's3:GetBucketOwnershipControls',
    key: 'BucketOwnershipControls',
    output: GetBucketOwnershipControlsOutput$,
    unset: {
      error: {
        code: 'OwnershipControlsNotFoundError',
        message: 'The bucket ownership controls were not found',
      },
    },
  },
  lifecycle: {
    action: 'GetBucketLifecycleConfiguration',
    iamAction: 's3:GetLifecycleConfiguration',
    key: 'BucketLifecycleConfiguration',
    output: GetBucketLifecycleConfigurationOutput$,
    unset: {
      error: {
        code: 'NoSuchLifecycleConfiguration',
        message: 'The lifecycle configuration does not exist',
      },
    },
  },
  logging: {
    action: 'GetBucketLogging',
    iamAction: 's3:GetBucketLogging',
    key: 'BucketLogging',
    output: GetBucketLoggingOutput$,
    unset: { output: {} },
  },
  tagging: {
    action: 'GetBucketTagging',
    iamAction: 's3:GetBucketTagging',
    key: 'BucketTagging',
    output: GetBucketTaggingOutput$,
    unset: { error: { code: 'NoSuchTagSet', message: 'The TagSet does not exist' } },
  },
  cors: {
    action: 'GetBucketCors',
    iamAction: 's3:GetBucketCORS',
    key: 'BucketCors',
    output: GetBucketCorsOutput$,
    unset: {
      error: { code: 'NoSuchCORSConfiguration', message: 'The CORS configuration does not exist' },
    },
  },
  website: {
    action: 'GetBucketWebsite',
    iamAction: 's3:GetBucketWebsite',
    key: 'BucketWebsite',
    output: GetBucketWebsiteOutput$,
    unset: {
      error: {
        code: 'NoSuchWebsiteConfiguration',
        message: 'The specified bucket does not have a website configuration',
      },
    },
  },
  replication: {
    action: 'GetBucketReplication',
    iamAction: 's3:GetReplicationConfiguration',
    key: 'BucketReplication',
    output: GetBucketReplicationOutput$,
    unset: {
      error: {
        code: 'ReplicationConfigurationNotFoundError',
        message: 'The replication configuration was not found',
      },
    },
  },
  'object-lock': {
    action: 'GetObjectLockConfiguration',
    iamAction: 's3:GetBucketObjectLockConfiguration',
    key: 'ObjectLockConfiguration',
    output: GetObjectLockConfigurationOutput$,
    unset: {
      error: {
        code: 'ObjectLockConfigurationNotFoundError',
        message: 'Object Lock configuration does not exist for this bucket',
      },
    },
  },
  notification: {
    action: 'GetBucketNotificationConfiguration',
    iamAction: 's3:GetBucketNotification',
    key: 'BucketNotificationConfiguration',
    // The operation's output is the NotificationConfiguration shape itself.
    output: NotificationConfiguration$,
    unset: { output: {} },
  },
  accelerate: {
    action: 'GetBucketAccelerateConfiguration',
    iamAction: 's3:GetAccelerateConfiguration',
    key: 'BucketAccelerateConfiguration',
    output: GetBucketAccelerateConfigurationOutput$,
    unset: { output: {} },
  },
  requestPayment: {
    action: 'GetBucketRequestPayment',
    iamAction: 's3:GetBucketRequestPayment',
    key: 'BucketRequestPayment',
    output: GetBucketRequestPaymentOutput$,
    // Every bucket has a payer; the bucket owner unless someone set Requester.
    unset: { output: { Payer: 'BucketOwner' } },
  },
};
