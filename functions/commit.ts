import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { CommitInput, type CommitOutput, commit } from '../lib/pipeline/commit.js';
import { createFunctionClients } from './shared/clients.js';
import { createDeadline, trackDeadline } from './shared/deadline.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start; GitHub waits (rate limits, pacing) never run past the invocation.
const deadline = createDeadline();
const clients = createFunctionClients(parseFunctionEnv(process.env, ['STATETRAIL_TRAIL']), {
  deadline,
});

async function commitScan(event: CommitInput): Promise<CommitOutput> {
  return commit(event, { staging: clients.staging, trail: await clients.trail(), logger });
}

/** The commit step as a Lambda: `{ scanId }` in; one trail commit (or none) and its summary out. */
export const handler = middy(commitScan)
  .use(injectLambdaContext(powertoolsLogger))
  .use(trackDeadline(deadline))
  .use(parser({ schema: CommitInput }));
