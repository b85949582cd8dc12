import { describe, expect, it } from 'vitest';
import { parseFunctionEnv, parseLeaseFunctionEnv } from '../../../functions/shared/env.js';
import { EnvironmentError } from '../../../functions/shared/errors.js';

describe('parseFunctionEnv', () => {
  it('reads the staging bucket and defaults the prefix to the bucket root', () => {
    expect(parseFunctionEnv({ STAGING_BUCKET: 'b' })).toEqual({
      STAGING_BUCKET: 'b',
      STAGING_PREFIX: '',
    });
  });

  it('reads endpoint overrides as service=url pairs', () => {
    const env = parseFunctionEnv({
      STAGING_BUCKET: 'b',
      STATETRAIL_ENDPOINTS: 'ec2=http://127.0.0.1:4566,s3=http://localhost:5000/',
    });
    expect(env.STATETRAIL_ENDPOINTS).toEqual({
      ec2: 'http://127.0.0.1:4566',
      s3: 'http://localhost:5000/',
    });
  });

  it('fails the cold start with an error that names each missing or malformed variable', () => {
    const parse = () => parseFunctionEnv({ STATETRAIL_ENDPOINTS: 'ec2:4566' });
    expect(parse).toThrow(EnvironmentError);
    expect(parse).toThrow(/STAGING_BUCKET/);
    expect(parse).toThrow(/STATETRAIL_ENDPOINTS/);
  });

  it('requires a github: trail where the function writes one, and names a malformed one', () => {
    expect(() => parseFunctionEnv({ STAGING_BUCKET: 'b' }, ['STATETRAIL_TRAIL'])).toThrow(
      /STATETRAIL_TRAIL/,
    );
    expect(() =>
      parseFunctionEnv({ STAGING_BUCKET: 'b', STATETRAIL_TRAIL: './trail' }, ['STATETRAIL_TRAIL']),
    ).toThrow(/github:OWNER\/REPO/);
    const env = parseFunctionEnv(
      {
        STAGING_BUCKET: 'b',
        STATETRAIL_TRAIL: 'github:acme/trail@scans',
        STATETRAIL_GITHUB_WAIT_UNIT_MS: '0',
      },
      ['STATETRAIL_TRAIL'],
    );
    expect(env.STATETRAIL_TRAIL).toBe('github:acme/trail@scans');
    expect(env.STATETRAIL_GITHUB_WAIT_UNIT_MS).toBe(0);
  });

  it('reads the terraform.hosts JSON for tfe:// states, and names a malformed one', () => {
    const hosts = {
      'app.terraform.io': {
        tokenSecretArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:tfc-AbCdEf',
      },
    };
    expect(
      parseFunctionEnv({ STAGING_BUCKET: 'b', STATETRAIL_TERRAFORM_HOSTS: JSON.stringify(hosts) })
        .STATETRAIL_TERRAFORM_HOSTS,
    ).toEqual(hosts);
    expect(() =>
      parseFunctionEnv({ STAGING_BUCKET: 'b', STATETRAIL_TERRAFORM_HOSTS: '{' }),
    ).toThrow(/STATETRAIL_TERRAFORM_HOSTS/);
    expect(() =>
      parseFunctionEnv({
        STAGING_BUCKET: 'b',
        STATETRAIL_TERRAFORM_HOSTS: '{"app.terraform.io":{"token":"a-value"}}',
      }),
    ).toThrow(/STATETRAIL_TERRAFORM_HOSTS/);
  });
});

describe('parseLeaseFunctionEnv', () => {
  it('reads the table and the trail, and defaults the lease to an hour; no staging bucket needed', () => {
    expect(parseLeaseFunctionEnv({ LEASE_TABLE: 't', STATETRAIL_TRAIL: 'github:a/b' })).toEqual({
      LEASE_TABLE: 't',
      LEASE_TTL_SECONDS: 3600,
      STATETRAIL_TRAIL: 'github:a/b',
    });
  });

  it('names a missing table, a missing trail and a lease too short to outlast a scan', () => {
    const parse = () => parseLeaseFunctionEnv({ LEASE_TTL_SECONDS: '5' });
    expect(parse).toThrow(EnvironmentError);
    expect(parse).toThrow(/LEASE_TABLE/);
    expect(parse).toThrow(/STATETRAIL_TRAIL/);
    expect(parse).toThrow(/LEASE_TTL_SECONDS/);
  });
});
