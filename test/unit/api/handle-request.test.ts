import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExecutionsUnavailableError } from '../../../lib/api/errors.js';
import type { ExecutionStatus, ScanExecutions } from '../../../lib/api/executions.js';
import { type ApiDeps, handleApiRequest } from '../../../lib/api/handle-request.js';
import type { ApiRequest } from '../../../lib/api/schema.js';
import type { DriftReport } from '../../../lib/drift/schema.js';
import { silentLogger } from '../../../lib/model/index.js';
import { DirStagingStore } from '../../../lib/pipeline/dir-staging-store.js';
import { publishLatestDrift } from '../../../lib/pipeline/latest-drift.js';

const CALLER = 'arn:aws:iam::123456789012:user/alice';

/** Executions in memory, as Step Functions keeps them: by name, the second start of a name refused. */
function memoryExecutions() {
  const started = new Map<string, ExecutionStatus>();
  const executions: ScanExecutions & { started: typeof started; down: boolean } = {
    started,
    down: false,
    async start(name, input) {
      if (executions.down) throw new ExecutionsUnavailableError('states:StartExecution failed');
      if (started.has(name)) return 'exists';
      started.set(name, { status: 'RUNNING', startedAt: new Date('2026-12-07T10:00:00Z'), input });
      return 'started';
    },
    async describe(name) {
      if (executions.down) throw new ExecutionsUnavailableError('states:DescribeExecution failed');
      return started.get(name);
    },
  };
  return executions;
}

let executions: ReturnType<typeof memoryExecutions>;
let deps: ApiDeps;
let ids: number;

beforeEach(async () => {
  executions = memoryExecutions();
  ids = 0;
  deps = {
    executions,
    staging: new DirStagingStore({ root: await mkdtemp(join(tmpdir(), 'api-')) }),
    logger: silentLogger,
    newId: () => `fresh-${++ids}`,
  };
});

function request(method: string, path: string, body?: unknown): ApiRequest {
  return {
    method,
    path,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    caller: CALLER,
  };
}

describe('POST /scans', () => {
  it('starts an execution with the api trigger and the scope, answering 202 with its id', async () => {
    const scope = { regions: ['eu-west-1'], clusters: ['prod'] };
    const answer = await handleApiRequest(request('POST', '/scans', { scope }), deps);
    expect(answer).toEqual({ status: 202, body: { scanId: 'api-fresh-1', status: 'RUNNING' } });
    expect(JSON.parse(executions.started.get('api-fresh-1')?.input ?? '')).toEqual({
      trigger: 'api',
      scope,
    });
  });

  it('starts a fresh scan for each request without a token, and for an empty body', async () => {
    await handleApiRequest(request('POST', '/scans'), deps);
    await handleApiRequest(request('POST', '/scans', {}), deps);
    expect([...executions.started.keys()]).toEqual(['api-fresh-1', 'api-fresh-2']);
    expect(executions.started.get('api-fresh-1')?.input).toBe('{"trigger":"api"}');
  });

  it('answers a replayed client token with the same scan id, starting nothing new', async () => {
    const body = { clientToken: 'b2c8f1d0-retry', scope: { accounts: ['111111111111'] } };
    const first = await handleApiRequest(request('POST', '/scans', body), deps);
    const replay = await handleApiRequest(request('POST', '/scans', body), deps);
    expect(first.status).toBe(202);
    expect(replay).toEqual(first);
    expect(executions.started.size).toBe(1);
    const [name] = executions.started.keys();
    expect(name).toMatch(/^api-[0-9a-f]{40}$/);
    // The token is hashed with the caller: nobody else's token names this scan.
    const other = await handleApiRequest(
      { ...request('POST', '/scans', body), caller: `${CALLER}2` },
      deps,
    );
    expect((other.body as { scanId: string }).scanId).not.toBe(name);
  });

  it('refuses a replayed token with another scope (409) instead of answering for another scan', async () => {
    await handleApiRequest(request('POST', '/scans', { clientToken: 't-1' }), deps);
    const answer = await handleApiRequest(
      request('POST', '/scans', { clientToken: 't-1', scope: { regions: ['eu-west-1'] } }),
      deps,
    );
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ field: 'clientToken' });
  });

  it.each([
    ['{not json', '(body)'],
    [{ scope: { regions: ['Mars-1'] } }, 'scope.regions.0'],
    [{ scope: { accounts: [] } }, 'scope.accounts'],
    [{ scope: { vpcs: ['x'] } }, 'scope'],
    [{ clientToken: 'with space' }, 'clientToken'],
    [[1], '(body)'],
  ])('answers 400 naming the field for %j, starting nothing', async (body, field) => {
    const answer = await handleApiRequest(request('POST', '/scans', body), deps);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ field });
    expect((answer.body as { message: string }).message).toMatch(
      new RegExp(`^${field.replace(/[().]/g, '\\$&')}`),
    );
    expect(executions.started.size).toBe(0);
  });

  it('answers 503 when Step Functions cannot be reached', async () => {
    executions.down = true;
    const answer = await handleApiRequest(request('POST', '/scans'), deps);
    expect(answer.status).toBe(503);
    expect(answer.headers).toEqual({ 'retry-after': '5' });
  });
});

describe('GET /scans/{id}', () => {
  it("answers a running scan's status without a summary", async () => {
    await handleApiRequest(request('POST', '/scans'), deps);
    const answer = await handleApiRequest(request('GET', '/scans/api-fresh-1'), deps);
    expect(answer).toEqual({
      status: 200,
      body: { scanId: 'api-fresh-1', status: 'RUNNING', startedAt: '2026-12-07T10:00:00.000Z' },
    });
  });

  it('answers a finished scan with the summary of its staged commit, drift and review', async () => {
    executions.started.set('scan-9', {
      status: 'SUCCEEDED',
      startedAt: new Date('2026-12-07T10:00:00Z'),
      stoppedAt: new Date('2026-12-07T10:05:00Z'),
    });
    await deps.staging.put('scans/scan-9/commit.json', {
      scanId: 'scan-9',
      commit: 'abc123',
      added: 2,
      changed: 1,
      removed: 0,
      rewritten: 0,
      resources: 40,
      scopes: [{ scope: 'aws/111111111111/eu-west-1', complete: true }],
      warnings: [{ code: 'denied', target: 'x', message: 'm' }],
      calls: { ec2: 3 },
    });
    await deps.staging.put('scans/scan-9/drift.json', {
      report: {
        summary: {
          total: 3,
          managed: 2,
          unmanaged: 1,
          missing: 0,
          changed: 0,
          managedElsewhere: 0,
          accepted: 0,
          coverage: 2 / 3,
        },
      },
      errors: ['s3://secret-bucket/key could not be read'],
      terraform: {},
    });
    const answer = await handleApiRequest(request('GET', '/scans/scan-9'), deps);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      scanId: 'scan-9',
      status: 'SUCCEEDED',
      startedAt: '2026-12-07T10:00:00.000Z',
      stoppedAt: '2026-12-07T10:05:00.000Z',
      summary: {
        commit: {
          commit: 'abc123',
          added: 2,
          changed: 1,
          removed: 0,
          resources: 40,
          scopes: [{ scope: 'aws/111111111111/eu-west-1', complete: true }],
          warnings: 1,
        },
        // Counts only: the state errors' text stays in the logs.
        drift: {
          total: 3,
          managed: 2,
          unmanaged: 1,
          missing: 0,
          changed: 0,
          managedElsewhere: 0,
          accepted: 0,
          coverage: 2 / 3,
          unreadable: 1,
        },
      },
    });
  });

  it('answers a failed scan with its error name and whatever the steps staged', async () => {
    executions.started.set('scan-f', {
      status: 'FAILED',
      startedAt: new Date('2026-12-07T10:00:00Z'),
      stoppedAt: new Date('2026-12-07T10:01:00Z'),
      error: 'LeaseHeldError',
    });
    const answer = await handleApiRequest(request('GET', '/scans/scan-f'), deps);
    expect(answer.body).toMatchObject({ status: 'FAILED', error: 'LeaseHeldError', summary: {} });
  });

  it('answers 404 for an unknown scan and 400 for an id that is not one', async () => {
    expect((await handleApiRequest(request('GET', '/scans/nope'), deps)).status).toBe(404);
    const bad = await handleApiRequest(request('GET', '/scans/a%20b'), deps);
    expect(bad).toEqual({ status: 400, body: { message: 'id: not a scan id', field: 'id' } });
  });
});

describe('GET /drift', () => {
  it('answers 404 before any scan compared with Terraform state', async () => {
    expect((await handleApiRequest(request('GET', '/drift'), deps)).status).toBe(404);
  });

  it('answers the merged latest report of every scope', async () => {
    const report: DriftReport = {
      version: 1,
      generatedAt: '2026-12-07T10:00:00Z',
      scopes: [
        {
          scope: 'aws/111111111111/eu-west-1',
          complete: true,
          managed: 0,
          unmanaged: 1,
          missing: 0,
          coverage: 0,
        },
      ],
      summary: {
        total: 1,
        managed: 0,
        unmanaged: 1,
        missing: 0,
        changed: 0,
        managedElsewhere: 0,
        accepted: 0,
        coverage: 0,
      },
      unmanaged: [
        {
          type: 'aws_vpc',
          id: 'vpc-1',
          resourceType: 'AWS::EC2::VPC',
          path: 'aws/111111111111/eu-west-1/ec2/vpc/vpc-1.yaml',
        },
      ],
      missing: [],
      changed: [],
      managedElsewhere: [],
      accepted: [],
    };
    await publishLatestDrift(deps.staging, 'scan-1', report);
    expect(await handleApiRequest(request('GET', '/drift'), deps)).toEqual({
      status: 200,
      body: report,
    });
  });
});

describe('routing', () => {
  it('answers 404 for another path and 405 with Allow for another method', async () => {
    expect((await handleApiRequest(request('GET', '/'), deps)).status).toBe(404);
    expect((await handleApiRequest(request('GET', '/scans/a/b'), deps)).status).toBe(404);
    expect(await handleApiRequest(request('DELETE', '/drift'), deps)).toMatchObject({
      status: 405,
      headers: { allow: 'GET' },
    });
    expect(await handleApiRequest(request('GET', '/scans'), deps)).toMatchObject({
      status: 405,
      headers: { allow: 'POST' },
    });
    expect(executions.started.size).toBe(0);
  });
});
