import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/**
 * The metric a complete scan emits (EMF, from the commit step, when every scope of the scan
 * completed): its absence for longer than `maxMinutesWithoutCompleteScan` is the "minutes since
 * the last complete scan" alarm.
 */
export const COMPLETE_SCAN_METRIC = {
  namespace: 'statetrail',
  metricName: 'CompleteScans',
} as const;

/** Props of {@link ScanAlarms}. */
export interface ScanAlarmsProps {
  readonly stateMachine: IStateMachine;
  /** Every statetrail function by name (`Plan`, `Collect`...): errors and throttles of each are alarmed. */
  readonly functions: Readonly<Record<string, IFunction>>;
  /** Dead-letter queues (the schedule's) whose depth is alarmed. */
  readonly deadLetterQueues?: readonly IQueue[];
  /** How long without a complete scan before the alarm. @default 3 hours (an hourly schedule, two missed) */
  readonly maxMinutesWithoutCompleteScan?: number;
  /** Where the alarms go (an SNS topic action). @default no action: the alarms show in the console */
  readonly action?: IAlarmAction;
}

/**
 * The operations alarms: failed or timed-out executions, each function's errors and throttles,
 * dead letters, and no complete scan for too long.
 */
export class ScanAlarms extends Construct {
  /** Every alarm, by construct id. */
  public readonly alarms: Alarm[] = [];

  public constructor(scope: Construct, id: string, props: ScanAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    const atLeastOne = (alarmId: string, metric: Metric, description: string) =>
      this.add(
        new Alarm(this, alarmId, {
          metric,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
          alarmDescription: description,
        }),
        props.action,
      );
    const { stateMachine } = props;
    atLeastOne(
      'ExecutionsFailed',
      stateMachine.metricFailed({ period, statistic: 'Sum' }),
      'statetrail: a scan execution failed',
    );
    atLeastOne(
      'ExecutionsTimedOut',
      stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
      'statetrail: a scan execution timed out',
    );
    for (const [name, fn] of Object.entries(props.functions)) {
      atLeastOne(
        `${name}Errors`,
        fn.metricErrors({ period, statistic: 'Sum' }),
        `statetrail: the ${name} function failed`,
      );
      atLeastOne(
        `${name}Throttles`,
        fn.metricThrottles({ period, statistic: 'Sum' }),
        `statetrail: the ${name} function was throttled`,
      );
    }
    (props.deadLetterQueues ?? []).forEach((queue, index) => {
      atLeastOne(
        `DeadLetters${index === 0 ? '' : index + 1}`,
        queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        'statetrail: a scheduled scan could not be started (see the dead-letter queue)',
      );
    });
    const minutes = props.maxMinutesWithoutCompleteScan ?? 180;
    // One evaluation period of whole minutes, within CloudWatch's one-day limit.
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      throw new Error(
        `maxMinutesWithoutCompleteScan ${minutes} must be whole minutes from 1 to 1440`,
      );
    }
    this.add(
      new Alarm(this, 'NoCompleteScan', {
        metric: new Metric({
          ...COMPLETE_SCAN_METRIC,
          statistic: 'Sum',
          period: Duration.minutes(minutes),
        }),
        // No data in the whole window is what breaches: no complete scan in `minutes`.
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
        alarmDescription: `statetrail: no complete scan for ${minutes} minutes`,
      }),
      props.action,
    );
  }

  private add(alarm: Alarm, action: IAlarmAction | undefined): void {
    if (action) alarm.addAlarmAction(action);
    this.alarms.push(alarm);
  }
}
