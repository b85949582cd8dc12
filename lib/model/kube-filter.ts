import { z } from 'zod';

// `*` matches any run of characters; everything else is literal.
const Pattern = z.string().min(1);

/** One include or exclude rule: every field given must match (an empty rule matches everything). */
export const ExportRule = z.strictObject({
  /** API group ('' or `core` for the core group); `*` wildcards allowed. */
  group: Pattern.or(z.literal('')).optional(),
  kind: Pattern.optional(),
  /** Namespace; `_cluster` for cluster-scoped objects; `*` wildcards allowed. */
  namespace: Pattern.optional(),
  /** Labels the object must carry; a value `*` accepts any value. */
  labels: z.record(z.string(), z.string()).optional(),
});
export type ExportRule = z.infer<typeof ExportRule>;

/**
 * Which objects are exported: those matching an `include` rule (all when there is none), minus
 * those matching an `exclude` rule, minus the default noise list unless `defaultExclusions` is off.
 */
export const ExportFilter = z.strictObject({
  include: z.array(ExportRule).default([]),
  exclude: z.array(ExportRule).default([]),
  defaultExclusions: z.boolean().default(true),
});
export type ExportFilter = z.infer<typeof ExportFilter>;
