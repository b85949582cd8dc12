import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { maskKubernetesSecrets } from '../../../lib/terraform/mask.js';
import { SENSITIVE } from '../../../lib/terraform/state-instance.js';

// Plain, not credential-shaped: only the Kubernetes rules may hide it.
const CANARY = 'canary-value-7f3e';
const CANARY_B64 = Buffer.from(CANARY).toString('base64');

function leaks(value: unknown): boolean {
  const text = JSON.stringify(value);
  return text.includes(CANARY) || text.includes(CANARY_B64);
}

const SECRET_MANIFEST = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'shop', labels: { app: 'db' } },
  type: 'Opaque',
  data: { password: CANARY_B64, username: CANARY_B64 },
  stringData: { 'config.yaml': `password: ${CANARY}` },
};

const CONFIG_MAP_MANIFEST = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'app', namespace: 'shop' },
  data: { mode: 'prod', note: CANARY },
};

// State JSON stores a DynamicPseudoType attribute as `{ value, type }`.
function wrapped(manifest: Record<string, unknown>): Record<string, unknown> {
  return {
    value: manifest,
    type: ['object', { apiVersion: 'string', kind: 'string', data: ['map', 'string'] }],
  };
}

describe('maskKubernetesSecrets: kubernetes_secret', () => {
  it.each(['kubernetes_secret', 'kubernetes_secret_v1'])(
    'hides %s data and binary_data values, keeps their keys',
    (type) => {
      const attributes = {
        id: 'shop/db',
        metadata: [{ name: 'db', namespace: 'shop', labels: { app: 'db' } }],
        type: 'Opaque',
        immutable: false,
        data: { password: CANARY, username: CANARY },
        binary_data: { 'keystore.jks': CANARY_B64 },
      };
      const masked = maskKubernetesSecrets(type, attributes);
      expect(leaks(masked)).toBe(false);
      expect(masked['data']).toEqual({ password: SENSITIVE, username: SENSITIVE });
      expect(masked['binary_data']).toEqual({ 'keystore.jks': SENSITIVE });
      expect(masked['metadata']).toEqual(attributes.metadata);
      expect(masked['type']).toBe('Opaque');
      expect(masked['id']).toBe('shop/db');
      expect(masked['immutable']).toBe(false);
    },
  );

  it('leaves null and absent data as they are', () => {
    const masked = maskKubernetesSecrets('kubernetes_secret_v1', { data: null, type: 'Opaque' });
    expect(masked['data']).toBeNull();
    expect(masked).not.toHaveProperty('binary_data');
  });

  it('hides a data attribute that is not a map whole', () => {
    const masked = maskKubernetesSecrets('kubernetes_secret', { data: CANARY });
    expect(masked['data']).toBe(SENSITIVE);
  });

  it('does not change its input', () => {
    const attributes = { data: { password: CANARY } };
    maskKubernetesSecrets('kubernetes_secret', attributes);
    expect(attributes.data.password).toBe(CANARY);
  });
});

describe('maskKubernetesSecrets: kubernetes_manifest', () => {
  it('hides Secret values in the state form of manifest and object, keeps keys', () => {
    const attributes = {
      manifest: wrapped(SECRET_MANIFEST),
      object: wrapped({ ...SECRET_MANIFEST, metadata: { ...SECRET_MANIFEST.metadata, uid: 'u' } }),
      wait: [],
    };
    const masked = maskKubernetesSecrets('kubernetes_manifest', attributes);
    expect(leaks(masked)).toBe(false);
    for (const key of ['manifest', 'object']) {
      const attribute = masked[key] as Record<string, Record<string, unknown>>;
      expect(attribute['type']).toEqual(attributes.manifest['type']);
      expect(attribute['value']?.['data']).toEqual({ password: SENSITIVE, username: SENSITIVE });
      expect(attribute['value']?.['stringData']).toEqual({ 'config.yaml': SENSITIVE });
      expect(attribute['value']?.['metadata']).toMatchObject(SECRET_MANIFEST.metadata);
      expect(attribute['value']?.['kind']).toBe('Secret');
      expect(attribute['value']?.['type']).toBe('Opaque');
    }
    expect(masked['wait']).toEqual([]);
  });

  it('hides Secret values in a bare manifest (plan and show JSON)', () => {
    const masked = maskKubernetesSecrets('kubernetes_manifest', {
      manifest: SECRET_MANIFEST,
      object: SECRET_MANIFEST,
    });
    expect(leaks(masked)).toBe(false);
    const manifest = masked['manifest'] as Record<string, unknown>;
    expect(manifest['data']).toEqual({ password: SENSITIVE, username: SENSITIVE });
    expect(manifest['stringData']).toEqual({ 'config.yaml': SENSITIVE });
    expect(manifest['type']).toBe('Opaque');
    expect(manifest['metadata']).toEqual(SECRET_MANIFEST.metadata);
  });

  it('leaves a non-Secret manifest untouched', () => {
    const attributes = {
      manifest: wrapped(CONFIG_MAP_MANIFEST),
      object: CONFIG_MAP_MANIFEST,
    };
    const before = structuredClone(attributes);
    const masked = maskKubernetesSecrets('kubernetes_manifest', attributes);
    expect(masked).toEqual(before);
    expect(JSON.stringify(masked)).toContain(CANARY);
  });

  it('does not change its input', () => {
    const attributes = { manifest: wrapped(structuredClone(SECRET_MANIFEST)) };
    const before = structuredClone(attributes);
    maskKubernetesSecrets('kubernetes_manifest', attributes);
    expect(attributes).toEqual(before);
  });
});

describe('maskKubernetesSecrets: kubectl_manifest', () => {
  const yaml = [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: db',
    'stringData:',
    `  password: ${CANARY}`,
  ].join('\n');

  it('hides the YAML body and the parsed copy of a Secret', () => {
    const masked = maskKubernetesSecrets('kubectl_manifest', {
      api_version: 'v1',
      kind: 'Secret',
      name: 'db',
      namespace: 'shop',
      yaml_body: yaml,
      yaml_body_parsed: yaml,
      yaml_incluster: 'a1b2c3',
    });
    expect(leaks(masked)).toBe(false);
    expect(masked['yaml_body']).toBe(SENSITIVE);
    // The parsed copy keeps what the comparison needs (kind, keys), not the values.
    expect(parse(String(masked['yaml_body_parsed']))).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db' },
      stringData: { password: SENSITIVE },
    });
    expect(masked['kind']).toBe('Secret');
    expect(masked['name']).toBe('db');
    expect(masked['yaml_incluster']).toBe('a1b2c3');
  });

  it('hides the YAML body of any kind, keeps the parsed copy of a non-Secret', () => {
    const configMapYaml = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  note: ${CANARY}\n`;
    const masked = maskKubernetesSecrets('kubectl_manifest', {
      kind: 'ConfigMap',
      name: 'app',
      yaml_body: configMapYaml,
      yaml_body_parsed: configMapYaml,
    });
    expect(masked['yaml_body']).toBe(SENSITIVE);
    expect(masked['yaml_body_parsed']).toBe(configMapYaml);
  });

  it('keeps a null YAML body null', () => {
    expect(maskKubernetesSecrets('kubectl_manifest', { yaml_body: null })['yaml_body']).toBeNull();
  });
});

describe('maskKubernetesSecrets: other types', () => {
  it('hides a ConfigMap value under a secret-looking key, as the exporter does', () => {
    const masked = maskKubernetesSecrets('kubernetes_config_map_v1', {
      data: { DB_PASSWORD: CANARY, apiToken: CANARY, note: 'plain' },
    });
    expect(masked['data']).toEqual({ DB_PASSWORD: SENSITIVE, apiToken: SENSITIVE, note: 'plain' });
  });

  it.each(['kubernetes_deployment', 'aws_secretsmanager_secret'])(
    'returns %s attributes as they are',
    (type) => {
      const attributes = { data: { note: CANARY }, manifest: SECRET_MANIFEST, yaml_body: CANARY };
      expect(maskKubernetesSecrets(type, attributes)).toBe(attributes);
    },
  );
});

describe('maskKubernetesSecrets: copies that hold a Secret in clear', () => {
  it("hides kubectl's last-applied copy in a manifest and its applied object", () => {
    const lastApplied = JSON.stringify({ ...SECRET_MANIFEST });
    const manifest = {
      ...SECRET_MANIFEST,
      metadata: {
        ...SECRET_MANIFEST.metadata,
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied, team: 'a' },
      },
    };
    const masked = maskKubernetesSecrets('kubernetes_manifest', {
      manifest: wrapped(manifest),
      object: wrapped(manifest),
    });
    expect(leaks(masked)).toBe(false);
    expect(JSON.stringify(masked)).toContain('"team":"a"');
  });

  it('hides the parsed copy of a kubectl_manifest that lists sensitive fields', () => {
    const masked = maskKubernetesSecrets('kubectl_manifest', {
      kind: 'Database',
      yaml_body: `spec:\n  password: ${CANARY}\n`,
      yaml_body_parsed: `spec:\n  password: ${CANARY}\n`,
      sensitive_fields: ['spec.password'],
    });
    expect(leaks(masked)).toBe(false);
    expect(masked['yaml_body_parsed']).toBe(SENSITIVE);
  });
});
