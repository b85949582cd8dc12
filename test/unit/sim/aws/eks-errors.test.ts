import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  type EKSClient,
  ListClustersCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../../../sim/aws/server.js';
import { sampleWorld } from '../../../sim/aws/world.js';
import { simEks } from './eks-client.js';
import { failureOf, SAMPLE_KEY } from './sim-client.js';

describe('EKS errors and faults, as the real SDK sees them', () => {
  let sim: AwsSim;
  let eks: EKSClient;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    ({ eks } = simEks(sim, { attempts: 3 }));
  });
  afterEach(() => {
    sim.faults.clear();
    sim.resetCalls();
  });
  afterAll(async () => {
    eks.destroy();
    await sim.close();
  });

  it('answers ResourceNotFoundException 404 for a cluster that does not exist', async () => {
    const error = await failureOf(eks.send(new DescribeClusterCommand({ name: 'nope' })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe('No cluster found for name: nope.');
    expect(error.$metadata).toMatchObject({ httpStatusCode: 404, attempts: 1 });
  });

  it('answers ResourceNotFoundException for what a missing cluster would hold', async () => {
    const list = await failureOf(eks.send(new ListNodegroupsCommand({ clusterName: 'nope' })));
    expect(list.name).toBe('ResourceNotFoundException');
    const describe = await failureOf(
      eks.send(new DescribeNodegroupCommand({ clusterName: 'prod', nodegroupName: 'nope' })),
    );
    expect(describe.name).toBe('ResourceNotFoundException');
    expect(describe.message).toBe('No node group found for name: nope.');
  });

  it.each([0, 101])('rejects maxResults %i with InvalidParameterException 400', async (max) => {
    const error = await failureOf(eks.send(new ListClustersCommand({ maxResults: max })));
    expect(error.name).toBe('InvalidParameterException');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('rejects a token it did not issue', async () => {
    const error = await failureOf(eks.send(new ListClustersCommand({ nextToken: 'nope' })));
    expect(error.name).toBe('InvalidParameterException');
  });

  it('answers ThrottlingException 429, which the SDK retries', async () => {
    sim.faults.throttle({ action: 'ListClusters', count: 2 });
    const out = await eks.send(new ListClustersCommand({}));
    expect(out.clusters).toStrictEqual(['prod']);
    expect(out.$metadata.attempts).toBe(3);
    expect(sim.calls.map((c) => [c.status, c.fault])).toStrictEqual([
      [429, 'throttle'],
      [429, 'throttle'],
      [200, undefined],
    ]);
  });

  it('answers AccessDeniedException 403 naming the caller, action and cluster, never retried', async () => {
    sim.faults.deny({ action: 'DescribeCluster' });
    const error = await failureOf(eks.send(new DescribeClusterCommand({ name: 'prod' })));
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toBe(
      'User: arn:aws:iam::111111111111:user/statetrail-scanner is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:eu-west-1:111111111111:cluster/prod',
    );
    expect(error.$metadata).toMatchObject({ httpStatusCode: 403, attempts: 1 });
    await expect(eks.send(new ListClustersCommand({}))).resolves.toBeDefined();
  });

  it.each([
    [500, 'ServerException'],
    [503, 'ServiceUnavailableException'],
  ])('answers %i as %s, retried then surfaced', async (status, name) => {
    sim.faults.fail({ action: 'ListClusters', count: 5, status });
    const error = await failureOf(eks.send(new ListClustersCommand({})));
    expect(error.name).toBe(name);
    expect(error.$metadata).toMatchObject({ httpStatusCode: status, attempts: 3 });
  });

  it('answers a truncated JSON body for a malformed fault', async () => {
    sim.faults.malformed({ action: 'DescribeCluster', count: 1 });
    await expect(eks.send(new DescribeClusterCommand({ name: 'prod' }))).rejects.toThrow();
    expect(sim.calls[0]?.fault).toBe('malformed');
  });

  it('leaves EKS alone when a fault is scoped to another service', async () => {
    sim.faults.deny({ action: '*', service: 'ec2' });
    await expect(eks.send(new ListClustersCommand({}))).resolves.toBeDefined();
  });

  it('answers UnrecognizedClientException 403 to an unknown access key', async () => {
    const { eks: stranger } = simEks(sim, { accessKeyId: 'AKIAUNKNOWN000000000' });
    const error = await failureOf(stranger.send(new ListClustersCommand({})));
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.$metadata.httpStatusCode).toBe(403);
    stranger.destroy();
  });

  it('puts the error code in x-amzn-errortype and the message in a JSON body', async () => {
    const response = await fetch(`${sim.url}/clusters/nope`, {
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=${SAMPLE_KEY}/20260101/eu-west-1/eks/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
        'x-amz-date': '20260101T000000Z',
      },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await response.json()).toStrictEqual({ message: 'No cluster found for name: nope.' });
  });

  it('writes timestamps as epoch seconds on the wire', async () => {
    const response = await fetch(`${sim.url}/clusters/prod`, {
      headers: {
        authorization: `AWS4-HMAC-SHA256 Credential=${SAMPLE_KEY}/20260101/eu-west-1/eks/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
        'x-amz-date': '20260101T000000Z',
      },
    });
    const body = (await response.json()) as { cluster: { createdAt: unknown } };
    expect(body.cluster.createdAt).toBe(Date.parse('2026-03-10T08:21:45.000Z') / 1000);
  });
});
