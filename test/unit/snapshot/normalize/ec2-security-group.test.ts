import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../../lib/model/schema.js';
import { sortSecurityGroupRules } from '../../../../lib/snapshot/normalize/ec2-security-group.js';
import { deepFreeze, resourceOf } from './fixtures.js';

const rule = (port: number, extra: Record<string, unknown> = {}) => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  IpRanges: [],
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: [],
  ...extra,
});

describe('Function: sortSecurityGroupRules', () => {
  it.each([
    [
      'sorts the lists inside a rule by their ids',
      {
        IpPermissions: [
          rule(443, {
            IpRanges: [{ CidrIp: '10.0.0.0/8' }, { CidrIp: '0.0.0.0/0', Description: 'all' }],
            Ipv6Ranges: [{ CidrIpv6: 'fd00::/8' }, { CidrIpv6: '::/0' }],
            PrefixListIds: [{ PrefixListId: 'pl-2' }, { PrefixListId: 'pl-1' }],
            UserIdGroupPairs: [
              { GroupId: 'sg-2', UserId: '1' },
              { GroupId: 'sg-1', UserId: '2' },
              { GroupId: 'sg-1', UserId: '1' },
            ],
          }),
        ],
      },
      {
        IpPermissions: [
          rule(443, {
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'all' }, { CidrIp: '10.0.0.0/8' }],
            Ipv6Ranges: [{ CidrIpv6: '::/0' }, { CidrIpv6: 'fd00::/8' }],
            PrefixListIds: [{ PrefixListId: 'pl-1' }, { PrefixListId: 'pl-2' }],
            UserIdGroupPairs: [
              { GroupId: 'sg-1', UserId: '1' },
              { GroupId: 'sg-1', UserId: '2' },
              { GroupId: 'sg-2', UserId: '1' },
            ],
          }),
        ],
      },
    ],
    [
      'sorts ingress rules by protocol, ports (numerically), then their whole content',
      { IpPermissions: [rule(443), rule(22, { IpProtocol: 'udp' }), rule(80), rule(22)] },
      { IpPermissions: [rule(22), rule(80), rule(443), rule(22, { IpProtocol: 'udp' })] },
    ],
    [
      'sorts egress rules the same way',
      { IpPermissionsEgress: [{ IpProtocol: 'tcp' }, { IpProtocol: '-1' }] },
      { IpPermissionsEgress: [{ IpProtocol: '-1' }, { IpProtocol: 'tcp' }] },
    ],
    [
      'orders two rules that differ only in an inner list the same whatever their inner order',
      {
        IpPermissions: [
          rule(22, { IpRanges: [{ CidrIp: '10.0.0.2/32' }, { CidrIp: '10.0.0.1/32' }] }),
          rule(22, { IpRanges: [{ CidrIp: '10.0.0.0/32' }] }),
        ],
      },
      {
        IpPermissions: [
          rule(22, { IpRanges: [{ CidrIp: '10.0.0.0/32' }] }),
          rule(22, { IpRanges: [{ CidrIp: '10.0.0.1/32' }, { CidrIp: '10.0.0.2/32' }] }),
        ],
      },
    ],
    ['leaves a group without rules alone', { GroupId: 'sg-1' }, { GroupId: 'sg-1' }],
  ])('%s', (_name, configuration, expected) => {
    const output = sortSecurityGroupRules(
      deepFreeze(resourceOf('AWS::EC2::SecurityGroup', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});

function withRules(rules: unknown): Resource {
  return {
    ...resourceOf('AWS::EC2::SecurityGroup', {}),
    supplementaryConfiguration: { SecurityGroupRules: rules },
  };
}

describe('Function: sortSecurityGroupRules (sgr- rules)', () => {
  it.each([
    [
      'sorts the rules by sgr- id',
      [{ SecurityGroupRuleId: 'sgr-2' }, { SecurityGroupRuleId: 'sgr-1' }],
      [{ SecurityGroupRuleId: 'sgr-1' }, { SecurityGroupRuleId: 'sgr-2' }],
    ],
    [
      'sorts each rule’s tags by key',
      [{ SecurityGroupRuleId: 'sgr-1', Tags: [{ Key: 'b' }, { Key: 'a' }] }],
      [{ SecurityGroupRuleId: 'sgr-1', Tags: [{ Key: 'a' }, { Key: 'b' }] }],
    ],
  ])('%s', (_name, rules, expected) => {
    const output = sortSecurityGroupRules(deepFreeze(withRules(rules)));
    expect(output.supplementaryConfiguration).toStrictEqual({ SecurityGroupRules: expected });
  });

  it('leaves a group whose rules were unreadable alone', () => {
    const input = deepFreeze({
      ...resourceOf('AWS::EC2::SecurityGroup', {}),
      unreadable: ['SecurityGroupRules'],
    });
    expect(sortSecurityGroupRules(input)).toStrictEqual(input);
  });
});
