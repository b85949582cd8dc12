import type { Resource } from '../../model/schema.js';
import type { StateInstance } from '../../terraform/state-instance.js';
import type { Normalizer, Unknown } from '../normalize-values.js';

/** A Terraform instance's attributes. */
export type Attributes = Readonly<Record<string, unknown>>;

/** What a state reader may look at besides its own attributes. */
export interface StateContext {
  /** The attributes of the instance being compared. */
  readonly attributes: Attributes;
  /** The child instances (split S3 resources, standalone SG rules) matched to the same resource. */
  readonly children: readonly StateInstance[];
}

/**
 * How a compared value differs: `value` reports the whole value; `map` one change per key
 * (`tags.Owner`), so attribute-level ignores can name a key; `set` only the members on one side.
 */
export const COMPARE_KINDS = ['value', 'map', 'set'] as const;
/** One of `COMPARE_KINDS`. */
export type CompareKind = (typeof COMPARE_KINDS)[number];

/** One compared attribute of an allowlist; `R` is the collected record (a Kubernetes manifest for `kubernetes_*`). */
export interface AttributeSpec<R = Resource> {
  /** The Terraform attribute name, as the report and ignore rules spell it. */
  readonly name: string;
  readonly state: (attributes: Attributes, context: StateContext) => unknown;
  /** `UNKNOWN` when the snapshot does not hold the value. */
  readonly cloud: (resource: R, context: StateContext) => unknown;
  readonly normalize: Normalizer;
  readonly kind?: CompareKind;
  /** A child type that, when present for the same resource, owns this value instead (S3 v4 split). */
  readonly ownedBy?: string;
}

/** How one or more Terraform types map to a collected CloudFormation type. */
export interface TypeMapping {
  /** The first is the type an unmanaged resource of `resourceType` is reported as. */
  readonly terraformTypes: readonly string[];
  readonly resourceType: string;
  /** `child`: a part of another resource (split S3 configuration, SG rule): no entries of its own. */
  readonly role: 'primary' | 'child';
  /** The matched resource's id (for a child, its parent's id), or undefined when it has none. */
  readonly cloudId: (attributes: Attributes) => string | undefined;
  readonly attributes: readonly AttributeSpec[];
}

/** A reader's answer when it cannot tell. */
export type Read = unknown | Unknown;
