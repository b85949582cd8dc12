import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { ConfigError } from '../lib/config/errors.js';
import { defaultConfigPath, loadDeployment } from './config/load-deployment.js';
import { addMemberStack, addScannerStack } from './scanner-app.js';

const root = fileURLToPath(new URL('../', import.meta.url));
// `cdk deploy -c config=PATH`; without it statetrail.yaml, else the shipped example.
// Synthesized explicitly, so a refused config writes no (empty) cloud assembly.
const app = new App({ autoSynth: false });
const context: unknown = app.node.tryGetContext('config');
const path = typeof context === 'string' ? context : defaultConfigPath(root);

try {
  const deployment = await loadDeployment(path, root);
  addScannerStack(app, deployment);
  addMemberStack(app, deployment);
  app.synth();
} catch (error) {
  // A bad config fails `cdk synth` with the config's own message (file, key path), no stack trace.
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
