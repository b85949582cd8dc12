import type { NotifyConfig } from '../config/schema.js';
import type { ReadSecret } from '../model/secrets.js';
import { NotifySendError } from '../notify/errors.js';
import type { FetchLike } from '../notify/http-post.js';
import type { Notifier } from '../notify/notifier.js';
import { slackNotifier } from '../notify/slack-notifier.js';
import { type SnsNotifierOptions, snsNotifier } from '../notify/sns-notifier.js';
import { webhookNotifier } from '../notify/webhook-notifier.js';

/** What building the configured notifiers needs: the secrets port and the clients. */
export interface BuildNotifiersDeps {
  readonly readSecret: ReadSecret;
  /** An SNS client for a region (the topic ARN's), built by the composition root. */
  readonly sns: (region: string) => SnsNotifierOptions['client'];
  /** Now, in milliseconds since the epoch (the webhook signature's timestamp). */
  readonly now: () => number;
  readonly fetch?: FetchLike;
}

// A notifier whose secret could not be read: it reports that when asked to send, and the others
// still send. The secret's ARN is not repeated (ARNs are not secret, but the report stays terse).
function unreadable(kind: string): Notifier {
  return {
    kind,
    send: () =>
      Promise.reject(
        new NotifySendError(`${kind} notifier: its secret could not be read`, { retryable: false }),
      ),
  };
}

async function secrets(
  kind: string,
  arns: readonly string[],
  readSecret: ReadSecret,
): Promise<string[] | Notifier> {
  try {
    return await Promise.all(arns.map((arn) => readSecret(arn)));
  } catch {
    return unreadable(kind);
  }
}

function regionOf(topicArn: string): string {
  return topicArn.split(':')[3] ?? 'us-east-1';
}

/**
 * The notifiers the config's `notify` section names, in its order (Slack, SNS, webhooks); webhook
 * URLs and signing secrets are read through `readSecret` and used only to send.
 */
export async function buildNotifiers(
  config: NotifyConfig,
  deps: BuildNotifiersDeps,
): Promise<Notifier[]> {
  const fetchOption = deps.fetch === undefined ? {} : { fetch: deps.fetch };
  const slack = await Promise.all(
    config.slack.map(async (entry) => {
      const read = await secrets('slack', [entry.webhookUrlSecretArn], deps.readSecret);
      if (!Array.isArray(read)) return read;
      const [webhookUrl = ''] = read;
      return slackNotifier({
        webhookUrl: webhookUrl.trim(),
        ...(entry.top === undefined ? {} : { top: entry.top }),
        ...fetchOption,
      });
    }),
  );
  const sns = config.sns.map((entry) =>
    snsNotifier({ client: deps.sns(regionOf(entry.topicArn)), topicArn: entry.topicArn }),
  );
  const webhooks = await Promise.all(
    config.webhook.map(async (entry) => {
      const read = await secrets(
        'webhook',
        [entry.urlSecretArn, entry.signingSecretArn],
        deps.readSecret,
      );
      if (!Array.isArray(read)) return read;
      const [url = '', secret = ''] = read;
      return webhookNotifier({ url: url.trim(), secret, now: deps.now, ...fetchOption });
    }),
  );
  return [...slack, ...sns, ...webhooks];
}
