import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject, KubeRecord } from '../../../../lib/model/kube.js';
import { toKubeRecord } from '../../../../lib/sources/k8s/record.js';
import { renderKubeRecord } from '../../../../lib/sources/k8s/render.js';
import { TEST_KEY } from './fixtures.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const CASES = [
  'deployment',
  'service',
  'configmap',
  'secret',
  'validating-webhook',
  'cluster-role-colon',
  'custom-resource',
  'statefulset',
];
const KUBECTL = '/usr/bin/kubectl';
const work = mkdtempSync(join(tmpdir(), 'statetrail-k8s-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function record(name: string): KubeRecord {
  const input = JSON.parse(readFileSync(join(GOLDEN, name, 'input.json'), 'utf8')) as KubeObject;
  const result = toKubeRecord(input, { cluster: 'prod-eu', key: TEST_KEY, hpaTargets: new Set() });
  if (result.outcome !== 'record') throw new Error(`${name} was skipped`);
  return result.record;
}

describe('Function: renderKubeRecord', () => {
  it.each(CASES)('writes %s so YAML 1.2 and YAML 1.1 both read back the cleaned object', (name) => {
    const { manifest } = record(name);
    const text = new TextDecoder().decode(renderKubeRecord(record(name)).bytes);
    expect(parse(text)).toEqual(manifest);
    expect(parse(text, { version: '1.1' })).toEqual(manifest);
  });

  it('leaves the facts out of the file', () => {
    const text = new TextDecoder().decode(renderKubeRecord(record('deployment')).bytes);
    expect(text).not.toContain('kube-controller-manager');
    expect(text).not.toContain('managedFields');
  });

  // `kubectl apply --dry-run=client` still asks a server for discovery (verified: it dials
  // localhost:8080), so `label --local` is the check that kubectl alone reads the file back.
  it.runIf(existsSync(KUBECTL))(
    'writes a Deployment kubectl reads back as the cleaned object',
    () => {
      const { manifest, ...rest } = record('deployment');
      const file = join(work, 'deployment.yaml');
      writeFileSync(file, renderKubeRecord({ manifest, ...rest }).bytes);
      const out = execFileSync(
        KUBECTL,
        ['label', '--local', '-f', file, 'statetrail.dev/check=yes', '-o', 'json'],
        {
          env: { PATH: '/usr/bin:/bin', HOME: work, KUBECONFIG: join(work, 'none') },
          timeout: 30_000,
        },
      );
      const read = JSON.parse(out.toString('utf8')) as KubeObject;
      const labels = { ...manifest.metadata.labels, 'statetrail.dev/check': 'yes' };
      expect(read).toEqual({ ...manifest, metadata: { ...manifest.metadata, labels } });
    },
  );
});
