import { type FetchLike, postOrThrow } from './http-post.js';
import type { NotifyMessage } from './message.js';
import type { Notifier } from './notifier.js';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature.js';
import { renderWebhook } from './webhook-render.js';

/** What a generic webhook needs: its URL and signing secret are used only to send. */
export interface WebhookNotifierOptions {
  url: string;
  secret: string;
  /** Now, in milliseconds since the epoch (the signature's timestamp). */
  now: () => number;
  fetch?: FetchLike;
}

/** A {@link Notifier} posting the JSON body, signed with HMAC-SHA256 over `<timestamp>.<body>`. */
export function webhookNotifier(options: WebhookNotifierOptions): Notifier {
  const fetchImpl = options.fetch ?? fetch;
  return {
    kind: 'webhook',
    send(message: NotifyMessage) {
      const body = renderWebhook(message);
      const timestamp = Math.floor(options.now() / 1000);
      return postOrThrow('webhook', fetchImpl, options.url, {
        body,
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(options.secret, timestamp, body),
        },
      });
    },
  };
}
