import { describe, expect, it } from 'vitest';
import { normalizeResource } from '../../../../lib/snapshot/normalize/chain.js';
import { REDACTED } from '../../../../lib/snapshot/normalize/redact-credentials.js';
import { resourcePath } from '../../../../lib/snapshot/paths.js';
import { keyPairCollector } from '../../../../lib/sources/aws/ec2/key-pairs.js';
import { keyPairShape } from '../../../sim/aws/ec2-attachable-shapes.js';
import type { AwsSim } from '../../../sim/aws/server.js';
import { ec2Region } from '../../../sim/aws/world.js';
import { useSampleSim } from './sample-sim.js';
import { SAMPLE, simCollectorContext } from './sim-collector-context.js';

const KEY_A = 'AKIAIOSFODNN7EXAMPLE';
const KEY_B = 'AKIAIOSFODNN7EXAMPL2';

describe('Ids shaped like credentials', () => {
  let sim: AwsSim;
  useSampleSim((started) => {
    sim = started;
  });

  it('keeps two key pairs named like access key ids apart, masking only their values', async () => {
    const region = ec2Region(sim.world, SAMPLE.accountId, SAMPLE.region);
    region.keyPairs = [KEY_A, KEY_B].map((keyName, i) =>
      keyPairShape({
        keyPairId: `key-0a1b2c3d4e5f6000${i}`,
        keyName,
        fingerprint: 'iIxG3tB7mT0zKcQ6xDqkq0Zb0l2Hn0J5c3Jv5m6P8Yw=',
        createTime: new Date('2025-11-03T14:21:09.000Z'),
        publicKey: 'ssh-ed25519 AAAA ops',
        tags: { note: keyName },
      }),
    );
    const { context } = simCollectorContext(sim, { service: 'ec2', target: 't' });
    const output = await keyPairCollector.collect(context);
    expect(output.resources.map((r) => r.resourceId).sort()).toEqual([KEY_B, KEY_A].sort());
    expect(new Set(output.resources.map((r) => resourcePath(r))).size).toBe(2);
    for (const resource of output.resources) {
      expect(resource.resourceName).toBe(resource.resourceId);
      expect(resource.configuration['KeyName']).toBe(REDACTED);
      expect(resource.tags).toEqual({ note: REDACTED });
    }
  });

  it('keeps the ids and ARN of an EKS node group whose cluster is named like one', () => {
    const resource = normalizeResource({
      schemaVersion: 1,
      resourceType: 'AWS::EKS::Nodegroup',
      resourceId: `${KEY_A}:general`,
      accountId: SAMPLE.accountId,
      awsRegion: SAMPLE.region,
      arn: `arn:aws:eks:${SAMPLE.region}:${SAMPLE.accountId}:nodegroup/${KEY_A}/general/1`,
      resourceName: 'general',
      tags: {},
      configuration: { clusterName: KEY_A, nodegroupName: 'general' },
    });
    expect(resource.resourceId).toBe(`${KEY_A}:general`);
    expect(resource.arn).toContain(`nodegroup/${KEY_A}/general`);
    expect(resource.configuration['clusterName']).toBe(REDACTED);
  });
});
