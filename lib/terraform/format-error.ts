import type { z } from 'zod';
import { StateFormatError } from './errors.js';

const MAX_ISSUES = 3;

/** `resources[3].instances[0].attributes` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * A StateFormatError built from zod's issues. Only the path and zod's code (and the expected
 * type) go into the message: zod's own messages can echo the value, which may be a secret.
 * The ZodError is not kept as cause for the same reason.
 */
export function shapeError(source: string, error: z.ZodError): StateFormatError {
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const expected =
      issue.code === 'invalid_type' || issue.code === 'invalid_value' ? expectedOf(issue) : '';
    return `${jsonPath(issue.path)}: ${issue.code}${expected}`;
  });
  const more =
    error.issues.length > MAX_ISSUES ? ` (+${error.issues.length - MAX_ISSUES} more)` : '';
  return new StateFormatError(`Malformed Terraform state ${source}: ${issues.join('; ')}${more}`);
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return ` (expected ${issue.expected})`;
  return '';
}

/**
 * A StateFormatError for text that is not JSON. JSON.parse's message quotes the text around the
 * error, so only the line and column it reports are kept.
 */
export function syntaxError(source: string, text: string, error: unknown): StateFormatError {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  const where = position === undefined ? '' : ` at ${lineColumn(text, Number(position))}`;
  return new StateFormatError(`Terraform state ${source} is not valid JSON${where}`);
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line} column ${column}`;
}
