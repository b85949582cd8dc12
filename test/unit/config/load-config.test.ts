import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lib/config/errors.js';
import { loadConfig, parseConfig } from '../../../lib/config/load-config.js';

describe('Function: parseConfig', () => {
  it('fills defaults for an empty file', () => {
    expect(parseConfig('', 'c.yaml').aws).toMatchObject({
      regions: [],
      services: ['ec2', 's3', 'eks'],
      accounts: [],
      s3Shards: 1,
      userData: 'skip',
      keepVolatile: false,
      endpoints: {},
    });
  });

  it('reads accounts, an organization and every option from YAML', () => {
    const config = parseConfig(
      [
        'trail: ./estate',
        'aws:',
        '  regions: all',
        '  services: [ec2, eks]',
        '  accounts:',
        '    - roleArn: arn:aws:iam::222222222222:role/reader',
        '      externalId: ext-1',
        '  organization: { roleName: reader, exclude: ["333333333333"] }',
        '  s3Shards: 4',
        '  userData: fingerprint',
      ].join('\n'),
      'c.yaml',
    );
    expect(config.trail).toBe('./estate');
    expect(config.aws.regions).toBe('all');
    expect(config.aws.accounts).toEqual([
      { roleArn: 'arn:aws:iam::222222222222:role/reader', externalId: 'ext-1' },
    ]);
    expect(config.aws.organization).toEqual({ roleName: 'reader', exclude: ['333333333333'] });
  });

  it('reads JSON too', () => {
    expect(parseConfig('{"aws": {"regions": ["eu-west-1"]}}', 'c.json').aws.regions).toEqual([
      'eu-west-1',
    ]);
  });

  it('names the file and every bad key path, never the values', () => {
    const secretish = 'arn:aws:iam::notanaccount:role/x';
    let error: unknown;
    try {
      parseConfig(
        `aws:\n  regions: [eu-west-1, moon]\n  accounts: [{ roleArn: "${secretish}" }]\n  typo: 1\n`,
        'statetrail.yaml',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('Config statetrail.yaml is invalid');
    expect(message).toContain('aws.regions.1: not an AWS region name');
    expect(message).toContain('aws.accounts.0.roleArn: not an IAM role ARN');
    expect(message).toContain('typo');
    expect(message).not.toContain(secretish);
  });

  it('names the line of a YAML syntax error', () => {
    expect(() => parseConfig('aws:\n  regions: [a\n', 'bad.yaml')).toThrow(
      /Config bad.yaml is not valid YAML \(line \d\)/,
    );
  });

  it('names a duplicate key of a JSON config and its line, not a YAML syntax error', () => {
    const json = '{\n  "trail": "t",\n  "aws": { "regions": ["eu-west-1"] },\n  "aws": {}\n}\n';
    expect(() => parseConfig(json, 'c.json')).toThrow(
      'Config c.json: duplicate key "aws" at line 4; keep one of them',
    );
    expect(() => parseConfig('trail: a\ntrail: b\n', 'c.yaml')).toThrow(
      'duplicate key "trail" at line 2',
    );
  });

  it('refuses an endpoint for a service it does not know, naming the known ones', () => {
    expect(() =>
      parseConfig('aws:\n  endpoints:\n    ec3: http://127.0.0.1:1\n', 'c.yaml'),
    ).toThrow(
      /aws\.endpoints\.ec3: unknown service ec3 \(one of ec2, sts, s3, eks, organizations, cloudtrail, sns\)/,
    );
    expect(
      parseConfig('aws:\n  endpoints:\n    ec2: http://127.0.0.1:1\n', 'c.yaml').aws.endpoints,
    ).toEqual({ ec2: 'http://127.0.0.1:1' });
  });

  it('says to quote an unquoted numeric account id, wherever it appears', () => {
    const config = [
      'aws:',
      '  organization: { roleName: r, exclude: [123456789012] }',
      'terraform:',
      '  states:',
      '    - { location: a.tfstate, accountId: 123456789012 }',
      '',
    ].join('\n');
    let message = '';
    try {
      parseConfig(config, 'c.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'aws.organization.exclude.0: account ids are 12-digit strings: quote it',
    );
    expect(message).toContain(
      'terraform.states.0.accountId: account ids are 12-digit strings: quote it',
    );
    expect(message).not.toContain('Invalid input');
  });
});

describe('Function: loadConfig', () => {
  it('reads a file and names a missing one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'config-'));
    await writeFile(join(dir, 'c.yaml'), 'aws: { regions: [eu-west-1] }\n');
    expect((await loadConfig(join(dir, 'c.yaml'))).aws.regions).toEqual(['eu-west-1']);
    await expect(loadConfig(join(dir, 'nope.yaml'))).rejects.toThrow(
      `Cannot read config ${join(dir, 'nope.yaml')}: ENOENT`,
    );
  });
});

describe('Function: parseConfig, Kubernetes cluster names', () => {
  it('reads a cluster name and request timeout', () => {
    const config = parseConfig(
      'kubernetes:\n  clusters: [{ kubeconfig: ./a, name: lab, requestTimeoutSeconds: 5 }]',
      'c.yaml',
    );
    expect(config.kubernetes.clusters).toEqual([
      { kubeconfig: './a', name: 'lab', requestTimeoutSeconds: 5 },
    ]);
  });

  it('refuses a cluster name that is no single trail directory', () => {
    expect(() =>
      parseConfig('kubernetes:\n  clusters: [{ context: a, name: "../prod" }]', 'c.yaml'),
    ).toThrow(ConfigError);
  });

  it('reads HCP Terraform hosts, their token secret or variable and address, and refuses a token value', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:tfc-token-AbCdEf';
    const config = parseConfig(
      [
        'terraform:',
        '  states: [tfe://app.terraform.io/acme/network]',
        '  hosts:',
        '    app.terraform.io:',
        `      tokenSecretArn: ${arn}`,
        '    tfe.example.com:8443:',
        '      tokenEnv: TFE_READ_TOKEN',
        '      address: https://tfe-proxy.example.com',
      ].join('\n'),
      'c.yaml',
    );
    expect(config.terraform.states).toEqual([{ location: 'tfe://app.terraform.io/acme/network' }]);
    expect(config.terraform.hosts).toEqual({
      'app.terraform.io': { tokenSecretArn: arn },
      'tfe.example.com:8443': {
        tokenEnv: 'TFE_READ_TOKEN',
        address: 'https://tfe-proxy.example.com',
      },
    });
    const withValue = () =>
      parseConfig(
        'terraform:\n  hosts:\n    app.terraform.io:\n      token: s3cr3t-value\n',
        'c.yaml',
      );
    expect(withValue).toThrow(ConfigError);
    expect(withValue).toThrow(/terraform\.hosts\.app\.terraform\.io/);
    expect(withValue).not.toThrow(/s3cr3t-value/);
    expect(() =>
      parseConfig(
        'terraform:\n  hosts:\n    app.terraform.io:\n      tokenSecretArn: nope\n',
        'c.yaml',
      ),
    ).toThrow(/expected a Secrets Manager secret ARN/);
  });
});
