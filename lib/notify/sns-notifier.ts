import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { isRetryableStatus, NotifySendError } from './errors.js';
import type { NotifyMessage } from './message.js';
import type { Notifier } from './notifier.js';
import { renderSns } from './sns-render.js';

/** What an SNS notifier needs: a client built by the caller (once per cold start) and a topic. */
export interface SnsNotifierOptions {
  client: Pick<SNSClient, 'send'>;
  topicArn: string;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata
    ?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/** A {@link Notifier} publishing a subject and plain-text body to an SNS topic (email subscribers). */
export function snsNotifier(options: SnsNotifierOptions): Notifier {
  return {
    kind: 'sns',
    async send(message: NotifyMessage) {
      const { subject, body } = renderSns(message);
      try {
        await options.client.send(
          new PublishCommand({ TopicArn: options.topicArn, Subject: subject, Message: body }),
        );
      } catch (error) {
        const status = statusOf(error);
        // No status: the request never got an answer (network), worth another try.
        throw new NotifySendError(
          status === undefined ? 'sns notifier: network error' : `sns notifier answered ${status}`,
          {
            retryable: status === undefined || isRetryableStatus(status),
            ...(status === undefined ? {} : { status }),
          },
        );
      }
    },
  };
}
