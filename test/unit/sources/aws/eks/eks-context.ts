import type { CallCounts, Logger } from '../../../../../lib/model/index.js';
import { createAwsClientFactory } from '../../../../../lib/sources/aws/client-factory.js';
import { awsCollectors } from '../../../../../lib/sources/aws/registry.js';
import type { AwsCollectorContext, CollectorOutput } from '../../../../../lib/sources/collector.js';
import type { AwsSim } from '../../../../sim/aws/server.js';

/** The sample world's account, region and key. */
export const SAMPLE = {
  accountId: '111111111111',
  region: 'eu-west-1',
  accessKeyId: 'AKIASIMSAMPLE0000001',
} as const;

/** The EKS types, in registry order. */
export const EKS_TYPES = [
  'AWS::EKS::Cluster',
  'AWS::EKS::Nodegroup',
  'AWS::EKS::Addon',
  'AWS::EKS::FargateProfile',
  'AWS::EKS::AccessEntry',
  'AWS::EKS::PodIdentityAssociation',
  'AWS::EKS::IdentityProviderConfig',
] as const;

/** A log line a collector wrote. */
export interface LoggedLine {
  readonly level: string;
  readonly message: string;
  readonly details: Record<string, unknown> | undefined;
}

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
  const calls: CallCounts = {};
  const log: LoggedLine[] = [];
  const record =
    (level: string) =>
    (message: string, details?: Record<string, unknown>): void => {
      log.push({ level, message, details });
    };
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const aws = createAwsClientFactory({
    endpoints: { eks: sim.url, sts: sim.url },
    credentials: {
      accessKeyId: options.accessKeyId ?? SAMPLE.accessKeyId,
      secretAccessKey: 'sim-secret',
    },
    retry: { maxAttempts: 3, backoffMs: () => 0 },
  });
  const context: AwsCollectorContext = {
    account: {},
    accountId: options.accountId ?? SAMPLE.accountId,
    region: options.region ?? SAMPLE.region,
    aws,
    logger,
    target: 'aws-caller-eu-west-1-eks',
    options: { userData: 'skip', keepVolatile: options.keepVolatile ?? false },
    countCall: (service) => {
      calls[service] = (calls[service] ?? 0) + 1;
    },
  };
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
