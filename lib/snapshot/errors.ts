/** Base of every snapshot error. */
export class SnapshotError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SnapshotError';
  }
}

/** A trail file is not a valid resource file; the message names the path, never a field value. */
export class SnapshotFormatError extends SnapshotError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SnapshotFormatError';
  }
}

/** An id has no file name (empty, or not valid UTF-16) or a file name is not an encoded id. */
export class SnapshotPathError extends SnapshotError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SnapshotPathError';
  }
}
