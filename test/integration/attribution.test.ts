import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AwsAttributionTarget, attribute } from '../../lib/attribution/attribute.js';
import { cloudTrailLookup } from '../../lib/attribution/cloudtrail-lookup.js';
import { createAwsClientFactory } from '../../lib/sources/aws/client-factory.js';
import {
  CLOUDTRAIL_CANARY,
  recordTrailEvents,
  type SampleActor,
  sampleTrailEvent,
} from '../sim/aws/cloudtrail-sample.js';
import { fakePaceClock } from '../sim/aws/pace-clock.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { sampleWorld } from '../sim/aws/world.js';

/** The simulated account's CloudTrail events, which the tests record into. */
function cloudTrailEvents() {
  const trail = sim.world.cloudtrail;
  if (!trail) throw new Error('the simulated world has no CloudTrail');
  return trail.events;
}

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const KEY = { accessKeyId: 'AKIASIMSAMPLE0000001', secretAccessKey: 'sim-secret' };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

let sim: AwsSim;
let clock: ReturnType<typeof fakePaceClock>;

function path(id: string) {
  return `aws/${ACCOUNT}/${REGION}/ec2/securitygroup/${id}.yaml`;
}

function target(id: string, region = REGION): AwsAttributionTarget {
  return { path: path(id), account: {}, region, resourceName: id };
}

function record(actor: SampleActor, resource: string, minutesAgo: number, extra = {}) {
  const time = new Date(clock.now() - minutesAgo * 60_000).toISOString();
  return {
    account: ACCOUNT,
    region: REGION,
    event: sampleTrailEvent({ actor, account: ACCOUNT, region: REGION, resource, time, ...extra }),
  };
}

function lookup() {
  const factory = createAwsClientFactory({ endpoints: { cloudtrail: sim.url }, credentials: KEY });
  return cloudTrailLookup((account, region) => factory.cloudtrail(account, region));
}

function cloudTrailCalls() {
  return sim.calls.filter((call) => call.service === 'cloudtrail');
}

beforeAll(async () => {
  sim = await startAwsSim(sampleWorld());
});
afterAll(() => sim.close());
beforeEach(() => {
  clock = fakePaceClock();
  sim.world.cloudtrail = { events: {}, now: () => clock.now() };
  sim.faults.clear();
  sim.resetCalls();
});

describe('CloudTrail attribution against the simulated LookupEvents', () => {
  it('says who changed each resource and how: console, SSO user, Terraform, unknown', async () => {
    const events = cloudTrailEvents();
    recordTrailEvents(events, [
      record('console', 'sg-console', 30),
      record('sso', 'sg-sso', 20),
      record('terraform', 'sg-tf', 10),
      record('unknown', 'sg-unknown', 5),
      record('sso', 'sg-sso', 2, { eventName: 'DescribeSecurityGroups', readOnly: true }),
    ]);
    const result = await attribute({
      aws: ['sg-console', 'sg-sso', 'sg-tf', 'sg-unknown', 'sg-quiet'].map((id) => target(id)),
      kube: [],
      lookup: lookup(),
      clock,
      scanner: [],
      logger: quiet,
    });
    const byPath = new Map(result.paths.map((entry) => [entry.path, entry.events]));
    expect(byPath.get(path('sg-console'))?.[0]).toMatchObject({
      via: 'console',
      identity: { display: `arn:aws:iam::${ACCOUNT}:user/Mary_Major` },
    });
    // The read-only DescribeSecurityGroups is not a change: the SSO user's ingress rule is.
    expect(byPath.get(path('sg-sso'))).toHaveLength(1);
    expect(byPath.get(path('sg-sso'))?.[0]).toMatchObject({
      via: 'cli',
      eventName: 'AuthorizeSecurityGroupIngress',
      identity: { display: 'alice@example.com', sessionName: 'alice' },
    });
    expect(byPath.get(path('sg-tf'))?.[0]?.via).toBe('terraform');
    expect(byPath.get(path('sg-unknown'))?.[0]?.via).toBe('unknown');
    expect(byPath.has(path('sg-quiet'))).toBe(false);
    expect(result.skipped).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(CLOUDTRAIL_CANARY);
  });

  it('never attributes an event made by the scanner’s own member role', async () => {
    recordTrailEvents(cloudTrailEvents(), [
      record('scanner', 'sg-1', 1),
      record('console', 'sg-1', 60),
    ]);
    const result = await attribute({
      aws: [target('sg-1')],
      kube: [],
      lookup: lookup(),
      clock,
      scanner: [`arn:aws:iam::${ACCOUNT}:role/StatetrailReadOnly`],
      logger: quiet,
    });
    expect(result.paths[0]?.events.map((e) => e.via)).toEqual(['console']);
  });

  it('never calls more than twice in any second of the fake’s clock, paging 50 at a time', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      record('scanner', 'sg-busy', 200 + i, { eventName: 'ModifySecurityGroupRules' }),
    );
    recordTrailEvents(cloudTrailEvents(), [
      ...many,
      ...['a', 'b', 'c', 'd', 'e'].map((id) => record('console', `sg-${id}`, 5)),
    ]);
    const result = await attribute({
      aws: [target('sg-busy'), ...['a', 'b', 'c', 'd', 'e'].map((id) => target(`sg-${id}`))],
      kube: [],
      lookup: lookup(),
      clock,
      scanner: [`arn:aws:iam::${ACCOUNT}:role/StatetrailReadOnly`],
      logger: quiet,
    });
    const calls = cloudTrailCalls();
    // sg-busy: 120 of the scanner's events, three pages (50, 50, 20), none attributed.
    expect(calls.filter((c) => JSON.stringify(c.params).includes('sg-busy'))).toHaveLength(3);
    expect(calls.every((c) => c.status === 200)).toBe(true);
    for (const call of calls) {
      const at = call.at ?? 0;
      const inSecond = calls.filter((c) => (c.at ?? 0) > at - 1000 && (c.at ?? 0) <= at);
      expect(inSecond.length).toBeLessThanOrEqual(2);
    }
    expect(result.lookups).toBe(8);
    expect(result.paths.map((p) => p.path)).not.toContain(path('sg-busy'));
    expect(result.paths).toHaveLength(5);
  });

  it('is throttled by the fake when a caller ignores the rate', async () => {
    const client = lookup();
    const request = {
      account: {},
      region: REGION,
      resourceName: 'sg-1',
      start: new Date(0),
      end: new Date(clock.now()),
    };
    await client(request);
    await client(request);
    await expect(client(request)).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  it('waits and retries a throttled lookup', async () => {
    recordTrailEvents(cloudTrailEvents(), [record('terraform', 'sg-1', 3)]);
    sim.faults.throttle({ action: 'LookupEvents', service: 'cloudtrail', count: 2 });
    const start = clock.now();
    const result = await attribute({
      aws: [target('sg-1')],
      kube: [],
      lookup: lookup(),
      clock,
      scanner: [],
      logger: quiet,
    });
    expect(result.paths[0]?.events[0]?.via).toBe('terraform');
    expect(cloudTrailCalls().map((c) => c.status)).toEqual([400, 400, 200]);
    expect(clock.now() - start).toBeGreaterThanOrEqual(3000);
    expect(result.skipped).toEqual([]);
  });

  it('stops at the budget and says which paths were not looked up', async () => {
    const ids = ['sg-1', 'sg-2', 'sg-3', 'sg-4'];
    recordTrailEvents(
      cloudTrailEvents(),
      ids.map((id) => record('console', id, 5)),
    );
    const result = await attribute({
      aws: ids.map((id) => target(id)),
      kube: [],
      lookup: lookup(),
      clock,
      budget: 2,
      scanner: [],
      logger: quiet,
    });
    expect(cloudTrailCalls()).toHaveLength(2);
    expect(result.paths.map((p) => p.path)).toEqual([path('sg-1'), path('sg-2')]);
    expect(result.skipped).toEqual([
      { path: path('sg-3'), reason: 'budget', message: expect.stringContaining('budget') },
      { path: path('sg-4'), reason: 'budget', message: expect.stringContaining('budget') },
    ]);
  });

  it('looks back to the previous scan, never more than 90 days', async () => {
    await attribute({
      aws: [target('sg-1')],
      kube: [],
      lookup: lookup(),
      clock,
      since: new Date(clock.now() - 3_600_000),
      scanner: [],
      logger: quiet,
    });
    await attribute({
      aws: [target('sg-1')],
      kube: [],
      lookup: lookup(),
      clock,
      since: new Date(0),
      scanner: [],
      logger: quiet,
    });
    const windows = cloudTrailCalls().map((c) => {
      const { StartTime, EndTime } = c.params as { StartTime: number; EndTime: number };
      return EndTime - StartTime;
    });
    expect(windows).toHaveLength(2);
    expect(windows[0]).toBeCloseTo(3600, 0);
    expect(windows[1]).toBeCloseTo(90 * 86_400, 0);
  });
});
