import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { Resource } from '../model/schema.js';
import { toCanonicalYaml } from './canonical-yaml.js';
import { SnapshotFormatError } from './errors.js';
import { resourcePath } from './paths.js';

const encoder = new TextEncoder();
// fatal: a file that is not UTF-8 is an error, never silently replaced characters.
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A trail file: its path and its canonical bytes. */
export interface RenderedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * The trail file of a resource (DESIGN.md "AWS resource file"): the envelope as canonical YAML
 * (keys sorted, absent optional fields left out), UTF-8, at its `resourcePath`.
 */
export function renderResource(resource: Resource): RenderedFile {
  return { path: resourcePath(resource), bytes: encoder.encode(toCanonicalYaml(resource)) };
}

/**
 * Reads a resource file back into its record, validated with the `Resource` schema. Throws
 * SnapshotFormatError naming `path` and what is wrong, never a value from the file.
 */
export function parseResourceFile(bytes: Uint8Array, path: string): Resource {
  const data = readYaml(bytes, path);
  const parsed = Resource.safeParse(data);
  if (!parsed.success) {
    throw new SnapshotFormatError(
      `${path} is not a resource file: ${describeIssues(parsed.error.issues)}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

function readYaml(bytes: Uint8Array, path: string): unknown {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    throw new SnapshotFormatError(`${path} is not UTF-8`, { cause: error });
  }
  // prettyErrors off: the pretty form quotes the offending source line, which may hold a value.
  const doc = parseDocument(text, { prettyErrors: false });
  // Warnings too (unknown tags, for one): a canonical file never gives any.
  const [error] = [...doc.errors, ...doc.warnings];
  if (error !== undefined) {
    const line = text.slice(0, error.pos[0]).split('\n').length;
    throw new SnapshotFormatError(`${path} is not valid YAML (${error.code} at line ${line})`, {
      cause: error,
    });
  }
  try {
    return doc.toJS();
  } catch (cause) {
    throw new SnapshotFormatError(`${path} is not plain YAML data`, { cause });
  }
}

// Issue paths and codes only: zod messages can echo expected or received values.
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const at = issue.path.length === 0 ? '(envelope)' : issue.path.map(String).join('.');
      const keys = issue.code === 'unrecognized_keys' ? ` ${issue.keys.join(', ')}` : '';
      return `${at} ${issue.code}${keys}`;
    })
    .join('; ');
}
