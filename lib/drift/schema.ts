import { z } from 'zod';

/** One attribute whose state and cloud values differ (both already normalized). */
export const DriftChange = z.strictObject({
  attribute: z.string(),
  state: z.unknown(),
  cloud: z.unknown(),
});
export type DriftChange = z.infer<typeof DriftChange>;

/** The drift report, DESIGN.md's "Drift report (JSON)"; `addresses` is ours (see below). */
export const DriftReport = z.strictObject({
  version: z.literal(1),
  generatedAt: z.string(),
  scopes: z.array(
    z.strictObject({
      scope: z.string(),
      complete: z.boolean(),
      // The scope's own counts (the summary's, per account and region or cluster): absent in
      // reports written before they were added.
      managed: z.number().int().nonnegative().optional(),
      unmanaged: z.number().int().nonnegative().optional(),
      missing: z.number().int().nonnegative().optional(),
      coverage: z.number().min(0).max(1).optional(),
    }),
  ),
  summary: z.strictObject({
    total: z.number().int().nonnegative(),
    managed: z.number().int().nonnegative(),
    unmanaged: z.number().int().nonnegative(),
    missing: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    managedElsewhere: z.number().int().nonnegative(),
    accepted: z.number().int().nonnegative(),
    /** managed / (managed + unmanaged + missing); 0 when nothing is compared. */
    coverage: z.number().min(0).max(1),
  }),
  unmanaged: z.array(
    z.strictObject({
      type: z.string(),
      id: z.string(),
      resourceType: z.string(),
      path: z.string(),
    }),
  ),
  missing: z.array(
    z.strictObject({
      address: z.string(),
      /** Every address of the resource, when more than one instance (state) holds it. */
      addresses: z.array(z.string()).optional(),
      type: z.string(),
      id: z.string(),
      state: z.string(),
    }),
  ),
  changed: z.array(
    z.strictObject({
      address: z.string(),
      /** Every address of the resource, when more than one instance (state) holds it. */
      addresses: z.array(z.string()).optional(),
      type: z.string(),
      id: z.string(),
      path: z.string(),
      changes: z.array(DriftChange),
    }),
  ),
  managedElsewhere: z.array(
    z.strictObject({
      id: z.string(),
      resourceType: z.string(),
      managedBy: z.string(),
      /** The trail file, which names the account and region (or cluster): ours, see DESIGN's example. */
      path: z.string(),
    }),
  ),
  accepted: z.array(
    z.strictObject({
      address: z.string(),
      attribute: z.string(),
      until: z.string().optional(),
      /** Ours, beyond DESIGN's example: the accepting entry's reason (text from a reviewed file). */
      reason: z.string().optional(),
      /** Ours: who approved the accepting entry, when the merge recorded it. */
      acceptedBy: z.string().optional(),
    }),
  ),
});
export type DriftReport = z.infer<typeof DriftReport>;
