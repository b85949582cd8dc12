import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type SfnSim, startSfnSim } from '../sim/aws/sfn-server.js';
import { type S3rverFixture, startS3rver } from '../sim/s3/s3rver.js';
import { lambdaContext } from './step-world.js';

const ACCESS_KEY = {
  id: 'AKIASIMSAMPLE0000001',
  secret: 'sim/sample/secret/key/0000000000000000000',
};
const CALLER = 'arn:aws:iam::123456789012:user/alice';

type Handler = typeof import('../../functions/api.js').handler;
let sfn: SfnSim;
let s3: S3rverFixture;
let handler: Handler;

beforeAll(async () => {
  sfn = await startSfnSim();
  s3 = await startS3rver(['staging-bucket'], { acceptAccessKeys: [ACCESS_KEY.id] });
  const env: Record<string, string> = {
    STAGING_BUCKET: 'staging-bucket',
    STAGING_PREFIX: 'staging/',
    STATETRAIL_ENDPOINTS: `states=${sfn.url},s3=${s3.url}`,
    STATE_MACHINE_ARN: sfn.stateMachineArn,
    STATETRAIL_SFN_BACKOFF_MS: '0',
    AWS_ACCESS_KEY_ID: ACCESS_KEY.id,
    AWS_SECRET_ACCESS_KEY: ACCESS_KEY.secret,
    AWS_REGION: 'eu-west-1',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  ({ handler } = await import('../../functions/api.js'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await s3.close();
  await sfn.close();
});
beforeEach(() => {
  sfn.faults.clear();
  sfn.calls.length = 0;
});

/** An HTTP API event (payload 2.0) as API Gateway sends it after IAM authorization. */
function event(
  method: string,
  path: string,
  body?: unknown,
  caller: string | null = CALLER,
): APIGatewayProxyEventV2 {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    isBase64Encoded: text !== undefined,
    ...(text !== undefined ? { body: Buffer.from(text).toString('base64') } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api1',
      domainName: 'api1.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'api1',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'curl' },
      requestId: 'req-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '07/Dec/2026:10:00:00 +0000',
      timeEpoch: 0,
      ...(caller
        ? {
            authorizer: {
              iam: {
                accessKey: ACCESS_KEY.id,
                accountId: '123456789012',
                callerId: 'AIDA',
                principalOrgId: null,
                userArn: caller,
                userId: 'AIDA',
              },
            },
          }
        : {}),
    },
  } as APIGatewayProxyEventV2;
}

async function call(e: APIGatewayProxyEventV2) {
  const result = await handler(e as never, lambdaContext('api'));
  return { ...result, json: JSON.parse(result.body) as Record<string, unknown> };
}

describe('api handler', () => {
  it('refuses a request without an IAM identity (403), asking Step Functions nothing', async () => {
    const answer = await call(event('POST', '/scans', {}, null));
    expect(answer.statusCode).toBe(403);
    expect(sfn.calls).toEqual([]);
  });

  it('starts a scan through Step Functions: 202 with the scan id, the api trigger as input', async () => {
    const answer = await call(event('POST', '/scans', { scope: { regions: ['eu-west-1'] } }));
    expect(answer.statusCode).toBe(202);
    expect(answer.headers['content-type']).toBe('application/json');
    const scanId = String(answer.json['scanId']);
    expect(scanId).toMatch(/^api-[0-9a-f-]{36}$/);
    expect(sfn.executions.get(scanId)?.input).toBe(
      '{"trigger":"api","scope":{"regions":["eu-west-1"]}}',
    );
  });

  it('answers a replayed client token with the same id, after the scan finished too', async () => {
    const body = { clientToken: 'token-1' };
    const first = await call(event('POST', '/scans', body));
    const scanId = String(first.json['scanId']);
    sfn.finish(scanId, 'SUCCEEDED');
    const replay = await call(event('POST', '/scans', body));
    expect(replay.statusCode).toBe(202);
    expect(replay.json).toEqual({ scanId, status: 'SUCCEEDED' });
    expect([...sfn.executions.keys()].filter((name) => name === scanId)).toHaveLength(1);
    expect(sfn.calls.map((c) => `${c.action} ${c.status}`)).toContain('StartExecution 400');
  });

  it('retries a throttled StartExecution and answers 503 when Step Functions stays down', async () => {
    sfn.faults.throttle('StartExecution', 2);
    expect((await call(event('POST', '/scans'))).statusCode).toBe(202);
    sfn.faults.fail('*', 10);
    const down = await call(event('POST', '/scans'));
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(JSON.stringify(down.json)).not.toMatch(/arn:|ServiceUnavailable/);
  });

  it("answers a scan's status from DescribeExecution and its staged summary once done", async () => {
    const started = await call(event('POST', '/scans'));
    const scanId = String(started.json['scanId']);
    const running = await call(event('GET', `/scans/${scanId}`));
    expect(running.json).toMatchObject({ scanId, status: 'RUNNING' });
    expect(running.json['summary']).toBeUndefined();
    sfn.finish(scanId, 'FAILED', { error: 'LeaseHeldError', cause: 'held by scan-x until ...' });
    await s3.client.send(
      new PutObjectCommand({
        Bucket: 'staging-bucket',
        Key: `staging/scans/${scanId}/review.json`,
        Body: JSON.stringify({ scanId, baseline: false, opened: [4], updated: [], closed: [] }),
      }),
    );
    const failed = await call(event('GET', `/scans/${scanId}`));
    expect(failed.json).toMatchObject({
      status: 'FAILED',
      error: 'LeaseHeldError',
      summary: { review: { baseline: false, opened: [4], updated: [], closed: [] } },
    });
    // The cause (free text from the step) is not answered.
    expect(failed.body).not.toContain('held by');
    expect((await call(event('GET', '/scans/never-started'))).statusCode).toBe(404);
  });

  it('answers GET /drift 404 before any report, then the latest one', async () => {
    expect((await call(event('GET', '/drift'))).statusCode).toBe(404);
    const report = {
      version: 1,
      generatedAt: '2026-12-07T10:00:00Z',
      scopes: [
        {
          scope: 'aws/111111111111/eu-west-1',
          complete: true,
          managed: 0,
          unmanaged: 0,
          missing: 0,
          coverage: 0,
        },
      ],
      summary: {
        total: 0,
        managed: 0,
        unmanaged: 0,
        missing: 0,
        changed: 0,
        managedElsewhere: 0,
        accepted: 0,
        coverage: 0,
      },
      unmanaged: [],
      missing: [],
      changed: [],
      managedElsewhere: [],
      accepted: [],
    };
    const latest = {
      version: 1,
      latestScanId: 'scan-1',
      scopes: { 'aws/111111111111/eu-west-1': { scanId: 'scan-1' } },
      reports: { 'scan-1': report },
    };
    await s3.client.send(
      new PutObjectCommand({
        Bucket: 'staging-bucket',
        Key: 'staging/latest/drift.json',
        Body: JSON.stringify(latest),
      }),
    );
    const answer = await call(event('GET', '/drift'));
    expect(answer.statusCode).toBe(200);
    expect(answer.json).toEqual(report);
  });

  it('answers 404 and 405 for other routes and methods', async () => {
    expect((await call(event('GET', '/nope'))).statusCode).toBe(404);
    const wrong = await call(event('PUT', '/scans'));
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers['allow']).toBe('POST');
  });
});
