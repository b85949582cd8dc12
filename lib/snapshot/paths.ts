import type { Resource } from '../model/schema.js';
import { typeDirectory } from '../model/scope.js';
import { SnapshotPathError } from './errors.js';

const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
// encodeURIComponent leaves these alone; file names must not carry them.
const URI_MARKS = /[!'()*~]/g;
const ENCODED_NAME = /^(?:[A-Za-z0-9_-]|%[0-9A-F]{2})(?:[A-Za-z0-9._-]|%[0-9A-F]{2})*$/;
const PATH_PARTS = /^aws\/(\d{12})\/([a-z0-9-]+)\/([a-z0-9]+\/[a-z0-9]+)\/([^/]+)\.yaml$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z0-9-]+$/;

/**
 * The file name (without `.yaml`) of an id: every character outside `[A-Za-z0-9._-]`, `%` and a
 * leading `.` included, percent-encoded as UTF-8 bytes (`%XX`, upper-case), so no id becomes `.`,
 * `..` or `.git` and every id has exactly one name. Throws for an empty or ill-formed UTF-16 id.
 */
export function encodeId(id: string): string {
  if (id === '') throw new SnapshotPathError('An empty resource id has no file name');
  if (SAFE_ID.test(id)) return id;
  let encoded: string;
  try {
    encoded = encodeURIComponent(id);
  } catch (error) {
    // A lone surrogate has no UTF-8 form; AWS never returns one.
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

/** The id of a file name made by `encodeId`; throws for any other name, so names and ids pair up one to one. */
export function decodeId(name: string): string {
  if (!ENCODED_NAME.test(name)) throw new SnapshotPathError('Not an encoded resource id');
  let id: string;
  try {
    id = decodeURIComponent(name);
  } catch (error) {
    throw new SnapshotPathError('Not an encoded resource id: invalid UTF-8', { cause: error });
  }
  // Rejects names that encode a byte they could have left plain (`%41`, `%2E` inside a name).
  if (encodeId(id) !== name)
    throw new SnapshotPathError('Not the canonical encoding of a resource id');
  return id;
}

/**
 * The trail path of a resource: `aws/<accountId>/<awsRegion>/<service>/<type>/<encoded id>.yaml`.
 *
 * @remarks Lengths are not enforced. Most file systems allow 255 bytes per file name (Linux
 * NAME_MAX, APFS, NTFS), so an encoded id plus `.yaml` must stay under that: percent-encoding
 * triples each byte outside `[A-Za-z0-9._-]`, and a non-ASCII code point (up to 4 UTF-8 bytes)
 * becomes up to 12 characters. Git has no limit, but Windows checkouts stop at 260 characters per
 * path unless `core.longpaths` is set, Linux at 4096 (PATH_MAX). AWS ids are short: EC2 ids ~21
 * characters, an EKS node group `cluster:nodegroup` at most ~170 encoded.
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
  readonly resourceId: string;
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
    return { accountId, region, typeDirectory: directory, resourceId: decodeId(name) };
  } catch {
    return null;
  }
}
