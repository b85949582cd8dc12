import { GetBucketPolicyCommand, ListBucketsCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { sampleWorld } from '../../../sim/aws/world.js';
import { simS3 } from './s3-sim-client.js';
import { failureOf } from './sim-client.js';

const BUCKET = { Bucket: 'sample-assets-eu' };

describe('fault injection on the simulated S3, as the real SDK sees it', () => {
  let sim: AwsSim;
  let s3: S3Client;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    s3 = simS3(sim, { region: 'eu-west-1', attempts: 3 });
  });
  afterEach(() => {
    sim.faults.clear();
    sim.resetCalls();
  });
  afterAll(async () => {
    s3.destroy();
    await sim.close();
  });

  it('answers SlowDown 503 to a throttled operation, which the SDK retries', async () => {
    sim.faults.throttle({ action: 'GetBucketPolicy', service: 's3', count: 2 });
    const out = await s3.send(new GetBucketPolicyCommand(BUCKET));
    expect(out.$metadata.attempts).toBe(3);
    expect(sim.calls.map((c) => [c.status, c.fault])).toStrictEqual([
      [503, 'throttle'],
      [503, 'throttle'],
      [200, undefined],
    ]);
  });

  it('surfaces SlowDown once the retries are spent', async () => {
    sim.faults.throttle({ action: 'GetBucketPolicy', count: 10 });
    const error = await failureOf(s3.send(new GetBucketPolicyCommand(BUCKET)));
    expect([error.name, error.message]).toStrictEqual([
      'SlowDown',
      'Please reduce your request rate.',
    ]);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 503, attempts: 3 });
  });

  it("answers a denied operation with S3's AccessDenied naming the IAM action, never retried", async () => {
    sim.faults.deny({ action: 'ListBuckets' });
    const error = await failureOf(s3.send(new ListBucketsCommand({})));
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toBe(
      'User: arn:aws:iam::111111111111:user/statetrail-scanner is not authorized to perform: s3:ListAllMyBuckets on resource: "arn:aws:s3:::*" because no identity-based policy allows the s3:ListAllMyBuckets action',
    );
    expect(error.$metadata).toMatchObject({ httpStatusCode: 403, attempts: 1 });
  });

  it('answers InternalError with the 5xx asked for, retried like any server error', async () => {
    sim.faults.fail({ action: 'GetBucketPolicy', count: 10, status: 500 });
    const error = await failureOf(s3.send(new GetBucketPolicyCommand(BUCKET)));
    expect([error.name, error.$metadata.httpStatusCode, error.$metadata.attempts]).toStrictEqual([
      'InternalError',
      500,
      3,
    ]);
  });

  it('answers 200 with a body cut short: XML the SDK cannot parse, or half a policy', async () => {
    sim.faults.malformed({ action: 'ListBuckets', count: 1 });
    const error = await failureOf(s3.send(new ListBucketsCommand({})));
    expect(error.message).toMatch(/Deserialization error/);
    sim.faults.malformed({ action: 'GetBucketPolicy', count: 1 });
    const half = await s3.send(new GetBucketPolicyCommand(BUCKET));
    expect(() => JSON.parse(half.Policy ?? '')).toThrow(SyntaxError);
  });

  it('matches faults by region, so one region can be throttled alone', async () => {
    sim.faults.deny({ action: '*', service: 's3', region: 'us-east-1' });
    await expect(s3.send(new GetBucketPolicyCommand(BUCKET))).resolves.toBeDefined();
    const us = simS3(sim, { region: 'us-east-1' });
    const error = await failureOf(us.send(new GetBucketPolicyCommand({ Bucket: 'sample-web-us' })));
    us.destroy();
    expect(error.name).toBe('AccessDenied');
  });
});
