import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generatedAccessKeyId,
  generatedAccountId,
  generateWorld,
} from '../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { freshTrailDir, git, statetrail } from './scan-helpers.js';

const roleOf = (index: number) =>
  `arn:aws:iam::${generatedAccountId(index)}:role/statetrail-reader`;

describe('statetrail scan across accounts', () => {
  let sim: AwsSim;

  beforeAll(async () => {
    sim = await startAwsSim(
      generateWorld({ seed: 3, accounts: 3, instances: 2, securityGroups: 2, vpcs: 1, subnets: 2 }),
    );
  });
  afterAll(async () => {
    await sim.close();
  });

  it('scans every configured account and reports the one whose role cannot be assumed', async () => {
    const untrusted = sim.world.roles.find((r) => r.arn === roleOf(2));
    if (untrusted) untrusted.trustedPrincipals = [];
    const dir = await mkdtemp(join(tmpdir(), 'accounts-'));
    const config = join(dir, 'statetrail.yaml');
    await writeFile(
      config,
      [
        'aws:',
        '  regions: [eu-west-1]',
        '  services: [ec2]',
        '  includeCaller: true',
        '  accounts:',
        `    - roleArn: ${roleOf(1)}`,
        `    - roleArn: ${roleOf(2)}`,
        '  endpoints:',
        `    ec2: ${sim.url}`,
        `    sts: ${sim.url}`,
      ].join('\n'),
    );
    const trail = await freshTrailDir();
    const run = await statetrail(
      ['scan', '--config', config, '--trail', trail, '--format', 'json'],
      {
        credentials: { accessKeyId: generatedAccessKeyId(0), secretAccessKey: 'x' },
      },
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const accounts = new Set(
      git(trail, 'ls-files', 'aws')
        .split('\n')
        .map((p) => p.split('/')[1]),
    );
    expect([...accounts].sort()).toEqual([generatedAccountId(0), generatedAccountId(1)].sort());
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'denied',
        target: `aws-${generatedAccountId(2)}-eu-west-1-ec2`,
        operation: 'sts:GetCallerIdentity',
      }),
    ]);
    // The account that could not be read is incomplete (nothing in it is missing), the others complete.
    const incomplete = report.scopes
      .filter((s: { complete: boolean }) => !s.complete)
      .map((s: { scope: string }) => s.scope.split('/')[1]);
    expect(incomplete.length).toBeGreaterThan(0);
    expect(new Set(incomplete)).toEqual(new Set([generatedAccountId(2)]));
    const others = report.scopes.filter(
      (s: { scope: string }) => !s.scope.includes(generatedAccountId(2)),
    );
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((s: { complete: boolean }) => s.complete)).toBe(true);
  });
});
