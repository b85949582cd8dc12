import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { sampleWorld } from '../sim/aws/world.js';
import { sampleCluster } from '../sim/k8s/sample.js';
import { type KubeSim, startKubeSim } from '../sim/k8s/server.js';
import { freshTrailDir, git, statetrail } from './scan-helpers.js';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

describe('statetrail scan with kubernetes.eksClusters: every EKS cluster the AWS scan finds', () => {
  let aws: AwsSim;
  let kube: KubeSim;

  beforeAll(async () => {
    aws = await startAwsSim(sampleWorld());
    kube = await startKubeSim(sampleCluster());
    const prod = aws.world.accounts[ACCOUNT]?.eks?.[REGION]?.clusters[0]?.cluster;
    if (!prod?.name) throw new Error('the sample world has no EKS cluster');
    // The cluster's API server is the simulated one, trusting EKS tokens for this cluster.
    prod.endpoint = kube.url;
    prod.certificateAuthority = { data: Buffer.from(kube.caPem).toString('base64') };
    kube.world.eksCluster = prod.name;
  });
  afterAll(async () => {
    await kube.close();
    await aws.close();
  });

  it('exports the cluster through an IAM token, under <name>.<region>.<account>', async () => {
    const config = join(await mkdtemp(join(tmpdir(), 'eks-it-')), 'statetrail.yaml');
    await writeFile(
      config,
      [
        'aws:',
        `  regions: [${REGION}]`,
        '  services: [eks]',
        `  endpoints: { eks: "${aws.url}", sts: "${aws.url}" }`,
        'kubernetes:',
        '  eksClusters: true',
      ].join('\n'),
    );
    const trail = await freshTrailDir();
    const run = await statetrail(
      ['scan', '--config', config, '--trail', trail, '--format', 'json'],
      {
        env: { STATETRAIL_HMAC_KEY: 'eks-integration-key' },
      },
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.warnings).toEqual([]);
    expect(report.scopes).toContainEqual({
      scope: `k8s/prod.${REGION}.${ACCOUNT}`,
      complete: true,
    });
    expect(git(trail, 'ls-files', `k8s/prod.${REGION}.${ACCOUNT}/shop/apps/Deployment`)).toContain(
      'web.yaml',
    );
    expect(git(trail, 'ls-files', `aws/${ACCOUNT}/${REGION}/eks/cluster`)).toContain('prod.yaml');
    // The API server saw the token, never the access key's secret.
    expect(kube.calls.length).toBeGreaterThan(5);
  });
});
