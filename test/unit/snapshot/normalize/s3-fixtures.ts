import type { Resource } from '../../../../lib/model/schema.js';

/** A bucket record around `supplementaryConfiguration`, as the bucket collector builds it. */
export function bucketWith(supplementaryConfiguration: Record<string, unknown>): Resource {
  return {
    schemaVersion: 1,
    resourceType: 'AWS::S3::Bucket',
    resourceId: 'a-bucket',
    accountId: '123456789012',
    awsRegion: 'global',
    tags: {},
    configuration: { Name: 'a-bucket', BucketRegion: 'eu-west-1' },
    supplementaryConfiguration,
  };
}
