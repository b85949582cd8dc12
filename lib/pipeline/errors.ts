/** Base of every pipeline error. */
export class PipelineError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PipelineError';
  }
}

/** A step asked the staging store for a document no earlier step wrote. */
export class StagingMissingError extends PipelineError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StagingMissingError';
  }
}

/** A staged document does not have the shape its schema demands. */
export class StagingCorruptError extends PipelineError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StagingCorruptError';
  }
}

/** Two targets of one scan would write the same trail directory (two clusters of one name). */
export class PlanConflictError extends PipelineError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PlanConflictError';
  }
}

/**
 * Another scan holds the trail's lease (or this scan's lease expired): the step refuses to write,
 * and the trail stays as it was.
 */
export class LeaseHeldError extends PipelineError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LeaseHeldError';
  }
}

/** The lease store could not be read or written (throttled out, denied, unreachable). */
export class LeaseStoreError extends PipelineError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LeaseStoreError';
  }
}

/** An execution's scope names nothing the configured request covers (it may only narrow it). */
export class ScopeMismatchError extends PipelineError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScopeMismatchError';
  }
}
