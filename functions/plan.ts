import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type { z } from 'zod';
import { type PlanStepDeps, PlanStepInput, planStep } from '../lib/pipeline/plan-step.js';
import { createFunctionClients } from './shared/clients.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start and reused while the Lambda stays warm.
const clients = createFunctionClients(parseFunctionEnv());
const deps: PlanStepDeps = { staging: clients.staging, aws: clients.aws, logger };

/** What the plan step returns to the state machine: the items' staging key, never the items. */
export interface PlanFunctionOutput {
  readonly scanId: string;
  readonly targets: number;
  /** `scans/<id>/items.json` under the staging prefix: the Distributed Map's ItemReader key. */
  readonly itemsKey: string;
}

async function planScan(event: z.output<typeof PlanStepInput>): Promise<PlanFunctionOutput> {
  const { scanId, items, itemsKey } = await planStep(event, deps);
  return { scanId, targets: items.length, itemsKey };
}

/**
 * The plan step as a Lambda: a scan request in; the plan and the collect inputs staged (the
 * items as one JSON array, which the Distributed Map reads from S3), their count and key out.
 */
export const handler = middy(planScan)
  .use(injectLambdaContext(powertoolsLogger))
  .use(parser({ schema: PlanStepInput }));
