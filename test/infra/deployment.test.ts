import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deploymentFromConfig } from '../../infra/config/deployment.js';
import { defaultConfigPath, loadDeployment } from '../../infra/config/load-deployment.js';
import { parseConfig } from '../../lib/config/load-config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/github-AbCdEf';

function deployable(extra: string): string {
  return [`trail: github:acme/trail`, `github: { secretArn: "${SECRET}" }`, extra].join('\n');
}

describe('the deployment derived from the config', () => {
  it('parses the shipped example config into a deployable scan request', async () => {
    const deployment = await loadDeployment('statetrail.example.yaml', ROOT);
    expect(deployment.trail).toBe('github:acme/infra-trail@main');
    expect(deployment.github.secretArn).toMatch(/^arn:aws:secretsmanager:/);
    expect(deployment.schedule).toEqual({
      cron: '0 * * * ? *',
      timeZone: 'Europe/Paris',
      enabled: true,
    });
    expect(deployment.request.aws.organization?.roleName).toBe('statetrail-reader');
    expect(deployment.request.eksClusters).toBe(true);
    expect(deployment.request.clusters).toEqual([]);
    expect(deployment.request.states[0]?.location).toBe('s3://acme-terraform-states/prod/');
    expect(deployment.request.review).toEqual({ persistScans: 2, maxOpenPulls: 10 });
  });

  it("defaults to the user's statetrail.yaml, else the example", async () => {
    const root = await mkdtemp(join(tmpdir(), 'deploy-root-'));
    expect(defaultConfigPath(root)).toBe(join(root, 'statetrail.example.yaml'));
    await writeFile(join(root, 'statetrail.yaml'), '{}');
    expect(defaultConfigPath(root)).toBe(join(root, 'statetrail.yaml'));
  });

  it('refuses a kubeconfig cluster, a local state file, a local trail and a missing secret, naming each key path', () => {
    const config = parseConfig(
      [
        'trail: ./trail',
        'kubernetes: { clusters: [{ kubeconfig: ~/.kube/config }] }',
        'terraform: { states: [s3://ok/prod.tfstate, ./network.tfstate] }',
      ].join('\n'),
      'statetrail.yaml',
    );
    expect(() => deploymentFromConfig(config, 'statetrail.yaml')).toThrow(
      new RegExp(
        [
          'Config statetrail.yaml cannot be deployed:',
          '  trail: a deployed scanner writes a trail on GitHub.*',
          '  github.secretArn: required to deploy.*',
          '  kubernetes.clusters.0: needs a kubeconfig file.*kubernetes.eksClusters: true',
          '  terraform.states.1: a local path cannot be read by a Lambda.*',
        ].join('\n'),
      ),
    );
  });

  it('fails with the schema error, naming the file, for a bad config', async () => {
    const root = await mkdtemp(join(tmpdir(), 'deploy-bad-'));
    await writeFile(join(root, 'bad.yaml'), deployable('aws: { regions: [mars-1] }'));
    await expect(loadDeployment('bad.yaml', root)).rejects.toThrow(
      /Config .*bad\.yaml is invalid:\n {2}aws\.regions\.0: not an AWS region name/,
    );
  });

  it('carries the state role and keeps the executions narrowing to the configured request', () => {
    const config = parseConfig(
      deployable(
        'terraform: { roleArn: "arn:aws:iam::222222222222:role/tf-read", states: [s3://states/a.tfstate] }',
      ),
      'statetrail.yaml',
    );
    const deployment = deploymentFromConfig(config, 'statetrail.yaml');
    expect(deployment.stateRoleArn).toBe('arn:aws:iam::222222222222:role/tf-read');
    expect(deployment.schedule).toBeUndefined();
    expect(deployment.request.states).toEqual([{ location: 's3://states/a.tfstate' }]);
  });
});
