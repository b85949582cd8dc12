import { normalizePolicy } from '../normalize-policy.js';
import { normalizeBoolean, normalizeJson, normalizeString, UNKNOWN } from '../normalize-values.js';
import { TAGS } from './common.js';
import { blockAt, stateAt } from './read.js';
import { at, bucketId, encryption, s3Spec } from './s3-common.js';
import type { Attributes, TypeMapping } from './types.js';

const sse = (attributes: Attributes) => {
  const rule = blockAt(attributes, 'server_side_encryption_configuration', 'rule', 0);
  if (rule === UNKNOWN) return UNKNOWN;
  const byDefault = at(rule, 'apply_server_side_encryption_by_default', 0);
  return encryption(
    at(byDefault, 'sse_algorithm'),
    at(byDefault, 'kms_master_key_id'),
    at(rule, 'bucket_key_enabled'),
  );
};

/**
 * `aws_s3_bucket` -> `AWS::S3::Bucket`. Provider v3 holds sub-configurations inline; v4+ keeps
 * them as computed copies, so each is compared only when no split resource owns it.
 */
export const AWS_S3_BUCKET: TypeMapping = {
  terraformTypes: ['aws_s3_bucket'],
  resourceType: 'AWS::S3::Bucket',
  role: 'primary',
  cloudId: bucketId,
  attributes: [
    {
      ...TAGS,
      cloud: (resource) =>
        resource.unreadable?.includes('BucketTagging') ? UNKNOWN : resource.tags,
    },
    s3Spec(
      'versioning',
      (a) => blockAt(a, 'versioning', 'enabled'),
      'BucketVersioning',
      (v) => at(v, 'Status') === 'Enabled',
      (v) => normalizeBoolean(v) ?? false,
      { ownedBy: 'aws_s3_bucket_versioning' },
    ),
    s3Spec(
      'server_side_encryption_configuration',
      sse,
      'BucketEncryption',
      (v) => {
        const rule = at(v, 'ServerSideEncryptionConfiguration', 'Rules', 0);
        const byDefault = at(rule, 'ApplyServerSideEncryptionByDefault');
        return encryption(
          at(byDefault, 'SSEAlgorithm'),
          at(byDefault, 'KMSMasterKeyID'),
          at(rule, 'BucketKeyEnabled'),
        );
      },
      normalizeJson,
      { ownedBy: 'aws_s3_bucket_server_side_encryption_configuration' },
    ),
    s3Spec(
      'policy',
      (a) => stateAt(a, 'policy'),
      'BucketPolicy',
      (v) => at(v, 'Policy'),
      normalizePolicy,
      {
        ownedBy: 'aws_s3_bucket_policy',
      },
    ),
    s3Spec(
      'acceleration_status',
      (a) => stateAt(a, 'acceleration_status'),
      'BucketAccelerateConfiguration',
      (v) => at(v, 'Status'),
      (v) => (v === 'Suspended' ? null : normalizeString(v)),
      { ownedBy: 'aws_s3_bucket_accelerate_configuration' },
    ),
    s3Spec(
      'request_payer',
      (a) => stateAt(a, 'request_payer'),
      'BucketRequestPayment',
      (v) => at(v, 'Payer'),
      normalizeString,
      { ownedBy: 'aws_s3_bucket_request_payment_configuration' },
    ),
  ],
};
