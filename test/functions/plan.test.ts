import { ParseError } from '@aws-lambda-powertools/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectInput } from '../../lib/pipeline/collect.js';
import { Plan } from '../../lib/pipeline/plan.js';
import {
  EKS_CLUSTER,
  lambdaContext,
  REGION,
  type StepWorld,
  scanRequest,
  startStepWorld,
} from './step-world.js';

type Handler = typeof import('../../functions/plan.js').handler;
let world: StepWorld;
let handler: Handler;

beforeAll(async () => {
  world = await startStepWorld();
  ({ handler } = await import('../../functions/plan.js'));
});
afterAll(async () => {
  await world.close();
});

/** A staged document of the S3 staging bucket, read straight from s3rver. */
async function staged(key: string): Promise<unknown> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const object = await world.s3.client.send(
    new GetObjectCommand({ Bucket: 'staging-bucket', Key: `staging/${key}` }),
  );
  return JSON.parse((await object.Body?.transformToString()) ?? 'null');
}

describe('plan handler', () => {
  it('discovers the account and its EKS cluster and stages one collect input per target', async () => {
    const output = await handler(scanRequest('scan-plan-1') as never, lambdaContext('plan'));
    expect(output).toEqual({
      scanId: 'scan-plan-1',
      targets: 3,
      itemsKey: 'scans/scan-plan-1/items.json',
    });
    // The items go to S3 as one JSON array (the Distributed Map's ItemReader), not into the state.
    const items = CollectInput.array().parse(await staged(output.itemsKey));
    expect(items.map((item) => item.planned.key)).toEqual([
      'aws-caller-eu-west-1-ec2',
      'aws-caller-eu-west-1-eks',
      expect.stringMatching(/^k8s-prod\.eu-west-1\.111111111111/),
    ]);
    for (const item of items) expect(item.scanId).toBe('scan-plan-1');
    const eks = items[2]?.planned.target;
    expect(eks).toMatchObject({ kind: 'k8s', cluster: EKS_CLUSTER, eks: { name: 'prod' } });
    // The plan is staged on S3 for the other steps, with the same targets.
    const plan = Plan.parse(await staged('scans/scan-plan-1/plan.json'));
    expect(plan.targets).toEqual(items.map((item) => item.planned));
  });

  it('returns the staged plan on a retry with the same scanId, asking AWS nothing', async () => {
    const first = await handler(scanRequest('scan-plan-2') as never, lambdaContext('plan'));
    world.aws.resetCalls();
    // A retry after the world changed still gets the plan the first attempt staged.
    const retried = await handler(
      { ...scanRequest('scan-plan-2'), eksClusters: false } as never,
      lambdaContext('plan'),
    );
    expect(retried).toEqual(first);
    expect(world.aws.calls).toEqual([]);
  });

  it('rejects a request without an AWS section with a parse error, staging nothing', async () => {
    await expect(
      handler({ scanId: 'scan-plan-3' } as never, lambdaContext('plan')),
    ).rejects.toBeInstanceOf(ParseError);
    await expect(staged('scans/scan-plan-3/plan.json')).rejects.toThrow();
  });

  it('narrows the scan to the scope: clusters by EKS name, regions and accounts intersected', async () => {
    const request = {
      ...scanRequest('scan-plan-4'),
      clusters: [{ kind: 'k8s', cluster: 'staging', kubeconfig: '/nonexistent' }],
    };
    const whole = await handler(request as never, lambdaContext('plan'));
    const wholeItems = CollectInput.array().parse(await staged(whole.itemsKey));
    expect(wholeItems.map((item) => item.planned.key)).toContain('k8s-staging');
    const narrowed = await handler(
      {
        ...request,
        scanId: 'scan-plan-5',
        scope: { accounts: ['111111111111'], regions: [REGION], clusters: ['prod'] },
      } as never,
      lambdaContext('plan'),
    );
    // The configured cluster `staging` is left out; the EKS-found `prod` and the account stay.
    const narrowedItems = CollectInput.array().parse(await staged(narrowed.itemsKey));
    expect(narrowedItems.map((item) => item.planned.key)).toEqual([
      'aws-caller-eu-west-1-ec2',
      'aws-caller-eu-west-1-eks',
      expect.stringMatching(/^k8s-prod\.eu-west-1\.111111111111/),
    ]);
  });

  it('refuses a scope that leaves nothing, naming what did not match, and stages no plan', async () => {
    await expect(
      handler(
        { ...scanRequest('scan-plan-6'), scope: { regions: ['ap-south-1'] } } as never,
        lambdaContext('plan'),
      ),
    ).rejects.toThrow('scope.regions ap-south-1 match nothing');
    await expect(
      handler(
        { ...scanRequest('scan-plan-7'), scope: { accounts: ['222222222222'] } } as never,
        lambdaContext('plan'),
      ),
    ).rejects.toThrow(
      'scope.accounts 222222222222 match nothing the configured scan covers (accounts 111111111111)',
    );
    await expect(staged('scans/scan-plan-6/plan.json')).rejects.toThrow();
    await expect(staged('scans/scan-plan-7/plan.json')).rejects.toThrow();
  });
});
