import type { CallCounts } from '../../../../../lib/model/index.js';
import { awsCollectors } from '../../../../../lib/sources/aws/registry.js';
import type { AwsCollectorContext, CollectorOutput } from '../../../../../lib/sources/collector.js';
import type { AwsSim } from '../../../../sim/aws/server.js';
import { type LoggedLine, simCollectorContext } from '../sim-collector-context.js';

export { SAMPLE } from '../sim-collector-context.js';
export { EKS_TYPES } from './eks-types.js';

/** What one collector run needs and leaves behind: its context, its call counts and its log. */
export interface EksHarness {
  readonly context: AwsCollectorContext;
  readonly calls: CallCounts;
  readonly log: LoggedLine[];
  /** Runs the collector of `resourceType` once. */
  collect(resourceType: string): Promise<CollectorOutput>;
}

/** A collector context on the sim, built as the collect step builds it; retries never sleep. */
export function eksHarness(
  sim: AwsSim,
  options: {
    keepVolatile?: boolean;
    accessKeyId?: string;
    accountId?: string;
    region?: string;
  } = {},
): EksHarness {
  const { keepVolatile = false, ...rest } = options;
  const { context, calls, log } = simCollectorContext(sim, {
    ...rest,
    service: 'eks',
    target: 'aws-caller-eu-west-1-eks',
    collect: { keepVolatile },
  });
  return {
    context,
    calls,
    log,
    collect: (resourceType) => {
      const collector = awsCollectors.get(resourceType);
      if (!collector) throw new Error(`No collector registered for ${resourceType}`);
      return collector.collect(context);
    },
  };
}
