import crypto from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateFormatError, StateSourceError } from '../../../lib/terraform/errors.js';
import { loadStates } from '../../../lib/terraform/sources/load-states.js';
import { s3StateSource } from '../../../lib/terraform/sources/s3-source.js';
import { smallState } from '../../fixtures/terraform/states.js';

/** The slice of s3rver (untyped, CommonJS) this test uses. */
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: { name: string }[];
}) => S3rverServer;

const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

/**
 * s3rver seals ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node >= 17)
 * only offers in its legacy provider; triple DES with three equal keys computes single DES.
 * Same workaround as test/unit/pipeline/s3-staging-store.test.ts.
 */
function allowS3rverContinuationTokens(): () => void {
  const { createCipheriv, createDecipheriv } = crypto;
  const tripled = (key: crypto.CipherKey) => Buffer.concat(Array(3).fill(key as Buffer));
  Object.assign(crypto, {
    createCipheriv: (algorithm: string, key: crypto.CipherKey, iv: Buffer) =>
      algorithm === 'des'
        ? createCipheriv('des-ede3-cbc', tripled(key), iv)
        : createCipheriv(algorithm, key, iv),
    createDecipheriv: (algorithm: string, key: crypto.CipherKey, iv: Buffer) =>
      algorithm === 'des'
        ? createDecipheriv('des-ede3-cbc', tripled(key), iv)
        : createDecipheriv(algorithm, key, iv),
  });
  return () => Object.assign(crypto, { createCipheriv, createDecipheriv });
}

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

let directory: string;
let server: S3rverServer;
let client: S3Client;
let restoreCrypto: () => void;

beforeAll(async () => {
  restoreCrypto = allowS3rverContinuationTokens();
  directory = await mkdtemp(join(tmpdir(), 'statetrail-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  client = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    maxAttempts: 1,
  });
  for (const key of KEYS) {
    const body =
      key === 'other/x.tfstate'
        ? '{"version": 5}'
        : JSON.stringify(smallState('aws_vpc', [VPC], key));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  }
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
  await rm(directory, { recursive: true, force: true });
  restoreCrypto?.();
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
