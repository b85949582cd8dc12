import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { toCanonicalYaml } from '../snapshot/canonical-yaml.js';
import { decodeId, encodeId } from '../snapshot/paths.js';
import { AcceptanceError, AcceptedFileError } from './accept-errors.js';
import { type AcceptedEntry, AcceptedFile, kindOf } from './accept-schema.js';
import { compareText } from './report.js';

/** The trail directory that holds the accepted-drift files. */
export const ACCEPTED_DIR = '.statetrail/accepted';

const SCOPE = /^(?:aws\/\d{12}\/[a-z0-9-]+|k8s\/[^/]+)$/;
const MAX_ISSUES = 3;

/** True for a scope an accepted-drift file can belong to: `aws/<account>/<region>`, `k8s/<cluster>`. */
export function isAcceptedScope(scope: string): boolean {
  return SCOPE.test(scope);
}

/**
 * The file name of a scope: the whole scope encoded as the trail encodes ids (`encodeId`: every
 * character outside `[A-Za-z0-9._-]` percent-encoded, `/` included), plus `.yaml`. So
 * `aws/123456789012/eu-west-1` is `aws%2F123456789012%2Feu-west-1.yaml`: one flat directory,
 * and every name maps back to exactly one scope (`scopeOfAcceptedFile`).
 */
export function acceptedFileName(scope: string): string {
  if (!isAcceptedScope(scope)) {
    throw new AcceptanceError('Not a scope an accepted-drift file can belong to');
  }
  return `${encodeId(scope)}.yaml`;
}

/** The trail path of a scope's accepted-drift file: `.statetrail/accepted/<encoded scope>.yaml`. */
export function acceptedFilePath(scope: string): string {
  return `${ACCEPTED_DIR}/${acceptedFileName(scope)}`;
}

/** The scope of an accepted-drift file name, or null for a name `acceptedFileName` cannot give. */
export function scopeOfAcceptedFile(name: string): string | null {
  if (!name.endsWith('.yaml')) return null;
  try {
    const scope = decodeId(name.slice(0, -'.yaml'.length));
    return isAcceptedScope(scope) ? scope : null;
  } catch {
    return null;
  }
}

/**
 * Reads an accepted-drift file. Throws AcceptedFileError naming `source`, the entry index and the
 * field at fault, never a value (a fingerprint or reason could say more than it should).
 */
export function parseAcceptedFile(text: string, source: string): AcceptedFile {
  // prettyErrors off: the pretty form quotes the offending source line.
  const doc = parseDocument(text, { prettyErrors: false });
  const [problem] = [...doc.errors, ...doc.warnings];
  if (problem !== undefined) {
    const line = text.slice(0, problem.pos[0]).split('\n').length;
    throw new AcceptedFileError(`${source} is not valid YAML (${problem.code} at line ${line})`, {
      source,
    });
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch {
    throw new AcceptedFileError(`${source} is not plain YAML data`, { source });
  }
  const parsed = AcceptedFile.safeParse(data);
  if (parsed.success) return parsed.data;
  // The ZodError is not kept as cause: it holds the input.
  throw shapeError(source, parsed.error.issues);
}

function shapeError(source: string, issues: readonly z.core.$ZodIssue[]): AcceptedFileError {
  const first = issues[0]?.path;
  const entry =
    first !== undefined && first[0] === 'entries' && typeof first[1] === 'number'
      ? first[1]
      : undefined;
  const described = issues.slice(0, MAX_ISSUES).map(describeIssue);
  const more = issues.length > MAX_ISSUES ? ` (+${issues.length - MAX_ISSUES} more)` : '';
  return new AcceptedFileError(
    `${source} is not an accepted-drift file: ${described.join('; ')}${more}`,
    entry === undefined ? { source } : { source, entry },
  );
}

// Paths, codes, expected types and our own custom messages only: zod's messages can echo values.
function describeIssue(issue: z.core.$ZodIssue): string {
  const [head, index, ...rest] = issue.path;
  const at =
    head === 'entries' && typeof index === 'number'
      ? `entry ${index}${rest.length > 0 ? ` ${rest.map(String).join('.')}` : ''}`
      : issue.path.length === 0
        ? '(top level)'
        : issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
      return `${at}: expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `${at}: unknown key ${issue.keys.join(', ')}`;
    case 'custom':
      return `${at}: ${issue.message}`;
    default:
      return `${at}: ${issue.code}`;
  }
}

/** Entries in file order: by address, attribute, kind, then fingerprint. */
export function compareEntries(a: AcceptedEntry, b: AcceptedEntry): number {
  return (
    compareText(a.address, b.address) ||
    compareText(a.attribute ?? '', b.attribute ?? '') ||
    compareText(kindOf(a), kindOf(b)) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/**
 * The canonical text of an accepted-drift file (DESIGN.md "Canonical bytes": sorted keys, YAML 1.1
 * safe quoting), entries sorted, `kind: changed` left out: the same entries give the same bytes.
 */
export function formatAcceptedFile(entries: readonly AcceptedEntry[]): string {
  const written = [...entries].sort(compareEntries).map((entry) => {
    const { kind, ...rest } = entry;
    return kind === undefined || kind === 'changed' ? rest : { kind, ...rest };
  });
  return toCanonicalYaml({ version: 1, entries: written });
}
