import { ParseError } from '@aws-lambda-powertools/parser';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CollectInput, type CollectOutput, collect } from '../../lib/pipeline/collect.js';

// The handler's wiring is what this file tests, so the step itself is replaced; its schema stays real.
vi.mock('../../lib/pipeline/collect.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/pipeline/collect.js')>()),
  collect: vi.fn(),
}));

type Handler = typeof import('../../functions/collect.js').handler;
let handler: Handler;

beforeAll(async () => {
  // The handler reads its environment at import (cold start), so it is imported after this.
  vi.stubEnv('STAGING_BUCKET', 'staging-bucket');
  vi.stubEnv('STAGING_PREFIX', 'staging/');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  ({ handler } = await import('../../functions/collect.js'));
});

function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'collect',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:collect',
    memoryLimitInMB: '512',
    awsRequestId: 'request-1',
    logGroupName: '/aws/lambda/collect',
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 60_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

const event = {
  scanId: 'scan-1',
  planned: {
    key: 'aws-caller-eu-west-1-ec2',
    target: { kind: 'aws', account: {}, region: 'eu-west-1', service: 'ec2' },
  },
};

describe('collect handler', () => {
  it('rejects an event that is not a planned target with a parse error', async () => {
    const invalid = { scanId: 'scan-1', planned: { key: 'k', target: { kind: 'gcp' } } };
    await expect(handler(invalid as never, lambdaContext())).rejects.toBeInstanceOf(ParseError);
    expect(collect).not.toHaveBeenCalled();
  });

  it('hands a valid event to the collect step with the staging store and returns its output', async () => {
    const output: CollectOutput = {
      scanId: 'scan-1',
      key: event.planned.key,
      resources: 3,
      warnings: 0,
      complete: true,
    };
    vi.mocked(collect).mockResolvedValueOnce(output);
    await expect(handler(event as never, lambdaContext())).resolves.toEqual(output);
    // The handler passes on the parsed event, defaults filled in.
    expect(collect).toHaveBeenCalledWith(
      CollectInput.parse(event),
      expect.objectContaining({
        staging: expect.objectContaining({ put: expect.any(Function) }),
        aws: expect.objectContaining({ ec2: expect.any(Function) }),
        logger: expect.objectContaining({ info: expect.any(Function) }),
      }),
    );
  });
});
