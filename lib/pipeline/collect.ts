import { z } from 'zod';
import { type Logger, PlannedTarget } from '../model/index.js';
import type { AwsClientFactory } from '../sources/aws/client-factory.js';
import type { StagingStore } from './staging-store.js';

/** The collect step's input: one planned target of one scan (a Distributed Map item when deployed). */
export const CollectInput = z.strictObject({ scanId: z.string().min(1), planned: PlannedTarget });
export type CollectInput = z.infer<typeof CollectInput>;

/** What the collect step reports back (small: the records themselves go to the staging store). */
export interface CollectOutput {
  readonly scanId: string;
  readonly key: string;
  readonly resources: number;
  readonly warnings: number;
  readonly complete: boolean;
}

/** The collect step's dependencies. */
export interface CollectDeps {
  readonly staging: StagingStore;
  readonly aws: AwsClientFactory;
  readonly logger: Logger;
}

/** Collects one target and writes its ScanResult to `scans/<scanId>/collect/<key>.json`. */
export async function collect(_input: CollectInput, _deps: CollectDeps): Promise<CollectOutput> {
  throw new Error('not implemented yet');
}
