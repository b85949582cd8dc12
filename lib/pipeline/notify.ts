import { z } from 'zod';
import type { Clock, Logger } from '../model/index.js';
import { LEDGER_PATH, type Ledger, parseLedger, renderLedger } from '../notify/ledger.js';
import type { NotifyEntry, NotifyLinks, NotifyMessage } from '../notify/message.js';
import type { Notifier } from '../notify/notifier.js';
import { notifyAll, type RetryOptions } from '../notify/send.js';
import { TrailConflictError } from '../trail/errors.js';
import type { TrailStore } from '../trail/trail-store.js';
import { StagedAnnouncements } from './announce.js';
import { DriftStepOutput } from './drift.js';
import { readIfPresent } from './gather.js';
import { stagingKeys } from './keys.js';
import { ReviewOutput } from './review.js';
import type { StagingStore } from './staging-store.js';

/** The notify step's input; with `failed` (from the workflow's catch) it announces the failed scan. */
export const NotifyInput = z.strictObject({
  scanId: z.string().min(1),
  failed: z.strictObject({ error: z.string(), cause: z.string() }).optional(),
});
export type NotifyInput = z.infer<typeof NotifyInput>;

const SentResult = z.strictObject({
  kind: z.string(),
  ok: z.boolean(),
  attempts: z.number(),
  error: z.string().optional(),
});

/** What the notify step did, also staged as `scans/<id>/notify.json`. */
export const NotifyOutput = z.strictObject({
  scanId: z.string(),
  /** One per message: its kind and how each notifier took it. */
  sent: z.array(z.strictObject({ kind: z.string(), results: z.array(SentResult) })),
  /** Notifiers that did not take a message after their retries. */
  failures: z.number(),
});
export type NotifyOutput = z.infer<typeof NotifyOutput>;

/** The notify step's dependencies. */
export interface NotifyDeps {
  readonly staging: StagingStore;
  /** Where the ledger lives (a failed scan records itself there). */
  readonly trail: TrailStore;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Where messages go; the CLI's dry run passes one that prints. */
  readonly notifiers: readonly Notifier[];
  /** Backoff between attempts (injected clock). */
  readonly retry: RetryOptions;
  /** Links every message carries; `repository` makes PR links of the review's numbers. */
  readonly links?: {
    readonly dashboard?: string;
    readonly report?: string;
    readonly repository?: string;
  };
}

const ZERO = { changed: 0, unmanaged: 0, missing: 0, managed: 0, total: 0 };

async function linksOf(scanId: string, deps: NotifyDeps): Promise<NotifyLinks> {
  const { dashboard, report, repository } = deps.links ?? {};
  const staged = await readIfPresent(deps.staging, stagingKeys.review(scanId));
  const reviewed = staged === undefined ? undefined : ReviewOutput.parse(staged);
  const numbers = reviewed ? [...new Set([...reviewed.opened, ...reviewed.updated])] : [];
  return {
    pullRequests:
      repository === undefined
        ? []
        : numbers.map((n) => ({ title: `Drift #${n}`, url: `${repository}/pull/${n}` })),
    ...(dashboard === undefined ? {} : { dashboard }),
    ...(report === undefined ? {} : { report }),
  };
}

/**
 * Records a failed scan in the ledger (one commit, compare-and-swap, retried from a fresh read)
 * and says whether this is news: a failure already announced and not yet recovered is not.
 */
async function recordFailure(scanId: string, trail: TrailStore): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const manifest = await trail.readManifest({
      expected: new Map(),
      complete: [],
      paths: [LEDGER_PATH],
    });
    const previous = parseLedger(
      manifest.head === null || !manifest.files.has(LEDGER_PATH)
        ? null
        : await trail.readFile(LEDGER_PATH, manifest.head),
    );
    if (previous?.failing.includes('scan')) return false;
    // An empty trail has nowhere to keep it: announce, and let the next failure announce too.
    if (manifest.head === null) return true;
    const ledger: Ledger = {
      version: 1,
      baselined: previous?.baselined ?? false,
      drift: previous?.drift ?? {},
      failing: [...new Set([...(previous?.failing ?? []), 'scan'])].sort(),
    };
    try {
      await trail.writeCommit({
        expectedHead: manifest.head,
        changes: [{ path: LEDGER_PATH, content: renderLedger(ledger) }],
        message: `notify: scan ${scanId} failed\n\nStatetrail-Scan: ${scanId}\n`,
      });
      return true;
    } catch (error) {
      if (error instanceof TrailConflictError && attempt < 5) continue;
      throw error;
    }
  }
}

function entryOf(
  entry: StagedAnnouncements['announcements'][number]['entries'][number],
): NotifyEntry {
  const { drift, type, id, address, attributes, changedBy } = entry;
  return {
    drift,
    type,
    id,
    ...(address === undefined ? {} : { address }),
    ...(attributes === undefined ? {} : { attributes }),
    ...(changedBy === undefined ? {} : { changedBy }),
  };
}

async function messagesOf(input: NotifyInput, deps: NotifyDeps): Promise<NotifyMessage[]> {
  const { scanId } = input;
  const links = await linksOf(scanId, deps);
  if (input.failed) {
    if (!(await recordFailure(scanId, deps.trail))) return [];
    const error = /^[A-Za-z][A-Za-z0-9_.]{0,80}$/.test(input.failed.error)
      ? input.failed.error
      : 'Error';
    return [
      {
        scanId,
        kind: 'scan-failed',
        generatedAt: deps.clock.now().toISOString(),
        counts: ZERO,
        entries: [],
        links,
        error,
      },
    ];
  }
  const staged = await readIfPresent(deps.staging, stagingKeys.announce(scanId));
  if (staged === undefined) return [];
  const { announcements } = StagedAnnouncements.parse(staged);
  const drifted = await readIfPresent(deps.staging, stagingKeys.drift(scanId));
  const report = drifted === undefined ? undefined : DriftStepOutput.parse(drifted).report;
  const { changed, unmanaged, missing, managed, total } = report?.summary ?? ZERO;
  return announcements.map((a) => ({
    scanId,
    kind: a.kind,
    generatedAt: report?.generatedAt ?? deps.clock.now().toISOString(),
    counts: { changed, unmanaged, missing, managed, total },
    entries: a.entries.map(entryOf),
    links,
    ...(a.scopes === undefined ? {} : { scopes: a.scopes }),
  }));
}

/**
 * Sends what the commit step decided this scan announces (or, with `failed`, that the scan
 * failed) through every notifier, each retried with backoff; a notifier that still fails is
 * reported in the output and the log, never thrown. A retried step returns what it staged.
 */
export async function notify(input: NotifyInput, deps: NotifyDeps): Promise<NotifyOutput> {
  const { scanId } = input;
  const key = stagingKeys.notify(scanId);
  const done = await readIfPresent(deps.staging, key);
  if (done !== undefined) return NotifyOutput.parse(done);
  const messages = await messagesOf(input, deps);
  const output: NotifyOutput = { scanId, sent: [], failures: 0 };
  for (const message of messages) {
    const results = await notifyAll(message, deps.notifiers, deps.retry);
    for (const result of results) {
      if (result.ok) continue;
      output.failures += 1;
      deps.logger.warn('Notifier failed', { notifier: result.kind, error: result.error });
    }
    output.sent.push({ kind: message.kind, results });
  }
  await deps.staging.put(key, output);
  return output;
}
