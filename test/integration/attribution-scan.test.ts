import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CLOUDTRAIL_CANARY,
  recordTrailEvents,
  sampleTrailEvent,
} from '../sim/aws/cloudtrail-sample.js';
import { fakePaceClock } from '../sim/aws/pace-clock.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import { commitCount, freshTrailDir, git, simArgs, statetrail } from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

describe('statetrail scan --attribute', () => {
  let sim: AwsSim;

  /** The simulated account's CloudTrail events, which the tests record into. */
  function cloudTrailEvents() {
    const trail = sim.world.cloudtrail;
    if (!trail) throw new Error('the simulated world has no CloudTrail');
    return trail.events;
  }
  let trail: string;
  let clock: ReturnType<typeof fakePaceClock>;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.world.accounts = sampleWorld().accounts;
    sim.resetCalls();
    clock = fakePaceClock(Date.parse('2026-11-22T10:00:00Z'));
    sim.world.cloudtrail = { events: {}, now: () => clock.now() };
    trail = await freshTrailDir();
  });

  function scan() {
    return statetrail(
      simArgs(sim.url, trail, '--attribute', '--endpoint', `cloudtrail=${sim.url}`),
      { paceClock: clock },
    );
  }

  it('names who changed a security group in the commit’s Changed-By trailer', async () => {
    const baseline = await scan();
    expect(baseline.code).toBe(0);
    // A baseline blames nobody: it records everything, and looks nothing up.
    expect(sim.calls.filter((c) => c.service === 'cloudtrail')).toEqual([]);
    const web = ec2Region(sim.world, ACCOUNT, REGION).securityGroups.find(
      (g) => g.GroupName === 'web',
    );
    const id = web?.GroupId ?? '';
    web?.IpPermissions?.push({
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: '203.0.113.7/32' }],
    });
    recordTrailEvents(cloudTrailEvents(), [
      {
        account: ACCOUNT,
        region: REGION,
        event: sampleTrailEvent({
          actor: 'sso',
          account: ACCOUNT,
          region: REGION,
          resource: id,
          time: '2026-11-22T09:50:00Z',
        }),
      },
    ]);
    const run = await scan();
    expect(run.code).toBe(0);
    expect(commitCount(trail)).toBe(2);
    const message = git(trail, 'log', '-1', '--format=%B');
    expect(message).toContain(
      `Changed-By: alice@example.com (cli, AuthorizeSecurityGroupIngress, 2026-11-22T09:50:00.000Z) aws/${ACCOUNT}/${REGION}/ec2/securitygroup/${id}.yaml`,
    );
    const calls = sim.calls.filter((c) => c.service === 'cloudtrail');
    expect(calls.map((c) => c.params['LookupAttributes'])).toEqual([
      [{ AttributeKey: 'ResourceName', AttributeValue: id }],
    ]);
    expect(git(trail, 'log', '-p')).not.toContain(CLOUDTRAIL_CANARY);
    expect(run.stdout + run.stderr).not.toContain(CLOUDTRAIL_CANARY);
  });

  it('looks nothing up without --attribute', async () => {
    await statetrail(simArgs(sim.url, trail, '--endpoint', `cloudtrail=${sim.url}`));
    ec2Region(sim.world, ACCOUNT, REGION).securityGroups.pop();
    await statetrail(simArgs(sim.url, trail, '--endpoint', `cloudtrail=${sim.url}`));
    expect(sim.calls.filter((c) => c.service === 'cloudtrail')).toEqual([]);
    expect(git(trail, 'log', '-1', '--format=%B')).not.toContain('Changed-By:');
  });
});
