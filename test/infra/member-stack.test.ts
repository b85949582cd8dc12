import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { MemberStack } from '../../infra/stacks/member-stack.js';
import { collectorStatements } from '../../infra/stacks/scanner-stack.js';

function synth(trust: 'externalId' | 'organization'): Template {
  return Template.fromStack(new MemberStack(new App(), 'Member', { trust }));
}

type Doc = { Statement: { Effect: string; Action: string | string[]; Condition?: unknown }[] };

function allowedActions(template: Template): string[] {
  const role = Object.values(template.findResources('AWS::IAM::Role'))[0] as {
    Properties: { Policies: { PolicyDocument: Doc }[] };
  };
  const actions = role.Properties.Policies.flatMap((policy) => policy.PolicyDocument.Statement)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => [statement.Action].flat());
  return [...new Set(actions)].sort();
}

describe('MemberStack', () => {
  it("grants the member role exactly the collectors', discovery's and attribution's reads, assuming nothing further", () => {
    const template = synth('externalId');
    const collectorReads = collectorStatements('aws')
      .flatMap((statement) => statement.actions)
      .filter((action) => action !== 'sts:AssumeRole');
    const actions = allowedActions(template);
    expect(actions).toEqual(expect.arrayContaining(collectorReads));
    expect(actions).toEqual(
      [
        ...new Set([
          ...collectorReads,
          'cloudtrail:LookupEvents',
          'ec2:DescribeRegions',
          'eks:ListClusters',
          'organizations:ListAccounts',
        ]),
      ].sort(),
    );
    expect(actions).not.toContain('sts:AssumeRole');
    expect(
      actions.some((action) => action === 's3:GetObject' || action.startsWith('secretsmanager:')),
    ).toBe(false);
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'statetrail-reader' });
  });

  it("trusts only the scanner stack's roles, with the external id", () => {
    const template = synth('externalId');
    template.hasParameter('ExternalId', { NoEcho: true });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: 'sts:AssumeRole',
            Condition: {
              ArnLike: { 'aws:PrincipalArn': Match.anyValue() },
              StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } },
            },
          }),
        ],
      },
    });
    expect(JSON.stringify(template.toJSON())).toContain(':role/StatetrailScanner-*');
  });

  it('can trust the Organization instead', () => {
    const template = synth('organization');
    template.hasParameter('OrganizationId', { AllowedPattern: '^o-[a-z0-9]{10,32}$' });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Condition: Match.objectLike({
              StringEquals: { 'aws:PrincipalOrgID': { Ref: 'OrganizationId' } },
            }),
          }),
        ],
      },
    });
  });

  it('is a plain template for StackSets: no assets, no bootstrap version, no lookups', () => {
    const json = template();
    expect(json['Parameters']).not.toHaveProperty('BootstrapVersion');
    expect(json['Rules']).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/cdk-hnb659fds|AssetParameters|Fn::ImportValue/);
    expect(Object.keys(json['Resources'] as object).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Reader/)]),
    );
  });

  it('refuses a role name the scanner is not allowed to assume', () => {
    expect(() => new MemberStack(new App(), 'Member', { roleName: 'readonly' })).toThrow(
      'must start with statetrail-',
    );
  });
});

function template(): Record<string, unknown> {
  return synth('externalId').toJSON();
}
