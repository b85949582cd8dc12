import type {
  AccountRef,
  CollectOptions,
  Logger,
  Resource,
  ScanWarning,
  Shard,
} from '../model/index.js';
import type { AwsClientFactory } from './aws/client-factory.js';

/** What a collector is given for one account and region. */
export interface AwsCollectorContext {
  /** The account as the plan names it (the caller's, or a role to assume). */
  readonly account: AccountRef;
  readonly accountId: string;
  readonly region: string;
  readonly aws: AwsClientFactory;
  readonly logger: Logger;
  /** The key of the target being collected, for warnings. */
  readonly target: string;
  /** What to read and keep (user data, volatile fields). */
  readonly options: CollectOptions;
  /** The slice of a sharded target this run covers (S3 buckets by name hash). */
  readonly shard?: Shard | undefined;
  /** The key that fingerprints secret values (`hmac-sha256:<hex>`); absent: secrets are skipped. */
  readonly hmacKey?: Uint8Array | undefined;
  /** Counts one API call (one page, one read) against a service, for the scan summary. */
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
