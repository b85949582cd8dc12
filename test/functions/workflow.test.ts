import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ScanWorkflow } from '../../infra/constructs/scan-workflow.js';
import { ScannerStack } from '../../infra/stacks/scanner-stack.js';
import { NotifyConfig } from '../../lib/config/schema.js';
import { CommitOutput } from '../../lib/pipeline/commit.js';
import { ScanRequest } from '../../lib/pipeline/scan-request.js';
import {
  type AslDefinition,
  synthesizeWorkflow,
  testApp,
  testStack,
} from '../infra/workflow-definition.js';
import { createTable } from '../sim/aws/dynamodb.js';
import { ec2Region } from '../sim/aws/world.js';
import { type SnsSim, startSnsSim } from '../sim/notify/sns.js';
import { handlerFunctions, type LocalFunction, runLocally } from './local-workflow.js';
import {
  ACCOUNT,
  REGION,
  STAGING_BUCKET,
  type StepWorld,
  stagedDocument,
  startStepWorld,
  vpcState,
} from './step-world.js';

let world: StepWorld;
let definition: AslDefinition;
let functions: Map<string, LocalFunction>;
let collectId: string;
let sns: SnsSim;
const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:drift-mail`;

beforeAll(async () => {
  world = await startStepWorld();
  // The lease and commit functions' table, as the stack names it to them (read at cold start).
  vi.stubEnv('LEASE_TABLE', 'statetrail-leases');
  createTable(world.aws.world, { account: ACCOUNT, region: REGION, table: 'statetrail-leases' });
  sns = await startSnsSim();
  vi.stubEnv('STATETRAIL_ENDPOINTS', `${process.env['STATETRAIL_ENDPOINTS']},sns=${sns.url}`);
  const notify = NotifyConfig.parse({ sns: [{ topicArn: TOPIC }] });
  const request = ScanRequest.parse({
    aws: { regions: [REGION], services: ['ec2', 'eks'] },
    eksClusters: true,
    states: [{ location: await vpcState(world.aws) }],
    // One scan of persistent drift is enough here; the default (two) would wait a scan longer.
    review: { persistScans: 1, maxOpenPulls: 10 },
  });
  const stack = new ScannerStack(testApp(), 'EndToEnd', { request, notify });
  const bucketId = stack.getLogicalId(stack.staging.node.defaultChild as CfnBucket);
  const synthesized = synthesizeWorkflow(stack, { [bucketId]: STAGING_BUCKET });
  definition = synthesized.definition;
  functions = handlerFunctions(synthesized.handlers);
  // The notify function's config, as the stack sets it on that function (read at cold start).
  const notifyFn = [...synthesized.handlers].find(([, entry]) => entry === 'functions/notify.ts');
  expect(notifyFn).toBeDefined();
  vi.stubEnv('STATETRAIL_NOTIFY', notifyEnvironment(stack));
  collectId =
    [...synthesized.handlers].find(([, entry]) => entry === 'functions/collect.ts')?.[0] ?? '';
});
afterAll(async () => {
  await sns.close();
  await world.close();
});

/** STATETRAIL_NOTIFY exactly as the synthesized template gives it to the notify function. */
function notifyEnvironment(stack: ScannerStack): string {
  const found = Object.values(
    Template.fromStack(stack).findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('notifies') },
    }),
  ) as { Properties: { Environment: { Variables: Record<string, string> } } }[];
  return found[0]?.Properties.Environment.Variables['STATETRAIL_NOTIFY'] ?? '';
}

const remote = (...args: string[]) => world.github.repo.store.git(args).trim();

function scan(name: string, fault?: Parameters<typeof runLocally>[0]['fault']) {
  return runLocally({
    definition,
    functions,
    s3: world.s3.client,
    name,
    input: { trigger: 'schedule' },
    ...(fault ? { fault } : {}),
  }) as Promise<Record<string, unknown>>;
}

describe('the synthesized state machine, run in-process against the simulated world', () => {
  it('commits the first scan to the trail on GitHub: a baseline, no PR', async () => {
    const output = await scan('e2e-scan-1');
    const head = remote('rev-parse', 'main');
    expect(output).toMatchObject({ scanId: 'e2e-scan-1', targets: 3, commit: { commit: head } });
    expect(remote('log', '-1', '--format=%B', 'main')).toContain('Statetrail-Scan: e2e-scan-1');
    expect(remote('ls-tree', '-r', '--name-only', 'main')).toMatch(
      new RegExp(`^aws/${ACCOUNT}/${REGION}/ec2/vpc/`, 'm'),
    );
    expect(world.github.review.pulls).toEqual([]);
    // The notify step ran last and told the configured topic that the baseline is recorded.
    expect(sns.published).toHaveLength(1);
    expect(sns.published[0]).toMatchObject({
      topicArn: TOPIC,
      subject: expect.stringMatching(/^statetrail: Baseline recorded/),
      message: expect.stringContaining('Scan: e2e-scan-1'),
    });
  });

  it('opens a drift PR on the second scan once a hand-made change persists', async () => {
    const vpc = ec2Region(world.aws.world, ACCOUNT, REGION).vpcs[0];
    if (!vpc) throw new Error('no VPC');
    vpc.Tags = [...(vpc.Tags ?? []), { Key: 'owner', Value: 'by-hand' }];
    const commits = Number(remote('rev-list', '--count', 'main'));
    const output = await scan('e2e-scan-2');
    expect(Number(remote('rev-list', '--count', 'main'))).toBe(commits + 1);
    expect(output).toMatchObject({ review: { opened: [expect.any(Number)] } });
    expect(world.github.review.pulls).toHaveLength(1);
    // The config's persistScans (1) reaches the commit step: the new drift is announced now.
    expect(sns.published).toHaveLength(2);
    expect(sns.published[1]).toMatchObject({
      topicArn: TOPIC,
      subject: expect.stringMatching(/^statetrail: New drift: 1 changed/),
      message: expect.stringContaining('Scan: e2e-scan-2'),
    });
  });

  it('leaves a target that keeps failing incomplete and still commits the scan', async () => {
    const before = remote('rev-parse', 'main');
    // The EKS target's Lambda fails on every attempt (the service, not our code): its child
    // retries, catches and records it; the map and the scan go on.
    let attempts = 0;
    // A change elsewhere, so the scan has something to commit.
    ec2Region(world.aws.world, ACCOUNT, REGION).vpcs[0]?.Tags?.push({
      Key: 'seen',
      Value: 'third',
    });
    const output = await scan('e2e-scan-3', (logicalId, event) => {
      const key = (event as { planned?: { key?: string } }).planned?.key;
      if (logicalId !== collectId || key !== `aws-caller-${REGION}-eks`) return undefined;
      attempts += 1;
      return Object.assign(new Error('Service unavailable'), { name: 'Lambda.ServiceException' });
    });
    expect(attempts).toBe(7); // the first call and six retries
    const committed = CommitOutput.parse(
      await stagedDocument(world, 'scans/e2e-scan-3/commit.json'),
    );
    expect(output).toMatchObject({ commit: { commit: committed.commit } });
    expect(committed.commit).not.toBe(before);
    expect(committed.scopes).toContainEqual({
      scope: `aws/${ACCOUNT}/${REGION}/eks/cluster`,
      complete: false,
    });
    expect(committed.scopes).toContainEqual({
      scope: `aws/${ACCOUNT}/${REGION}/ec2/vpc`,
      complete: true,
    });
    const record = JSON.parse(remote('show', 'main:.statetrail/scan.json')) as {
      scopes: Record<string, { complete: boolean }>;
    };
    expect(record.scopes[`aws/${ACCOUNT}/${REGION}/eks/cluster`]?.complete).toBe(false);
    // Its files stay as the last complete scan left them.
    expect(remote('ls-tree', '-r', '--name-only', 'main')).toMatch(
      new RegExp(`^aws/${ACCOUNT}/${REGION}/eks/cluster/`, 'm'),
    );
  });

  it('skips the scan, after waiting and trying again, while another scan holds the lease', async () => {
    // Until the lease engineer's function lands: a stand-in that answers as it will when held.
    const stack = testStack();
    const { Code, Function: LambdaFunction, Runtime } = await import('aws-cdk-lib/aws-lambda');
    const { Bucket } = await import('aws-cdk-lib/aws-s3');
    const fn = (id: string) =>
      new LambdaFunction(stack, id, {
        runtime: Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: Code.fromInline('export const handler = async () => ({});'),
      });
    const steps = ['Plan', 'Collect', 'Drift', 'Commit', 'Review', 'Lease'] as const;
    const [plan, collect, drift, commit, review, lease] = steps.map(fn);
    if (!plan || !collect || !drift || !commit || !review || !lease)
      throw new Error('no functions');
    new ScanWorkflow(stack, 'Workflow', {
      request: ScanRequest.parse({ aws: { regions: [REGION] } }),
      functions: { plan, collect, drift, commit, review, lease },
      staging: new Bucket(stack, 'Staging') as never,
      leaseAttempts: 3,
    });
    const { definition: leased } = synthesizeWorkflow(stack);
    const calls: string[] = [];
    const local = new Map<string, LocalFunction>();
    for (const [step, construct] of steps.map(
      (s, i) => [s, [plan, collect, drift, commit, review, lease][i]] as const,
    )) {
      const id = stack.getLogicalId(construct?.node.defaultChild as never);
      local.set(id, async (event) => {
        calls.push(`${step} ${JSON.stringify(event)}`);
        return step === 'Lease' ? { acquired: false, holder: 'scan-other' } : {};
      });
    }
    const output = await runLocally({
      definition: leased,
      functions: local,
      s3: world.s3.client,
      name: 'e2e-held',
      input: { trigger: 'api' },
    });
    expect(output).toMatchObject({
      scanId: 'e2e-held',
      skipped: 'lease-held',
      lease: { answer: { acquired: false, holder: 'scan-other' } },
    });
    expect(calls).toEqual(
      Array.from({ length: 3 }, () => 'Lease {"action":"acquire","scanId":"e2e-held"}'),
    );
  });
});
