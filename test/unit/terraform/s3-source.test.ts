import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateFormatError, StateSourceError } from '../../../lib/terraform/errors.js';
import { loadStates } from '../../../lib/terraform/sources/load-states.js';
import { s3StateSource } from '../../../lib/terraform/sources/s3-source.js';
import { smallState } from '../../fixtures/terraform/states.js';
import { type S3rverFixture, startS3rver } from '../../sim/s3/s3rver.js';

const bucket = 'states';
const VPC = { id: 'vpc-1', arn: 'arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1' };
const KEYS = [
  'network/terraform.tfstate',
  'env:/dev/network/terraform.tfstate',
  'env:/prod/network/terraform.tfstate',
  'app/a.tfstate',
  'app/b/c.tfstate',
  'app/readme.txt',
  'env:/dev/app/z.tfstate',
  'other/x.tfstate',
];

let s3rver: S3rverFixture;
let client: S3Client;

beforeAll(async () => {
  s3rver = await startS3rver([bucket]);
  client = s3rver.client;
  for (const key of KEYS) {
    const body =
      key === 'other/x.tfstate'
        ? '{"version": 5}'
        : JSON.stringify(smallState('aws_vpc', [VPC], key));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  }
});

afterAll(async () => {
  await s3rver?.close();
});

describe('s3StateSource', () => {
  it('lists one key and the same key in every workspace', async () => {
    const source = s3StateSource({ location: `s3://${bucket}/network/terraform.tfstate`, client });
    await expect(source.list()).resolves.toEqual([
      's3://states/env:/dev/network/terraform.tfstate',
      's3://states/env:/prod/network/terraform.tfstate',
      's3://states/network/terraform.tfstate',
    ]);
  });

  it('lists every *.tfstate under a prefix, workspaces included, one key per page', async () => {
    const source = s3StateSource({ location: `s3://${bucket}/app/`, client, pageSize: 1 });
    await expect(source.list()).resolves.toEqual([
      's3://states/app/a.tfstate',
      's3://states/app/b/c.tfstate',
      's3://states/env:/dev/app/z.tfstate',
    ]);
  });

  it('lists the whole bucket once for a bucket-wide location', async () => {
    const listed = await s3StateSource({ location: `s3://${bucket}`, client }).list();
    expect(listed).toHaveLength(KEYS.length - 1);
  });

  it('reads an object as text', async () => {
    const source = s3StateSource({ location: `s3://${bucket}/app/`, client });
    const text = await source.read('s3://states/app/a.tfstate');
    expect(JSON.parse(text)).toMatchObject({ lineage: 'app/a.tfstate' });
  });

  it('wraps a failed listing or read in StateSourceError naming the location', async () => {
    const missing = s3StateSource({ location: 's3://no-such-bucket/x/', client });
    const listError = await missing.list().catch((error: unknown) => error);
    expect(listError).toBeInstanceOf(StateSourceError);
    expect((listError as Error).message).toBe(
      'Cannot list Terraform states under s3://no-such-bucket/x/',
    );
    const readError = await missing.read('s3://states/nope.tfstate').catch((e: unknown) => e);
    expect((readError as Error).message).toBe(
      'Cannot read Terraform state s3://states/nope.tfstate',
    );
  });
});

describe('loadStates from S3', () => {
  it('loads the good states of a prefix and reports the bad one', async () => {
    const { states, errors } = await loadStates([`s3://${bucket}/`], { s3: () => client });
    expect(states).toHaveLength(KEYS.length - 2);
    expect(states.every((s) => s.state.startsWith('s3://states/'))).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StateFormatError);
    expect(errors[0]?.message).toContain('s3://states/other/x.tfstate');
  });
});
