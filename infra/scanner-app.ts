import { App, type AppProps } from 'aws-cdk-lib';
import type { Deployment } from './config/deployment.js';
import { ScannerStack } from './stacks/scanner-stack.js';

/** The scanner stack's construct id (and CloudFormation stack name). */
export const SCANNER_STACK_ID = 'StatetrailScanner';

/**
 * The CDK app of one deployment: the scanner stack built from the config. Environment-agnostic
 * (no account/region): synth needs no credentials, deploy takes the CLI's.
 */
export function createScannerApp(deployment: Deployment, props: AppProps = {}): App {
  const app = new App(props);
  addScannerStack(app, deployment);
  return app;
}

/** Adds the scanner stack of `deployment` to an existing app. */
export function addScannerStack(app: App, deployment: Deployment): ScannerStack {
  return new ScannerStack(app, SCANNER_STACK_ID, {
    description: 'statetrail: exports infrastructure state to a git trail and reports drift',
    deployment,
  });
}
