import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { KubeRecord } from '../../../lib/model/kube.js';
import type { Resource } from '../../../lib/model/schema.js';
import { SnapshotPathError } from '../../../lib/snapshot/errors.js';
import { kubePath } from '../../../lib/snapshot/kube/path.js';
import { decodeName, encodeId, parseResourcePath } from '../../../lib/snapshot/paths.js';
import { renderResource } from '../../../lib/snapshot/render.js';
import { renderKubeRecord } from '../../../lib/sources/k8s/render.js';
import { readSnapshot } from '../../../lib/trail/read-snapshot.js';

// Names chosen to break a path scheme: long, reserved, case twins, control characters, `..`,
// `/`, NUL, one text in NFC and NFD, lone surrogates (which must be refused, not written).
const reserved = fc.constantFrom(
  '_cluster',
  'core',
  '.',
  '..',
  '.git',
  '~',
  '%7E',
  'x~0123456789abcdef',
  'CON',
  'nul',
);
const hostileChar = fc.constantFrom(
  '/',
  '\\',
  '\0',
  '\n',
  '\t',
  '\u007f',
  ' ',
  '.',
  '%',
  '~',
  ':',
  'A',
  'a',
  'é',
  'e\u0301',
  '😀',
  '\ud800',
  '\udc00',
);
const hostileId = fc.oneof(
  reserved,
  fc.string({ unit: hostileChar, minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('a', 'B', '-', '.'), minLength: 240, maxLength: 400 }),
  fc.string({ unit: fc.constantFrom('é', ':', 'Z'), minLength: 60, maxLength: 130 }),
);
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const wellFormed = (id: string) => !/\p{Cs}/u.test(id);

function resource(resourceId: string): Resource {
  return {
    schemaVersion: 1,
    resourceType: 'AWS::EC2::KeyPair',
    resourceId,
    accountId: '123456789012',
    awsRegion: 'eu-west-1',
    tags: {},
    configuration: { KeyName: resourceId },
  };
}

function kubeRecord(name: string, namespace: string): KubeRecord {
  return {
    cluster: 'prod',
    namespace,
    group: 'core',
    version: 'v1',
    kind: 'ConfigMap',
    name,
    manifest: { apiVersion: 'core/v1', kind: 'ConfigMap', metadata: { name, namespace } },
    facts: { updates: [] },
  };
}

describe('Hostile names through trail paths (properties)', () => {
  it('gives each well-formed id one name of at most 250 bytes that reads back, and refuses the rest', () => {
    fc.assert(
      fc.property(hostileId, (id) => {
        if (!wellFormed(id)) {
          expect(() => encodeId(id)).toThrow(SnapshotPathError);
          return;
        }
        const name = encodeId(id);
        expect(utf8Bytes(`${name}.yaml`)).toBeLessThanOrEqual(255);
        expect(name).not.toMatch(/^\.|[/\\\0]/);
        const decoded = decodeName(name);
        if ('id' in decoded) expect(decoded.id).toBe(id);
        else expect(name).toBe(`${decoded.prefix}~${decoded.digest}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('never gives two distinct ids names equal under case folding, NFC and NFD forms included', () => {
    const twins = hostileId
      .filter(wellFormed)
      .chain((id) =>
        fc
          .constantFrom(
            id.toUpperCase(),
            id.toLowerCase(),
            id.normalize('NFC'),
            id.normalize('NFD'),
            `${id}x`,
          )
          .map((twin) => [id, twin] as const),
      );
    fc.assert(
      fc.property(fc.oneof(twins, fc.tuple(hostileId, hostileId)), ([a, b]) => {
        fc.pre(a !== b && wellFormed(a) && wellFormed(b));
        expect(encodeId(a).toLowerCase()).not.toBe(encodeId(b).toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a path inside its directory and under 4096 bytes, and reads the id back from the canonical file', () => {
    fc.assert(
      fc.property(hostileId.filter(wellFormed), (id) => {
        const { path, bytes } = renderResource(resource(id));
        expect(path.split('/').slice(0, 5)).toEqual([
          'aws',
          '123456789012',
          'eu-west-1',
          'ec2',
          'keypair',
        ]);
        expect(path.split('/')).toHaveLength(6);
        expect(utf8Bytes(path)).toBeLessThan(4096);
        const parts = parseResourcePath(path);
        expect(parts?.resourceId ?? id).toBe(id);
        expect(YAML.parse(Buffer.from(bytes).toString('utf8')).resourceId).toBe(id);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('A trail committed with hostile names', () => {
  const root = mkdtempSync(join(tmpdir(), 'hostile-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd,
      encoding: 'utf8',
    });

  it('checks out completely with git clone, and every file reads back as its id', async () => {
    const ids = fc
      .sample(hostileId.filter(wellFormed), { numRuns: 150, seed: 7 })
      .flatMap((id) => [id, id.toUpperCase(), id.normalize('NFD')]);
    ids.push(
      'a'.repeat(253),
      'K'.repeat(255),
      'arn:aws:iam::123456789012:role/path/to/Admin',
      'MyKey',
      'mykey',
      'MYKEY',
    );
    const unique = [...new Set(ids)];
    const kube = [
      kubeRecord('x'.repeat(253), '_cluster'),
      kubeRecord('system:Controller', 'core'),
      kubeRecord('web', 'shop'),
    ];
    const files = [
      ...unique.map((id) => renderResource(resource(id))),
      ...kube.map(renderKubeRecord),
    ];
    const source = join(root, 'source');
    for (const { path, bytes } of files) {
      mkdirSync(dirname(join(source, path)), { recursive: true });
      writeFileSync(join(source, path), bytes);
    }
    git(source, 'init', '-q');
    git(source, 'add', '-A');
    git(source, 'commit', '-qm', 'hostile');
    const clone = join(root, 'clone');
    git(root, 'clone', '-q', source, clone);

    expect(git(clone, 'status', '--porcelain')).toBe('');
    const paths = files.map((f) => f.path);
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
    for (const { path, bytes } of files) {
      expect(path.split('/').every((segment) => utf8Bytes(segment) <= 255)).toBe(true);
      expect(readFileSync(join(clone, path))).toEqual(Buffer.from(bytes));
    }
    const snapshot = await readSnapshot(clone);
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.resources.map((r) => r.resourceId).sort()).toEqual(unique.sort());
    expect(snapshot.kubeRecords.map((r) => `${r.namespace}/${r.name}`).sort()).toEqual(
      kube.map((r) => `${r.namespace}/${r.name}`).sort(),
    );
    expect(kube.map(kubePath)).toContain(
      `k8s/prod/%5Fcluster/%63ore/ConfigMap/${'x'.repeat(233)}~${kubePath(kube[0] as KubeRecord).split('~')[1]}`,
    );
  });
});
