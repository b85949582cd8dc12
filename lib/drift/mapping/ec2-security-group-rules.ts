import type { Resource } from '../../model/schema.js';
import type { StateInstance } from '../../terraform/state-instance.js';
import { normalizeString, normalizeStringSet, UNKNOWN, type Unknown } from '../normalize-values.js';
import {
  type Direction,
  expandPermissions,
  expandSdkRule,
  expandTerraformRule,
  expandVpcRule,
} from '../sg-rules.js';
import { TAGS } from './common.js';
import { supplementaryAt } from './read.js';
import type { Attributes, TypeMapping } from './types.js';

/** The standalone rule types with real `sgr-` ids. */
export const VPC_RULE_TYPES: readonly string[] = [
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
];

const groupId = (attributes: Attributes) => {
  const id = attributes['security_group_id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
};

function legacyRuleKeys(attributes: Attributes): string[] {
  const direction: Direction = attributes['type'] === 'egress' ? 'egress' : 'ingress';
  return expandTerraformRule(
    attributes,
    direction,
    String(attributes['security_group_id']),
    'source_security_group_id',
  );
}

function vpcRuleDirection(type: string): Direction {
  return type === 'aws_vpc_security_group_egress_rule' ? 'egress' : 'ingress';
}

/** The rule keys that standalone rule instances state, for one direction. */
export function childRuleKeys(children: readonly StateInstance[], direction: Direction): string[] {
  return children.flatMap((child) => {
    if (child.type === 'aws_security_group_rule') {
      return legacyRuleKeys(child.attributes).filter((key) => key.startsWith(`${direction} `));
    }
    if (VPC_RULE_TYPES.includes(child.type) && vpcRuleDirection(child.type) === direction) {
      return [expandVpcRule(child.attributes, direction)];
    }
    return [];
  });
}

/**
 * `aws_security_group_rule`: its `sgrule-` id is a hash that AWS never shows, so it matches its
 * group and each of its rules is looked up by content in the group's rules.
 */
export const AWS_SECURITY_GROUP_RULE: TypeMapping = {
  terraformTypes: ['aws_security_group_rule'],
  resourceType: 'AWS::EC2::SecurityGroup',
  role: 'child',
  cloudId: groupId,
  attributes: [
    {
      name: 'rule',
      state: (attributes) => legacyRuleKeys(attributes),
      cloud: (resource, { attributes }) => {
        const present = new Set([
          ...expandPermissions(resource.configuration['IpPermissions'], 'ingress'),
          ...expandPermissions(resource.configuration['IpPermissionsEgress'], 'egress'),
        ]);
        return legacyRuleKeys(attributes).filter((key) => present.has(key));
      },
      // Only whether the stated rules exist: other rules of the group are not this instance's.
      normalize: normalizeStringSet,
      kind: 'set',
    },
  ],
};

function cloudRule(resource: Resource, id: unknown): Record<string, unknown> | null | Unknown {
  const rules = supplementaryAt(resource, 'SecurityGroupRules');
  if (rules === UNKNOWN) return UNKNOWN;
  const found = Array.isArray(rules)
    ? rules.find((rule) => (rule as Record<string, unknown>)['SecurityGroupRuleId'] === id)
    : undefined;
  return (found as Record<string, unknown> | undefined) ?? null;
}

function vpcRuleMapping(type: string): TypeMapping {
  const direction = vpcRuleDirection(type);
  return {
    terraformTypes: [type],
    resourceType: 'AWS::EC2::SecurityGroup',
    role: 'child',
    cloudId: groupId,
    attributes: [
      {
        name: 'rule',
        state: (attributes) => expandVpcRule(attributes, direction),
        // null: the rule is gone from its group (the group's scope decides whether that is known).
        cloud: (resource, { attributes }) => {
          const rule = cloudRule(resource, attributes['id']);
          return rule === UNKNOWN || rule === null ? rule : expandSdkRule(rule);
        },
        normalize: normalizeString,
      },
      {
        ...TAGS,
        cloud: (resource, { attributes }) => {
          const rule = cloudRule(resource, attributes['id']);
          return rule === UNKNOWN || rule === null ? UNKNOWN : rule['Tags'];
        },
      },
    ],
  };
}

/** `aws_vpc_security_group_ingress_rule` and `_egress_rule`, matched by their `sgr-` id. */
export const AWS_VPC_SECURITY_GROUP_RULES: readonly TypeMapping[] =
  VPC_RULE_TYPES.map(vpcRuleMapping);
