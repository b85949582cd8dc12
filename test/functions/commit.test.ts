import { ParseError } from '@aws-lambda-powertools/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ec2Region } from '../sim/aws/world.js';
import {
  ACCOUNT,
  EKS_CLUSTER,
  GITHUB_SECRET_ARN,
  HMAC_SECRET_ARN,
  lambdaContext,
  REGION,
  runUpTo,
  type StepWorld,
  startStepWorld,
} from './step-world.js';

let world: StepWorld;
let handler: typeof import('../../functions/commit.js').handler;

beforeAll(async () => {
  world = await startStepWorld();
  ({ handler } = await import('../../functions/commit.js'));
});
afterAll(async () => {
  await world.close();
});

/** The bare repository behind the simulated GitHub. */
const remote = (...args: string[]) => world.github.repo.store.git(args).trim();

/** Plan, collect each item, drift: the state machine up to the commit step. */
const upToCommit = (scanId: string) => runUpTo(world, scanId, 'commit');

describe('commit handler', () => {
  it('commits the scan to the GitHub trail: AWS and EKS files in one commit', async () => {
    await upToCommit('scan-commit-1');
    const output = await handler({ scanId: 'scan-commit-1' } as never, lambdaContext('commit'));
    expect(output.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(remote('rev-parse', 'main')).toBe(output.commit);
    // On top of the bootstrap commit an empty GitHub repository needs: one scan, one commit.
    expect(remote('rev-list', '--count', 'main')).toBe('2');
    expect(remote('log', '-1', '--format=%B', 'main')).toContain('Statetrail-Scan: scan-commit-1');
    const files = remote('ls-tree', '-r', '--name-only', 'main').split('\n');
    const vpcId = ec2Region(world.aws.world, ACCOUNT, REGION).vpcs[0]?.VpcId;
    expect(files).toContain(`aws/${ACCOUNT}/${REGION}/ec2/vpc/${vpcId}.yaml`);
    expect(files).toContain(`aws/${ACCOUNT}/${REGION}/eks/cluster/prod.yaml`);
    expect(files.filter((path) => path.startsWith(`k8s/${EKS_CLUSTER}/`)).length).toBeGreaterThan(
      5,
    );
    // The drift step's Terraform record rides along, and the commit is classified with it.
    expect(files).toContain('.statetrail/terraform.json');
    expect(output.classes?.explained).toBeGreaterThanOrEqual(1);
    expect(output.added).toBe(output.resources);
  });

  it('authenticates to GitHub with the credential from its Secrets Manager secret, read once per cold start', async () => {
    // Drift (accepted drift, ignore rules) and commit each opened the trail once: two cold starts.
    // The environment holds no GITHUB_TOKEN: the commit above could only use the secret.
    expect(process.env['GITHUB_TOKEN']).toBeUndefined();
    expect(world.secrets.reads.filter((arn) => arn === GITHUB_SECRET_ARN)).toHaveLength(2);
    // Collect fingerprints with the HMAC key's secret; the GitHub secret is not its to read.
    expect(world.secrets.reads).toContain(HMAC_SECRET_ARN);
  });

  it('returns the staged output on a retry, writing nothing to GitHub', async () => {
    const first = await handler({ scanId: 'scan-commit-1' } as never, lambdaContext('commit'));
    world.github.resetCalls();
    const retried = await handler({ scanId: 'scan-commit-1' } as never, lambdaContext('commit'));
    expect(retried).toEqual(first);
    expect(world.github.calls).toEqual([]);
  });

  it('makes no commit for a second scan that saw no change', async () => {
    const head = remote('rev-parse', 'main');
    await upToCommit('scan-commit-2');
    world.github.resetCalls();
    const output = await handler({ scanId: 'scan-commit-2' } as never, lambdaContext('commit'));
    expect(output.commit).toBeNull();
    expect(world.github.writes()).toEqual([]);
    expect(remote('rev-parse', 'main')).toBe(head);
  });

  it("bounds GitHub's waits by the invocation's remaining time, read anew on each invocation", async () => {
    await upToCommit('scan-commit-3');
    const rateLimit = () =>
      world.github.faults.push({
        method: 'GET',
        path: /\/git\/ref\/heads\/main$/,
        status: 403,
        body: { message: 'You have exceeded a secondary rate limit.' },
        headers: { 'retry-after': '60' },
      });
    // Ten seconds are left, less than the reserve the GitHub client keeps for finishing: the step
    // fails at once instead of waiting out the limit and timing out.
    rateLimit();
    await expect(
      handler({ scanId: 'scan-commit-3' } as never, lambdaContext('commit', 10_000)),
    ).rejects.toMatchObject({ status: 403 });
    // Retried by the state machine with fifteen minutes left, it waits (0 ms in tests) and commits.
    rateLimit();
    const output = await handler(
      { scanId: 'scan-commit-3' } as never,
      lambdaContext('commit', 900_000),
    );
    expect(output.scanId).toBe('scan-commit-3');
    expect(world.github.faults).toEqual([]);
  });

  it('rejects an event without a scanId with a parse error', async () => {
    await expect(handler({} as never, lambdaContext('commit'))).rejects.toBeInstanceOf(ParseError);
  });
});
