import * as commands from '@aws-sdk/client-s3';
import {
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3_CONFIG_OPERATIONS } from '../../../sim/aws/s3-operations.js';
import type { SimBucket } from '../../../sim/aws/s3-world.js';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { sampleWorld } from '../../../sim/aws/world.js';
import { rawS3Get, simS3 } from './s3-sim-client.js';
import { failureOf } from './sim-client.js';

const ACCOUNT = '111111111111';

// The SDK command of each operation, by name (the sim's table names them as the SDK does).
function send(client: S3Client, action: string, Bucket: string, owner?: string): Promise<object> {
  const Command = (commands as unknown as Record<string, new (input: object) => unknown>)[
    `${action}Command`
  ];
  if (!Command) throw new Error(`No SDK command for ${action}`);
  const input = { Bucket, ...(owner === undefined ? {} : { ExpectedBucketOwner: owner }) };
  return client.send(new Command(input) as Parameters<S3Client['send']>[0]) as Promise<object>;
}

function withoutMetadata(output: object): object {
  const { $metadata: _metadata, ...rest } = output as Record<string, unknown>;
  return rest;
}

describe('the simulated S3 bucket configuration reads, by the real SDK', () => {
  let sim: AwsSim;
  let buckets: SimBucket[];
  const clients = new Map<string, S3Client>();
  const client = (region: string): S3Client => {
    let c = clients.get(region);
    if (!c) {
      c = simS3(sim, { region, attempts: 1 });
      clients.set(region, c);
    }
    return c;
  };

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    buckets = sim.world.accounts[ACCOUNT]?.s3?.buckets ?? [];
  });
  afterAll(async () => {
    for (const c of clients.values()) c.destroy();
    await sim.close();
  });

  it('answers every read of every sample bucket with what the world holds, or its not-set answer', async () => {
    expect(buckets).toHaveLength(4);
    for (const bucket of buckets) {
      for (const operation of Object.values(S3_CONFIG_OPERATIONS)) {
        const call = send(client(bucket.region), operation.action, bucket.name, ACCOUNT);
        const held = bucket.config[operation.key];
        const where = `${bucket.name} ${operation.action}`;
        if (bucket.denied?.includes(operation.key)) {
          const error = await failureOf(call);
          expect([error.name, error.$metadata.httpStatusCode], where).toStrictEqual([
            'AccessDenied',
            403,
          ]);
        } else if (held !== undefined) {
          expect(withoutMetadata(await call), where).toStrictEqual(held);
        } else if ('error' in operation.unset) {
          const error = await failureOf(call);
          expect([error.name, error.message, error.$metadata.httpStatusCode], where).toStrictEqual([
            operation.unset.error.code,
            operation.unset.error.message,
            404,
          ]);
        } else {
          expect(withoutMetadata(await call), where).toStrictEqual(operation.unset.output);
        }
      }
    }
    expect(sim.calls.every((c) => c.service === 's3' && c.accountId === ACCOUNT)).toBe(true);
  });

  it('writes the bucket policy as the JSON text S3 stores', async () => {
    const out = await client('eu-west-1').send(
      new GetBucketPolicyCommand({ Bucket: 'sample-assets-eu' }),
    );
    expect(JSON.parse(out.Policy ?? '')).toMatchObject({ Version: '2012-10-17' });
    const raw = await rawS3Get(sim, '/sample-assets-eu?policy', 'eu-west-1');
    expect(raw.headers.get('content-type')).toBe('application/json');
    expect(await raw.text()).toBe(buckets[0]?.config.BucketPolicy?.Policy);
  });

  it('writes a logging grantee type as the xsi:type attribute, which the SDK reads back', async () => {
    const grants = [
      {
        Grantee: { Type: 'CanonicalUser' as const, ID: 'f'.repeat(64) },
        Permission: 'FULL_CONTROL' as const,
      },
      {
        Grantee: { Type: 'Group' as const, URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' },
        Permission: 'WRITE' as const,
      },
    ];
    const bare = buckets.find((b) => b.name === 'sample-bare-eu');
    if (!bare) throw new Error('sample-bare-eu missing');
    bare.config.BucketLogging = {
      LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'bare/', TargetGrants: grants },
    };
    const raw = await (await rawS3Get(sim, '/sample-bare-eu?logging', 'eu-west-1')).text();
    expect(raw).toContain(
      '<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>',
    );
    const out = await client('eu-west-1').send(
      new GetBucketLoggingCommand({ Bucket: 'sample-bare-eu' }),
    );
    expect(out.LoggingEnabled?.TargetGrants).toStrictEqual(grants);
    delete bare.config.BucketLogging;
  });

  it('answers S3 error bodies: Code, Message, BucketName, RequestId, HostId', async () => {
    const response = await rawS3Get(sim, '/sample-bare-eu?policy', 'eu-west-1');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/xml');
    const requestId = response.headers.get('x-amz-request-id') ?? '';
    const hostId = response.headers.get('x-amz-id-2') ?? '';
    expect(requestId).toMatch(/^[0-9A-F]{16}$/);
    expect(await response.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchBucketPolicy</Code>' +
        '<Message>The bucket policy does not exist</Message><BucketName>sample-bare-eu</BucketName>' +
        `<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`,
    );
  });

  it('answers 301 PermanentRedirect with the bucket region to a request signed for another region', async () => {
    const error = await failureOf(
      client('eu-west-1').send(new GetBucketTaggingCommand({ Bucket: 'sample-web-us' })),
    );
    expect([error.name, error.$metadata.httpStatusCode]).toStrictEqual(['PermanentRedirect', 301]);
    const raw = await rawS3Get(sim, '/sample-web-us?tagging', 'eu-west-1');
    expect(raw.status).toBe(301);
    expect(raw.headers.get('x-amz-bucket-region')).toBe('us-east-1');
    expect(await raw.text()).toContain(
      '<Endpoint>s3.us-east-1.amazonaws.com</Endpoint><Bucket>sample-web-us</Bucket>',
    );
  });

  it('answers NoSuchBucket for a bucket nobody has, AccessDenied for another owner', async () => {
    const missing = await failureOf(
      send(client('eu-west-1'), 'GetBucketPolicy', 'no-such-bucket-here'),
    );
    expect([missing.name, missing.message, missing.$metadata.httpStatusCode]).toStrictEqual([
      'NoSuchBucket',
      'The specified bucket does not exist',
      404,
    ]);
    const notMine = await failureOf(
      send(client('eu-west-1'), 'GetBucketPolicy', 'sample-assets-eu', '222222222222'),
    );
    expect([notMine.name, notMine.message, notMine.$metadata.httpStatusCode]).toStrictEqual([
      'AccessDenied',
      'Access Denied',
      403,
    ]);
  });

  it('logs each call with the operation name, the bucket and the SigV4 region', async () => {
    sim.resetCalls();
    await send(client('us-east-1'), 'GetBucketVersioning', 'sample-web-us', ACCOUNT);
    expect(sim.calls).toStrictEqual([
      {
        service: 's3',
        action: 'GetBucketVersioning',
        accountId: ACCOUNT,
        region: 'us-east-1',
        params: { Bucket: 'sample-web-us', ExpectedBucketOwner: ACCOUNT },
        status: 200,
      },
    ]);
  });
});
