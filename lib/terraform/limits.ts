import { StateFormatError } from './errors.js';

/**
 * The largest state statetrail reads. Node cannot hold a string past 512 MiB, and states of the
 * largest estates stay well under this.
 */
export const MAX_STATE_BYTES = 256 * 1024 * 1024;

/** The deepest nesting of a state's JSON; real states stay far below it (a Kubernetes manifest in one, about 30). */
export const MAX_STATE_DEPTH = 512;

/** Refuses a state larger than MAX_STATE_BYTES, saying by how much. */
export function checkStateSize(bytes: number, source: string): void {
  if (bytes <= MAX_STATE_BYTES) return;
  throw new StateFormatError(
    `Terraform state ${source} is too large: ${mebibytes(bytes)} MiB (statetrail reads states up to ${mebibytes(MAX_STATE_BYTES)} MiB)`,
  );
}

/** Refuses JSON nested deeper than MAX_STATE_DEPTH (walked without recursion, so it cannot overflow). */
export function checkStateDepth(value: unknown, source: string): void {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= MAX_STATE_DEPTH) {
      throw new StateFormatError(
        `Terraform state ${source} is nested too deeply: more than ${MAX_STATE_DEPTH} levels (statetrail reads states up to ${MAX_STATE_DEPTH})`,
      );
    }
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
}

function mebibytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
