import type { CollectOptions } from '../../../../../lib/model/index.js';
import type { AwsCollectorContext } from '../../../../../lib/sources/collector.js';
import type { AwsSim } from '../../../../sim/aws/server.js';
import { simCollectorContext } from '../sim-collector-context.js';

export { SAMPLE } from '../sim-collector-context.js';

/** A collector context on the sim, with what it logged and counted. */
export interface TestContext {
  readonly context: AwsCollectorContext;
  /** Calls counted per service. */
  readonly calls: Record<string, number>;
  /** Everything logged, as `message JSON(details)` lines. */
  readonly logs: string[];
}

/** Builds a collector context that reaches the sim through the real SDK, retrying without sleeping. */
export function simContext(
  sim: AwsSim,
  options: {
    accountId?: string;
    accessKeyId?: string;
    region?: string;
    collect?: Partial<CollectOptions>;
    hmacKey?: Uint8Array;
  } = {},
): TestContext {
  const logs: string[] = [];
  const { context, calls } = simCollectorContext(sim, {
    ...options,
    service: 'ec2',
    target: 'aws-caller-eu-west-1-ec2',
    onLog: ({ message, details }) => logs.push(`${message} ${JSON.stringify(details ?? {})}`),
  });
  return { context, calls, logs };
}
