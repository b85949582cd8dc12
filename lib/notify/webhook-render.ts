import { forLine } from '../snapshot/sanitize.js';
import type { NotifyEntry, NotifyMessage } from './message.js';

/** The JSON a generic webhook receives (version 1). */
export interface WebhookBody {
  version: 1;
  scanId: string;
  kind: NotifyMessage['kind'];
  generatedAt: string;
  counts: NotifyMessage['counts'];
  changed: NotifyEntry[];
  unmanaged: NotifyEntry[];
  missing: NotifyEntry[];
  links: NotifyMessage['links'];
  /** The scopes a failed or recovered scan names. */
  scopes?: string[];
  /** Why a scan failed. */
  error?: string;
}

function cleanEntry(entry: NotifyEntry): NotifyEntry {
  return {
    drift: entry.drift,
    type: forLine(entry.type),
    id: forLine(entry.id),
    ...(entry.address === undefined ? {} : { address: forLine(entry.address) }),
    ...(entry.attributes === undefined ? {} : { attributes: entry.attributes.map(forLine) }),
    ...(entry.changedBy === undefined ? {} : { changedBy: forLine(entry.changedBy) }),
  };
}

/**
 * The webhook's JSON body: the summary, the changed, unmanaged and missing entries, the scan id
 * and the links; every outside string through {@link forLine}. Pure.
 */
export function renderWebhook(message: NotifyMessage): string {
  const entries = message.entries.map(cleanEntry);
  const { pullRequests, dashboard, report } = message.links;
  const body: WebhookBody = {
    version: 1,
    scanId: forLine(message.scanId),
    kind: message.kind,
    generatedAt: forLine(message.generatedAt),
    counts: message.counts,
    changed: entries.filter((e) => e.drift === 'changed'),
    unmanaged: entries.filter((e) => e.drift === 'unmanaged'),
    missing: entries.filter((e) => e.drift === 'missing'),
    links: {
      pullRequests: pullRequests.map((p) => ({ title: forLine(p.title), url: forLine(p.url) })),
      ...(dashboard === undefined ? {} : { dashboard: forLine(dashboard) }),
      ...(report === undefined ? {} : { report: forLine(report) }),
    },
    ...(message.scopes === undefined ? {} : { scopes: message.scopes.map(forLine) }),
    ...(message.error === undefined ? {} : { error: forLine(message.error) }),
  };
  return JSON.stringify(body);
}
