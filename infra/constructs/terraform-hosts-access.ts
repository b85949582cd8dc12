import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { TfeHosts } from '../../lib/config/schema.js';

/** Props of {@link TerraformHostsAccess}. */
export interface TerraformHostsAccessProps {
  /** The function that reads tfe:// states: the drift step. */
  readonly fn: LambdaFunction;
  /** The config's `terraform.hosts`. */
  readonly hosts: TfeHosts;
}

/**
 * Gives the drift function what tfe:// states need: the config's `terraform.hosts` as
 * `STATETRAIL_TERRAFORM_HOSTS` (ARNs and names, never values) and `secretsmanager:GetSecretValue`
 * on exactly the token secrets it names. Nothing without hosts.
 */
export class TerraformHostsAccess extends Construct {
  public constructor(scope: Construct, id: string, props: TerraformHostsAccessProps) {
    super(scope, id);
    const { fn, hosts } = props;
    if (Object.keys(hosts).length === 0) return;
    fn.addEnvironment('STATETRAIL_TERRAFORM_HOSTS', JSON.stringify(hosts));
    const arns = [
      ...new Set(
        Object.values(hosts).flatMap((host) => (host.tokenSecretArn ? [host.tokenSecretArn] : [])),
      ),
    ].sort();
    if (arns.length === 0) return;
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        // A full ARN ends in Secrets Manager's random six-character suffix; a partial one (without
        // it) needs `-??????`. Which one was given cannot be told apart (`tfc-reader`), so both.
        resources: arns.flatMap((arn) => [arn, `${arn}-??????`]),
      }),
    );
  }
}
