import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../lib/model/kube.js';
import { hmacFingerprint } from '../../../../lib/snapshot/fingerprint.js';
import {
  isNoiseSecret,
  protectSecrets,
  type SecretOptions,
} from '../../../../lib/snapshot/kube/secrets.js';
import { REDACTED, redactedKey } from '../../../../lib/snapshot/normalize/redact-credentials.js';
import { toKubeRecord } from '../../../../lib/sources/k8s/record.js';
import { renderKubeRecord } from '../../../../lib/sources/k8s/render.js';
import { kubeObject, TEST_KEY } from '../../sources/k8s/fixtures.js';

const CANARY = 'CANARY-7c1a-do-not-commit';
const CANARY_BASE64 = Buffer.from(CANARY).toString('base64');

function secret(extra: Record<string, unknown> = {}): KubeObject {
  return kubeObject('v1', 'Secret', {
    metadata: {
      name: 'db',
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
          data: { password: CANARY_BASE64 },
          stringData: { token: CANARY },
        }),
      },
    },
    type: 'Opaque',
    data: { password: CANARY_BASE64 },
    ...extra,
  });
}

function protectedObject(
  object: KubeObject,
  options: SecretOptions = { key: TEST_KEY },
): KubeObject {
  const result = protectSecrets(object, options);
  if (result.outcome !== 'protected') throw new Error('skipped');
  return result.object;
}

function renderedText(object: KubeObject): string {
  const result = toKubeRecord(object, { cluster: 'c', key: TEST_KEY, hpaTargets: new Set() });
  if (result.outcome !== 'record') throw new Error('skipped');
  return new TextDecoder().decode(renderKubeRecord(result.record).bytes);
}

describe('Function: protectSecrets', () => {
  it('fingerprints the decoded bytes of Secret data', () => {
    expect(protectedObject(secret())['data']).toEqual({
      password: hmacFingerprint(TEST_KEY, CANARY),
    });
  });

  it('gives stringData the fingerprint the same value has as data', () => {
    const object = secret({ data: undefined, stringData: { password: CANARY } });
    expect(protectedObject(object)['stringData']).toEqual({
      password: hmacFingerprint(TEST_KEY, CANARY),
    });
  });

  it('drops the last-applied annotation, which holds the values in clear', () => {
    expect(protectedObject(secret()).metadata.annotations).toEqual({});
  });

  it('never writes a canary, plain or base64, anywhere in the rendered Secret', () => {
    const object = secret({ stringData: { token: CANARY } });
    object.metadata.labels = { note: 'kept' };
    const text = renderedText(object);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(CANARY_BASE64);
    expect(text).toContain('hmac-sha256:');
  });

  it('asks the caller to skip a Secret when there is no key, and never returns its values', () => {
    expect(protectSecrets(secret(), {})).toEqual({ outcome: 'skip', reason: 'no-hmac-key' });
    const result = toKubeRecord(secret(), { cluster: 'c', hpaTargets: new Set() });
    expect(result).toEqual({ outcome: 'skip', reason: 'no-hmac-key' });
  });

  it('fingerprints ConfigMap values under secret-looking keys and credential-shaped values', () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789AB';
    const configMap = kubeObject('v1', 'ConfigMap', {
      data: { DB_PASSWORD: CANARY, api_token: 'x', 'private-key': 'k', note: token, mode: 'on' },
      binaryData: { 'client-secret': CANARY_BASE64, logo: 'iVBORw0K' },
    });
    const result = protectedObject(configMap);
    expect(result['data']).toEqual({
      DB_PASSWORD: hmacFingerprint(TEST_KEY, CANARY),
      api_token: hmacFingerprint(TEST_KEY, 'x'),
      'private-key': hmacFingerprint(TEST_KEY, 'k'),
      note: hmacFingerprint(TEST_KEY, token),
      mode: 'on',
    });
    expect(result['binaryData']).toEqual({
      'client-secret': hmacFingerprint(TEST_KEY, CANARY),
      logo: 'iVBORw0K',
    });
  });

  it('redacts ConfigMap secrets with a fixed marker when there is no key', () => {
    const configMap = kubeObject('v1', 'ConfigMap', { data: { password: CANARY, mode: 'on' } });
    expect(protectedObject(configMap, {})['data']).toEqual({
      password: REDACTED,
      mode: 'on',
    });
  });

  it('takes the ConfigMap key patterns it is given', () => {
    const configMap = kubeObject('v1', 'ConfigMap', { data: { password: 'p', pin: '1234' } });
    const result = protectSecrets(configMap, { key: TEST_KEY, configMapKeyPatterns: [/^pin$/] });
    expect(result).toMatchObject({
      object: { data: { password: 'p', pin: hmacFingerprint(TEST_KEY, '1234') } },
    });
  });

  it('fingerprints credential-shaped values in any kind, such as a pod env literal', () => {
    const key = 'AKIAIOSFODNN7EXAMPLE';
    const deployment = kubeObject('apps/v1', 'Deployment', {
      spec: { template: { spec: { containers: [{ env: [{ name: 'K', value: key }] }] } } },
    });
    expect(renderedText(deployment)).not.toContain(key);
  });

  it('masks credential-shaped label, annotation and ConfigMap data keys, keeping them apart', () => {
    const token = `ghp_${'a1B2'.repeat(9)}`;
    const other = `ghp_${'c3D4'.repeat(9)}`;
    const configMap = kubeObject('v1', 'ConfigMap', {
      metadata: { name: 'c', labels: { [token]: 'x', app: 'web' }, annotations: { [other]: 'y' } },
      data: { [token]: 'one', [other]: 'two' },
    });
    const object = protectedObject(configMap);
    expect(JSON.stringify(object)).not.toContain(token);
    expect(JSON.stringify(object)).not.toContain(other);
    expect(object.metadata.labels).toEqual({ [redactedKey(token)]: 'x', app: 'web' });
    expect(Object.keys(object['data'] as object)).toEqual([redactedKey(token), redactedKey(other)]);
  });

  it('fingerprints every annotation of a Secret but known harmless ones, such as kapp original', () => {
    const object = protectedObject(
      secret({
        metadata: {
          name: 'db',
          annotations: {
            'kapp.k14s.io/original': JSON.stringify({ data: { password: CANARY_BASE64 } }),
            'example.com/copy': CANARY,
            'meta.helm.sh/release-name': 'web',
          },
        },
      }),
    );
    const text = JSON.stringify(object);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(CANARY_BASE64);
    expect(object.metadata.annotations).toEqual({
      'kapp.k14s.io/original': hmacFingerprint(
        TEST_KEY,
        JSON.stringify({ data: { password: CANARY_BASE64 } }),
      ),
      'example.com/copy': hmacFingerprint(TEST_KEY, CANARY),
      'meta.helm.sh/release-name': 'web',
    });
  });

  it('never changes its input', () => {
    const object = secret();
    const before = structuredClone(object);
    protectSecrets(object, { key: TEST_KEY });
    expect(object).toEqual(before);
  });
});

describe('Function: isNoiseSecret', () => {
  it.each([
    ['kubernetes.io/service-account-token', true],
    ['helm.sh/release.v1', true],
    ['bootstrap.kubernetes.io/token', true],
    ['Opaque', false],
    ['kubernetes.io/tls', false],
  ])('says a Secret of type %s is noise: %s', (type, noise) => {
    expect(isNoiseSecret(secret({ type }))).toBe(noise);
  });

  it('says only Secrets are noise secrets', () => {
    const configMap = kubeObject('v1', 'ConfigMap', { type: 'helm.sh/release.v1' });
    expect(isNoiseSecret(configMap)).toBe(false);
  });
});
