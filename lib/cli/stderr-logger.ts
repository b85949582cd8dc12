import type { Logger } from '../model/index.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** A JSON-lines logger on standard error, from `level` up (default: errors only; the summary shows warnings). */
export function createStderrLogger(
  stderr: { write(text: string): unknown },
  level: string | undefined,
): Logger {
  const threshold = LEVELS.indexOf(
    (LEVELS as readonly string[]).includes(level ?? '') ? (level as Level) : 'error',
  );
  const log = (at: Level) => (message: string, details?: Record<string, unknown>) => {
    if (LEVELS.indexOf(at) < threshold) return;
    stderr.write(`${JSON.stringify({ level: at, message, ...details })}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
