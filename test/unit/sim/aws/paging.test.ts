import {
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  type EC2Client,
  type Instance,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
} from '@aws-sdk/client-ec2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generatedAccessKeyId, generatedAccountId } from '../../../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import {
  type Ec2RegionWorld,
  ec2Region,
  generateWorld,
  instancesOf,
} from '../../../sim/aws/world.js';
import { collect, failureOf, simEc2 } from './sim-client.js';

describe('paging, ids and filters', () => {
  let sim: AwsSim;
  let ec2: EC2Client;
  let estate: Ec2RegionWorld;

  beforeAll(async () => {
    const world = generateWorld({
      seed: 7,
      instances: 23,
      securityGroups: 12,
      vpcs: 2,
      subnets: 4,
    });
    sim = await startAwsSim(world);
    estate = ec2Region(world, generatedAccountId(0), 'eu-west-1');
    ec2 = simEc2(sim, { accessKeyId: generatedAccessKeyId(0), attempts: 1 });
  });
  afterEach(() => sim.resetCalls());
  afterAll(async () => {
    ec2.destroy();
    await sim.close();
  });

  it('pages instances five at a time with opaque tokens, and the pages add up to the world', async () => {
    const pages = await collect(paginateDescribeInstances({ client: ec2, pageSize: 5 }, {}));
    const instances = pages.flatMap((p) =>
      (p.Reservations ?? []).flatMap((r) => r.Instances ?? []),
    );
    expect(pages).toHaveLength(5);
    for (const page of pages) {
      expect(
        (page.Reservations ?? []).flatMap((r) => r.Instances ?? []).length,
      ).toBeLessThanOrEqual(5);
    }
    expect(instances).toStrictEqual(instancesOf(estate));
    expect(
      sim.calls.map((c) => [c.params.MaxResults, typeof c.params.NextToken, c.paginated]),
    ).toStrictEqual([
      [5, 'undefined', true],
      [5, 'string', true],
      [5, 'string', true],
      [5, 'string', true],
      [5, 'string', true],
    ]);
  });

  it('pages security groups the same way', async () => {
    const pages = await collect(paginateDescribeSecurityGroups({ client: ec2, pageSize: 5 }, {}));
    expect(pages.map((p) => p.SecurityGroups?.length)).toStrictEqual([5, 5, 2]);
    expect(pages.flatMap((p) => p.SecurityGroups)).toStrictEqual(estate.securityGroups);
  });

  it('answers everything at once without MaxResults, and logs the call as unpaginated', async () => {
    const out = await ec2.send(new DescribeInstancesCommand({}));
    expect(out.NextToken).toBeUndefined();
    expect(out.Reservations).toStrictEqual(estate.reservations);
    expect(sim.calls[0]?.paginated).toBe(false);
  });

  it.each([4, 1001])('rejects MaxResults %i with InvalidParameterValue', async (max) => {
    const error = await failureOf(ec2.send(new DescribeInstancesCommand({ MaxResults: max })));
    expect(error.name).toBe('InvalidParameterValue');
    expect(error.message).toMatch(
      new RegExp(`^Value \\( ${max} \\) for parameter maxResults is invalid\\.`),
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('rejects a token it did not issue, or one issued for another query', async () => {
    const bogus = await failureOf(
      ec2.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: 'nope' })),
    );
    expect(bogus.name).toBe('InvalidParameterValue');
    expect(bogus.message).toMatch(/for parameter NextToken is invalid/);
    const first = await ec2.send(new DescribeInstancesCommand({ MaxResults: 5 }));
    const other = await failureOf(
      ec2.send(
        new DescribeInstancesCommand({
          MaxResults: 5,
          NextToken: first.NextToken ?? '',
          Filters: [{ Name: 'instance-state-name', Values: ['running'] }],
        }),
      ),
    );
    expect(other.name).toBe('InvalidParameterValue');
  });

  it('describes instances by id, and refuses ids together with MaxResults', async () => {
    const [a, b] = instancesOf(estate) as [Instance, Instance];
    const ids = [b.InstanceId ?? '', a.InstanceId ?? ''];
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
    expect(
      out.Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId),
    ).toStrictEqual([a.InstanceId, b.InstanceId]);
    const error = await failureOf(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ids, MaxResults: 5 })),
    );
    expect(error.name).toBe('InvalidParameterCombination');
  });

  it('answers NotFound for ids that do not exist', async () => {
    const error = await failureOf(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0000000000000dead'] })),
    );
    expect(error.name).toBe('InvalidInstanceID.NotFound');
    expect(error.message).toBe("The instance ID 'i-0000000000000dead' does not exist");
    const sg = await failureOf(
      ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-0dead'] })),
    );
    expect(sg.name).toBe('InvalidGroup.NotFound');
  });

  it('filters subnets and security groups by vpc-id, and instances by tag and state', async () => {
    const vpcId = estate.vpcs[1]?.VpcId ?? '';
    const subnets = await ec2.send(
      new DescribeSubnetsCommand({ MaxResults: 5, Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }),
    );
    expect(subnets.Subnets).toStrictEqual(estate.subnets.filter((s) => s.VpcId === vpcId));
    const groups = await ec2.send(
      new DescribeSecurityGroupsCommand({
        MaxResults: 5,
        Filters: [{ Name: 'vpc-id', Values: [vpcId] }],
      }),
    );
    expect(groups.SecurityGroups?.every((g) => g.VpcId === vpcId)).toBe(true);
    const running = await ec2.send(
      new DescribeInstancesCommand({
        MaxResults: 1000,
        Filters: [
          { Name: 'instance-state-name', Values: ['running'] },
          { Name: 'tag:Name', Values: ['host-1*'] },
        ],
      }),
    );
    const got = running.Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
    const expected = instancesOf(estate).filter(
      (i) =>
        i.State?.Name === 'running' &&
        i.Tags?.some((t) => t.Key === 'Name' && t.Value?.startsWith('host-1')),
    );
    expect(got.map((i) => i.InstanceId)).toStrictEqual(expected.map((i) => i.InstanceId));
  });

  it('rejects a filter name the API does not have', async () => {
    const error = await failureOf(
      ec2.send(
        new DescribeSubnetsCommand({
          MaxResults: 5,
          Filters: [{ Name: 'colour', Values: ['blue'] }],
        }),
      ),
    );
    expect(error.name).toBe('InvalidParameterValue');
    expect(error.message).toBe("The filter 'colour' is invalid");
  });
});
