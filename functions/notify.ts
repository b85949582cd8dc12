import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { SNSClient } from '@aws-sdk/client-sns';
import middy from '@middy/core';
import { z } from 'zod';
import { NotifyConfig } from '../lib/config/schema.js';
import { systemClock } from '../lib/model/index.js';
import { buildNotifiers } from '../lib/pipeline/notifiers.js';
import { NotifyInput, type NotifyOutput, notify } from '../lib/pipeline/notify.js';
import { createFunctionClients } from './shared/clients.js';
import { parseFunctionEnv } from './shared/env.js';
import { logger, powertoolsLogger } from './shared/logger.js';
import { createReadSecret } from './shared/secrets.js';

// Built once per cold start: the config's `notify` section arrives as JSON (ARNs only, no values).
const env = parseFunctionEnv(process.env, ['STATETRAIL_TRAIL']);
const clients = createFunctionClients(env);
const snsEndpoint = env.STATETRAIL_ENDPOINTS?.['sns'];
// Powertools Parameters caches each notifier secret for a while, so a warm start reads it rarely.
const readSecret = createReadSecret({ endpoint: env.STATETRAIL_ENDPOINTS?.['secretsmanager'] });
const notifyConfig = NotifyConfig.parse(
  z
    .string()
    .default('{}')
    .transform((text) => JSON.parse(text) as unknown)
    .parse(process.env['STATETRAIL_NOTIFY']),
);
const snsClients = new Map<string, SNSClient>();
function snsClient(region: string): SNSClient {
  const existing = snsClients.get(region);
  if (existing) return existing;
  const client = new SNSClient({
    region,
    maxAttempts: 1,
    ...(snsEndpoint === undefined ? {} : { endpoint: snsEndpoint }),
  });
  snsClients.set(region, client);
  return client;
}
const wait = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

async function notifyScan(event: NotifyInput): Promise<NotifyOutput> {
  // Secrets are read per invocation (the reader caches): a rotated webhook URL is picked up.
  const notifiers = await buildNotifiers(notifyConfig, {
    readSecret,
    sns: snsClient,
    now: () => systemClock.now().getTime(),
  });
  return notify(event, {
    staging: clients.staging,
    trail: await clients.trail(),
    logger,
    clock: systemClock,
    notifiers,
    retry: { sleep: wait },
    links: {
      ...(notifyConfig.dashboardUrl === undefined ? {} : { dashboard: notifyConfig.dashboardUrl }),
      ...(notifyConfig.reportUrl === undefined ? {} : { report: notifyConfig.reportUrl }),
    },
  });
}

/** The notify step as a Lambda: `{ scanId, failed? }` in; what each notifier took out. */
export const handler = middy(notifyScan)
  .use(injectLambdaContext(powertoolsLogger))
  .use(parser({ schema: NotifyInput }));
