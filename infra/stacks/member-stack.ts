import {
  BootstraplessSynthesizer,
  CfnOutput,
  CfnParameter,
  type IStackSynthesizer,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import { ArnPrincipal, Effect, PolicyDocument, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import {
  attributionStatements,
  collectorStatements,
  discoveryStatements,
} from './scanner-stack.js';

/** How a member account's role trusts the scanner: an external id, or the Organization. */
export type MemberTrust = 'externalId' | 'organization';

/** Props of {@link MemberStack}. */
export interface MemberStackProps extends StackProps {
  /** @default 'externalId' */
  readonly trust?: MemberTrust;
  /** Must match `statetrail-*` (the scanner may assume only those). @default statetrail-reader */
  readonly roleName?: string;
  /** The scanner stack's name: only its roles may assume this one. @default StatetrailScanner */
  readonly scannerStackName?: string;
}

/**
 * The read-only role the scanner assumes in each member account: exactly the collectors' and
 * discovery's reads, nothing that reads data or assumes further. A plain template with
 * parameters (no assets, no lookups, no bootstrap), so one StackSet deploys it everywhere.
 */
export class MemberStack extends Stack {
  /** The member role. */
  public readonly role: Role;

  public constructor(scope: Construct, id: string, props: MemberStackProps = {}) {
    // The cast: jsii's optional `bootstrapQualifier` does not satisfy exactOptionalPropertyTypes.
    const synthesizer = new BootstraplessSynthesizer() as unknown as IStackSynthesizer;
    super(scope, id, { synthesizer, ...props });
    const roleName = props.roleName ?? 'statetrail-reader';
    if (!/^statetrail-[\w+=,.@-]+$/.test(roleName)) {
      throw new Error(`Member role name ${roleName} must start with statetrail-`);
    }
    const scannerAccount = new CfnParameter(this, 'ScannerAccountId', {
      type: 'String',
      allowedPattern: '^\\d{12}$',
      description: 'The account the statetrail scanner stack is deployed in',
    });
    const scannerStack = props.scannerStackName ?? 'StatetrailScanner';
    // The scanner's function roles are named <stack>-<id>Role...: no other principal of the account.
    const conditions: Record<string, Record<string, unknown>> = {
      ArnLike: {
        'aws:PrincipalArn': `arn:${this.partition}:iam::${scannerAccount.valueAsString}:role/${scannerStack}-*`,
      },
    };
    if ((props.trust ?? 'externalId') === 'externalId') {
      const externalId = new CfnParameter(this, 'ExternalId', {
        type: 'String',
        minLength: 2,
        noEcho: true,
        description:
          'The external id the config gives (aws.organization.externalId or per account)',
      });
      conditions['StringEquals'] = { 'sts:ExternalId': externalId.valueAsString };
    } else {
      const organization = new CfnParameter(this, 'OrganizationId', {
        type: 'String',
        allowedPattern: '^o-[a-z0-9]{10,32}$',
        description: 'The AWS Organization both the scanner and this account belong to',
      });
      conditions['StringEquals'] = { 'aws:PrincipalOrgID': organization.valueAsString };
    }
    const reads = [
      ...collectorStatements(this.partition),
      ...discoveryStatements(this.partition),
      ...attributionStatements(this.partition),
    ].filter((statement) => !statement.actions.includes('sts:AssumeRole'));
    this.role = new Role(this, 'Reader', {
      roleName,
      description: 'statetrail: read-only configuration reads for the scanner',
      assumedBy: new ArnPrincipal(
        `arn:${this.partition}:iam::${scannerAccount.valueAsString}:root`,
      ).withConditions(conditions),
      inlinePolicies: { reads: new PolicyDocument({ statements: reads }) },
    });
    this.role.addToPolicy(
      new PolicyStatement({
        sid: 'NoObjectOrSecretReads',
        effect: Effect.DENY,
        actions: ['s3:GetObject', 'secretsmanager:GetSecretValue', 'ssm:GetParameter*'],
        resources: ['*'],
      }),
    );
    new CfnOutput(this, 'RoleArn', { value: this.role.roleArn });
  }
}
