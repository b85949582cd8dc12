import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import { cloudTrailLookup } from '../lib/attribution/cloudtrail-lookup.js';
import { systemPaceClock } from '../lib/attribution/pacer.js';
import { AttributeInput, type AttributeSummary, attribute } from '../lib/pipeline/attribute.js';
import { createFunctionClients } from './shared/clients.js';
import { createDeadline, trackDeadline } from './shared/deadline.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';

// Built once per cold start; CloudTrail clients per member role and region come from the factory.
const deadline = createDeadline();
const env = parseFunctionEnv(process.env, ['STATETRAIL_TRAIL']);
const clients = createFunctionClients(env, { deadline });
const lookup = cloudTrailLookup((account, region) => clients.aws.cloudtrail(account, region));

async function attributeScan(event: AttributeInput): Promise<AttributeSummary> {
  return attribute(event, {
    staging: clients.staging,
    trail: await clients.trail(),
    lookup,
    paceClock: systemPaceClock,
    logger,
    ...(env.STATETRAIL_SCANNER_PRINCIPALS && { scanner: env.STATETRAIL_SCANNER_PRINCIPALS }),
    ...(env.STATETRAIL_ATTRIBUTION_BUDGET !== undefined && {
      budget: env.STATETRAIL_ATTRIBUTION_BUDGET,
    }),
  });
}

/**
 * The attribute step as a Lambda: `{ scanId }` in; stages `scans/<id>/attribution.json` (who
 * changed each drifted or changed resource) and returns how many paths it attributed or skipped.
 */
export const handler = middy(attributeScan)
  .use(injectLambdaContext(powertoolsLogger))
  .use(trackDeadline(deadline))
  .use(parser({ schema: AttributeInput }));
