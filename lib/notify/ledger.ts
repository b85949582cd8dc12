import { z } from 'zod';

/** The trail path of the notification ledger: what the trail has announced, kept with the trail. */
export const LEDGER_PATH = '.statetrail/notified.json';

/** One drift finding the ledger follows (names only: ids and addresses, never values). */
export const LedgerEntry = z.strictObject({
  drift: z.enum(['changed', 'unmanaged', 'missing']),
  type: z.string(),
  id: z.string(),
  address: z.string().optional(),
  /** The trail file, when the finding has one: which scope decides whether it resolved. */
  path: z.string().optional(),
  /** The finding's fingerprint now: a hash of what differs, never the values themselves. */
  fingerprint: z.string(),
  /** Consecutive scans that saw this fingerprint, capped at the persistence rule. */
  streak: z.number().int().positive(),
  /** The fingerprint last announced; null while the drift has not yet persisted long enough. */
  announced: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** `.statetrail/notified.json`. No timestamps or scan ids: it changes only when the news does. */
export const Ledger = z.strictObject({
  version: z.literal(1),
  /** Whether the baseline summary went out (the first scan that compared with Terraform state). */
  baselined: z.boolean(),
  /** Findings by key (see `findingKey`). */
  drift: z.record(z.string(), LedgerEntry),
  /** Scopes announced as incomplete (or `scan` for a failed scan), until a scan recovers them. */
  failing: z.array(z.string()),
});
export type Ledger = z.infer<typeof Ledger>;

/** Parses a stored ledger; an unreadable one counts as absent (the next scan is a baseline). */
export function parseLedger(bytes: Uint8Array | null): Ledger | null {
  if (bytes === null) return null;
  try {
    const parsed = Ledger.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The ledger's canonical bytes: sorted keys, two-space JSON, a final newline. */
export function renderLedger(ledger: Ledger): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(sortKeys(ledger), null, 2)}\n`);
}
