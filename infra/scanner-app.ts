import { App, type AppProps } from 'aws-cdk-lib';
import type { Deployment } from './config/deployment.js';
import { suppressMemberFindings, suppressScannerFindings } from './nag-suppressions.js';
import { MemberStack } from './stacks/member-stack.js';
import { ScannerStack } from './stacks/scanner-stack.js';

/** The scanner stack's construct id (and CloudFormation stack name). */
export const SCANNER_STACK_ID = 'StatetrailScanner';
/** The member-account role's stack (deployed by StackSets from its synthesized template). */
export const MEMBER_STACK_ID = 'StatetrailMember';

/**
 * The CDK app of one deployment: the scanner stack built from the config. Environment-agnostic
 * (no account/region): synth needs no credentials, deploy takes the CLI's.
 */
export function createScannerApp(deployment: Deployment, props: AppProps = {}): App {
  const app = new App(props);
  addScannerStack(app, deployment);
  addMemberStack(app, deployment);
  return app;
}

/** Adds the scanner stack of `deployment` to an existing app. */
export function addScannerStack(app: App, deployment: Deployment): ScannerStack {
  const stack = new ScannerStack(app, SCANNER_STACK_ID, {
    description: 'statetrail: exports infrastructure state to a git trail and reports drift',
    deployment,
  });
  suppressScannerFindings(stack);
  return stack;
}

/**
 * Adds the member-account stack: trusting the scanner with the config's external id when it
 * gives one, else through the Organization.
 */
export function addMemberStack(app: App, deployment: Deployment): MemberStack {
  const aws = deployment.request.aws;
  const external =
    aws.organization?.externalId !== undefined ||
    aws.accounts.some((account) => account.externalId !== undefined);
  const roleName = aws.organization?.roleName;
  const stack = new MemberStack(app, MEMBER_STACK_ID, {
    description: 'statetrail: the read-only role the scanner assumes in a member account',
    trust: external ? 'externalId' : 'organization',
    scannerStackName: SCANNER_STACK_ID,
    ...(roleName?.startsWith('statetrail-') ? { roleName } : {}),
  });
  suppressMemberFindings(stack);
  return stack;
}
