import { canonicalUserId, policyText, type S3AccountWorld } from './s3-world.js';

const KMS_KEY = 'arn:aws:kms:eu-west-1:111111111111:key/5f0c2a8e-9d3b-4c71-a6e4-2b8f1d7c3e90';
const CLOUDFRONT = 'arn:aws:cloudfront::111111111111:distribution/E2QWRUHAPOMQZL';
const REPLICATION_ROLE = 'arn:aws:iam::111111111111:role/s3-replication';

/**
 * The sample account's buckets (`accountId` 111111111111):
 * - `sample-assets-eu` (eu-west-1): everything a careful team sets: versioning, KMS encryption,
 *   a TLS-only + CloudFront policy, public access block, owner-enforced ownership, lifecycle
 *   rules (listed out of ID order), access logging, tags, CORS and an SQS notification;
 * - `sample-bare-eu` (eu-west-1, 2019): nothing but the SSE-S3 default AWS applies to every bucket;
 * - `sample-web-us` (us-east-1): a public static website with acceleration on;
 * - `sample-audit-eu` (eu-west-1): Object Lock and replication, and a policy whose read its own
 *   policy denies to everyone (GetBucketPolicy answers AccessDenied).
 */
export function sampleS3Account(accountId: string): S3AccountWorld {
  return {
    ownerId: canonicalUserId(accountId),
    buckets: [
      {
        name: 'sample-assets-eu',
        region: 'eu-west-1',
        creationDate: new Date('2024-03-11T08:15:42.000Z'),
        config: {
          BucketVersioning: { Status: 'Enabled' },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: {
              Rules: [
                {
                  ApplyServerSideEncryptionByDefault: {
                    SSEAlgorithm: 'aws:kms',
                    KMSMasterKeyID: KMS_KEY,
                  },
                  BucketKeyEnabled: true,
                },
              ],
            },
          },
          BucketPolicy: policyText({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DenyInsecureTransport',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: ['arn:aws:s3:::sample-assets-eu', 'arn:aws:s3:::sample-assets-eu/*'],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
              {
                Sid: 'AllowCloudFrontRead',
                Effect: 'Allow',
                Principal: { Service: 'cloudfront.amazonaws.com' },
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::sample-assets-eu/*',
                Condition: { StringEquals: { 'AWS:SourceArn': CLOUDFRONT } },
              },
            ],
          }),
          PublicAccessBlock: {
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: true,
              RestrictPublicBuckets: true,
            },
          },
          BucketOwnershipControls: {
            OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
          },
          BucketLifecycleConfiguration: {
            Rules: [
              {
                ID: 'expire-tmp',
                Status: 'Enabled',
                Filter: { Prefix: 'tmp/' },
                Expiration: { Days: 7 },
              },
              {
                ID: 'archive-noncurrent',
                Status: 'Enabled',
                Filter: { Prefix: '' },
                NoncurrentVersionTransitions: [
                  { NoncurrentDays: 90, StorageClass: 'GLACIER' },
                  { NoncurrentDays: 30, StorageClass: 'STANDARD_IA' },
                ],
                NoncurrentVersionExpiration: { NoncurrentDays: 365 },
                AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
              },
            ],
            TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K',
          },
          BucketLogging: {
            LoggingEnabled: { TargetBucket: 'sample-audit-eu', TargetPrefix: 'access/assets/' },
          },
          BucketTagging: {
            TagSet: [
              { Key: 'team', Value: 'web' },
              { Key: 'env', Value: 'prod' },
              { Key: 'Name', Value: 'assets' },
            ],
          },
          BucketCors: {
            CORSRules: [
              {
                ID: 'app',
                AllowedMethods: ['GET', 'HEAD'],
                AllowedOrigins: ['https://app.example.com'],
                AllowedHeaders: ['*'],
                MaxAgeSeconds: 3000,
              },
              { AllowedMethods: ['GET'], AllowedOrigins: ['*'] },
            ],
          },
          BucketNotificationConfiguration: {
            QueueConfigurations: [
              {
                Id: 'new-uploads',
                QueueArn: 'arn:aws:sqs:eu-west-1:111111111111:asset-uploads',
                Events: ['s3:ObjectCreated:Put', 's3:ObjectCreated:CompleteMultipartUpload'],
                Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } },
              },
            ],
          },
        },
      },
      {
        name: 'sample-bare-eu',
        region: 'eu-west-1',
        creationDate: new Date('2019-06-02T17:03:11.000Z'),
        config: { BucketEncryption: sseS3() },
      },
      {
        name: 'sample-web-us',
        region: 'us-east-1',
        creationDate: new Date('2025-01-20T12:00:05.000Z'),
        config: {
          BucketVersioning: { Status: 'Suspended' },
          BucketEncryption: sseS3(),
          BucketPolicy: policyText({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'PublicRead',
                Effect: 'Allow',
                Principal: '*',
                Action: 's3:GetObject',
                Resource: 'arn:aws:s3:::sample-web-us/*',
              },
            ],
          }),
          PublicAccessBlock: {
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: false,
              RestrictPublicBuckets: false,
            },
          },
          BucketOwnershipControls: {
            OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
          },
          BucketTagging: { TagSet: [{ Key: 'site', Value: 'www.example.com' }] },
          BucketWebsite: {
            IndexDocument: { Suffix: 'index.html' },
            ErrorDocument: { Key: '404.html' },
            RoutingRules: [
              {
                Condition: { KeyPrefixEquals: 'docs/' },
                Redirect: { ReplaceKeyPrefixWith: 'documents/' },
              },
              {
                Condition: { HttpErrorCodeReturnedEquals: '404' },
                Redirect: { HostName: 'www.example.com', ReplaceKeyWith: 'index.html' },
              },
            ],
          },
          BucketAccelerateConfiguration: { Status: 'Enabled' },
        },
      },
      {
        name: 'sample-audit-eu',
        region: 'eu-west-1',
        creationDate: new Date('2023-09-14T06:45:00.000Z'),
        config: {
          BucketVersioning: { Status: 'Enabled' },
          BucketEncryption: sseS3(),
          BucketPolicy: policyText({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'OnlyBreakGlassReadsThePolicy',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:GetBucketPolicy',
                Resource: 'arn:aws:s3:::sample-audit-eu',
                Condition: {
                  ArnNotEquals: {
                    'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/break-glass',
                  },
                },
              },
            ],
          }),
          PublicAccessBlock: {
            PublicAccessBlockConfiguration: {
              BlockPublicAcls: true,
              IgnorePublicAcls: true,
              BlockPublicPolicy: true,
              RestrictPublicBuckets: true,
            },
          },
          BucketOwnershipControls: {
            OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
          },
          BucketTagging: {
            TagSet: [
              { Key: 'retention', Value: '1y' },
              { Key: 'data-class', Value: 'audit' },
            ],
          },
          ObjectLockConfiguration: {
            ObjectLockConfiguration: {
              ObjectLockEnabled: 'Enabled',
              Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } },
            },
          },
          BucketReplication: {
            ReplicationConfiguration: {
              Role: REPLICATION_ROLE,
              Rules: [
                {
                  ID: 'to-us-dr',
                  Priority: 2,
                  Status: 'Enabled',
                  Filter: { Prefix: 'access/' },
                  DeleteMarkerReplication: { Status: 'Disabled' },
                  Destination: {
                    Bucket: 'arn:aws:s3:::sample-audit-dr-us',
                    StorageClass: 'GLACIER_IR',
                  },
                },
                {
                  ID: 'all-to-archive',
                  Priority: 1,
                  Status: 'Enabled',
                  Filter: { Prefix: '' },
                  DeleteMarkerReplication: { Status: 'Disabled' },
                  Destination: { Bucket: 'arn:aws:s3:::sample-audit-archive-eu' },
                },
              ],
            },
          },
        },
        denied: ['BucketPolicy'],
      },
    ],
  };
}

// What GetBucketEncryption answers for every bucket since January 2023 unless set otherwise.
function sseS3() {
  return {
    ServerSideEncryptionConfiguration: {
      Rules: [
        {
          ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' as const },
          BucketKeyEnabled: false,
        },
      ],
    },
  };
}
