import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReadSecret, gitHubCredentialEnv } from '../../../functions/shared/secrets.js';
import { type SecretsManagerSim, startSecretsManagerSim } from '../../sim/aws/secrets-manager.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:statetrail/github-AbCdEf';
const TOKEN = 'github_pat_11AAAAAAA0simulatedtokenvalue';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIsim\n-----END RSA PRIVATE KEY-----\n';

let sim: SecretsManagerSim;

function client(): SecretsManagerClient {
  return new SecretsManagerClient({
    endpoint: sim.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIASIMSAMPLE0000001', secretAccessKey: 'sim' },
    maxAttempts: 1,
  });
}

beforeAll(async () => {
  sim = await startSecretsManagerSim();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.secrets.clear();
  sim.reads.length = 0;
});

describe('createReadSecret (Powertools Parameters over Secrets Manager)', () => {
  it('reads a secret by ARN through the real SDK and caches it for the warm function', async () => {
    sim.secrets.set(ARN, JSON.stringify({ token: TOKEN }));
    const read = createReadSecret({ client: client() });
    expect(await read(ARN)).toBe(JSON.stringify({ token: TOKEN }));
    expect(await read(ARN)).toBe(JSON.stringify({ token: TOKEN }));
    expect(sim.reads).toEqual([ARN]);
  });

  it('reads again once the cache has expired (a rotated secret is picked up)', async () => {
    sim.secrets.set(ARN, 'first');
    const read = createReadSecret({ client: client(), maxAgeSeconds: 0 });
    expect(await read(ARN)).toBe('first');
    sim.secrets.set(ARN, 'second');
    expect(await read(ARN)).toBe('second');
    expect(sim.reads).toHaveLength(2);
  });

  it('names the ARN and the error, never a value, when the read is denied or the secret is missing', async () => {
    const read = createReadSecret({ client: client() });
    await expect(read(ARN)).rejects.toThrow(`Cannot read secret ${ARN}: ResourceNotFoundException`);
    sim.secrets.set(ARN, TOKEN);
    sim.deny();
    const error = await read(ARN).catch((caught: unknown) => caught as Error);
    expect(error).toMatchObject({ name: 'SecretError' });
    expect(String((error as Error).message)).toContain('AccessDeniedException');
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });
});

describe('gitHubCredentialEnv', () => {
  it('maps a token secret to GITHUB_TOKEN', () => {
    expect(gitHubCredentialEnv(JSON.stringify({ token: TOKEN }), ARN)).toEqual({
      GITHUB_TOKEN: TOKEN,
    });
  });

  it("maps a GitHub App secret to the App's variables", () => {
    const text = JSON.stringify({ appId: 123456, installationId: '7890', privateKey: PEM });
    expect(gitHubCredentialEnv(text, ARN)).toEqual({
      STATETRAIL_GITHUB_APP_ID: '123456',
      STATETRAIL_GITHUB_APP_INSTALLATION_ID: '7890',
      STATETRAIL_GITHUB_APP_PRIVATE_KEY: PEM,
    });
  });

  it('refuses a plain-text or wrong-shaped secret naming the ARN and its keys, not its value', () => {
    expect(() => gitHubCredentialEnv(TOKEN, ARN)).toThrow(`Secret ${ARN} is not JSON`);
    const wrong = () => gitHubCredentialEnv(JSON.stringify({ appId: 1, key: PEM }), ARN);
    expect(wrong).toThrow(/not a GitHub credential.*\(keys: appId, key\)/);
    expect(wrong).not.toThrow(/PRIVATE KEY/);
  });
});
