import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import {
  type CollectDeps,
  CollectInput,
  type CollectOutput,
  collect,
} from '../lib/pipeline/collect.js';
import { createFunctionClients, functionReadSecret, hmacKeyFor } from './shared/clients.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start and reused while the Lambda stays warm; nothing per-invocation here.
const env = parseFunctionEnv();
const readSecret = functionReadSecret(env);
const clients = createFunctionClients(env, { readSecret });
const deps: Omit<CollectDeps, 'hmacKey'> = {
  staging: clients.staging,
  aws: clients.aws,
  kube: clients.kube,
  logger,
};

async function collectTarget(event: CollectInput): Promise<CollectOutput> {
  // The key's secret is read on first use and cached (Powertools), never per resource.
  return collect(event, { ...deps, hmacKey: await hmacKeyFor(env, readSecret) });
}

/**
 * The collect step as a Lambda: one Distributed Map item (a planned target: AWS, Kubernetes or
 * EKS) in, its summary out.
 */
export const handler = middy(collectTarget)
  .use(injectLambdaContext(powertoolsLogger))
  .use(parser({ schema: CollectInput }));
