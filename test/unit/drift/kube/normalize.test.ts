import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_PREFIX,
  isFingerprint,
  isInternalKey,
  normalizeKubeMap,
  normalizeQuantity,
} from '../../../../lib/drift/kube/normalize.js';
import { REDACTED } from '../../../../lib/snapshot/normalize/redact-credentials.js';

describe('isFingerprint', () => {
  it('recognises the trail fingerprint and the redaction marker', () => {
    expect(FINGERPRINT_PREFIX).toBe('hmac-sha256:');
    expect(isFingerprint('hmac-sha256:3f1a9c0b')).toBe(true);
    expect(isFingerprint(`${FINGERPRINT_PREFIX}`)).toBe(true);
    expect(isFingerprint(REDACTED)).toBe(true);
  });

  it('rejects plain values, other hashes and non-strings', () => {
    expect(isFingerprint('s3cr3t')).toBe(false);
    expect(isFingerprint('sha256:3f1a9c0b')).toBe(false);
    expect(isFingerprint('HMAC-SHA256:3f1a9c0b')).toBe(false);
    expect(isFingerprint(' hmac-sha256:3f1a9c0b')).toBe(false);
    expect(isFingerprint('(redacted)')).toBe(false);
    expect(isFingerprint(undefined)).toBe(false);
    expect(isFingerprint(null)).toBe(false);
    expect(isFingerprint(42)).toBe(false);
    expect(isFingerprint({ value: 'hmac-sha256:3f1a9c0b' })).toBe(false);
    expect(isFingerprint(['hmac-sha256:3f1a9c0b'])).toBe(false);
  });
});

describe('isInternalKey', () => {
  it.each([
    'kubernetes.io/created-by',
    'kubectl.kubernetes.io/last-applied-configuration',
    'kubectl.kubernetes.io/restartedAt',
    'deployment.kubernetes.io/revision',
    'pv.kubernetes.io/bind-completed',
    'node.alpha.kubernetes.io/ttl',
    'cluster-autoscaler.kubernetes.io/safe-to-evict',
  ])('treats %s as internal', (key) => {
    expect(isInternalKey(key)).toBe(true);
  });

  it.each([
    'app.kubernetes.io/name',
    'app.kubernetes.io/managed-by',
    'service.beta.kubernetes.io/aws-load-balancer-type',
    'app',
    'team',
    'kubernetes.io',
    'example.com/kubernetes.io',
    'eks.amazonaws.com/role-arn',
    'meta.helm.sh/release-name',
    'argocd.argoproj.io/tracking-id',
    'topology.k8s.io/zone-group',
  ])('keeps %s as a user key', (key) => {
    expect(isInternalKey(key)).toBe(false);
  });
});

describe('normalizeKubeMap: empty values', () => {
  it('keeps an empty label value, which is a value, and drops null', () => {
    expect(normalizeKubeMap({ 'node-role.example.com/worker': '', gone: null })).toEqual({
      'node-role.example.com/worker': '',
    });
  });
});

describe('normalizeKubeMap', () => {
  it('drops internal keys and keeps user keys, sorted', () => {
    const map = normalizeKubeMap({
      team: 'shop',
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Secret"}',
      'app.kubernetes.io/name': 'web',
      'deployment.kubernetes.io/revision': '4',
      'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
    });
    expect(map).toEqual({
      'app.kubernetes.io/name': 'web',
      'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
      team: 'shop',
    });
    expect(Object.keys(map ?? {})).toEqual([
      'app.kubernetes.io/name',
      'service.beta.kubernetes.io/aws-load-balancer-type',
      'team',
    ]);
  });

  it('spells numbers and booleans as strings', () => {
    expect(normalizeKubeMap({ replicas: 3, enabled: true })).toEqual({
      enabled: 'true',
      replicas: '3',
    });
  });

  it('gives the same map for the same keys in another order', () => {
    expect(normalizeKubeMap({ b: '2', a: '1' })).toEqual(normalizeKubeMap({ a: '1', b: '2' }));
    expect(JSON.stringify(normalizeKubeMap({ b: '2', a: '1' }))).toBe('{"a":"1","b":"2"}');
  });

  it('is null when nothing is left or nothing was given', () => {
    expect(normalizeKubeMap({})).toBeNull();
    expect(normalizeKubeMap({ 'kubernetes.io/created-by': 'x' })).toBeNull();
    expect(normalizeKubeMap(null)).toBeNull();
    expect(normalizeKubeMap(undefined)).toBeNull();
    expect(normalizeKubeMap('team=shop')).toBeNull();
    expect(normalizeKubeMap([{ team: 'shop' }])).toBeNull();
  });

  it('does not change its input', () => {
    const input = { 'kubernetes.io/created-by': 'x', team: 'shop' };
    normalizeKubeMap(input);
    expect(input).toEqual({ 'kubernetes.io/created-by': 'x', team: 'shop' });
  });
});

describe('normalizeQuantity', () => {
  it.each([
    ['1024Mi', '1Gi'],
    ['1536Mi', '1.5Gi'],
    ['1048576Ki', '1Gi'],
    ['1073741824', '1Gi'],
    ['1024Gi', '1Ti'],
    ['1000m', '1'],
    ['1000m', 1],
    ['0.5', '500m'],
    ['.5', '500m'],
    ['100m', '0.1'],
    ['250m', '0.25'],
    ['1e3', '1k'],
    ['1E3', '1000'],
    ['1e3', 1000],
    ['1000000n', '1m'],
    ['1000u', '1m'],
    ['1000k', '1M'],
    ['1000M', '1G'],
    ['1000G', '1T'],
    ['1E', '1e18'],
    ['2', 2],
    ['+2', '2'],
    [' 1Gi', '1024Mi'],
  ])('%s equals %s', (a, b) => {
    expect(normalizeQuantity(a)).toBe(normalizeQuantity(b));
    expect(normalizeQuantity(a)).not.toBeNull();
  });

  it.each([
    ['1Gi', '1G'],
    ['1Ki', '1k'],
    ['1Mi', '1M'],
    ['512Mi', '1Gi'],
    ['100m', '1'],
    ['1m', '1M'],
    ['500m', '0.05'],
    ['2', '-2'],
  ])('%s differs from %s', (a, b) => {
    expect(normalizeQuantity(a)).not.toBe(normalizeQuantity(b));
  });

  it('spells the value as people read it: binary suffixes, milli units, plain units', () => {
    expect(normalizeQuantity('1Gi')).toBe('1Gi');
    expect(normalizeQuantity('1024Mi')).toBe('1Gi');
    expect(normalizeQuantity(String(10 * 2 ** 30))).toBe('10Gi');
    expect(normalizeQuantity('1536Mi')).toBe('1536Mi');
    expect(normalizeQuantity('1k')).toBe('1000');
    expect(normalizeQuantity('0.5')).toBe('500m');
    expect(normalizeQuantity('500m')).toBe('500m');
    expect(normalizeQuantity('3')).toBe('3');
    expect(normalizeQuantity('0')).toBe('0');
  });

  it('keeps other values as strings', () => {
    expect(normalizeQuantity('nginx:1.25')).toBe('nginx:1.25');
    expect(normalizeQuantity('1Gb')).toBe('1Gb');
    expect(normalizeQuantity('1 Gi')).toBe('1 Gi');
    expect(normalizeQuantity('Gi')).toBe('Gi');
    expect(normalizeQuantity('1e')).toBe('1e');
    expect(normalizeQuantity('0x10')).toBe('0x10');
    expect(normalizeQuantity(true)).toBe('true');
  });

  it('is null for empty values', () => {
    expect(normalizeQuantity(null)).toBeNull();
    expect(normalizeQuantity(undefined)).toBeNull();
    expect(normalizeQuantity('')).toBeNull();
  });
});
