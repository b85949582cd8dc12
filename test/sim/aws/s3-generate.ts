import { mulberry32, pick, type Random } from './random.js';
import {
  canonicalUserId,
  policyText,
  type S3AccountWorld,
  type S3ConfigKey,
  type SimBucket,
  type SimBucketConfig,
} from './s3-world.js';

/** What to generate for one account. */
export interface GenerateS3Options {
  accountId: string;
  /** The account's index in the world, which keeps bucket names globally unique. */
  accountIndex: number;
  /** The world's regions; buckets spread over them and us-east-1, as real estates do. */
  regions: readonly string[];
  buckets: number;
  seed: number;
}

const PURPOSES = ['assets', 'logs', 'backups', 'data', 'artifacts', 'terraform-state', 'exports'];
const ENVS = ['prod', 'staging', 'dev'];
const TEAMS = ['platform', 'data', 'web', 'security'];

/**
 * An account's buckets, the same for the same options, in realistic proportions: every bucket
 * has the SSE-S3 default (a fifth use KMS), most block public access and enforce bucket
 * ownership, about half are versioned and tagged, fewer have policies, lifecycle rules, logging,
 * CORS, notifications, replication, websites or Object Lock, and a few deny the scanner their
 * policy or tags. Its own random stream, so adding buckets never changes the EC2 estate.
 */
export function generateS3Account(options: GenerateS3Options): S3AccountWorld {
  const random = mulberry32((options.seed * 7919 + options.accountIndex * 104_729 + 0x5353) >>> 0);
  const regions = [...new Set([...options.regions, 'us-east-1'])];
  const buckets: SimBucket[] = [];
  for (let n = 0; n < options.buckets; n++) {
    const purpose = pick(random, PURPOSES);
    const env = pick(random, ENVS);
    const name = `${env}-${purpose}-a${options.accountIndex}-${String(n).padStart(5, '0')}`;
    const region = pick(random, regions);
    const creationDate = new Date(
      Date.UTC(2016, 0, 1) + Math.floor(random() * 3_800 * 86_400) * 1000,
    );
    const denied: S3ConfigKey[] = [];
    if (random() < 0.03) denied.push('BucketPolicy');
    if (random() < 0.01) denied.push('BucketTagging');
    buckets.push({
      name,
      region,
      creationDate,
      config: bucketConfig(random, { name, region, env, purpose, accountId: options.accountId }),
      ...(denied.length > 0 ? { denied } : {}),
    });
  }
  return { ownerId: canonicalUserId(options.accountId), buckets };
}

interface BucketFacts {
  name: string;
  region: string;
  env: string;
  purpose: string;
  accountId: string;
}

function bucketConfig(random: Random, facts: BucketFacts): SimBucketConfig {
  const { name, region, env, purpose, accountId } = facts;
  const config: SimBucketConfig = {
    BucketEncryption: {
      ServerSideEncryptionConfiguration: {
        Rules: [
          random() < 0.2
            ? {
                ApplyServerSideEncryptionByDefault: {
                  SSEAlgorithm: 'aws:kms',
                  KMSMasterKeyID: `arn:aws:kms:${region}:${accountId}:alias/s3-${env}`,
                },
                BucketKeyEnabled: true,
              }
            : {
                ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
                BucketKeyEnabled: false,
              },
        ],
      },
    },
  };
  const versioning = random();
  if (versioning < 0.5) config.BucketVersioning = { Status: 'Enabled' };
  else if (versioning < 0.55) config.BucketVersioning = { Status: 'Suspended' };
  if (random() < 0.85) {
    config.PublicAccessBlock = {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    };
  }
  if (random() < 0.8) {
    config.BucketOwnershipControls = {
      OwnershipControls: {
        Rules: [
          { ObjectOwnership: random() < 0.9 ? 'BucketOwnerEnforced' : 'BucketOwnerPreferred' },
        ],
      },
    };
  }
  if (random() < 0.4) config.BucketPolicy = tlsOnlyPolicy(name);
  if (random() < 0.35) {
    config.BucketLifecycleConfiguration = {
      Rules: [
        {
          ID: 'expire-old',
          Status: 'Enabled',
          Filter: { Prefix: '' },
          Expiration: { Days: pick(random, [30, 90, 365]) },
        },
        ...(random() < 0.5
          ? [
              {
                ID: 'to-ia',
                Status: 'Enabled' as const,
                Filter: { Prefix: `${purpose}/` },
                Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' as const }],
              },
            ]
          : []),
      ],
      TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K',
    };
  }
  if (random() < 0.7) {
    config.BucketTagging = {
      TagSet: [
        { Key: 'env', Value: env },
        { Key: 'team', Value: pick(random, TEAMS) },
      ],
    };
  }
  if (random() < 0.2) {
    config.BucketLogging = {
      LoggingEnabled: { TargetBucket: `${env}-access-logs-${region}`, TargetPrefix: `${name}/` },
    };
  }
  if (random() < 0.1) {
    config.BucketCors = {
      CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: [`https://${env}.example.com`] }],
    };
  }
  if (random() < 0.1) {
    config.BucketNotificationConfiguration = { EventBridgeConfiguration: {} };
  }
  if (random() < 0.05) {
    config.BucketReplication = {
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${accountId}:role/s3-replication`,
        Rules: [
          {
            ID: 'dr',
            Priority: 1,
            Status: 'Enabled',
            Filter: { Prefix: '' },
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: { Bucket: `arn:aws:s3:::${name}-dr` },
          },
        ],
      },
    };
  }
  if (random() < 0.05) {
    config.BucketWebsite = { IndexDocument: { Suffix: 'index.html' } };
  }
  if (random() < 0.03) {
    config.ObjectLockConfiguration = { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } };
  }
  if (random() < 0.03) config.BucketAccelerateConfiguration = { Status: 'Enabled' };
  if (random() < 0.02) config.BucketRequestPayment = { Payer: 'Requester' };
  return config;
}

function tlsOnlyPolicy(name: string) {
  return policyText({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}
