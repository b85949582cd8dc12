import type { Resource } from '../../model/schema.js';
import { dropInstanceVolatileFields, sortInstanceLists } from './ec2-instance.js';
import { sortSecurityGroupRules } from './ec2-security-group.js';
import { dropSubnetVolatileFields, sortSubnetLists } from './ec2-subnet.js';
import { dropVpcVolatileFields, sortVpcLists } from './ec2-vpc.js';
import { redactCredentials } from './redact-credentials.js';
import { sortTags } from './sort-tags.js';
import type { NormalizeStep } from './step.js';
import { toPlainData } from './to-plain-data.js';

/**
 * The version of what the chain writes. Bump it whenever a step's output changes (a step added,
 * removed or reordered, a field dropped, a sort key changed): the trail then records the
 * rewritten files in their own `format:` commit instead of reporting them as drift.
 */
export const NORMALIZATION_VERSION = 1;

// The one place the chain is declared: steps for every type around each type's own steps.
const FIRST: readonly NormalizeStep[] = [toPlainData];
const BY_TYPE: ReadonlyMap<string, readonly NormalizeStep[]> = new Map([
  ['AWS::EC2::Instance', [dropInstanceVolatileFields, sortInstanceLists]],
  ['AWS::EC2::SecurityGroup', [sortSecurityGroupRules]],
  ['AWS::EC2::Subnet', [dropSubnetVolatileFields, sortSubnetLists]],
  ['AWS::EC2::VPC', [dropVpcVolatileFields, sortVpcLists]],
]);
// Redaction runs last so that no step after it can bring a value back.
const LAST: readonly NormalizeStep[] = [sortTags, redactCredentials];

/** The ordered steps a resource of `resourceType` goes through. */
export function normalizationSteps(resourceType: string): readonly NormalizeStep[] {
  return [...FIRST, ...(BY_TYPE.get(resourceType) ?? []), ...LAST];
}

/** Normalizes a collector's record (configuration as the SDK returned it) into what the trail stores; never mutates its input. */
export function normalizeResource(resource: Resource): Resource {
  let normalized = resource;
  for (const step of normalizationSteps(resource.resourceType)) normalized = step(normalized);
  return normalized;
}
