import { createHash } from 'node:crypto';
import type { Resource } from '../model/schema.js';
import { typeDirectory } from '../model/scope.js';
import { SnapshotPathError } from './errors.js';

const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
// encodeURIComponent leaves these alone; file names must not carry them (`~` marks a digest).
const URI_MARKS = /[!'()*~]/g;
const ENCODED_NAME = /^(?:[A-Za-z0-9_-]|%[0-9A-F]{2})(?:[A-Za-z0-9._-]|%[0-9A-F]{2})*$/;
const DIGESTED_NAME =
  /^((?:[A-Za-z0-9_-]|%[0-9A-F]{2})(?:[A-Za-z0-9._-]|%[0-9A-F]{2})*)~([0-9a-f]{16})$/;
const PATH_PARTS = /^aws\/(\d{12})\/([a-z0-9-]+)\/([a-z0-9]+\/[a-z0-9]+)\/([^/]+)\.yaml$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z0-9-]+$/;

/**
 * The longest name `encodeId` gives: 250 bytes, so that `<name>.yaml` fits the 255 bytes a file
 * name may have (Linux NAME_MAX, APFS, NTFS). Names are ASCII: characters are bytes.
 */
export const MAX_NAME_BYTES = 250;
/** Hex digits of the SHA-256 of the id that a digested name ends with, after `~`. */
const DIGEST_LENGTH = 16;

/** How one path segment is encoded. */
export interface NameOptions {
  /**
   * Leave upper-case letters as they are (no digest for them): for Kubernetes Kinds, which are
   * CamelCase and unique per group, and for names that never share a directory with a case twin.
   */
  readonly keepCase?: boolean;
}

/**
 * The file name (without `.yaml`) of an id. Every character outside `[A-Za-z0-9._-]`, `%` and a
 * leading `.` included, is percent-encoded as UTF-8 bytes (`%XX`, upper-case), so no id becomes
 * `.`, `..` or `.git`. That name is the id's whole name unless it holds an upper-case letter
 * (two ids differing only in case would be one file on macOS and Windows) or is longer than
 * `MAX_NAME_BYTES`: then it is a readable prefix of it, `~`, and 16 lower-case hex digits of the
 * SHA-256 of the id (`MyKey~3f2a...`). `~` never appears otherwise (it is encoded `%7E`), so no
 * two ids share a name, even case-folded. Throws for an empty or ill-formed UTF-16 id.
 */
export function encodeId(id: string, options: NameOptions = {}): string {
  const encoded = percentEncode(id);
  const needsDigest =
    encoded.length > MAX_NAME_BYTES || (options.keepCase !== true && hasPlainUpper(encoded));
  if (!needsDigest) return encoded;
  const digest = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, DIGEST_LENGTH);
  return `${truncate(encoded, MAX_NAME_BYTES - DIGEST_LENGTH - 1)}~${digest}`;
}

function percentEncode(id: string): string {
  if (id === '') throw new SnapshotPathError('An empty resource id has no file name');
  if (SAFE_ID.test(id)) return id;
  let encoded: string;
  try {
    encoded = encodeURIComponent(id);
  } catch (error) {
    // A lone surrogate has no UTF-8 form.
    throw new SnapshotPathError('A resource id that is not well-formed UTF-16 has no file name', {
      cause: error,
    });
  }
  encoded = encoded.replace(URI_MARKS, percentByte);
  return encoded.startsWith('.') ? `%2E${encoded.slice(1)}` : encoded;
}

function percentByte(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

// An upper-case letter outside a `%XX` triple (the triples' hex digits are always upper-case).
function hasPlainUpper(encoded: string): boolean {
  return /[A-Z]/.test(encoded.replace(/%[0-9A-F]{2}/g, ''));
}

// The longest prefix of at most `max` characters that does not cut a `%XX` triple.
function truncate(encoded: string, max: number): string {
  if (encoded.length <= max) return encoded;
  const cut = encoded.lastIndexOf('%', max);
  return cut > max - 3 ? encoded.slice(0, cut) : encoded.slice(0, max);
}

/** A name read back: the id itself, or (for a digested name) the prefix and digest it keeps. */
export type DecodedName =
  | { readonly id: string }
  | { readonly prefix: string; readonly digest: string };

/**
 * What a name made by `encodeId` holds: its id, or for a digested name (`<prefix>~<digest>`) the
 * parts that only the file itself can complete (its `resourceId` or `metadata.name`; check a
 * candidate with `encodeId(candidate) === name`). Throws for any other name. Names from before
 * digests (upper-case letters kept whole) still read back.
 */
export function decodeName(name: string): DecodedName {
  const digested = DIGESTED_NAME.exec(name);
  if (digested) {
    const [, prefix = '', digest = ''] = digested;
    if (prefix.length > MAX_NAME_BYTES - DIGEST_LENGTH - 1) {
      throw new SnapshotPathError('Not an encoded resource id: prefix too long');
    }
    return { prefix, digest };
  }
  return { id: decodeWhole(name, percentEncode) };
}

/** The id of a whole (not digested) name made by `encodeId` with `options`; throws for any other name. */
export function decodeId(name: string, options: NameOptions = {}): string {
  return decodeWhole(name, (id) => encodeId(id, options));
}

function decodeWhole(name: string, encode: (id: string) => string): string {
  if (!ENCODED_NAME.test(name)) throw new SnapshotPathError('Not an encoded resource id');
  let id: string;
  try {
    id = decodeURIComponent(name);
  } catch (error) {
    throw new SnapshotPathError('Not an encoded resource id: invalid UTF-8', { cause: error });
  }
  // Rejects names that encode a byte they could have left plain (`%41`, `%2E` inside a name).
  if (encode(id) !== name)
    throw new SnapshotPathError('Not the canonical encoding of a resource id');
  return id;
}

/**
 * The trail path of a resource: `aws/<accountId>/<awsRegion>/<service>/<type>/<encoded id>.yaml`.
 *
 * @remarks Every segment fits a file name: the id's name is at most `MAX_NAME_BYTES` (250) bytes,
 * so with `.yaml` 255 (Linux NAME_MAX, APFS, NTFS), and the whole path stays under 400 bytes (Linux
 * PATH_MAX is 4096; Windows needs `core.longpaths` past 260 characters).
 */
export function resourcePath(resource: Resource): string {
  // Checked again here because these become directory names: nothing may climb out of `aws/`.
  if (!ACCOUNT.test(resource.accountId)) {
    throw new SnapshotPathError('A resource account id must be 12 digits');
  }
  if (!REGION.test(resource.awsRegion)) {
    throw new SnapshotPathError('A resource region must be lower-case letters, digits and dashes');
  }
  const directory = typeDirectory(resource.resourceType);
  return `aws/${resource.accountId}/${resource.awsRegion}/${directory}/${encodeId(resource.resourceId)}.yaml`;
}

/** What a resource file's path says about its resource. */
export interface ResourcePathParts {
  readonly accountId: string;
  readonly region: string;
  /** `<service>/<type>`, e.g. `ec2/securitygroup` (the CloudFormation type's case is not in the path). */
  readonly typeDirectory: string;
  /** null when the name is digested (`<prefix>~<digest>`): the file's own `resourceId` says it. */
  readonly resourceId: string | null;
}

/** The parts of a resource file's path, or null for any path `resourcePath` cannot give. */
export function parseResourcePath(path: string): ResourcePathParts | null {
  const [, accountId, region, directory, name] = PATH_PARTS.exec(path) ?? [];
  if (
    accountId === undefined ||
    region === undefined ||
    directory === undefined ||
    name === undefined
  ) {
    return null;
  }
  try {
    const decoded = decodeName(name);
    const resourceId = 'id' in decoded ? decoded.id : null;
    return { accountId, region, typeDirectory: directory, resourceId };
  } catch {
    return null;
  }
}
