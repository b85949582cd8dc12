import { describe, expect, it } from 'vitest';
import { ANSWER_SHAPES } from '../../../../lib/sources/aws/answer-shapes.js';
import { clusterCollector } from '../../../../lib/sources/aws/eks/clusters.js';
import { nodegroupCollector } from '../../../../lib/sources/aws/eks/nodegroups.js';
import { collectorsFor } from '../../../../lib/sources/aws/registry.js';
import { bucketCollector } from '../../../../lib/sources/aws/s3/buckets.js';
import type { BrokenAnswer } from '../../../sim/aws/faults.js';
import type { AwsSim } from '../../../sim/aws/server.js';
import { useSampleSim } from './sample-sim.js';
import { SAMPLE, simCollectorContext } from './sim-collector-context.js';

const BROKEN: readonly BrokenAnswer[] = ['html', 'empty', 'foreign', 'bare'];

function contextOn(sim: AwsSim, service: 'ec2' | 'eks' | 's3', region: string = SAMPLE.region) {
  return simCollectorContext(sim, { service, target: `t-${service}`, region }).context;
}

describe('Broken 2xx answers', () => {
  let sim: AwsSim;
  useSampleSim((started) => {
    sim = started;
  });

  const ec2Lists = collectorsFor('ec2').map((c) => [c.resourceType, c] as const);

  it.each(BROKEN)(
    'leaves every EC2 listing incomplete on a %s answer, naming it',
    async (answer) => {
      for (const [resourceType, collector] of ec2Lists) {
        sim.faults.clear();
        sim.faults.broken({ action: '*', service: 'ec2', answer });
        const output = await collector.collect(contextOn(sim, 'ec2'));
        expect(output.complete, resourceType).toBe(false);
        expect(output.resources, resourceType).toEqual([]);
        const [warning] = output.warnings;
        expect(warning?.code, resourceType).toBe('malformed');
        expect(warning?.message).toContain(`${SAMPLE.accountId}/${SAMPLE.region}`);
        expect(warning?.operation).toMatch(/^ec2:Describe/);
      }
    },
  );

  it('completes a region that genuinely holds nothing (empty list elements)', async () => {
    for (const collector of collectorsFor('ec2')) {
      const output = await collector.collect(contextOn(sim, 'ec2', 'us-east-2'));
      expect(output, collector.resourceType).toEqual({
        resources: [],
        warnings: [],
        complete: true,
      });
    }
    for (const collector of collectorsFor('eks')) {
      const output = await collector.collect(contextOn(sim, 'eks', 'us-east-2'));
      expect(output, collector.resourceType).toEqual({
        resources: [],
        warnings: [],
        complete: true,
      });
    }
  });

  it.each(BROKEN)(
    'leaves EKS clusters and node groups incomplete when ListClusters answers %s',
    async (answer) => {
      sim.faults.broken({ action: 'ListClusters', answer });
      for (const collector of [clusterCollector, nodegroupCollector]) {
        const output = await collector.collect(contextOn(sim, 'eks'));
        expect(output.complete).toBe(false);
        expect(output.warnings).toEqual([
          expect.objectContaining({ code: 'malformed', operation: 'eks:ListClusters' }),
        ]);
      }
    },
  );

  it.each(BROKEN)('leaves clusters incomplete when DescribeCluster answers %s', async (answer) => {
    sim.faults.broken({ action: 'DescribeCluster', answer });
    const output = await clusterCollector.collect(contextOn(sim, 'eks'));
    expect(output.complete).toBe(false);
    expect(output.warnings.map((w) => [w.code, w.operation])).toEqual([
      ['malformed', 'eks:DescribeCluster'],
    ]);
  });

  it.each(BROKEN)('keeps the buckets when ListBuckets answers %s', async (answer) => {
    sim.faults.broken({ action: 'ListBuckets', answer });
    const output = await bucketCollector.collect(contextOn(sim, 's3', 'global'));
    expect(output.complete).toBe(false);
    expect(output.warnings.map((w) => [w.code, w.operation])).toEqual([
      ['malformed', 's3:ListBuckets'],
    ]);
  });

  it.each(['html', 'empty', 'foreign'] as const)(
    'records BucketVersioning unreadable, never `{}`, on a %s answer',
    async (answer) => {
      sim.faults.broken({ action: 'GetBucketVersioning', answer });
      const output = await bucketCollector.collect(contextOn(sim, 's3', 'global'));
      expect(output.complete).toBe(true);
      expect(output.resources.length).toBeGreaterThan(0);
      for (const bucket of output.resources) {
        expect(bucket.unreadable).toContain('BucketVersioning');
        expect(bucket.supplementaryConfiguration).not.toHaveProperty('BucketVersioning');
      }
      // The sample world denies one bucket's policy read on its own.
      expect(output.warnings.filter((w) => w.code === 'malformed')).toEqual([
        expect.objectContaining({ operation: 's3:GetBucketVersioning' }),
      ]);
    },
  );

  it('declares a shape for every operation the sim serves to the collectors', () => {
    expect(ANSWER_SHAPES.size).toBeGreaterThan(50);
    for (const [operation, shape] of ANSWER_SHAPES) {
      expect(shape.root ?? shape.lists ?? shape.objects ?? shape.bodyKeys, operation).toBeDefined();
    }
  });
});
