import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addressBook } from '../../../lib/codify/address.js';
import { printHcl } from '../../../lib/codify/hcl.js';
import { kubernetesManifestBlocks, kubeSkipReason } from '../../../lib/codify/kubernetes.js';
import type { KubeRecord } from '../../../lib/model/kube.js';

// Untyped on purpose: see codify.test.ts.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse: (file: string, text: string) => Promise<unknown>;
};

const DIR = join(import.meta.dirname, '../../fixtures/codify-kubernetes');
const { records } = JSON.parse(readFileSync(join(DIR, 'input.json'), 'utf8')) as {
  records: KubeRecord[];
};
const expected = readFileSync(join(DIR, 'expected.tf'), 'utf8');
const CANARY = 'ghp_0123456789abcdefghijABCDEFGHIJ012345';

function codified(input: readonly KubeRecord[]): string {
  const book = addressBook();
  return printHcl(
    input
      .filter((record) => kubeSkipReason(record) === undefined)
      .flatMap((record) => kubernetesManifestBlocks(record, book)),
  );
}

type Parsed = {
  import: { to: string; id: string }[];
  resource: { kubernetes_manifest: Record<string, [{ manifest: unknown }]> };
};

// hcl2json gives `null` as `${null}` and doubled `$${`/`%%{` back as written: undo both.
function readBack(value: unknown): unknown {
  if (value === `\${null}`) return null;
  if (typeof value === 'string') return value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (Array.isArray(value)) return value.map(readBack);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readBack(v)]));
  }
  return value;
}

// The manifest without the credential-shaped values codify leaves out.
function withoutCanary(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCanary);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== CANARY)
        .map(([k, v]) => [k, withoutCanary(v)]),
    );
  }
  return value;
}

describe('kubernetes_manifest blocks', () => {
  it('prints the golden import and kubernetes_manifest blocks', () => {
    expect(codified(records)).toBe(expected);
  });

  it('parses as HCL, and the manifest read back is the cleaned manifest (minus secrets)', async () => {
    const parsed = (await parse('k8s.tf', expected)) as Parsed;
    const written = Object.values(parsed.resource.kubernetes_manifest).map(([body]) =>
      readBack(body.manifest),
    );
    const kept = records.filter((record) => kubeSkipReason(record) === undefined);
    // The parser orders resources by name: compare as sets.
    expect(written).toHaveLength(kept.length);
    expect(written).toEqual(
      expect.arrayContaining(kept.map((record) => withoutCanary(record.manifest))),
    );
    expect(parsed.import.map((entry) => entry.id)).toEqual([
      'apiVersion=apps/v1,kind=Deployment,namespace=shop,name=web',
      'apiVersion=v1,kind=ConfigMap,namespace=shop,name=web',
    ]);
  });

  it('never writes a credential-shaped value or a Secret', () => {
    const text = codified(records);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('hmac-sha256');
    expect(kubeSkipReason(records[2] as KubeRecord)).toMatch(/Secret/);
  });

  it('gives objects whose names collide distinct, valid addresses', async () => {
    const base = records[1] as KubeRecord;
    const twins: KubeRecord[] = [
      { ...base, name: 'web.v1', manifest: { ...base.manifest, metadata: { name: 'web.v1' } } },
      { ...base, name: 'web-v1', manifest: { ...base.manifest, metadata: { name: 'web-v1' } } },
      (({ namespace: _dropped, ...rest }) => ({ ...rest, name: '1st' }))(base),
    ];
    const parsed = (await parse('twins.tf', codified(twins))) as Parsed;
    expect(parsed.import.map((entry) => entry.to)).toEqual([
      `\${kubernetes_manifest.shop_configmap_web_v1}`,
      `\${kubernetes_manifest.shop_configmap_web_v1_2}`,
      `\${kubernetes_manifest.configmap_1st}`,
    ]);
    expect(parsed.import[2]?.id).toBe('apiVersion=v1,kind=ConfigMap,name=1st');
  });
});
