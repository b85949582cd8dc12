import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../lib/model/index.js';
import { renderResource } from '../../../lib/snapshot/render.js';
import { renderKubeRecord } from '../../../lib/sources/k8s/render.js';
import { readSnapshot } from '../../../lib/trail/read-snapshot.js';

function vpc(id: string): Resource {
  return {
    schemaVersion: 1,
    resourceType: 'AWS::EC2::VPC',
    resourceId: id,
    accountId: '111111111111',
    awsRegion: 'eu-west-1',
    tags: { Name: id },
    configuration: { VpcId: id, CidrBlock: '10.0.0.0/16' },
  };
}

async function trailWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'snapshot-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

describe('Function: readSnapshot', () => {
  it('reads every resource file back and takes each directory present as a complete scope', async () => {
    const one = renderResource(vpc('vpc-1'));
    const two = renderResource(vpc('vpc-2'));
    const dir = await trailWith({ [one.path]: one.bytes, [two.path]: two.bytes, 'README.md': 'x' });
    const snapshot = await readSnapshot(dir);
    expect(snapshot.resources).toEqual([vpc('vpc-1'), vpc('vpc-2')]);
    expect(snapshot.scopes).toEqual([
      { scope: 'aws/111111111111/eu-west-1/ec2/vpc', complete: true },
    ]);
    expect(snapshot.errors).toEqual([]);
  });

  it('takes completeness from the scan record, empty scopes included', async () => {
    const one = renderResource(vpc('vpc-1'));
    const record = {
      version: 1,
      format: 2,
      scopes: {
        'aws/111111111111/eu-west-1/ec2/vpc': { complete: false },
        'aws/111111111111/eu-west-1/ec2/subnet': { complete: true },
      },
    };
    const dir = await trailWith({
      [one.path]: one.bytes,
      '.statetrail/scan.json': JSON.stringify(record),
    });
    expect((await readSnapshot(dir)).scopes).toEqual([
      { scope: 'aws/111111111111/eu-west-1/ec2/subnet', complete: true },
      { scope: 'aws/111111111111/eu-west-1/ec2/vpc', complete: false },
    ]);
  });

  it('names a malformed file and still reads the others', async () => {
    const one = renderResource(vpc('vpc-1'));
    const dir = await trailWith({
      [one.path]: one.bytes,
      'aws/111111111111/eu-west-1/ec2/vpc/vpc-9.yaml': 'resourceType: [\n',
    });
    const snapshot = await readSnapshot(dir);
    expect(snapshot.resources).toHaveLength(1);
    expect(snapshot.errors).toHaveLength(1);
    expect(snapshot.errors[0]?.message).toContain('aws/111111111111/eu-west-1/ec2/vpc/vpc-9.yaml');
  });

  it('counts the scope of an unreadable file as incomplete, whatever the scan record says', async () => {
    const one = renderResource(vpc('vpc-1'));
    const dir = await trailWith({
      [one.path]: one.bytes,
      'aws/111111111111/eu-west-1/ec2/vpc/vpc-9.yaml': 'schemaVersion: 1\nresourceType: 7\n',
      '.statetrail/scan.json': JSON.stringify({
        version: 1,
        format: 1,
        scopes: { 'aws/111111111111/eu-west-1/ec2/vpc': { complete: true } },
      }),
    });
    const snapshot = await readSnapshot(dir);
    expect(snapshot.scopes).toEqual([
      { scope: 'aws/111111111111/eu-west-1/ec2/vpc', complete: false },
    ]);
    expect(snapshot.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /vpc-9\.yaml.*; scope aws\/111111111111\/eu-west-1\/ec2\/vpc counts as incomplete$/,
      ),
    ]);
  });

  it('follows no top-level aws, k8s or .statetrail link out of the checkout, and says so', async () => {
    const outside = renderResource(vpc('vpc-outside'));
    const elsewhere = await trailWith({
      [outside.path]: outside.bytes,
      '.statetrail/scan.json': '{"version":1,"format":1,"scopes":{"k8s/x":{"complete":true}}}',
    });
    const dir = await trailWith({});
    await symlink(join(elsewhere, 'aws'), join(dir, 'aws'));
    await symlink(join(elsewhere, '.statetrail'), join(dir, '.statetrail'));
    const snapshot = await readSnapshot(dir);
    expect(snapshot.resources).toEqual([]);
    expect(snapshot.scopes).toEqual([]);
    expect(snapshot.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('Trail directory aws is a symbolic link'),
      expect.stringContaining('Trail directory .statetrail is a symbolic link'),
    ]);
  });

  it('reads an empty directory as an empty snapshot', async () => {
    expect(await readSnapshot(await trailWith({}))).toEqual({
      resources: [],
      kubeRecords: [],
      scopes: [],
      errors: [],
    });
  });

  it('reads Kubernetes files back as records of their cluster scope', async () => {
    const manifest = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
      spec: { replicas: 2 },
    };
    const file = renderKubeRecord({
      cluster: 'prod:eu',
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
      manifest,
      facts: { updates: [] },
    });
    const dir = await trailWith({ [file.path]: file.bytes });
    const snapshot = await readSnapshot(dir);
    expect(snapshot.kubeRecords).toEqual([
      {
        cluster: 'prod:eu',
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        manifest,
        facts: { updates: [] },
      },
    ]);
    expect(snapshot.scopes).toEqual([{ scope: 'k8s/prod%3Aeu', complete: true }]);
  });

  it('names a Kubernetes file that does not hold the object its path names', async () => {
    const dir = await trailWith({
      'k8s/prod/shop/apps/Deployment/web.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\n',
      'k8s/prod/shop/core/ConfigMap/broken.yaml': 'data: [\n',
    });
    const snapshot = await readSnapshot(dir);
    expect(snapshot.kubeRecords).toEqual([]);
    expect(snapshot.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('k8s/prod/shop/apps/Deployment/web.yaml holds Deployment api'),
      expect.stringContaining('k8s/prod/shop/core/ConfigMap/broken.yaml is not YAML'),
    ]);
  });
});
