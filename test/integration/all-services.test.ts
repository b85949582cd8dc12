import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { sampleWorld } from '../sim/aws/world.js';
import { commitCount, freshTrailDir, git, statetrail } from './scan-helpers.js';

const ACCOUNT = '111111111111';

function allServices(url: string, trail: string, ...extra: string[]): string[] {
  const endpoints = ['ec2', 'sts', 's3', 'eks'].flatMap((s) => ['--endpoint', `${s}=${url}`]);
  return ['scan', '--trail', trail, '--region', 'eu-west-1', ...endpoints, ...extra];
}

describe('statetrail scan of EC2/VPC, S3 and EKS together', () => {
  let sim: AwsSim;
  let trail: string;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    trail = await freshTrailDir();
  });
  afterAll(async () => {
    await sim.close();
  });

  it('commits every service into its own directories, S3 under global', async () => {
    const run = await statetrail(allServices(sim.url, trail, '--format', 'json'));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const directories = new Set(
      git(trail, 'ls-files', 'aws')
        .split('\n')
        .map((path) => path.split('/').slice(2, 4).join('/')),
    );
    expect([...directories].sort()).toEqual(['eu-west-1/ec2', 'eu-west-1/eks', 'global/s3']);
    expect(report.scopes.every((s: { complete: boolean }) => s.complete)).toBe(true);
    expect(Object.keys(report.calls).sort()).toEqual(['ec2', 'eks', 's3', 'sts']);
  });

  it('records a bucket whose policy read is denied as unreadable, never as without a policy', async () => {
    const bucket = sim.world.accounts[ACCOUNT]?.s3?.buckets.find((b) =>
      b.denied?.includes('BucketPolicy'),
    );
    const file = parse(
      await readFile(join(trail, `aws/${ACCOUNT}/global/s3/bucket/${bucket?.name}.yaml`), 'utf8'),
    );
    expect(file.unreadable).toEqual(['BucketPolicy']);
    expect(file.supplementaryConfiguration).not.toHaveProperty('BucketPolicy');
  });

  it('changes no file on a rescan of an unchanged world, nor after AWS-side EKS churn', async () => {
    const before = commitCount(trail);
    const cluster = sim.world.accounts[ACCOUNT]?.eks?.['eu-west-1']?.clusters[0];
    if (cluster) {
      cluster.cluster.status = 'UPDATING';
      cluster.cluster.platformVersion = 'eks.99';
      for (const group of cluster.nodegroups) {
        group.status = 'DEGRADED';
        if (group.scalingConfig) group.scalingConfig.desiredSize = 7;
        group.modifiedAt = new Date('2030-01-01T00:00:00Z');
      }
    }
    const run = await statetrail(allServices(sim.url, trail));
    expect(run.code).toBe(0);
    expect(commitCount(trail)).toBe(before);
  });

  it('records a node group change that someone made as one changed file', async () => {
    const group = sim.world.accounts[ACCOUNT]?.eks?.['eu-west-1']?.clusters[0]?.nodegroups[0];
    if (group?.scalingConfig) group.scalingConfig.maxSize = (group.scalingConfig.maxSize ?? 1) + 5;
    await statetrail(allServices(sim.url, trail));
    expect(git(trail, 'show', '--name-only', '--format=', 'HEAD')).toMatch(
      /^aws\/111111111111\/eu-west-1\/eks\/nodegroup\/prod%3A[^\n]+\.yaml$/,
    );
  });
});
