import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../lib/model/index.js';
import { StagingMissingError } from '../../../lib/pipeline/errors.js';
import { GATHER_CONCURRENCY, gatherScan } from '../../../lib/pipeline/gather.js';
import { stagingKeys } from '../../../lib/pipeline/keys.js';
import { plan } from '../../../lib/pipeline/plan.js';
import type { StagingStore } from '../../../lib/pipeline/staging-store.js';

function bucket(name: string): Resource {
  return {
    schemaVersion: 1,
    resourceType: 'AWS::S3::Bucket',
    resourceId: name,
    accountId: '111111111111',
    awsRegion: 'global',
    tags: {},
    configuration: { Name: name },
  };
}

/**
 * An in-memory store whose reads of collect results stay open until released, counting how many
 * are open at once; released in reverse order, so a merge that followed arrival order would show.
 */
function slowStore(documents: Map<string, unknown>) {
  let open = 0;
  let most = 0;
  const waiting: (() => void)[] = [];
  const store: StagingStore = {
    put: async (key, document) => {
      documents.set(key, document);
    },
    list: async () => [...documents.keys()].sort(),
    get: async (key) => {
      if (key.includes('/collect/')) {
        open += 1;
        most = Math.max(most, open);
        await new Promise<void>((resolve) => waiting.push(resolve));
        open -= 1;
      }
      if (!documents.has(key)) throw new StagingMissingError(`no ${key}`);
      return documents.get(key);
    },
  };
  return {
    store,
    most: () => most,
    /** Releases every open read, newest first, until `done` settles. */
    async drain(done: Promise<unknown>) {
      let settled = false;
      void done.finally(() => {
        settled = true;
      });
      while (!settled) {
        await new Promise((resolve) => setImmediate(resolve));
        for (const release of waiting.splice(0).reverse()) release();
      }
    },
  };
}

describe('gatherScan', () => {
  it(`reads the collect results ${GATHER_CONCURRENCY} at a time and merges them in plan order`, async () => {
    const scanPlan = plan({
      scanId: 's1',
      accounts: [{ account: {}, regions: [] }],
      services: ['s3'],
      s3Shards: 20,
    });
    const documents = new Map<string, unknown>([[stagingKeys.plan('s1'), scanPlan]]);
    for (const [index, planned] of scanPlan.targets.entries()) {
      if (index === 5) continue; // a collect that never reported
      documents.set(stagingKeys.collect('s1', planned.key), {
        resources: [bucket(`b-${String(index).padStart(2, '0')}`)],
        warnings: [],
        scopes: [{ scope: 'aws/111111111111/global/s3/bucket', complete: true }],
        calls: { s3: 1 },
      });
    }
    const slow = slowStore(documents);
    const gathering = gatherScan('s1', slow.store);
    await slow.drain(gathering);
    const gathered = await gathering;
    expect(slow.most()).toBe(GATHER_CONCURRENCY);
    const order = scanPlan.targets.flatMap((_, index) =>
      index === 5 ? [] : [`b-${String(index).padStart(2, '0')}`],
    );
    expect(gathered.resources.map((r) => r.resourceId)).toEqual(order);
    expect(gathered.calls).toEqual({ s3: 19 });
    expect(gathered.warnings).toEqual([
      expect.objectContaining({ code: 'failed', target: scanPlan.targets[5]?.key }),
    ]);
    // One shard missing leaves the group's scope incomplete, whatever order the reads came in.
    expect(gathered.scopes).toEqual([
      { scope: 'aws/111111111111/global/s3/bucket', complete: false },
    ]);
  });

  it('names the scopes of a target that reported nothing as incomplete, when its account is known', async () => {
    const role = 'arn:aws:iam::222222222222:role/statetrail-read';
    const scanPlan = plan({
      scanId: 's3',
      accounts: [
        { account: {}, regions: ['eu-west-1'] },
        { account: { roleArn: role }, regions: ['eu-west-1'] },
      ],
      services: ['ec2', 'eks'],
      clusters: [{ kind: 'k8s', cluster: 'prod', context: 'prod' }],
    });
    const documents = new Map<string, unknown>([[stagingKeys.plan('s3'), scanPlan]]);
    // Only the caller's EC2 target reported; its EKS target, the role's targets and the cluster
    // failed for good (their Express children caught the failure and staged nothing).
    documents.set(stagingKeys.collect('s3', 'aws-caller-eu-west-1-ec2'), {
      resources: [],
      warnings: [],
      scopes: [{ scope: 'aws/111111111111/eu-west-1/ec2/vpc', complete: true }],
      calls: {},
    });
    const store: StagingStore = {
      put: async () => {},
      list: async () => [],
      get: async (key) => {
        if (!documents.has(key)) throw new StagingMissingError(`no ${key}`);
        return documents.get(key);
      },
    };
    const { scopes, warnings } = await gatherScan('s3', store);
    const incomplete = scopes.filter((s) => !s.complete).map((s) => s.scope);
    expect(scopes).toContainEqual({ scope: 'aws/111111111111/eu-west-1/ec2/vpc', complete: true });
    expect(incomplete).toContain('aws/111111111111/eu-west-1/eks/cluster');
    expect(incomplete).toContain('aws/222222222222/eu-west-1/ec2/vpc');
    expect(incomplete).toContain('aws/222222222222/eu-west-1/eks/cluster');
    expect(incomplete).toContain('k8s/prod');
    expect(warnings.filter((w) => w.code === 'failed').map((w) => w.target)).toEqual([
      'aws-222222222222-eu-west-1-ec2',
      'aws-222222222222-eu-west-1-eks',
      'aws-caller-eu-west-1-eks',
      'k8s-prod',
    ]);
  });
});
