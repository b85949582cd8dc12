import { describe, expect, it } from 'vitest';
import { protectSecrets } from '../../../lib/snapshot/kube/secrets.js';
import { isSecretName, nameWords } from '../../../lib/snapshot/secret-names.js';
import { maskKubernetesSecrets } from '../../../lib/terraform/mask.js';
import { SENSITIVE } from '../../../lib/terraform/state-instance.js';
import { kubeObject, TEST_KEY } from '../sources/k8s/fixtures.js';

const SECRET = [
  'password',
  'passwd',
  'pwd',
  'DB_PASSWORD',
  'dbPassword',
  'master_password',
  'ses_smtp_password_v4',
  'api_key',
  'apikey',
  'API-KEY',
  'ACCESS_KEY',
  'aws.secret.key',
  'client_secret',
  'clientSecret',
  'secret_string',
  'auth_token',
  'connection-string',
  'ConnectionString',
  'private_key_pem',
  'tls.private-key',
  'user_data_base64',
  'kube_config_raw',
  'kubeconfig',
  'credentials.json',
  'ssh_passphrase',
];

const NOT_SECRET = [
  'id',
  'secret_arn',
  'secret_id',
  'kms_key_id',
  'password_reset_required',
  'password_length',
  'http_tokens',
  'creation_token',
  'public_key',
  'certificate_authority',
  'log_level',
  'database_host',
  'key',
];

describe('isSecretName', () => {
  it.each(SECRET)('treats %s as secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(NOT_SECRET)('leaves %s alone', (name) => {
    expect(isSecretName(name)).toBe(false);
  });

  it('reads a name as words', () => {
    expect(nameWords('dbPassword-v2.x')).toEqual(['db', 'password', 'v2', 'x']);
  });
});

describe('one list for the exporter and the Terraform masker', () => {
  it.each(SECRET)('hides ConfigMap key %s on both sides', (name) => {
    const exported = protectSecrets(kubeObject('v1', 'ConfigMap', { data: { [name]: 'clear' } }), {
      key: TEST_KEY,
    });
    expect(JSON.stringify(exported)).not.toContain('clear');
    const state = maskKubernetesSecrets('kubernetes_config_map_v1', { data: { [name]: 'clear' } });
    expect(state['data']).toEqual({ [name]: SENSITIVE });
  });

  it.each(NOT_SECRET)('keeps ConfigMap key %s in clear on both sides', (name) => {
    const exported = protectSecrets(kubeObject('v1', 'ConfigMap', { data: { [name]: 'clear' } }), {
      key: TEST_KEY,
    });
    expect(exported).toMatchObject({ object: { data: { [name]: 'clear' } } });
    const state = maskKubernetesSecrets('kubernetes_config_map_v1', { data: { [name]: 'clear' } });
    expect(state['data']).toEqual({ [name]: 'clear' });
  });

  it('masks a connection string or a URL with a password under any key, on both sides', () => {
    const data = { settings: 'Server=db;Password=hunter2', url: 'postgres://a:hunter2@db/app' };
    const exported = protectSecrets(kubeObject('v1', 'ConfigMap', { data }), { key: TEST_KEY });
    expect(JSON.stringify(exported)).not.toContain('hunter2');
    const state = maskKubernetesSecrets('kubernetes_config_map_v1', { data });
    expect(JSON.stringify(state)).not.toContain('hunter2');
  });
});
