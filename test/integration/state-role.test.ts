import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generatedAccessKeyId,
  generatedAccountId,
  generateWorld,
} from '../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { type S3rverFixture, startS3rver } from '../sim/s3/s3rver.js';
import { freshTrailDir, statetrail } from './scan-helpers.js';

const ROLE = `arn:aws:iam::${generatedAccountId(1)}:role/statetrail-reader`;

describe('reading s3:// states through terraform.roleArn', () => {
  let aws: AwsSim;
  let s3: S3rverFixture;
  let dir: string;

  beforeAll(async () => {
    aws = await startAwsSim(generateWorld({ seed: 5, accounts: 2, vpcs: 1 }));
    s3 = await startS3rver(['tf-states'], { acceptTemporaryKeys: true });
    const state = {
      version: 4,
      serial: 3,
      lineage: 'l-1',
      terraform_version: '1.9.5',
      outputs: {},
      resources: [],
    };
    await s3.client.send(
      new PutObjectCommand({
        Bucket: 'tf-states',
        Key: 'net.tfstate',
        Body: JSON.stringify(state),
      }),
    );
    dir = await mkdtemp(join(tmpdir(), 'state-role-'));
  });
  afterAll(async () => {
    await s3.close();
    await aws.close();
  });

  async function scanWith(role: string) {
    const config = join(dir, `${role.split('/').pop()}.yaml`);
    await writeFile(
      config,
      [
        'aws:',
        '  regions: [eu-west-1]',
        '  services: [ec2]',
        `  endpoints: { ec2: "${aws.url}", sts: "${aws.url}", s3: "${s3.url}" }`,
        'terraform:',
        `  roleArn: ${role}`,
        '  states: ["s3://tf-states/net.tfstate"]',
      ].join('\n'),
    );
    return statetrail(
      ['scan', '--config', config, '--trail', await freshTrailDir(), '--format', 'json'],
      {
        credentials: { accessKeyId: generatedAccessKeyId(0), secretAccessKey: 'x' },
      },
    );
  }

  it('assumes the role to read the states, then compares', async () => {
    aws.resetCalls();
    const run = await scanWith(ROLE);
    const report = JSON.parse(run.stdout);
    expect(report.stateErrors).toEqual([]);
    expect(report.drift).toBeDefined();
    const assumed = aws.calls.filter((c) => c.action === 'AssumeRole');
    expect(assumed.map((c) => c.params['RoleArn'])).toContain(ROLE);
  });

  it('names the state it could not read when the role cannot be assumed, and exits 2', async () => {
    const run = await scanWith(`arn:aws:iam::${generatedAccountId(1)}:role/nobody`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('s3://tf-states/net.tfstate');
  });
});
