import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTfeSim, type TfeSim } from '../sim/tfe/server.js';
import { lambdaContext, runUpTo, type StepWorld, startStepWorld, vpcState } from './step-world.js';

const TOKEN = `canary-${'Fn7T0k3n'.repeat(3)}.atlasv1.${'q'.repeat(40)}`;
const LOCATION = 'tfe://app.terraform.io/acme/network';

let world: StepWorld;
let tfe: TfeSim;
let handler: typeof import('../../functions/drift.js').handler;
let stateFile: string;

beforeAll(async () => {
  world = await startStepWorld();
  stateFile = await vpcState(world.aws);
  tfe = await startTfeSim({
    organization: 'acme',
    token: TOKEN,
    workspaces: [{ name: 'network', state: await readFile(stateFile, 'utf8') }],
  });
  // What the deployment sets: the config's terraform.hosts as JSON; the token from the environment
  // here (tokenSecretArn needs the deploy branch's ReadSecret).
  process.env['STATETRAIL_TERRAFORM_HOSTS'] = JSON.stringify({
    'app.terraform.io': { address: tfe.url },
  });
  process.env['TF_TOKEN_app_terraform_io'] = TOKEN;
  ({ handler } = await import('../../functions/drift.js'));
});
afterAll(async () => {
  delete process.env['STATETRAIL_TERRAFORM_HOSTS'];
  delete process.env['TF_TOKEN_app_terraform_io'];
  await Promise.all([world.close(), tfe.close()]);
});

describe('drift handler with an HCP Terraform workspace', () => {
  it('summarizes the same drift as the same state read from a file', async () => {
    await runUpTo(world, 'scan-tfe-1', 'drift');
    await runUpTo(world, 'scan-tfe-2', 'drift');
    const fromWorkspace = await handler(
      { scanId: 'scan-tfe-1', states: [{ location: LOCATION }] } as never,
      lambdaContext('drift'),
    );
    const fromFile = await handler(
      { scanId: 'scan-tfe-2', states: [{ location: stateFile }] } as never,
      lambdaContext('drift'),
    );
    expect(fromWorkspace.errors).toEqual([]);
    expect(fromWorkspace.summary).toEqual(fromFile.summary);
    expect(fromWorkspace.summary.managed).toBeGreaterThanOrEqual(1);
    expect(
      tfe.requests.filter((r) => r.server === 'api').map((r) => r.headers.authorization),
    ).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it('returns the error naming the workspace, not the token, when the token is refused', async () => {
    await runUpTo(world, 'scan-tfe-3', 'drift');
    tfe.faults.push({ route: 'workspace', status: 401, body: `{"detail":"${TOKEN}"}` });
    const output = await handler(
      { scanId: 'scan-tfe-3', states: [{ location: LOCATION }] } as never,
      lambdaContext('drift'),
    );
    expect(output.errors).toEqual([
      `HCP Terraform refused the token for ${LOCATION} (401: invalid or expired token)`,
    ]);
    expect(JSON.stringify(output)).not.toContain(TOKEN);
  });
});
