import { normalizePolicy } from '../normalize-policy.js';
import {
  type Normalizer,
  normalizeBoolean,
  normalizeJson,
  normalizeNumber,
  normalizeStringSet,
  UNKNOWN,
} from '../normalize-values.js';
import { blockAt, stateAt } from './read.js';
import { at, bucketId, encryption, list, s3Spec, versioningStatus } from './s3-common.js';
import type { AttributeSpec, Attributes, TypeMapping } from './types.js';

function split(name: string, attributes: readonly AttributeSpec[]): TypeMapping {
  return {
    terraformTypes: [`aws_s3_bucket_${name}`],
    resourceType: 'AWS::S3::Bucket',
    role: 'child',
    cloudId: bucketId,
    attributes,
  };
}

const rows = (a: Attributes, name: string) => {
  const value = stateAt(a, name);
  return value === UNKNOWN ? UNKNOWN : list(value);
};
const mapRows = (a: Attributes, name: string, fn: (row: Record<string, unknown>) => unknown) => {
  const value = rows(a, name);
  return value === UNKNOWN ? UNKNOWN : value.map(fn);
};
const setOf: Normalizer = normalizeStringSet;
const flag = (name: string, sdk: string) =>
  s3Spec(
    name,
    (a) => stateAt(a, name),
    'PublicAccessBlock',
    (v) => at(v, 'PublicAccessBlockConfiguration', sdk),
    (v) => normalizeBoolean(v) ?? false,
  );
const ruleStatus = (row: Record<string, unknown>, id: string, status: string) =>
  `${String(row[id] ?? '')}:${String(row[status] ?? '')}`;

/** The provider v4+ split S3 resources: each matches its bucket and compares one supplementary read. */
export const AWS_S3_BUCKET_SPLIT: readonly TypeMapping[] = [
  split('versioning', [
    s3Spec(
      'versioning_configuration.status',
      (a) => blockAt(a, 'versioning_configuration', 'status'),
      'BucketVersioning',
      (v) => at(v, 'Status'),
      versioningStatus,
    ),
  ]),
  split('server_side_encryption_configuration', [
    s3Spec(
      'rule',
      (a) =>
        mapRows(a, 'rule', (r) =>
          encryption(
            at(r, 'apply_server_side_encryption_by_default', 0, 'sse_algorithm'),
            at(r, 'apply_server_side_encryption_by_default', 0, 'kms_master_key_id'),
            r['bucket_key_enabled'],
          ),
        ),
      'BucketEncryption',
      (v) =>
        list(at(v, 'ServerSideEncryptionConfiguration', 'Rules')).map((r) =>
          encryption(
            at(r, 'ApplyServerSideEncryptionByDefault', 'SSEAlgorithm'),
            at(r, 'ApplyServerSideEncryptionByDefault', 'KMSMasterKeyID'),
            r['BucketKeyEnabled'],
          ),
        ),
      normalizeJson,
    ),
  ]),
  split('policy', [
    s3Spec(
      'policy',
      (a) => stateAt(a, 'policy'),
      'BucketPolicy',
      (v) => at(v, 'Policy'),
      normalizePolicy,
    ),
  ]),
  split('public_access_block', [
    flag('block_public_acls', 'BlockPublicAcls'),
    flag('block_public_policy', 'BlockPublicPolicy'),
    flag('ignore_public_acls', 'IgnorePublicAcls'),
    flag('restrict_public_buckets', 'RestrictPublicBuckets'),
  ]),
  split('ownership_controls', [
    s3Spec(
      'rule.object_ownership',
      (a) => blockAt(a, 'rule', 'object_ownership'),
      'BucketOwnershipControls',
      (v) => at(v, 'OwnershipControls', 'Rules', 0, 'ObjectOwnership'),
    ),
  ]),
  split('lifecycle_configuration', [
    s3Spec(
      'rule',
      (a) => mapRows(a, 'rule', (r) => ruleStatus(r, 'id', 'status')),
      'BucketLifecycleConfiguration',
      (v) => list(at(v, 'Rules')).map((r) => ruleStatus(r, 'ID', 'Status')),
      setOf,
      { kind: 'set' },
    ),
  ]),
  split('logging', [
    s3Spec(
      'target_bucket',
      (a) => stateAt(a, 'target_bucket'),
      'BucketLogging',
      (v) => at(v, 'LoggingEnabled', 'TargetBucket'),
    ),
    s3Spec(
      'target_prefix',
      (a) => stateAt(a, 'target_prefix'),
      'BucketLogging',
      (v) => at(v, 'LoggingEnabled', 'TargetPrefix'),
    ),
  ]),
  split('cors_configuration', [
    s3Spec(
      'cors_rule',
      (a) =>
        mapRows(a, 'cors_rule', (r) => ({
          headers: setOf(r['allowed_headers']),
          methods: setOf(r['allowed_methods']),
          origins: setOf(r['allowed_origins']),
          expose: setOf(r['expose_headers']),
          maxAge: normalizeNumber(r['max_age_seconds']),
        })),
      'BucketCors',
      (v) =>
        list(at(v, 'CORSRules')).map((r) => ({
          headers: setOf(r['AllowedHeaders']),
          methods: setOf(r['AllowedMethods']),
          origins: setOf(r['AllowedOrigins']),
          expose: setOf(r['ExposeHeaders']),
          maxAge: normalizeNumber(r['MaxAgeSeconds']),
        })),
      normalizeJson,
    ),
  ]),
  split('website_configuration', [
    s3Spec(
      'index_document.suffix',
      (a) => blockAt(a, 'index_document', 'suffix'),
      'BucketWebsite',
      (v) => at(v, 'IndexDocument', 'Suffix'),
    ),
    s3Spec(
      'error_document.key',
      (a) => blockAt(a, 'error_document', 'key'),
      'BucketWebsite',
      (v) => at(v, 'ErrorDocument', 'Key'),
    ),
  ]),
  split('replication_configuration', [
    s3Spec(
      'role',
      (a) => stateAt(a, 'role'),
      'BucketReplication',
      (v) => at(v, 'ReplicationConfiguration', 'Role'),
    ),
    s3Spec(
      'rule',
      (a) => mapRows(a, 'rule', (r) => ruleStatus(r, 'id', 'status')),
      'BucketReplication',
      (v) =>
        list(at(v, 'ReplicationConfiguration', 'Rules')).map((r) => ruleStatus(r, 'ID', 'Status')),
      setOf,
      { kind: 'set' },
    ),
  ]),
  split('object_lock_configuration', [
    s3Spec(
      'rule.default_retention',
      (a) => {
        const retention = blockAt(a, 'rule', 'default_retention', 0);
        return retention === UNKNOWN
          ? UNKNOWN
          : {
              mode: at(retention, 'mode'),
              days: normalizeNumber(at(retention, 'days')) || null,
              years: normalizeNumber(at(retention, 'years')) || null,
            };
      },
      'ObjectLockConfiguration',
      (v) => {
        const retention = at(v, 'ObjectLockConfiguration', 'Rule', 'DefaultRetention');
        return {
          mode: at(retention, 'Mode'),
          days: normalizeNumber(at(retention, 'Days')) || null,
          years: normalizeNumber(at(retention, 'Years')) || null,
        };
      },
      normalizeJson,
    ),
  ]),
  split('notification', [
    ...(
      [
        ['topic', 'topic_arn', 'TopicConfigurations', 'TopicArn'],
        ['queue', 'queue_arn', 'QueueConfigurations', 'QueueArn'],
        [
          'lambda_function',
          'lambda_function_arn',
          'LambdaFunctionConfigurations',
          'LambdaFunctionArn',
        ],
      ] as const
    ).map(([name, arn, sdk, sdkArn]) =>
      s3Spec(
        name,
        (a) => mapRows(a, name, (r) => r[arn]),
        'BucketNotificationConfiguration',
        (v) => list(at(v, sdk)).map((r) => r[sdkArn]),
        setOf,
        { kind: 'set' },
      ),
    ),
  ]),
  split('accelerate_configuration', [
    s3Spec(
      'status',
      (a) => stateAt(a, 'status'),
      'BucketAccelerateConfiguration',
      (v) => at(v, 'Status'),
      (v) => (v === 'Enabled' ? 'Enabled' : null),
    ),
  ]),
  split('request_payment_configuration', [
    s3Spec(
      'payer',
      (a) => stateAt(a, 'payer'),
      'BucketRequestPayment',
      (v) => at(v, 'Payer'),
    ),
  ]),
];
