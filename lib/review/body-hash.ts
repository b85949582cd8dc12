import { createHash } from 'node:crypto';

const MARKER = /<!-- statetrail-body: ([0-9a-f]+) -->/;

/** A body with its hidden content hash appended: what is written to GitHub. */
export function withBodyHash(body: string): string {
  return `${body}\n<!-- statetrail-body: ${bodyHash(body)} -->`;
}

/** The content hash of a body (before the marker is appended). */
export function bodyHash(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

/** Whether a body on GitHub already carries this content (by its hidden hash). */
export function sameBody(existing: string | null | undefined, body: string): boolean {
  return MARKER.exec(existing ?? '')?.[1] === bodyHash(body);
}

/** The hidden key of a comment statetrail keeps, so it finds the comment again. */
export function commentMarker(key: string): string {
  return `<!-- statetrail-comment: ${key} -->`;
}
