import { z } from 'zod';

// Only the fields statetrail reads. Objects are loose on purpose: newer Terraform versions add
// fields (identity, check_results...) and no provider schema is ever consulted, so neither a
// Terraform nor a provider upgrade can break parsing.

/** One step of a sensitive path: `get_attr` with a name, `index` with a cty-typed key. */
export const TfPathStep = z.looseObject({ type: z.string(), value: z.unknown() });
export type TfPathStep = z.infer<typeof TfPathStep>;

/** One object of a resource instance (current or deposed). */
export const TfInstance = z.looseObject({
  index_key: z.union([z.number().int(), z.string()]).optional(),
  status: z.string().optional(),
  deposed: z.string().min(1).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  // Written only by states upgraded from format 3; read when `attributes` is absent.
  attributes_flat: z.record(z.string(), z.string()).optional(),
  sensitive_attributes: z.array(z.array(TfPathStep)).optional(),
});
export type TfInstance = z.infer<typeof TfInstance>;

/** One resource block: a managed resource or a data source, with its instances. */
export const TfResource = z.looseObject({
  module: z.string().optional(),
  mode: z.enum(['managed', 'data']),
  type: z.string().min(1),
  name: z.string().min(1),
  provider: z.string(),
  instances: z.array(TfInstance),
});
export type TfResource = z.infer<typeof TfResource>;

/** A root-module output. */
export const TfOutput = z.looseObject({
  value: z.unknown(),
  sensitive: z.boolean().optional(),
});
export type TfOutput = z.infer<typeof TfOutput>;

/** A Terraform state file, format version 4. */
export const TfState = z.looseObject({
  version: z.literal(4),
  terraform_version: z.string(),
  serial: z.number().int().nonnegative(),
  lineage: z.string(),
  outputs: z.record(z.string(), TfOutput).optional(),
  resources: z.array(TfResource),
});
export type TfState = z.infer<typeof TfState>;
