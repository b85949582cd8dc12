import { ParseError } from '@aws-lambda-powertools/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanResult } from '../../lib/model/index.js';
import { stagingKeys } from '../../lib/pipeline/keys.js';
import { S3StagingStore } from '../../lib/pipeline/s3-staging-store.js';
import {
  EKS_CLUSTER,
  lambdaContext,
  STAGING_BUCKET,
  STAGING_PREFIX,
  type StepWorld,
  scanRequest,
  stagedItems,
  startStepWorld,
} from './step-world.js';

type PlanHandler = typeof import('../../functions/plan.js').handler;
type CollectHandler = typeof import('../../functions/collect.js').handler;
let world: StepWorld;
let plan: PlanHandler;
let handler: CollectHandler;

beforeAll(async () => {
  world = await startStepWorld();
  ({ handler: plan } = await import('../../functions/plan.js'));
  ({ handler } = await import('../../functions/collect.js'));
});
afterAll(async () => {
  await world.close();
});

describe('collect handler', () => {
  it('collects every item the plan step returned, AWS and EKS alike, into the staging bucket', async () => {
    await plan(scanRequest('scan-collect-1') as never, lambdaContext('plan'));
    const items = await stagedItems(world, 'scan-collect-1');
    world.kube.calls.length = 0;
    // Each item exactly as the Distributed Map hands it over: the JSON of the plan's output.
    const outputs = await Promise.all(
      items.map((item) => handler(JSON.parse(JSON.stringify(item)), lambdaContext('collect'))),
    );
    expect(outputs.map(({ key, complete }) => ({ key, complete }))).toEqual(
      items.map((item) => ({ key: item.planned.key, complete: true })),
    );
    for (const output of outputs) expect(output.resources).toBeGreaterThan(0);
    // The cluster was reached through DescribeCluster and an IAM token, from the Lambda's env.
    expect(world.aws.calls.some((call) => call.action === 'DescribeCluster')).toBe(true);
    expect(world.kube.calls.length).toBeGreaterThan(5);
    const staging = new S3StagingStore({
      client: world.s3.client,
      bucket: STAGING_BUCKET,
      prefix: STAGING_PREFIX,
    });
    const eksKey = items.find((item) => item.planned.target.kind === 'k8s')?.planned.key ?? '';
    const result = ScanResult.parse(
      await staging.get(stagingKeys.collect('scan-collect-1', eksKey)),
    );
    // The cluster's identity (a digest of its API server) guards its trail directory.
    expect(result.scopes).toContainEqual({
      scope: `k8s/${EKS_CLUSTER}`,
      complete: true,
      source: expect.stringMatching(/^server-sha256:[0-9a-f]{16}$/),
    });
    expect(result.kubeRecords.length).toBe(outputs.find((o) => o.key === eksKey)?.resources);
  });

  it('rejects an event that is not a planned target with a parse error', async () => {
    const invalid = { scanId: 'scan-1', planned: { key: 'k', target: { kind: 'gcp' } } };
    await expect(handler(invalid as never, lambdaContext('collect'))).rejects.toBeInstanceOf(
      ParseError,
    );
  });
});
