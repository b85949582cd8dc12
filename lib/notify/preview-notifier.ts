import type { NotifyMessage } from './message.js';
import type { Notifier } from './notifier.js';
import { renderSns } from './sns-render.js';

/** Where a preview is written (the CLI's standard error, so `--format json` stays parseable). */
export interface PreviewNotifierOptions {
  write: (text: string) => unknown;
  /** The configured notifiers' kinds, named in the preview (`slack, sns`). */
  targets: readonly string[];
}

/**
 * A {@link Notifier} that prints what would be sent instead of sending it: the plain-text form
 * every channel carries (subject and body), and where it would go. For `statetrail scan` without
 * `--notify`.
 */
export function previewNotifier(options: PreviewNotifierOptions): Notifier {
  return {
    kind: 'preview',
    send(message: NotifyMessage) {
      const { subject, body } = renderSns(message);
      const to =
        options.targets.length === 0 ? 'no notifier configured' : options.targets.join(', ');
      options.write(`Would notify (${to}; send with --notify): ${subject}\n${body}\n`);
      return Promise.resolve();
    },
  };
}
