import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { TerraformHostsAccess } from '../../infra/constructs/terraform-hosts-access.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:tfc-read-AbCdEf';

function synth(hosts: Record<string, { tokenSecretArn?: string; tokenEnv?: string }>) {
  const stack = new Stack(new App(), 'Test');
  const fn = new LambdaFunction(stack, 'Drift', {
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline('exports.handler = async () => {}'),
  });
  new TerraformHostsAccess(stack, 'TerraformHosts', { fn, hosts });
  return Template.fromStack(stack);
}

describe('TerraformHostsAccess', () => {
  it('passes terraform.hosts to the drift function and lets it read exactly the token secrets', () => {
    const hosts = {
      'app.terraform.io': { tokenSecretArn: ARN },
      'tfe.example.com': { tokenEnv: 'T' },
    };
    const template = synth(hosts);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { STATETRAIL_TERRAFORM_HOSTS: JSON.stringify(hosts) } },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: 'secretsmanager:GetSecretValue',
            Effect: 'Allow',
            Resource: [ARN, `${ARN}-??????`],
          },
        ]),
      },
    });
  });

  it('also matches the random suffix of a secret named by a partial ARN', () => {
    const partial = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:tfc/read';
    const template = synth({ 'app.terraform.io': { tokenSecretArn: partial } });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Resource: [partial, `${partial}-??????`] }),
        ]),
      },
    });
  });

  it('adds nothing without hosts', () => {
    const template = synth({});
    expect(Object.keys(template.findResources('AWS::IAM::Policy'))).toEqual([]);
    const fns = template.findResources('AWS::Lambda::Function');
    expect(JSON.stringify(fns)).not.toContain('STATETRAIL_TERRAFORM_HOSTS');
  });
});
