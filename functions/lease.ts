import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { systemClock } from '../lib/model/index.js';
import { leaseKey } from '../lib/pipeline/lease.js';
import {
  type AcquireOutput,
  LeaseInput,
  leaseStep,
  type ReleaseOutput,
} from '../lib/pipeline/lease-step.js';
import { createLeaseStore } from '../lib/wiring/lease-store.js';
import { parseLeaseFunctionEnv } from './shared/env.js';
import { powertoolsLogger } from './shared/logger.js';

// Built once per cold start.
const env = parseLeaseFunctionEnv(process.env);
const deps = {
  store: createLeaseStore({ table: env.LEASE_TABLE, endpoints: env.STATETRAIL_ENDPOINTS ?? {} }),
  clock: systemClock,
  ttlSeconds: env.LEASE_TTL_SECONDS,
  key: leaseKey(env.STATETRAIL_TRAIL),
};

function lease(event: LeaseInput): Promise<AcquireOutput | ReleaseOutput> {
  return leaseStep(event, deps);
}

/**
 * The trail's lease as a Lambda: `{ action: 'acquire' | 'release', scanId }` in;
 * `{ acquired, holder?, expiresAt? }` or `{ released }` out.
 */
export const handler = middy(lease)
  .use(injectLambdaContext(powertoolsLogger))
  .use(parser({ schema: LeaseInput }));
