import type { Resource } from '../../model/schema.js';
import type { StateInstance } from '../../terraform/state-instance.js';
import { normalizeStringSet, UNKNOWN } from '../normalize-values.js';
import {
  type Direction,
  expandInlineBlocks,
  expandPermissions,
  expandSdkRule,
} from '../sg-rules.js';
import { field, TAGS } from './common.js';
import { childRuleKeys, VPC_RULE_TYPES } from './ec2-security-group-rules.js';
import { idAttribute, stateAt, supplementaryAt } from './read.js';
import type { AttributeSpec, StateContext, TypeMapping } from './types.js';

/** The group's rules in the cloud, as rule keys, from `IpPermissions`/`IpPermissionsEgress`. */
export function cloudRules(resource: Resource, direction: Direction): string[] {
  const key = direction === 'ingress' ? 'IpPermissions' : 'IpPermissionsEgress';
  return expandPermissions(resource.configuration[key], direction);
}

// Rules a `aws_vpc_security_group_*_rule` owns by id: their cloud form may differ from the state's
// (that rule reports it), so the group must not report it a second time.
function claimedById(
  resource: Resource,
  children: readonly StateInstance[],
): ReadonlySet<string> | undefined {
  if (children.length === 0) return undefined;
  const ids = new Set(
    children.filter((c) => VPC_RULE_TYPES.includes(c.type)).map((c) => c.attributes['id']),
  );
  const rules = supplementaryAt(resource, 'SecurityGroupRules');
  if (ids.size === 0 || !Array.isArray(rules)) return new Set();
  return new Set(
    rules
      .filter((rule) => ids.has((rule as Record<string, unknown>)['SecurityGroupRuleId']))
      .map((rule) => expandSdkRule(rule as Record<string, unknown>)),
  );
}

// Inline blocks in state hold, after a refresh, the standalone rules too (driftctl#8); rules that
// a standalone rule resource states are that resource's to report, on either side.
function rulesSpec(direction: Direction): AttributeSpec {
  const without = (keys: string[], context: StateContext, extra?: ReadonlySet<string>) => {
    // A group without standalone rules (most of them) owns every rule it lists.
    if (context.children.length === 0 && (extra === undefined || extra.size === 0)) return keys;
    const owned = new Set(childRuleKeys(context.children, direction));
    return keys.filter((key) => !owned.has(key) && !extra?.has(key));
  };
  return {
    name: direction,
    state: (attributes, context) => {
      const blocks = stateAt(attributes, direction);
      if (blocks === UNKNOWN) return UNKNOWN;
      return without(expandInlineBlocks(blocks, direction, String(attributes['id'])), context);
    },
    cloud: (resource, context) =>
      without(cloudRules(resource, direction), context, claimedById(resource, context.children)),
    normalize: normalizeStringSet,
    kind: 'set',
  };
}

/** `aws_security_group`, `aws_default_security_group` -> `AWS::EC2::SecurityGroup`. */
export const AWS_SECURITY_GROUP: TypeMapping = {
  terraformTypes: ['aws_security_group', 'aws_default_security_group'],
  resourceType: 'AWS::EC2::SecurityGroup',
  role: 'primary',
  cloudId: idAttribute,
  attributes: [
    field('name', ['GroupName']),
    field('description', ['Description']),
    field('vpc_id', ['VpcId']),
    TAGS,
    rulesSpec('ingress'),
    rulesSpec('egress'),
  ],
};
