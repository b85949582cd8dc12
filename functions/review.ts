import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { systemClock } from '../lib/model/index.js';
import { ReviewInput, type ReviewOutput, review } from '../lib/pipeline/review.js';
import { createFunctionClients } from './shared/clients.js';
import { createDeadline, trackDeadline } from './shared/deadline.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start; GitHub waits (rate limits, pacing) never run past the invocation.
const deadline = createDeadline();
const clients = createFunctionClients(parseFunctionEnv(process.env, ['STATETRAIL_TRAIL']), {
  deadline,
});

async function reviewScan(event: ReviewInput): Promise<ReviewOutput> {
  return review(event, {
    staging: clients.staging,
    trail: await clients.trail(),
    reviewer: await clients.reviewer(),
    logger,
    clock: systemClock,
  });
}

/** The review step as a Lambda: `{ scanId }` in; the drift PRs, prune PRs and dashboard it kept out. */
export const handler = middy(reviewScan)
  .use(injectLambdaContext(powertoolsLogger))
  .use(trackDeadline(deadline))
  .use(parser({ schema: ReviewInput }));
