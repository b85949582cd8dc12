import { z } from 'zod';
import { NOTIFY_KINDS } from '../notify/message.js';

/** One entry of a staged announcement (names only, as the ledger keeps them). */
const AnnouncedEntry = z.strictObject({
  drift: z.enum(['changed', 'unmanaged', 'missing']),
  type: z.string(),
  id: z.string(),
  address: z.string().optional(),
  attributes: z.array(z.string()).readonly().optional(),
  changedBy: z.string().optional(),
});

/**
 * `scans/<id>/announce.json`: what this scan announces, decided by the commit step together with
 * the ledger it committed; the notify step sends exactly this.
 */
export const StagedAnnouncements = z.strictObject({
  scanId: z.string(),
  announcements: z.array(
    z.strictObject({
      kind: z.enum(NOTIFY_KINDS),
      entries: z.array(AnnouncedEntry).readonly(),
      scopes: z.array(z.string()).readonly().optional(),
    }),
  ),
});
export type StagedAnnouncements = z.infer<typeof StagedAnnouncements>;
