import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generatedAccessKeyId,
  generatedAccountId,
  generateWorld,
} from '../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { freshTrailDir, git, simArgs, statetrail } from './scan-helpers.js';

const INSTANCES = 10_000;
const SECURITY_GROUPS = 1_500;

describe('statetrail scan of a large generated world', () => {
  let sim: AwsSim;

  beforeAll(async () => {
    sim = await startAwsSim(
      generateWorld({
        seed: 11,
        instances: INSTANCES,
        securityGroups: SECURITY_GROUPS,
        vpcs: 3,
        subnets: 12,
      }),
    );
  });
  afterAll(async () => {
    await sim.close();
  });

  it('scans 10,000 instances without error, in exactly the pages the APIs need', async () => {
    const trail = await freshTrailDir();
    const run = await statetrail(simArgs(sim.url, trail, '--format', 'json'), {
      credentials: { accessKeyId: generatedAccessKeyId(0), secretAccessKey: 'x' },
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.warnings).toEqual([]);
    const base = `aws/${generatedAccountId(0)}/eu-west-1/ec2`;
    expect(git(trail, 'ls-files', `${base}/instance`).split('\n')).toHaveLength(INSTANCES);
    const calls = sim.calls.filter((c) => c.service === 'ec2');
    const pages = (action: string) => calls.filter((c) => c.action === action).length;
    expect(pages('DescribeInstances')).toBe(INSTANCES / 1000);
    expect(pages('DescribeSecurityGroups')).toBe(Math.ceil(SECURITY_GROUPS / 1000));
    expect(report.calls.ec2).toBe(calls.length);
  });
});
