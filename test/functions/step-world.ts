import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { vi } from 'vitest';
import type { CollectInput } from '../../lib/pipeline/collect.js';
import { type SecretsManagerSim, startSecretsManagerSim } from '../sim/aws/secrets-manager.js';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { ec2Region, sampleWorld } from '../sim/aws/world.js';
import { type GitHubSim, startGitHubSim } from '../sim/github/server.js';
import { sampleCluster } from '../sim/k8s/sample.js';
import { type KubeSim, startKubeSim } from '../sim/k8s/server.js';
import { type S3rverFixture, startS3rver } from '../sim/s3/s3rver.js';

export const ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
export const STAGING_BUCKET = 'staging-bucket';
export const STAGING_PREFIX = 'staging/';
/** The EKS cluster of the sample world, as the trail names it. */
export const EKS_CLUSTER = `prod.${REGION}.${ACCOUNT}`;
/** The GitHub credential's secret, as the deployed functions are told it (`STATETRAIL_GITHUB_SECRET_ARN`). */
export const GITHUB_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:statetrail/github-AbCdEf`;
/** The HMAC key's secret (`STATETRAIL_HMAC_KEY_SECRET_ARN`). */
export const HMAC_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:statetrail/hmac-GhIjKl`;

/** The sample world's access key: the handlers find it in their environment, as in Lambda. */
const ACCESS_KEY = {
  accessKeyId: 'AKIASIMSAMPLE0000001',
  secretAccessKey: 'sim/sample/secret/key/0000000000000000000',
};

/** The simulated world a deployed scan talks to: AWS (with EKS), its cluster, S3, GitHub. */
export interface StepWorld {
  readonly aws: AwsSim;
  readonly kube: KubeSim;
  readonly s3: S3rverFixture;
  readonly github: GitHubSim;
  /** Holds the GitHub credential and the HMAC key, as a deployment does. */
  readonly secrets: SecretsManagerSim;
  close(): Promise<void>;
}

/**
 * Starts the world and sets the functions' environment (read at import, as at a cold start), so
 * the handlers must be imported after this resolves.
 */
export async function startStepWorld(): Promise<StepWorld> {
  const aws = await startAwsSim(sampleWorld());
  const kube = await startKubeSim(sampleCluster());
  const prod = aws.world.accounts[ACCOUNT]?.eks?.[REGION]?.clusters[0]?.cluster;
  if (!prod?.name) throw new Error('the sample world has no EKS cluster');
  // The EKS cluster's API server is the simulated one, trusting EKS tokens for this cluster.
  prod.endpoint = kube.url;
  prod.certificateAuthority = { data: Buffer.from(kube.caPem).toString('base64') };
  kube.world.eksCluster = prod.name;
  const s3 = await startS3rver([STAGING_BUCKET], { acceptAccessKeys: [ACCESS_KEY.accessKeyId] });
  const github = await startGitHubSim();
  const secrets = await startSecretsManagerSim({
    [GITHUB_SECRET_ARN]: JSON.stringify({ token: github.token }),
    [HMAC_SECRET_ARN]: 'step-handlers-key',
  });
  // As deployed: the credential and the key come from Secrets Manager, not the environment.
  const env: Record<string, string> = {
    STAGING_BUCKET,
    STAGING_PREFIX,
    STATETRAIL_ENDPOINTS: `ec2=${aws.url},sts=${aws.url},eks=${aws.url},s3=${s3.url},dynamodb=${aws.url},cloudtrail=${aws.url},secretsmanager=${secrets.url}`,
    // One lookup per scan: the attribute handler paces on the wall clock, and one call never waits.
    STATETRAIL_ATTRIBUTION_BUDGET: '1',
    STATETRAIL_TRAIL: `github:${github.repo.owner}/${github.repo.name}`,
    STATETRAIL_HMAC_KEY_SECRET_ARN: HMAC_SECRET_ARN,
    STATETRAIL_GITHUB_WAIT_UNIT_MS: '0',
    STATETRAIL_GITHUB_SECRET_ARN: GITHUB_SECRET_ARN,
    GITHUB_API_URL: github.url,
    AWS_ACCESS_KEY_ID: ACCESS_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: ACCESS_KEY.secretAccessKey,
    AWS_REGION: REGION,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return {
    aws,
    kube,
    s3,
    github,
    secrets,
    async close() {
      vi.unstubAllEnvs();
      await secrets.close();
      await github.close();
      await s3.close();
      await kube.close();
      await aws.close();
    },
  };
}

/** The execution input of a scan of the sample account's EC2 and EKS, with its EKS cluster. */
export function scanRequest(scanId: string) {
  return {
    scanId,
    aws: { regions: [REGION], services: ['ec2', 'eks'] },
    eksClusters: true,
  };
}

/** A Lambda context whose deadline is `remainingMs` away. */
export function lambdaContext(name: string, remainingMs = 60_000): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${REGION}:123456789012:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: `request-${name}`,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => remainingMs,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/** A Terraform state that manages the sample world's first VPC, written to a new directory. */
export async function vpcState(aws: AwsSim): Promise<string> {
  const vpc = ec2Region(aws.world, ACCOUNT, REGION).vpcs[0];
  if (!vpc?.VpcId) throw new Error('the sample world has no VPC');
  const path = join(await mkdtemp(join(tmpdir(), 'step-state-')), 'network.tfstate');
  const attributes = {
    id: vpc.VpcId,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${vpc.VpcId}`,
    cidr_block: vpc.CidrBlock,
    tags: Object.fromEntries((vpc.Tags ?? []).map((t) => [t.Key, t.Value])),
  };
  const state = {
    version: 4,
    terraform_version: '1.9.5',
    serial: 3,
    lineage: 'b9b7a3c2-0000-4000-8000-000000000002',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'aws_vpc',
        name: 'main',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 1, attributes, sensitive_attributes: [] }],
      },
    ],
  };
  await writeFile(path, JSON.stringify(state));
  return path;
}

/** A staged document of the staging bucket, read straight from s3rver. */
export async function stagedDocument(world: StepWorld, key: string): Promise<unknown> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const object = await world.s3.client.send(
    new GetObjectCommand({ Bucket: STAGING_BUCKET, Key: `${STAGING_PREFIX}${key}` }),
  );
  return JSON.parse((await object.Body?.transformToString()) ?? 'null');
}

/** The collect inputs the plan step staged for the Distributed Map's ItemReader. */
export async function stagedItems(world: StepWorld, scanId: string): Promise<CollectInput[]> {
  return (await stagedDocument(world, `scans/${scanId}/items.json`)) as CollectInput[];
}

/** The steps the state machine runs before the one a test is about, in its order. */
export type StepBefore = 'drift' | 'commit' | 'review';

/**
 * Runs the real handlers as the state machine would, up to (not including) `next`: plan, collect
 * of every item the plan returned, then drift against the VPC state, then commit. Handlers are
 * imported here, after startStepWorld set the environment they read at cold start.
 */
export async function runUpTo(world: StepWorld, scanId: string, next: StepBefore): Promise<void> {
  const { handler: plan } = await import('../../functions/plan.js');
  const { handler: collect } = await import('../../functions/collect.js');
  await plan(scanRequest(scanId) as never, lambdaContext('plan'));
  const items = await stagedItems(world, scanId);
  await Promise.all(items.map((item) => collect(item as never, lambdaContext('collect'))));
  if (next === 'drift') return;
  const { handler: drift } = await import('../../functions/drift.js');
  const state = await vpcState(world.aws);
  await drift({ scanId, states: [{ location: state }] } as never, lambdaContext('drift'));
  if (next === 'commit') return;
  const { handler: commit } = await import('../../functions/commit.js');
  await commit({ scanId } as never, lambdaContext('commit'));
}
