import { describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../../lib/model/index.js';
import { StateSourceError } from '../../../lib/terraform/errors.js';
import {
  terraformCliToken,
  terraformTokenVariable,
  tfeToken,
} from '../../../lib/wiring/tfe-clients.js';

const base = { clock: systemClock, logger: silentLogger };

describe('HCP Terraform tokens', () => {
  it("names the variable as Terraform's CLI does: dots as _, hyphens as __, no port", () => {
    expect(terraformTokenVariable('app.terraform.io')).toBe('TF_TOKEN_app_terraform_io');
    expect(terraformTokenVariable('my-tfe.example.com:8443')).toBe('TF_TOKEN_my__tfe_example_com');
  });

  it('finds TF_TOKEN_<host> whatever its case, and no other host', () => {
    const env = { TF_TOKEN_APP_TERRAFORM_IO: 'a-token', TF_TOKEN_my__tfe_example_com: 'b-token' };
    expect(terraformCliToken('app.terraform.io', env)).toBe('a-token');
    expect(terraformCliToken('my-tfe.example.com', env)).toBe('b-token');
    expect(terraformCliToken('other.example.com', env)).toBeUndefined();
  });

  it('reads the secret first when a secret reader is wired, then tokenEnv, then TF_TOKEN_<host>', async () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:tfc-AbCdEf';
    const hosts = { 'app.terraform.io': { tokenSecretArn: arn } };
    const asked: string[] = [];
    const readSecret = async (name: string) => {
      asked.push(name);
      return ' from-secret\n';
    };
    const env = { TF_TOKEN_app_terraform_io: 'from-env' };
    expect(await tfeToken('app.terraform.io', { ...base, hosts, env, readSecret })).toBe(
      'from-secret',
    );
    expect(asked).toEqual([arn]);
    expect(await tfeToken('app.terraform.io', { ...base, hosts, env })).toBe('from-env');
    const named = { 'app.terraform.io': { tokenEnv: 'MY_TOKEN' } };
    expect(
      await tfeToken('app.terraform.io', { ...base, hosts: named, env: { MY_TOKEN: 'mine' } }),
    ).toBe('mine');
  });

  it('says where it looked when there is no token, and never shows a secret reader failure value', async () => {
    await expect(tfeToken('app.terraform.io', { ...base, hosts: {}, env: {} })).rejects.toThrow(
      /No token for HCP Terraform host app\.terraform\.io: set TF_TOKEN_app_terraform_io/,
    );
    const arn = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:tfc-AbCdEf';
    const failing = tfeToken('app.terraform.io', {
      ...base,
      hosts: { 'app.terraform.io': { tokenSecretArn: arn } },
      env: {},
      readSecret: async () => {
        throw new Error('AccessDeniedException');
      },
    });
    await expect(failing).rejects.toBeInstanceOf(StateSourceError);
    await expect(failing).rejects.toThrow(`from its secret ${arn}`);
  });
});
