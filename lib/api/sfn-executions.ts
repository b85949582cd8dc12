import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { ExecutionsUnavailableError } from './errors.js';
import type { ExecutionStatus, ScanExecutions } from './executions.js';

/** What the Step Functions adapter needs: a client (built once per cold start) and the state machine. */
export interface SfnExecutionsOptions {
  readonly client: Pick<SFNClient, 'send'>;
  /** `arn:aws:states:<region>:<account>:stateMachine:<name>`. */
  readonly stateMachineArn: string;
}

/** {@link ScanExecutions} on Step Functions: StartExecution and DescribeExecution, nothing else. */
export function sfnExecutions(options: SfnExecutionsOptions): ScanExecutions {
  const { client, stateMachineArn } = options;
  // An execution's ARN is its state machine's with `execution` for `stateMachine`, and its name.
  const executionArn = (name: string) =>
    `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
  return {
    async start(name, input) {
      try {
        await client.send(new StartExecutionCommand({ stateMachineArn, name, input }));
        return 'started';
      } catch (error) {
        if (error instanceof ExecutionAlreadyExists) return 'exists';
        throw new ExecutionsUnavailableError('states:StartExecution failed', { cause: error });
      }
    },
    async describe(name) {
      try {
        const answer = await client.send(
          new DescribeExecutionCommand({ executionArn: executionArn(name) }),
        );
        if (!answer.status || !answer.startDate) {
          throw new ExecutionsUnavailableError(
            'states:DescribeExecution answered without a status',
          );
        }
        const status: ExecutionStatus = {
          status: answer.status,
          startedAt: answer.startDate,
          ...(answer.stopDate ? { stoppedAt: answer.stopDate } : {}),
          ...(answer.input !== undefined ? { input: answer.input } : {}),
          ...(answer.error ? { error: answer.error } : {}),
        };
        return status;
      } catch (error) {
        if (error instanceof ExecutionDoesNotExist) return undefined;
        if (error instanceof ExecutionsUnavailableError) throw error;
        throw new ExecutionsUnavailableError('states:DescribeExecution failed', { cause: error });
      }
    },
  };
}
