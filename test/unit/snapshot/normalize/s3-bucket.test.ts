import { describe, expect, it } from 'vitest';
import { normalizeResource } from '../../../../lib/snapshot/normalize/chain.js';
import {
  sortBucketLifecycleRules,
  sortBucketNotifications,
  sortBucketReplicationRules,
  sortBucketTagSet,
} from '../../../../lib/snapshot/normalize/s3-bucket.js';
import { deepFreeze } from './fixtures.js';
import { bucketWith } from './s3-fixtures.js';

describe('Function: sortBucketLifecycleRules', () => {
  it.each([
    [
      'sorts rules by ID and each rule transitions by age',
      {
        Rules: [
          {
            ID: 'z',
            Transitions: [
              { Days: 90, StorageClass: 'GLACIER' },
              { Days: 30, StorageClass: 'STANDARD_IA' },
            ],
          },
          {
            ID: 'a',
            NoncurrentVersionTransitions: [{ NoncurrentDays: 60 }, { NoncurrentDays: 10 }],
          },
        ],
        TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K',
      },
      {
        Rules: [
          {
            ID: 'a',
            NoncurrentVersionTransitions: [{ NoncurrentDays: 10 }, { NoncurrentDays: 60 }],
          },
          {
            ID: 'z',
            Transitions: [
              { Days: 30, StorageClass: 'STANDARD_IA' },
              { Days: 90, StorageClass: 'GLACIER' },
            ],
          },
        ],
        TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K',
      },
    ],
    ['leaves a configuration without rules alone', {}, {}],
  ])('%s', (_name, lifecycle, expected) => {
    const output = sortBucketLifecycleRules(
      deepFreeze(bucketWith({ BucketLifecycleConfiguration: lifecycle })),
    );
    expect(output.supplementaryConfiguration?.['BucketLifecycleConfiguration']).toStrictEqual(
      expected,
    );
  });
});

describe('Function: sortBucketReplicationRules', () => {
  it.each([
    [
      'sorts rules by ID, then Priority',
      {
        ReplicationConfiguration: {
          Role: 'r',
          Rules: [
            { ID: 'b', Priority: 1 },
            { ID: 'a', Priority: 2 },
          ],
        },
      },
      {
        ReplicationConfiguration: {
          Role: 'r',
          Rules: [
            { ID: 'a', Priority: 2 },
            { ID: 'b', Priority: 1 },
          ],
        },
      },
    ],
    [
      'orders rules without an ID by Priority',
      { ReplicationConfiguration: { Rules: [{ Priority: 3 }, { Priority: 1 }] } },
      { ReplicationConfiguration: { Rules: [{ Priority: 1 }, { Priority: 3 }] } },
    ],
  ])('%s', (_name, replication, expected) => {
    const output = sortBucketReplicationRules(
      deepFreeze(bucketWith({ BucketReplication: replication })),
    );
    expect(output.supplementaryConfiguration?.['BucketReplication']).toStrictEqual(expected);
  });
});

describe('Function: sortBucketTagSet', () => {
  it('sorts the TagSet by Key', () => {
    const output = sortBucketTagSet(
      deepFreeze(
        bucketWith({
          BucketTagging: {
            TagSet: [
              { Key: 'team', Value: 'a' },
              { Key: 'Name', Value: 'b' },
            ],
          },
        }),
      ),
    );
    expect(output.supplementaryConfiguration?.['BucketTagging']).toStrictEqual({
      TagSet: [
        { Key: 'Name', Value: 'b' },
        { Key: 'team', Value: 'a' },
      ],
    });
  });
});

describe('Function: sortBucketNotifications', () => {
  it('sorts each kind of notification by Id, with its events and key filter rules', () => {
    const output = sortBucketNotifications(
      deepFreeze(
        bucketWith({
          BucketNotificationConfiguration: {
            QueueConfigurations: [
              {
                Id: 'q2',
                Events: ['s3:ObjectRemoved:*', 's3:ObjectCreated:*'],
                Filter: {
                  Key: {
                    FilterRules: [
                      { Name: 'suffix', Value: '.csv' },
                      { Name: 'prefix', Value: 'in/' },
                    ],
                  },
                },
              },
              { Id: 'q1', Events: ['s3:ObjectCreated:Put'] },
            ],
            TopicConfigurations: [{ Id: 't2' }, { Id: 't1' }],
            LambdaFunctionConfigurations: [{ Id: 'l2' }, { Id: 'l1' }],
            EventBridgeConfiguration: {},
          },
        }),
      ),
    );
    expect(output.supplementaryConfiguration?.['BucketNotificationConfiguration']).toStrictEqual({
      QueueConfigurations: [
        { Id: 'q1', Events: ['s3:ObjectCreated:Put'] },
        {
          Id: 'q2',
          Events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'],
          Filter: {
            Key: {
              FilterRules: [
                { Name: 'prefix', Value: 'in/' },
                { Name: 'suffix', Value: '.csv' },
              ],
            },
          },
        },
      ],
      TopicConfigurations: [{ Id: 't1' }, { Id: 't2' }],
      LambdaFunctionConfigurations: [{ Id: 'l1' }, { Id: 'l2' }],
      EventBridgeConfiguration: {},
    });
  });
});

describe('the AWS::S3::Bucket chain', () => {
  it('keeps the order of CORS rules and website routing rules: the first match wins in S3', () => {
    const cors = {
      CORSRules: [
        { ID: 'z', AllowedOrigins: ['*'] },
        { ID: 'a', AllowedOrigins: ['x'] },
      ],
    };
    const website = {
      RoutingRules: [{ Redirect: { HostName: 'z' } }, { Redirect: { HostName: 'a' } }],
    };
    const output = normalizeResource(
      deepFreeze(bucketWith({ BucketCors: cors, BucketWebsite: website })),
    );
    expect(output.supplementaryConfiguration).toStrictEqual({
      BucketCors: cors,
      BucketWebsite: website,
    });
  });

  it('keeps CreationDate (a new one means the bucket was deleted and re-created) and not-set nulls', () => {
    const created = new Date('2024-03-11T08:15:42.000Z');
    const output = normalizeResource(
      deepFreeze({
        ...bucketWith({ BucketPolicy: null }),
        configuration: { Name: 'a-bucket', CreationDate: created },
      }),
    );
    expect(output.configuration).toStrictEqual({
      Name: 'a-bucket',
      CreationDate: '2024-03-11T08:15:42.000Z',
    });
    expect(output.supplementaryConfiguration).toStrictEqual({ BucketPolicy: null });
  });
});
