import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import {
  type CollectDeps,
  CollectInput,
  type CollectOutput,
  collect,
} from '../lib/pipeline/collect.js';
import { createFunctionClients, hmacKeyOf } from './shared/clients.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start and reused while the Lambda stays warm; nothing per-invocation here.
const env = parseFunctionEnv();
const clients = createFunctionClients(env);
const deps: CollectDeps = {
  staging: clients.staging,
  aws: clients.aws,
  kube: clients.kube,
  hmacKey: hmacKeyOf(env),
  logger,
};

async function collectTarget(event: CollectInput): Promise<CollectOutput> {
  return collect(event, deps);
}

/**
 * The collect step as a Lambda: one Distributed Map item (a planned target: AWS, Kubernetes or
 * EKS) in, its summary out.
 */
export const handler = middy(collectTarget)
  .use(injectLambdaContext(powertoolsLogger))
  .use(parser({ schema: CollectInput }));
