import { randomUUID } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { SFNClient } from '@aws-sdk/client-sfn';
import middy from '@middy/core';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { z } from 'zod';
import { type ApiDeps, handleApiRequest } from '../lib/api/handle-request.js';
import {
  HttpApiEvent,
  type HttpApiResult,
  requestOf,
  toHttpResult,
  UNSIGNED,
} from '../lib/api/http-event.js';
import { sfnExecutions } from '../lib/api/sfn-executions.js';
import { createFunctionClients } from './shared/clients.js';
import { parseFunctionEnv } from './shared/env.js';
import { EnvironmentError } from './shared/errors.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start and reused while the Lambda stays warm.
const env = parseFunctionEnv();
const ApiEnv = z.object({
  STATE_MACHINE_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]+$/),
  /** Tests: the base of Step Functions' retry backoff (ms; the n-th retry waits base × 2^n). */
  STATETRAIL_SFN_BACKOFF_MS: z.coerce.number().int().min(0).default(100),
});
const machine = ApiEnv.safeParse(process.env);
if (!machine.success) {
  throw new EnvironmentError(`Invalid function environment:\n${z.prettifyError(machine.error)}`);
}
const { STATE_MACHINE_ARN, STATETRAIL_SFN_BACKOFF_MS: backoff } = machine.data;
const clients = createFunctionClients(env);
const sfnEndpoint = env.STATETRAIL_ENDPOINTS?.['states'];
const deps: ApiDeps = {
  executions: sfnExecutions({
    client: new SFNClient({
      ...(sfnEndpoint ? { endpoint: sfnEndpoint } : {}),
      // Throttling and 5xx answers are retried 3 times with exponential backoff, then a 503.
      retryStrategy: new ConfiguredRetryStrategy(4, (attempt) => backoff * 2 ** attempt),
    }),
    stateMachineArn: STATE_MACHINE_ARN,
  }),
  staging: clients.staging,
  logger,
  newId: randomUUID,
};

async function answer(event: z.output<typeof HttpApiEvent>): Promise<HttpApiResult> {
  const request = requestOf(event);
  if (request === undefined) {
    logger.warn('Unsigned request refused', { path: event.rawPath });
    return toHttpResult(UNSIGNED);
  }
  return toHttpResult(await handleApiRequest(request, deps));
}

/**
 * The HTTP API (payload format 2.0, IAM authorization): `POST /scans`, `GET /scans/{id}`,
 * `GET /drift`. A request without an IAM identity is refused here too.
 */
export const handler = middy(answer)
  .use(injectLambdaContext(powertoolsLogger))
  .use(parser({ schema: HttpApiEvent }));
