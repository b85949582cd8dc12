/**
 * Where Terraform states come from: one `--state LOC` (a file, a directory, a glob, an S3 key or
 * prefix, or HCP Terraform workspaces) expanded into state locations, each read as text.
 */
export interface StateSource {
  /** Every state location this source holds: file paths, `s3://bucket/key` or `tfe://HOST/ORG/WORKSPACE`. */
  list(): Promise<string[]>;
  /** The text of one listed location. */
  read(location: string): Promise<string>;
}

/** True when a LOC names S3 (`s3://bucket/key-or-prefix`). */
export function isS3Location(location: string): boolean {
  return location.startsWith('s3://');
}

/** True when a LOC names no local path (S3, HCP Terraform): it is never resolved against a directory. */
export function isRemoteLocation(location: string): boolean {
  return isS3Location(location) || location.startsWith('tfe://');
}

/** True when a LOC holds glob characters. */
export function isGlob(location: string): boolean {
  return /[*?[{]/.test(location);
}
