// Module customization hooks of record-imports.mjs: log each resolved URL, change nothing.
import { appendFileSync } from 'node:fs';

let log = '';

/** Receives the log file's path from register(). */
export function initialize(data) {
  log = data.log;
}

/** Resolves as the next hook does, and records the result. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(log, `${resolved.url}\n`);
  return resolved;
}
