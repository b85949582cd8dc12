import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { systemClock } from '../lib/model/index.js';
import { CommitInput, type CommitOutput, commit } from '../lib/pipeline/commit.js';
import { leaseKey } from '../lib/pipeline/lease.js';
import { createLeaseStore } from '../lib/wiring/lease-store.js';
import { createFunctionClients } from './shared/clients.js';
import { createDeadline, trackDeadline } from './shared/deadline.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start; GitHub waits (rate limits, pacing) never run past the invocation.
const deadline = createDeadline();
const env = parseFunctionEnv(process.env, ['STATETRAIL_TRAIL']);
const clients = createFunctionClients(env, { deadline });
// With a lease table, the step writes only while its scan holds the trail's lease (one GetItem).
const lease =
  env.LEASE_TABLE && env.STATETRAIL_TRAIL
    ? {
        store: createLeaseStore({
          table: env.LEASE_TABLE,
          endpoints: env.STATETRAIL_ENDPOINTS ?? {},
        }),
        clock: systemClock,
        key: leaseKey(env.STATETRAIL_TRAIL),
      }
    : undefined;

async function commitScan(event: CommitInput): Promise<CommitOutput> {
  const trail = await clients.trail();
  return commit(event, { staging: clients.staging, trail, logger, ...(lease ? { lease } : {}) });
}

/** The commit step as a Lambda: `{ scanId, persistScans? }` in; one trail commit (or none) and its summary out. */
export const handler = middy(commitScan)
  .use(injectLambdaContext(powertoolsLogger))
  .use(trackDeadline(deadline))
  .use(parser({ schema: CommitInput }));
