/** The review module's errors: a base class, and a bad state payload in the dashboard. */
export class ReviewError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReviewError';
  }
}

/** A branch statetrail would have to overwrite: someone else's, or moved meanwhile. */
export class ReviewConflictError extends ReviewError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReviewConflictError';
  }
}
