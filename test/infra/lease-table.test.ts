import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScannerStack } from '../../infra/stacks/scanner-stack.js';
import { LEASE_CONDITIONS } from '../../lib/pipeline/dynamodb-lease-store.js';

const TRAIL = 'github:acme/trail@scans';

let template: Template;

beforeAll(() => {
  // No bundling: these tests read the template.
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(new ScannerStack(app, 'Test', { trail: TRAIL }));
});

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** The logical id of the lease table. */
function tableId(): string {
  const [id] = Object.keys(template.findResources('AWS::DynamoDB::Table'));
  if (!id) throw new Error('no table');
  return id;
}

/** Every inline-policy statement of each function role, by the role's logical id. */
function statementsByRole(): Map<string, Statement[]> {
  const byRole = new Map<string, Statement[]>();
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
    Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } };
  }[];
  for (const policy of policies) {
    for (const { Ref } of policy.Properties.Roles) {
      byRole.set(Ref, [...(byRole.get(Ref) ?? []), ...policy.Properties.PolicyDocument.Statement]);
    }
  }
  return byRole;
}

function dynamoActions(statements: readonly Statement[]): string[] {
  return statements
    .flatMap((s) => [s.Action].flat())
    .filter((a) => a.startsWith('dynamodb:'))
    .sort();
}

function environmentOf(description: RegExp): Record<string, unknown> {
  const [fn] = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp(description.source) },
    }),
  ) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[];
  return fn?.Properties.Environment.Variables ?? {};
}

describe('LeaseTable in the ScannerStack', () => {
  it('is one on-demand, encrypted table with point-in-time recovery, keyed by pk, expiring by expiresAt', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    // The attributes the adapter's conditions name are the table's key and TTL attribute.
    expect(LEASE_CONDITIONS.claim).toContain('attribute_not_exists(pk)');
    expect(LEASE_CONDITIONS.claim).toContain('expiresAt < :now');
  });

  it('is deleted with the stack: it holds only leases, worthless once their scan ended', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  it('lets only the lease function write leases, and the commit function read them', () => {
    const byRole = statementsByRole();
    const withDynamo = [...byRole].filter(([, statements]) => dynamoActions(statements).length > 0);
    expect(withDynamo.map(([role]) => role.replace(/Role.*$/, '')).sort()).toEqual([
      'Commit',
      'Lease',
    ]);
    for (const [role, statements] of withDynamo) {
      const expected = role.startsWith('Lease')
        ? ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem']
        : ['dynamodb:GetItem'];
      expect(dynamoActions(statements)).toEqual(expected);
      const dynamo = statements.filter((s) =>
        [s.Action].flat().some((a) => a.startsWith('dynamodb:')),
      );
      for (const statement of dynamo) {
        expect(statement.Resource).toEqual({ 'Fn::GetAtt': [tableId(), 'Arn'] });
      }
    }
  });

  it('tells the lease function the table, the lease length and the trail; commit the table', () => {
    const table = { Ref: tableId() };
    expect(environmentOf(/trail lease/)).toMatchObject({
      LEASE_TABLE: table,
      LEASE_TTL_SECONDS: '3600',
      STATETRAIL_TRAIL: TRAIL,
    });
    expect(environmentOf(/commits/)['LEASE_TABLE']).toEqual(table);
    expect(environmentOf(/compares the staged/)['LEASE_TABLE']).toBeUndefined();
  });
});
