import { ParseError } from '@aws-lambda-powertools/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DriftStepOutput } from '../../lib/pipeline/drift.js';
import { stagingKeys } from '../../lib/pipeline/keys.js';
import { S3StagingStore } from '../../lib/pipeline/s3-staging-store.js';
import { ec2Region } from '../sim/aws/world.js';
import {
  ACCOUNT,
  lambdaContext,
  REGION,
  runUpTo,
  STAGING_BUCKET,
  STAGING_PREFIX,
  type StepWorld,
  startStepWorld,
  vpcState,
} from './step-world.js';

let world: StepWorld;
let handler: typeof import('../../functions/drift.js').handler;

beforeAll(async () => {
  world = await startStepWorld();
  ({ handler } = await import('../../functions/drift.js'));
});
afterAll(async () => {
  await world.close();
});

/** Runs the plan and collect handlers as the state machine would, up to the drift step. */
const collected = (scanId: string) => runUpTo(world, scanId, 'drift');

describe('drift handler', () => {
  it('compares the staged collect results with a state and stages the report', async () => {
    await collected('scan-drift-1');
    const state = await vpcState(world.aws);
    const output = await handler(
      { scanId: 'scan-drift-1', states: [{ location: state }] } as never,
      lambdaContext('drift'),
    );
    expect(output.errors).toEqual([]);
    expect(output.summary.managed).toBeGreaterThanOrEqual(1);
    expect(output.summary.unmanaged).toBeGreaterThan(0);
    const staging = new S3StagingStore({
      client: world.s3.client,
      bucket: STAGING_BUCKET,
      prefix: STAGING_PREFIX,
    });
    const { report } = DriftStepOutput.parse(await staging.get(stagingKeys.drift('scan-drift-1')));
    expect(report.summary).toEqual(output.summary);
    const vpcId = ec2Region(world.aws.world, ACCOUNT, REGION).vpcs[0]?.VpcId;
    // The VPC the state manages is not unmanaged.
    expect(report.unmanaged.map((entry) => entry.id)).not.toContain(vpcId);
    expect(report.scopes).toContainEqual(
      expect.objectContaining({ scope: `aws/${ACCOUNT}/${REGION}`, complete: true }),
    );
    // The trail (for .statetrailignore and accepted drift) was read on the simulated GitHub.
    expect(world.github.calls.length).toBeGreaterThan(0);
    expect(world.github.writes()).toEqual([]);
  });

  it('rejects an event without states with a parse error', async () => {
    await expect(
      handler({ scanId: 'scan-drift-2', states: [] } as never, lambdaContext('drift')),
    ).rejects.toBeInstanceOf(ParseError);
  });
});
