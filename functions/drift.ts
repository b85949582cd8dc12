import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { systemClock } from '../lib/model/index.js';
import { DriftStepInput, type DriftStepOutput, drift } from '../lib/pipeline/drift.js';
import { createFunctionClients } from './shared/clients.js';
import { createDeadline, trackDeadline } from './shared/deadline.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start; the trail (for .statetrailignore and accepted drift) opens on first use.
// HCP Terraform tokens named by tokenSecretArn need a ReadSecret here: the deploy branch's
// functions/shared/secrets.ts supplies it (until then tokens come from the environment only).
const deadline = createDeadline();
const clients = createFunctionClients(parseFunctionEnv(process.env, ['STATETRAIL_TRAIL']), {
  deadline,
});

/** What the drift step returns to the state machine: the summary (the report itself is staged). */
export interface DriftFunctionOutput {
  readonly scanId: string;
  readonly summary: DriftStepOutput['report']['summary'];
  readonly errors: readonly string[];
}

async function driftScan(event: DriftStepInput): Promise<DriftFunctionOutput> {
  const output = await drift(event, {
    staging: clients.staging,
    trail: await clients.trail(),
    logger,
    clock: systemClock,
    s3: clients.stateBucket(event.states.map((state) => state.location)),
    tfe: clients.tfe,
  });
  return { scanId: event.scanId, summary: output.report.summary, errors: output.errors };
}

/**
 * The drift step as a Lambda: `{ scanId, states }` in; the report staged as
 * `scans/<id>/drift.json` (Step Functions' 256 KB payload limit), its summary out.
 */
export const handler = middy(driftScan)
  .use(injectLambdaContext(powertoolsLogger))
  .use(trackDeadline(deadline))
  .use(parser({ schema: DriftStepInput }));
