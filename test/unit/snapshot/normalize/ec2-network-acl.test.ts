import { describe, expect, it } from 'vitest';
import { sortNetworkAclLists } from '../../../../lib/snapshot/normalize/ec2-network-acl.js';
import { deepFreeze, resourceOf } from './fixtures.js';

describe('Function: sortNetworkAclLists', () => {
  it.each([
    [
      'sorts entries ingress first, then by rule number (numerically)',
      {
        Entries: [
          { Egress: true, RuleNumber: 100 },
          { Egress: false, RuleNumber: 32767 },
          { Egress: false, RuleNumber: 90 },
          { Egress: true, RuleNumber: 32767 },
        ],
      },
      {
        Entries: [
          { Egress: false, RuleNumber: 90 },
          { Egress: false, RuleNumber: 32767 },
          { Egress: true, RuleNumber: 100 },
          { Egress: true, RuleNumber: 32767 },
        ],
      },
    ],
    [
      'sorts associations by association id',
      { Associations: [{ NetworkAclAssociationId: 'b' }, { NetworkAclAssociationId: 'a' }] },
      { Associations: [{ NetworkAclAssociationId: 'a' }, { NetworkAclAssociationId: 'b' }] },
    ],
  ])('%s', (_name, configuration, expected) => {
    const output = sortNetworkAclLists(
      deepFreeze(resourceOf('AWS::EC2::NetworkAcl', configuration)),
    );
    expect(output.configuration).toStrictEqual(expected);
  });
});
