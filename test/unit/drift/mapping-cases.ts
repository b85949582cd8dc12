import { computeDrift } from '../../../lib/drift/engine.js';
import type { DriftChange, DriftReport } from '../../../lib/drift/schema.js';
import type { Resource } from '../../../lib/model/schema.js';
import type { StateInstance } from '../../../lib/terraform/state-instance.js';

/** The account and region every mapping case lives in. */
export const ACCOUNT = '111111111111';
/** The region every mapping case lives in. */
export const REGION = 'eu-west-1';

/** One mapping table case: a cloud record against a state instance and its children. */
export interface Case {
  readonly name: string;
  readonly cloud: Partial<Resource>;
  readonly state: Record<string, unknown>;
  /** More instances matched to the same resource (`aws_route`, `aws_network_acl_rule`). */
  readonly children?: readonly Pick<StateInstance, 'type' | 'address' | 'attributes'>[];
  /** The changes by address; an address left out has none. */
  readonly expected: Record<string, DriftChange[]>;
}

/** A trail record of the case's account and region. */
export function resource(
  resourceType: string,
  resourceId: string,
  cloud: Partial<Resource>,
): Resource {
  return {
    schemaVersion: 1,
    resourceType,
    resourceId,
    accountId: ACCOUNT,
    awsRegion: REGION,
    tags: {},
    configuration: {},
    ...cloud,
  };
}

/** A state instance scoped to the case's account and region. */
export function instance(
  part: Pick<StateInstance, 'type' | 'address' | 'attributes'>,
): StateInstance {
  return {
    state: 'main.tfstate',
    lineage: 'l',
    serial: 1,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    tainted: false,
    scopeHint: { accountId: ACCOUNT, region: REGION },
    ...part,
  };
}

/**
 * The report of one resource against its Terraform type (with `state` as its attributes; the id is
 * the resource's unless `state` sets one) and any child instances.
 */
export function driftOf(resourceType: string, type: string, id: string, c: Case): DriftReport {
  return computeDrift({
    resources: [resource(resourceType, id, c.cloud)],
    instances: [
      instance({ type, address: `${type}.this`, attributes: { id, ...c.state } }),
      ...(c.children ?? []).map(instance),
    ],
    scopes: [],
    now: new Date(0),
  });
}

/** A report's changes by address. */
export function changesByAddress(report: DriftReport): Record<string, DriftChange[]> {
  return Object.fromEntries(report.changed.map((entry) => [entry.address, entry.changes]));
}
