import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { loadConfig } from '../../lib/config/load-config.js';
import { type Deployment, deploymentFromConfig } from './deployment.js';

/** The config `cdk deploy` reads without `-c config=PATH`: the user's, else the example. */
export function defaultConfigPath(root: string): string {
  const own = join(root, 'statetrail.yaml');
  return existsSync(own) ? own : join(root, 'statetrail.example.yaml');
}

/**
 * Reads the config with the CLI's loader (the same schema, the same errors naming file and key
 * path) and derives the deployment from it.
 */
export async function loadDeployment(path: string, root: string): Promise<Deployment> {
  const file = isAbsolute(path) ? path : join(root, path);
  return deploymentFromConfig(await loadConfig(file), path);
}
