import type { Logger, Resource, ScanWarning } from '../model/index.js';
import type { AccountKey, AwsClientFactory } from './aws/client-factory.js';

/** What a collector is given for one account and region. */
export interface AwsCollectorContext {
  readonly account: AccountKey;
  readonly accountId: string;
  readonly region: string;
  readonly aws: AwsClientFactory;
  readonly logger: Logger;
  /** The key of the target being collected, for warnings. */
  readonly target: string;
  /** Counts one API call (one page) against a service, for the scan summary. */
  countCall(service: string): void;
}

/** One collector's records, warnings, and whether it listed everything. */
export interface CollectorOutput {
  readonly resources: Resource[];
  readonly warnings: ScanWarning[];
  readonly complete: boolean;
}

/** Collects every resource of one CloudFormation type in one account and region. */
export interface AwsCollector {
  readonly resourceType: string;
  readonly service: string;
  collect(context: AwsCollectorContext): Promise<CollectorOutput>;
}
