import { Duration, TimeZone } from 'aws-cdk-lib';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** Props of {@link ScanSchedule}. */
export interface ScanScheduleProps {
  readonly stateMachine: IStateMachine;
  /** EventBridge Scheduler's six cron fields, e.g. `0 * * * ? *` (hourly). */
  readonly cron: string;
  /** An IANA time zone the cron is read in, e.g. `Europe/Berlin`. @default UTC */
  readonly timeZone?: string;
  /** Retries of a failed StartExecution before the event goes to the dead-letter queue. @default 3 */
  readonly retryAttempts?: number;
}

/**
 * The scheduled scan: EventBridge Scheduler starts the state machine with input
 * `{"trigger":"schedule"}` on the cron, in its time zone, at the exact time (flexible window off),
 * retrying a failed start and parking what it could not deliver in an encrypted dead-letter queue.
 */
export class ScanSchedule extends Construct {
  public readonly schedule: Schedule;
  /** Where the starts the scheduler could not deliver land (alarmed on by ScanAlarms). */
  public readonly deadLetterQueue: Queue;

  public constructor(scope: Construct, id: string, props: ScanScheduleProps) {
    super(scope, id);
    if (props.cron.trim().split(/\s+/).length !== 6) {
      throw new Error(`schedule cron "${props.cron}" needs EventBridge Scheduler's six fields`);
    }
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      // SSE-SQS: the scheduler cannot use the AWS-managed aws/sqs KMS key.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'statetrail: the scheduled scan',
      schedule: ScheduleExpression.expression(
        `cron(${props.cron.trim()})`,
        TimeZone.of(props.timeZone ?? 'UTC'),
      ),
      target: new StepFunctionsStartExecution(props.stateMachine, {
        input: ScheduleTargetInput.fromObject({ trigger: 'schedule' }),
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: props.retryAttempts ?? 3,
        maxEventAge: Duration.hours(1),
      }),
    });
  }
}
