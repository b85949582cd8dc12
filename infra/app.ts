import { App } from 'aws-cdk-lib';
import { ScannerStack } from './stacks/scanner-stack.js';

// Environment-agnostic (no account/region): synth needs no credentials, deploy takes the CLI's.
const app = new App();
// `cdk deploy -c trail=github:OWNER/REPO[@BRANCH]`: the trail drift and commit write.
const trail: unknown = app.node.tryGetContext('trail');
new ScannerStack(app, 'StatetrailScanner', {
  description: 'statetrail: exports infrastructure state to a git trail and reports drift',
  ...(typeof trail === 'string' ? { trail } : {}),
});
