import { type FetchLike, postOrThrow } from './http-post.js';
import type { NotifyMessage } from './message.js';
import type { Notifier } from './notifier.js';
import { renderSlack, SLACK_DEFAULT_TOP } from './slack-render.js';

/** What a Slack notifier needs: the incoming webhook's URL is a secret, used only to send. */
export interface SlackNotifierOptions {
  webhookUrl: string;
  /** Entries listed before "and N more" (default 10). */
  top?: number;
  fetch?: FetchLike;
}

/** A {@link Notifier} posting Block Kit messages to a Slack incoming webhook. */
export function slackNotifier(options: SlackNotifierOptions): Notifier {
  const fetchImpl = options.fetch ?? fetch;
  return {
    kind: 'slack',
    send(message: NotifyMessage) {
      const body = JSON.stringify(renderSlack(message, options.top ?? SLACK_DEFAULT_TOP));
      return postOrThrow('slack', fetchImpl, options.webhookUrl, {
        body,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}
