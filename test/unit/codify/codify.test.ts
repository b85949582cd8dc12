import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codify } from '../../../lib/codify/codify.js';
import { printHcl } from '../../../lib/codify/hcl.js';
import { BY_TERRAFORM_TYPE } from '../../../lib/drift/mapping/registry.js';
import { UNKNOWN } from '../../../lib/drift/normalize-values.js';
import type { Resource } from '../../../lib/model/schema.js';

// Loaded untyped: the package's types pull in the DOM lib (`/// <reference lib="dom" />`), which
// would change the global types of every other test. It parses with bundled WebAssembly, offline.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse: (file: string, text: string) => Promise<unknown>;
};

const ROOT = join(import.meta.dirname, '../../fixtures/codify');
const TYPES = readdirSync(ROOT).sort();

interface Input {
  readonly managed: Record<string, string>;
  readonly resources: Resource[];
}

function load(type: string): { input: Input; expected: string } {
  return {
    input: JSON.parse(readFileSync(join(ROOT, type, 'input.json'), 'utf8')) as Input,
    expected: readFileSync(join(ROOT, type, 'expected.tf'), 'utf8'),
  };
}

function run(input: Input) {
  return codify({ resources: input.resources, managed: new Map(Object.entries(input.managed)) });
}

type Parsed = {
  import?: { to: string; id: string }[];
  resource?: Record<string, Record<string, Record<string, unknown>[]>>;
};

// `${aws_vpc.main.id}` back to the id it stands for (the managed ones and those just imported).
function resolver(input: Input, parsed: Parsed): (value: unknown) => unknown {
  const ids = new Map<string, string>();
  for (const [id, address] of Object.entries(input.managed)) ids.set(address, id);
  for (const entry of parsed.import ?? []) ids.set(entry.to.slice(2, -1), entry.id);
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const ref = /^\$\{(.+)\.id\}$/.exec(value);
      if (ref?.[1] !== undefined) return ids.get(ref[1]) ?? value;
      // The parser gives a literal `$${`/`%%{` back as written; Terraform reads `${`/`%{`.
      return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  return resolve;
}

// Compared attributes that codify writes another way or not at all (README: "What codify writes").
const NOT_WRITTEN: Record<string, readonly string[]> = {
  aws_security_group: ['ingress', 'egress'],
  aws_route_table: ['route'],
  // The policy is a jsonencode() call, which the parser leaves as an expression.
  aws_s3_bucket_policy: ['policy'],
};

describe('codify golden files', () => {
  it.each(TYPES)('%s: the expected import and resource blocks', (type) => {
    const { input, expected } = load(type);
    const result = run(input);
    expect(printHcl(result.blocks)).toBe(expected);
    expect(result.skipped).toEqual([]);
  });

  it.each(TYPES)('%s: parses as HCL, one import per resource block', async (type) => {
    const { expected } = load(type);
    const parsed = (await parse(`${type}.tf`, expected)) as Parsed;
    const resources = Object.values(parsed.resource ?? {}).flatMap((byName) => Object.keys(byName));
    expect(resources.length).toBeGreaterThan(0);
    expect(parsed.import).toHaveLength(resources.length);
  });

  it.each(TYPES)('%s: round trip through the drift mapping finds no change', async (type) => {
    const { input, expected } = load(type);
    const parsed = (await parse(`${type}.tf`, expected)) as Parsed;
    const resolve = resolver(input, parsed);
    const idOf = new Map((parsed.import ?? []).map((entry) => [entry.to.slice(2, -1), entry.id]));
    let compared = 0;
    for (const [tfType, byName] of Object.entries(parsed.resource ?? {})) {
      const mapping = BY_TERRAFORM_TYPE.get(tfType);
      expect(mapping, tfType).toBeDefined();
      for (const [name, [body]] of Object.entries(byName)) {
        const importId = idOf.get(`${tfType}.${name}`);
        const attributes = { ...(resolve(body) as Record<string, unknown>), id: importId };
        const owner =
          mapping?.role === 'child' ? mapping.cloudId(attributes) : (importId as string);
        const found = input.resources.find((r) => r.resourceId === owner);
        expect(found, `${tfType}.${name}`).toBeDefined();
        // The canary tag is left out on purpose (the next describe proves it): not a change.
        const { Deploy: _canary, ...tags } = found?.tags ?? {};
        const resource = { ...found, tags } as Resource;
        const context = { attributes, children: [] };
        for (const spec of mapping?.attributes ?? []) {
          if (NOT_WRITTEN[tfType]?.includes(spec.name)) continue;
          const cloud = spec.cloud(resource, context);
          if (cloud === UNKNOWN) continue;
          const state = spec.state(attributes, context);
          const want = spec.normalize(cloud);
          const got = state === UNKNOWN ? null : spec.normalize(state);
          // The S3 bucket's sub-configurations live in the split resources written next to it.
          if (tfType === 'aws_s3_bucket' && spec.name !== 'tags') continue;
          expect(got, `${tfType}.${name} ${spec.name}`).toEqual(want);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('codify names, references and secrets', () => {
  it('derives unique identifiers from Name tags, after the names the state already uses', () => {
    const { input } = load('aws_vpc');
    const imports = run(input).blocks.filter((b) => b.type === 'import');
    const to = imports.map((b) => b.body.find((a) => a.kind === 'attribute' && a.name === 'to'));
    // "Web App #1" and "web-app 1" both make web_app_1, which the state holds already.
    expect(to.map((a) => (a?.kind === 'attribute' ? a.value : null))).toEqual([
      { expression: 'aws_vpc.web_app_1_2' },
      { expression: 'aws_vpc.web_app_1_3' },
    ]);
  });

  it('never writes a credential-shaped value, and keeps the other tags', () => {
    const { input, expected } = load('aws_vpc');
    const canary = input.resources[0]?.tags['Deploy'] ?? '';
    expect(canary).toMatch(/^ghp_/);
    const text = printHcl(run(input).blocks);
    expect(text).not.toContain(canary);
    expect(text).not.toContain('Deploy');
    expect(text).toContain('Name = "Web App #1"');
    expect(text).toBe(expected);
  });

  it('skips a masked value', () => {
    const { input } = load('aws_subnet');
    const [subnet] = input.resources as [Resource];
    const masked = {
      ...subnet,
      tags: { Name: 'app', Secret: '(redacted: credential-shaped value)' },
    };
    const text = printHcl(run({ managed: {}, resources: [masked] }).blocks);
    expect(text).toContain('Name = "app"');
    expect(text).not.toContain('redacted');
  });

  it('references a managed resource by address and writes the id of an unmanaged one', () => {
    const { input } = load('aws_subnet');
    const vpc = (input.resources[0] as Resource).configuration['VpcId'] as string;
    expect(printHcl(run(input).blocks)).toContain('vpc_id     = aws_vpc.main.id');
    expect(printHcl(run({ ...input, managed: {} }).blocks)).toContain(`vpc_id     = "${vpc}"`);
  });

  it('reports a resource of a type it does not write yet', () => {
    const { input } = load('aws_subnet');
    const volume = {
      ...(input.resources[0] as Resource),
      resourceType: 'AWS::EC2::VPCEndpoint',
      resourceId: 'vpce-1',
    };
    const result = run({ managed: {}, resources: [volume] });
    expect(result.blocks).toEqual([]);
    expect(result.skipped).toEqual([
      {
        resourceType: 'AWS::EC2::VPCEndpoint',
        resourceId: 'vpce-1',
        reason: 'no codify support for this type yet',
      },
    ]);
  });
});
