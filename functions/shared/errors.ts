/** The function's environment is missing or malformed: a deployment bug, so the cold start fails. */
export class EnvironmentError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EnvironmentError';
  }
}

/** A secret cannot be read, or its value does not have the expected shape (named by ARN only). */
export class SecretError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SecretError';
  }
}
