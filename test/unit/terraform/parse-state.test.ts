import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StateFormatError } from '../../../lib/terraform/errors.js';
import { parseState } from '../../../lib/terraform/parse-state.js';
import { SENSITIVE } from '../../../lib/terraform/state-instance.js';
import { CANARY, GITHUB_TOKEN_CANARY, sensitiveState } from '../../fixtures/terraform/states.js';
import { CORPUS_DIR, corpusFiles, corpusText, FIXTURE_DIR } from './corpus.js';

const LOKI = '0lehKondratov__AWS-TR-SR-Loki-Grafana__terraform.tfstate';
const BEDROCK_EKS = 'Wendiblac__Project-Bedrock__eks_terraform.tfstate';

// Managed instances and distinct managed types with instances, per corpus file.
const EXPECTED: Record<string, { instances: number; types: number }> = {
  '02ygiuwsdbklh__wordpress-ans-tf__terraform.tfstate': { instances: 3, types: 2 },
  '0945wltjrwls__AWS_CICD_TEST__terraform.tfstate': { instances: 20, types: 13 },
  [LOKI]: { instances: 52, types: 18 },
  [BEDROCK_EKS]: { instances: 17, types: 5 },
  'Wendiblac__Project-Bedrock__vpc_terraform.tfstate': { instances: 5, types: 2 },
};

function parseCorpus(name: string) {
  return parseState(corpusText(name), `${CORPUS_DIR}${name}`);
}

describe('parseState on the public corpus', () => {
  it('finds the five corpus files', () => {
    expect(corpusFiles()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('parses %s', (name, expected) => {
    const parsed = parseCorpus(name);
    expect(parsed.instances).toHaveLength(expected.instances);
    expect(new Set(parsed.instances.map((i) => i.type)).size).toBe(expected.types);
    expect(parsed.lineage).toMatch(/^[0-9a-f-]{36}$/);
    expect(parsed.instances.every((i) => i.state === parsed.state)).toBe(true);
  });

  it('skips data sources', () => {
    const parsed = parseCorpus(LOKI);
    expect(parsed.instances.some((i) => i.address.includes('data.'))).toBe(false);
    expect(parsed.instances.some((i) => i.type === 'aws_iam_policy_document')).toBe(false);
  });

  it('prints addresses as Terraform does for nested modules, for_each and count', () => {
    const golden = readFileSync(`${FIXTURE_DIR}loki-grafana.addresses.txt`, 'utf8');
    const addresses = parseCorpus(LOKI).instances.map((i) => i.address);
    expect(`${addresses.join('\n')}\n`).toBe(golden);
    expect(addresses).toContain(
      'module.eks.module.eks_managed_node_group["management"].aws_security_group.this[0]',
    );
  });

  it('flags the tainted node group of the Bedrock eks state', () => {
    const tainted = parseCorpus(BEDROCK_EKS).instances.filter((i) => i.tainted);
    expect(tainted.map((i) => i.address)).toEqual(['aws_eks_node_group.this']);
  });

  it('keeps the provider and the metadata of the state', () => {
    const parsed = parseCorpus(BEDROCK_EKS);
    expect(parsed.terraformVersion).toBe('1.13.1');
    expect(parsed.serial).toBe(27);
    expect(parsed.instances[0]?.provider).toBe('provider["registry.terraform.io/hashicorp/aws"]');
  });

  it('masks user_data by its name', () => {
    const parsed = parseCorpus('02ygiuwsdbklh__wordpress-ans-tf__terraform.tfstate');
    const instance = parsed.instances.find((i) => i.type === 'aws_instance');
    expect(instance?.attributes['user_data']).toBe(SENSITIVE);
  });

  it('sets the scope hint on every instance', () => {
    const hint = { accountId: '123456789012', region: 'eu-west-1' };
    const parsed = parseState(corpusText(BEDROCK_EKS), 'x', hint);
    expect(parsed.instances.every((i) => i.scopeHint === hint)).toBe(true);
  });
});

describe('parseState masking', () => {
  const parsed = parseState(JSON.stringify(sensitiveState()), 'fixtures/sensitive.tfstate');
  const byAddress = new Map(parsed.instances.map((i) => [i.address, i]));
  const db = byAddress.get('module.db["eu"].aws_db_instance.main[0]');

  it('leaves no canary anywhere in the parsed state', () => {
    const text = JSON.stringify(parsed);
    for (const canary of [...Object.values(CANARY), GITHUB_TOKEN_CANARY]) {
      expect(text).not.toContain(canary);
    }
  });

  it('masks sensitive_attributes paths and keeps their neighbours', () => {
    expect(db?.attributes['engine_config']).toEqual({ legacy: SENSITIVE, visible: 'kept' });
    expect(db?.attributes['listeners']).toEqual([
      { port: 5432, cert: 'kept' },
      { port: 5433, cert: SENSITIVE },
    ]);
    expect(db?.attributes['parameters']).toEqual({ plain: 'kept', hidden: SENSITIVE });
  });

  it('hides a whole set when a path indexes one of its elements', () => {
    expect(db?.attributes['ingress']).toBe(SENSITIVE);
  });

  it('hides every attribute when a path is empty, keeping nulls', () => {
    const whole = byAddress.get('aws_ssm_parameter.whole["a\\"b\\\\c$${x}\\n"]');
    expect(whole?.attributes).toEqual({ id: SENSITIVE, value: SENSITIVE, description: null });
    expect(whole?.provider).toBe('provider["registry.terraform.io/hashicorp/aws"].west');
  });

  it('masks secret names at any depth and leaves flags and tags alone', () => {
    expect(db?.attributes['master_password']).toBe(SENSITIVE);
    expect(db?.attributes['password_reset_required']).toBe(false);
    expect(db?.attributes['empty_password']).toBeNull();
    expect(db?.attributes['tags']).toEqual({ Name: 'main', Owner: 'platform' });
  });

  it('masks a credential-shaped value whatever its key', () => {
    const ci = byAddress.get('aws_codebuild_project.ci');
    expect(ci?.attributes['source']).toEqual([{ auth: [{ resource: SENSITIVE, type: 'OAUTH' }] }]);
    expect(ci?.tainted).toBe(true);
  });

  it('keeps a deposed object under its own address', () => {
    const deposed = byAddress.get('module.db["eu"].aws_db_instance.main[0] (deposed 00000001)');
    expect(deposed?.deposed).toBe('00000001');
    expect(deposed?.attributes['nested']).toEqual({ deep: { auth_token: SENSITIVE } });
  });

  it('masks sensitive outputs, secret-named outputs and credential-shaped outputs', () => {
    expect(parsed.outputs).toEqual({
      db_endpoint: 'db.example.internal',
      db_admin: SENSITIVE,
      db_password: SENSITIVE,
      leaked: { nested: [SENSITIVE] },
    });
  });
});

describe('parseState errors', () => {
  function errorOf(text: string, source = 'states/bad.tfstate'): StateFormatError {
    try {
      parseState(text, source);
    } catch (error) {
      if (error instanceof StateFormatError) return error;
      throw error;
    }
    throw new Error('parseState did not throw');
  }

  it('accepts a state with no resources', () => {
    const parsed = parseState(
      JSON.stringify({
        version: 4,
        terraform_version: '1.15.0',
        serial: 3,
        lineage: 'l',
        resources: [],
      }),
      'empty.tfstate',
    );
    expect(parsed.instances).toEqual([]);
    expect(parsed.outputs).toEqual({});
  });

  it.each([3, 5, 0])('rejects format version %i naming the source', (version) => {
    const error = errorOf(JSON.stringify({ ...sensitiveState(), version }));
    expect(error.name).toBe('StateFormatError');
    expect(error.message).toContain('states/bad.tfstate');
    expect(error.message).toContain(`version ${version} is not supported`);
  });

  it('names the JSON path of a malformed shape and never its value', () => {
    const state = sensitiveState() as { resources: { instances: Record<string, unknown>[] }[] };
    const ci = state.resources[1]?.instances[0];
    if (ci) ci['attributes'] = `token=${GITHUB_TOKEN_CANARY}`;
    const error = errorOf(JSON.stringify(state));
    expect(error.message).toContain('states/bad.tfstate');
    expect(error.message).toContain('resources[1].instances[0].attributes');
    expect(error.message).not.toContain(GITHUB_TOKEN_CANARY);
    expect(error.cause).toBeUndefined();
  });

  it('names a wrong mode or missing field by path', () => {
    const state = sensitiveState() as { resources: Record<string, unknown>[] };
    const first = state.resources[0];
    if (first) first['mode'] = CANARY.masterPassword;
    const error = errorOf(JSON.stringify(state));
    expect(error.message).toContain('resources[0].mode');
    expect(error.message).not.toContain(CANARY.masterPassword);
  });

  it('reports a JSON syntax error by line and column, without the text around it', () => {
    const text = `{\n  "version": 4,\n  "secret": "${GITHUB_TOKEN_CANARY}" oops\n}`;
    const error = errorOf(text);
    expect(error.message).toMatch(
      /states\/bad\.tfstate is not valid JSON( at line 3 column \d+)?$/,
    );
    expect(error.message).not.toContain(GITHUB_TOKEN_CANARY);
    expect(String(error.cause ?? '')).not.toContain(GITHUB_TOKEN_CANARY);
  });

  it('rejects an empty file and a JSON value that is not an object', () => {
    expect(errorOf('  \n').message).toContain('is empty');
    expect(errorOf('[1,2]').message).toContain('(root)');
  });
});
