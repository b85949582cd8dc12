import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SNSClient } from '@aws-sdk/client-sns';
import type { NotifyConfig } from '../config/schema.js';
import type { Clock } from '../model/index.js';
import type { ReadSecret } from '../model/secrets.js';
import { previewNotifier } from '../notify/preview-notifier.js';
import { buildNotifiers } from '../pipeline/notifiers.js';
import type { NotifyDeps, NotifyOutput } from '../pipeline/notify.js';
import type { CliIo } from './cli-io.js';

/**
 * The CLI's stand-in for Secrets Manager: a JSON file (`STATETRAIL_SECRETS_FILE`) mapping each
 * secret ARN to its value. A missing file or ARN makes that notifier report, not the scan fail.
 */
function fileSecrets(io: CliIo): ReadSecret {
  return async (arn) => {
    const file = io.env['STATETRAIL_SECRETS_FILE'];
    if (!file) throw new Error('STATETRAIL_SECRETS_FILE is not set');
    const secrets = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')) as unknown;
    const value = (secrets as Record<string, unknown> | null)?.[arn];
    if (typeof value !== 'string') throw new Error('secret not in STATETRAIL_SECRETS_FILE');
    return value;
  };
}

function wait(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function targetsOf(config: NotifyConfig): string[] {
  return [
    ...config.slack.map(() => 'slack'),
    ...config.sns.map(() => 'sns'),
    ...config.webhook.map(() => 'webhook'),
  ];
}

/**
 * The notify step's notifiers for `statetrail scan`: the config's with `--notify`; otherwise one
 * that prints what would be sent to standard error.
 */
export async function scanNotify(
  send: boolean,
  config: NotifyConfig,
  context: { io: CliIo; clock: Clock; endpoint: string | undefined },
): Promise<Pick<NotifyDeps, 'notifiers' | 'retry' | 'links'>> {
  const { io, clock, endpoint } = context;
  const links = {
    ...(config.dashboardUrl === undefined ? {} : { dashboard: config.dashboardUrl }),
    ...(config.reportUrl === undefined ? {} : { report: config.reportUrl }),
  };
  const retry = { sleep: io.sleep ?? wait };
  if (!send) {
    const preview = previewNotifier({
      write: (text) => io.stderr.write(text),
      targets: targetsOf(config),
    });
    return { notifiers: [preview], retry, links };
  }
  const notifiers = await buildNotifiers(config, {
    readSecret: io.readSecret ?? fileSecrets(io),
    sns: (region) =>
      new SNSClient({
        region,
        maxAttempts: 1,
        ...(endpoint === undefined ? {} : { endpoint }),
        ...(io.aws?.credentials ? { credentials: io.aws.credentials } : {}),
      }),
    now: () => clock.now().getTime(),
  });
  return { notifiers, retry, links };
}

/** One line per notifier that did not take a message, for standard error. */
export function notifyFailures(output: NotifyOutput | undefined): string[] {
  return (output?.sent ?? []).flatMap((sent) =>
    sent.results.flatMap((r) =>
      r.ok ? [] : [`notification (${sent.kind}) not sent: ${r.error ?? r.kind}`],
    ),
  );
}
