/** Base of every CLI error: the command line or its environment cannot be used. Exit code 2. */
export class CliError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** A flag or argument is missing, unknown or malformed. */
export class UsageError extends CliError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UsageError';
  }
}
