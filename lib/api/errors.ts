/** Base of the API's errors. */
export class ApiError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ApiError';
  }
}

/** Step Functions could not be asked (throttled after retries, unreachable, an unexpected answer). */
export class ExecutionsUnavailableError extends ApiError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ExecutionsUnavailableError';
  }
}
