import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type { z } from 'zod';
import {
  type PlanStepDeps,
  PlanStepInput,
  type PlanStepOutput,
  planStep,
} from '../lib/pipeline/plan-step.js';
import { createFunctionClients } from './shared/clients.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start and reused while the Lambda stays warm.
const clients = createFunctionClients(parseFunctionEnv());
const deps: PlanStepDeps = { staging: clients.staging, aws: clients.aws, logger };

async function planScan(event: z.output<typeof PlanStepInput>): Promise<PlanStepOutput> {
  return planStep(event, deps);
}

/**
 * The plan step as a Lambda: a scan request (the execution's input) in; the collect inputs a
 * Distributed Map iterates (`ItemsPath: $.items`) out, the plan staged.
 */
export const handler = middy(planScan)
  .use(injectLambdaContext(powertoolsLogger))
  .use(parser({ schema: PlanStepInput }));
