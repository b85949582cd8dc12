import type { EKSClient } from '@aws-sdk/client-eks';
import pLimit, { type LimitFunction } from 'p-limit';
import { awsScope, type Resource, type ScanWarning } from '../../../model/index.js';
import { normalizeResource } from '../../../snapshot/normalize/chain.js';
import type { AwsCollectorContext, CollectorOutput } from '../../collector.js';
import { classifyAwsError } from '../errors.js';

/** The largest page every EKS List operation allows (and its default). */
export const EKS_PAGE_SIZE = 100;

/** EKS calls one collector keeps in flight in one account and region (EKS publishes no limits). */
export const EKS_CONCURRENCY = 5;

/**
 * What a failed call means for the run: `incomplete`, the type's list was not fully read (the
 * scope keeps its previous files); `unreadable`, one extra read of a record failed and the record
 * says so in its `unreadable`.
 */
export type FailureEffect = 'incomplete' | 'unreadable';

/** One collector run in one account and region: its client, limiter, call counting and failures. */
export interface EksRun {
  readonly context: AwsCollectorContext;
  readonly client: EKSClient;
  readonly resourceType: string;
  /** Bounds the calls in flight; never call it from inside a function it runs (it would deadlock). */
  readonly limit: LimitFunction;
  /** Counts one EKS call. */
  counted(): void;
  /** Records a failed call; failures of one operation and kind become one warning. */
  fail(operation: string, error: unknown, effect: FailureEffect): void;
  /** The run's output around its records. */
  finish(resources: Resource[]): CollectorOutput;
}

interface FailureTally {
  readonly operation: string;
  readonly code: ScanWarning['code'];
  readonly reason: string;
  readonly effect: FailureEffect;
  count: number;
}

/** Starts a run; everything it holds lives only as long as this one `collect` call. */
export function startEksRun(context: AwsCollectorContext, resourceType: string): EksRun {
  const client = context.aws.eks(context.account, context.region);
  const failures = new Map<string, FailureTally>();
  return {
    context,
    client,
    resourceType,
    limit: pLimit(EKS_CONCURRENCY),
    counted: () => context.countCall('eks'),
    fail(operation, error, effect) {
      const { code, reason } = classifyAwsError(error);
      const key = `${operation}|${code}|${reason}|${effect}`;
      const tally = failures.get(key);
      if (tally) tally.count++;
      else failures.set(key, { operation, code, reason, effect, count: 1 });
    },
    finish(resources) {
      const tallies = [...failures.values()];
      for (const t of tallies) {
        context.logger.warn(t.effect === 'incomplete' ? 'Collector failed' : 'Read failed', {
          resourceType,
          operation: t.operation,
          code: t.code,
          reason: t.reason,
          calls: t.count,
        });
      }
      return {
        resources,
        warnings: tallies.map((t) => warningOf(context, resourceType, t)),
        complete: tallies.every((t) => t.effect === 'unreadable'),
      };
    },
  };
}

function warningOf(
  context: AwsCollectorContext,
  resourceType: string,
  tally: FailureTally,
): ScanWarning {
  const where = `${context.accountId}/${context.region}`;
  const calls = tally.count === 1 ? '1 call' : `${tally.count} calls`;
  const outcome =
    tally.effect === 'incomplete'
      ? `previous ${resourceType} files kept`
      : `marked unreadable on those ${resourceType} records`;
  return {
    code: tally.code,
    target: context.target,
    scope: awsScope(context.accountId, context.region, resourceType),
    operation: `eks:${tally.operation}`,
    message: `eks:${tally.operation} ${tally.code} in ${where} (${tally.reason}, ${calls}); ${outcome}`,
  };
}

/** True when EKS answered that the resource does not exist (any more). */
export function isNotFound(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'ResourceNotFoundException';
}

/**
 * Sends one Describe-like call under the limit. A resource gone since it was listed gives
 * undefined and no failure; any other error is recorded as `effect` and gives undefined too.
 */
export function describeWith<T>(
  run: EksRun,
  operation: string,
  send: () => Promise<T>,
  effect: FailureEffect = 'incomplete',
): Promise<T | undefined> {
  return run.limit(async () => {
    run.counted();
    try {
      return await send();
    } catch (error) {
      if (!isNotFound(error)) run.fail(operation, error, effect);
      return undefined;
    }
  });
}

/** What the paged list of a run gave: the items, and whether its parent was gone. */
export interface Listed<T> {
  readonly items: T[];
  /** The listed parent (the cluster) no longer exists. */
  readonly gone: boolean;
  /** Another error stopped the listing; the items so far are kept. */
  readonly failed: boolean;
}

/**
 * Reads every page of one List operation under the limit (one slot for the whole walk: pages
 * follow each other), counting each call, the failed one included. An error `isEmpty` accepts
 * means the parent cannot hold such items: an empty, complete list.
 */
export function listWith<TPage, T>(
  run: EksRun,
  operation: string,
  pages: () => AsyncIterable<TPage>,
  itemsOf: (page: TPage) => readonly T[] | undefined,
  effect: FailureEffect = 'incomplete',
  isEmpty: (error: unknown) => boolean = () => false,
): Promise<Listed<T>> {
  return run.limit(async () => {
    const items: T[] = [];
    try {
      for await (const page of pages()) {
        run.counted();
        items.push(...(itemsOf(page) ?? []));
      }
      return { items, gone: false, failed: false };
    } catch (error) {
      run.counted();
      if (isNotFound(error)) return { items, gone: true, failed: false };
      if (isEmpty(error)) return { items: [], gone: false, failed: false };
      run.fail(operation, error, effect);
      return { items, gone: false, failed: true };
    }
  });
}

/** The envelope fields an EKS collector derives from one API object. */
export interface EksRecord {
  readonly id: string;
  readonly arn?: string | undefined;
  readonly name?: string | undefined;
  readonly tags?: Readonly<Record<string, string>> | undefined;
  readonly configuration: object;
  readonly supplementaryConfiguration?: Record<string, unknown> | undefined;
  readonly unreadable?: readonly string[] | undefined;
}

/** Builds the normalized resource record of one EKS object, keeping volatile fields when the target asks. */
export function eksResource(run: EksRun, record: EksRecord): Resource {
  const { context } = run;
  return normalizeResource(
    {
      schemaVersion: 1,
      resourceType: run.resourceType,
      resourceId: record.id,
      accountId: context.accountId,
      awsRegion: context.region,
      ...(record.arn === undefined ? {} : { arn: record.arn }),
      ...(record.name === undefined ? {} : { resourceName: record.name }),
      tags: { ...record.tags },
      configuration: record.configuration as Record<string, unknown>,
      ...(record.supplementaryConfiguration === undefined
        ? {}
        : { supplementaryConfiguration: record.supplementaryConfiguration }),
      ...(record.unreadable === undefined || record.unreadable.length === 0
        ? {}
        : { unreadable: [...record.unreadable] }),
    },
    { keepVolatile: context.options.keepVolatile },
  );
}
