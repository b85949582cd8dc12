/**
 * Where Terraform states come from: one `--state LOC` (a file, a directory, a glob, or an S3
 * key or prefix) expanded into state locations, each read as text.
 */
export interface StateSource {
  /** Every state location this source holds: file paths or `s3://bucket/key`. */
  list(): Promise<string[]>;
  /** The text of one listed location. */
  read(location: string): Promise<string>;
}

/** True when a LOC names S3 (`s3://bucket/key-or-prefix`). */
export function isS3Location(location: string): boolean {
  return location.startsWith('s3://');
}

/** True when a LOC holds glob characters. */
export function isGlob(location: string): boolean {
  return /[*?[{]/.test(location);
}
