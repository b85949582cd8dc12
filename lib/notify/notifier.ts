import type { NotifyMessage } from './message.js';

/** The port every notification channel implements: deliver one message, or throw. */
export interface Notifier {
  /** `slack`, `sns`, `webhook`: what results and errors name (never a URL). */
  readonly kind: string;
  /** Throws a `NotifySendError` (retryable or not) when the channel did not take the message. */
  send(message: NotifyMessage): Promise<void>;
}
