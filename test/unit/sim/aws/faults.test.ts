import {
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { sampleWorld } from '../../../sim/aws/world.js';
import { failureOf, simEc2, simSts } from './sim-client.js';

describe('fault injection, as the real SDK sees it', () => {
  let sim: AwsSim;
  let ec2: EC2Client;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    ec2 = simEc2(sim, { attempts: 3 });
  });
  afterEach(() => {
    sim.faults.clear();
    sim.resetCalls();
  });
  afterAll(async () => {
    ec2.destroy();
    await sim.close();
  });

  it('answers RequestLimitExceeded 503, which the SDK retries as throttling', async () => {
    sim.faults.throttle({ action: 'DescribeInstances', count: 2 });
    const out = await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    expect(out.Reservations).toHaveLength(2);
    expect(out.$metadata.attempts).toBe(3);
    expect(sim.calls.map((c) => [c.status, c.fault])).toStrictEqual([
      [503, 'throttle'],
      [503, 'throttle'],
      [200, undefined],
    ]);
  });

  it('surfaces RequestLimitExceeded once the retries are spent', async () => {
    sim.faults.throttle({ action: 'DescribeInstances', count: 10 });
    const error = await failureOf(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 })));
    expect(error.name).toBe('RequestLimitExceeded');
    expect(error.message).toBe('Request limit exceeded.');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 503, attempts: 3 });
  });

  it('answers UnauthorizedOperation 403 naming the caller and action, never retried', async () => {
    sim.faults.deny({ action: 'DescribeSecurityGroups' });
    const error = await failureOf(ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 5 })));
    expect(error.name).toBe('UnauthorizedOperation');
    expect(error.message).toMatch(
      /^You are not authorized to perform this operation\. User: arn:aws:iam::111111111111:user\/statetrail-scanner is not authorized to perform: ec2:DescribeSecurityGroups/,
    );
    expect(error.$metadata).toMatchObject({ httpStatusCode: 403, attempts: 1 });
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }))).resolves.toBeDefined();
  });

  it('denies only in the account and region it is scoped to', async () => {
    sim.faults.deny({ action: 'DescribeInstances', account: '111111111111', region: 'us-east-1' });
    const east = simEc2(sim, { region: 'us-east-1' });
    const error = await failureOf(east.send(new DescribeInstancesCommand({ MaxResults: 5 })));
    east.destroy();
    expect(error.name).toBe('UnauthorizedOperation');
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }))).resolves.toBeDefined();
  });

  it('answers InternalError with the given 5xx status, which the SDK retries', async () => {
    sim.faults.fail({ action: 'DescribeInstances', count: 1, status: 500 });
    const out = await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    expect(out.$metadata.attempts).toBe(2);

    sim.faults.fail({ action: 'DescribeInstances', count: 5, status: 502 });
    const error = await failureOf(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 })));
    expect(error.name).toBe('InternalError');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 502, attempts: 3 });
  });

  it('answers 200 with a broken body, which the SDK reports as a parse error', async () => {
    sim.faults.malformed({ action: 'DescribeInstances', count: 1 });
    const error = await failureOf(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 })));
    expect(error.message).toMatch(/XML parse error/);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 200 });
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }))).resolves.toBeDefined();
  });

  it('delays answers on the server side', async () => {
    sim.faults.delay({ action: 'DescribeVpcs', ms: 10_000 });
    sim.faults.delay({ action: 'DescribeInstances', ms: 400, count: 1 });
    const started = performance.now();
    await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(395);
    // The delay was used up: a second call is not held (a loaded machine still answers in far less).
    const again = performance.now();
    await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    expect(performance.now() - again).toBeLessThan(395);
  });

  it('answers AuthFailure 401 to an access key no account holds', async () => {
    const stranger = simEc2(sim, { accessKeyId: 'AKIAUNKNOWN000000000' });
    const error = await failureOf(stranger.send(new DescribeInstancesCommand({ MaxResults: 5 })));
    stranger.destroy();
    expect(error.name).toBe('AuthFailure');
    expect(error.message).toBe('AWS was not able to validate the provided access credentials');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 401, attempts: 1 });
    expect(sim.calls[0]).toMatchObject({ accountId: undefined, status: 401 });
  });

  it('answers InvalidAction 400 to an action the sim does not implement', async () => {
    const error = await failureOf(ec2.send(new DescribeSnapshotsCommand({ MaxResults: 5 })));
    expect(error.name).toBe('InvalidAction');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers Throttling to STS callers, which the SDK retries', async () => {
    const sts = simSts(sim);
    sim.faults.throttle({ action: 'GetCallerIdentity', count: 1 });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out.$metadata.attempts).toBe(2);
    sim.faults.throttle({ action: 'GetCallerIdentity', count: 3 });
    const error = await failureOf(sts.send(new GetCallerIdentityCommand({})));
    sts.destroy();
    expect(error.name).toBe('Throttling');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400, attempts: 3 });
  });

  it('leaves other services alone when a fault names one', async () => {
    sim.faults.throttle({ action: '*', service: 'sts', count: 5 });
    await expect(ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }))).resolves.toBeDefined();
  });
});
