import type { AccountRef, Logger } from '../model/index.js';
import { type LookupContext, type LookupEvents, lookupResource } from './lookup.js';
import { createPacer, type PaceClock } from './pacer.js';
import type { AttributedPath, Attribution, ChangeEvent, ChangeVia, SkippedPath } from './schema.js';

/** One AWS resource to attribute: its trail path and where CloudTrail logged it. */
export interface AwsAttributionTarget {
  readonly path: string;
  readonly account: AccountRef;
  readonly region: string;
  /** What LookupEvents' `ResourceName` matches (the resource id, or a bucket's name). */
  readonly resourceName: string;
}

/** One Kubernetes object to attribute: its path and its managedFields updates, latest first. */
export interface KubeAttributionTarget {
  readonly path: string;
  readonly updates: readonly { manager: string; operation: string; time?: string }[];
}

/** CloudTrail keeps 90 days of management events for LookupEvents. */
export const MAX_WINDOW_DAYS = 90;

/** What attribution needs. */
export interface AttributeOptions {
  readonly aws: readonly AwsAttributionTarget[];
  readonly kube: readonly KubeAttributionTarget[];
  readonly lookup: LookupEvents;
  readonly clock: PaceClock;
  /** The previous scan's time; the window starts there (never more than 90 days back). */
  readonly since?: Date;
  /** LookupEvents calls this scan may make. @default 200 */
  readonly budget?: number;
  /** Principals whose events are never attributed (the scanner's roles). */
  readonly scanner: readonly string[];
  /** Calls per second per account and region. @default 2 */
  readonly ratePerSecond?: number;
  /** Events kept per path. @default 5 */
  readonly maxEvents?: number;
  readonly logger: Logger;
}

const DAY_MS = 86_400_000;

/** How a Kubernetes field manager made its change. */
export function kubeVia(manager: string): ChangeVia {
  if (/^kubectl/.test(manager)) return 'kubectl';
  if (/^(argocd|helm|kustomize-controller|helm-controller|flux)/i.test(manager)) return 'gitops';
  if (/^terraform/i.test(manager)) return 'terraform';
  return 'unknown';
}

function kubeEvents(target: KubeAttributionTarget, max: number): ChangeEvent[] {
  return target.updates.slice(0, max).flatMap((update) =>
    update.time === undefined
      ? []
      : [
          {
            identity: { arn: update.manager, type: 'FieldManager', display: update.manager },
            time: update.time,
            eventName: update.operation,
            via: kubeVia(update.manager),
          },
        ],
  );
}

/**
 * Who changed each resource: CloudTrail for AWS paths (paced per account and region, within one
 * budget per scan; what it could not look up is listed), managedFields for Kubernetes paths.
 * Accounts and regions are looked up side by side, each at its own pace.
 */
export async function attribute(options: AttributeOptions): Promise<Attribution> {
  const to = new Date(options.clock.now());
  const floor = new Date(to.getTime() - MAX_WINDOW_DAYS * DAY_MS);
  const from = options.since && options.since > floor ? options.since : floor;
  const maxEvents = options.maxEvents ?? 5;
  const context: LookupContext = {
    lookup: options.lookup,
    pacer: createPacer({ clock: options.clock, ratePerSecond: options.ratePerSecond ?? 2 }),
    clock: options.clock,
    scanner: options.scanner,
    budget: { remaining: options.budget ?? 200, used: 0 },
    maxEvents,
    logger: options.logger,
  };
  const groups = new Map<string, AwsAttributionTarget[]>();
  for (const target of [...options.aws].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const key = `${target.account.roleArn ?? 'caller'}|${target.region}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  const paths: AttributedPath[] = [];
  const skipped: SkippedPath[] = [];
  await Promise.all(
    [...groups.values()].map(async (targets) => {
      for (const target of targets) {
        const result = await lookupResource(
          {
            account: target.account,
            region: target.region,
            resourceName: target.resourceName,
            start: from,
            end: to,
          },
          context,
        );
        if (result.events.length > 0) {
          paths.push({ path: target.path, source: 'cloudtrail', events: result.events });
        }
        if (result.stopped) skipped.push({ path: target.path, ...result.stopped });
      }
    }),
  );
  for (const target of options.kube) {
    const events = kubeEvents(target, maxEvents);
    if (events.length > 0) paths.push({ path: target.path, source: 'managedFields', events });
  }
  if (skipped.length > 0) {
    options.logger.warn('Attribution incomplete', {
      skipped: skipped.length,
      budget: skipped.filter((s) => s.reason === 'budget').length,
    });
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
  return {
    version: 1,
    window: { from: from.toISOString(), to: to.toISOString() },
    paths: paths.sort(byPath),
    skipped: skipped.sort(byPath),
    lookups: context.budget.used,
  };
}
