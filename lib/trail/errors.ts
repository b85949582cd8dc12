/** Base of every trail error. */
export class TrailError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TrailError';
  }
}

/** The branch moved between reading the manifest and writing the commit: retry from a fresh read. */
export class TrailConflictError extends TrailError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TrailConflictError';
  }
}

/** The trail location cannot be used (not a directory, not a git repository, git missing). */
export class TrailUnavailableError extends TrailError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TrailUnavailableError';
  }
}
