import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../../../../lib/snapshot/normalize/redact-credentials.js';
import { renderResource } from '../../../../../lib/snapshot/render.js';
import { policyText } from '../../../../sim/aws/s3-world.js';
import { type AwsSim, startAwsSim } from '../../../../sim/aws/server.js';
import { sampleWorld } from '../../../../sim/aws/world.js';
import { SAMPLE, s3Harness } from './s3-harness.js';

// Built at run time so that this file itself holds no credential-shaped literal.
const GITHUB_TOKEN = ['ghp', 'Zq7sCanaryTokenInATagValue0123456789ab'].join('_');
const ACCESS_KEY = ['AKIA', 'CANARYKEY0000042'].join('');

describe('secrets in bucket tags and policies', () => {
  let sim: AwsSim;

  beforeAll(async () => {
    const world = sampleWorld();
    const bucket = world.accounts[SAMPLE.accountId]?.s3?.buckets.find(
      (b) => b.name === 'sample-bare-eu',
    );
    if (!bucket) throw new Error('sample-bare-eu is missing from the sample world');
    bucket.config.BucketTagging = { TagSet: [{ Key: 'deploy-token', Value: GITHUB_TOKEN }] };
    bucket.config.BucketPolicy = policyText({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'LegacyUploader',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${SAMPLE.accountId}:user/uploader` },
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::sample-bare-eu/*',
          Condition: { StringEquals: { 'aws:userid': ACCESS_KEY } },
        },
      ],
    });
    sim = await startAwsSim(world);
  });
  afterAll(async () => {
    await sim.close();
  });

  it('never reach a rendered trail file: the envelope tags, TagSet and policy are redacted', async () => {
    const { resources } = await s3Harness(sim).collect();
    const text = resources.map((r) => new TextDecoder().decode(renderResource(r).bytes)).join('\n');
    expect(text).not.toContain(GITHUB_TOKEN);
    expect(text).not.toContain(ACCESS_KEY);
    const bare = resources.find((r) => r.resourceId === 'sample-bare-eu');
    expect(bare?.tags).toStrictEqual({ 'deploy-token': REDACTED });
    expect(bare?.supplementaryConfiguration?.['BucketTagging']).toStrictEqual({
      TagSet: [{ Key: 'deploy-token', Value: REDACTED }],
    });
    expect(JSON.stringify(bare?.supplementaryConfiguration?.['BucketPolicy'])).toContain(REDACTED);
  });
});
