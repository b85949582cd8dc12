/** How an execution stands, from DescribeExecution (only the fields the API answers with). */
export interface ExecutionStatus {
  readonly status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';
  readonly startedAt: Date;
  readonly stoppedAt?: Date;
  /** The execution's input, as JSON text. */
  readonly input?: string;
  /** For a failed execution: the error's name (never its cause, which may quote anything). */
  readonly error?: string;
}

/**
 * The scan state machine's executions, by name (the scan id): the port the API calls, with the
 * Step Functions adapter in `sfn-executions.ts`.
 */
export interface ScanExecutions {
  /** Starts an execution; `exists` when one of that name exists already (ExecutionAlreadyExists). */
  start(name: string, input: string): Promise<'started' | 'exists'>;
  /** How the execution of that name stands; undefined when there is none. */
  describe(name: string): Promise<ExecutionStatus | undefined>;
}
