import { describe, expect, it } from 'vitest';
import { classifyPaths } from '../../../lib/drift/classify.js';
import type { DriftReport } from '../../../lib/drift/schema.js';
import type { TerraformRecord } from '../../../lib/drift/terraform-record.js';

const PATH = 'aws/111111111111/eu-west-1/ec2/vpc/vpc-1.yaml';
const STATE = 's3://tf/net.tfstate';

function record(serial: number, instances: TerraformRecord['states'][string]['instances']) {
  return {
    version: 1,
    states: { [STATE]: { lineage: 'l', serial, instances } },
  } satisfies TerraformRecord;
}

const vpc = (fingerprint: string) => ({
  type: 'aws_vpc',
  id: 'vpc-1',
  accountId: '111111111111',
  region: 'eu-west-1',
  fingerprint,
});

function report(partial: Partial<DriftReport> = {}): DriftReport {
  return {
    version: 1,
    generatedAt: '2026-11-22T10:00:00Z',
    scopes: [],
    summary: {
      total: 0,
      managed: 0,
      unmanaged: 0,
      missing: 0,
      changed: 0,
      managedElsewhere: 0,
      accepted: 0,
      coverage: 0,
    },
    unmanaged: [],
    missing: [],
    changed: [],
    managedElsewhere: [],
    accepted: [],
    ...partial,
  };
}

describe('Function: classifyPaths', () => {
  it.each([
    [
      'a modification whose instance changed between serials',
      'M',
      record(7, { 'aws_vpc.main': vpc('sha256:a') }),
      record(8, { 'aws_vpc.main': vpc('sha256:b') }),
      { class: 'explained', state: STATE, serial: 8, address: 'aws_vpc.main' },
    ],
    [
      'a modification whose instance did not change',
      'M',
      record(7, { 'aws_vpc.main': vpc('sha256:a') }),
      record(8, { 'aws_vpc.main': vpc('sha256:a') }),
      { class: 'unverified' },
    ],
    [
      'an addition Terraform made (a new instance in a newer serial)',
      'A',
      record(7, {}),
      record(8, { 'aws_vpc.main': vpc('sha256:a') }),
      { class: 'explained', state: STATE, serial: 8, address: 'aws_vpc.main' },
    ],
    [
      'a removal Terraform made (the instance left the state)',
      'D',
      record(7, { 'aws_vpc.main': vpc('sha256:a') }),
      record(8, {}),
      { class: 'explained', state: STATE, serial: 8, address: 'aws_vpc.main' },
    ],
    [
      'a change with no earlier record to compare with',
      'M',
      null,
      record(8, { 'aws_vpc.main': vpc('sha256:b') }),
      { class: 'unverified' },
    ],
  ] as const)('classifies %s', (_name, change, previous, current, expected) => {
    const classes = classifyPaths({
      paths: [{ path: PATH, change }],
      report: report(),
      current,
      previous,
    });
    expect(classes.get(PATH)).toEqual(expected);
  });

  it('calls a path drift when the report says it differs, is unmanaged, or vanished from a state', () => {
    const current = record(8, { 'aws_vpc.main': vpc('sha256:b') });
    const previous = record(7, { 'aws_vpc.main': vpc('sha256:a') });
    const changed = report({
      changed: [{ address: 'aws_vpc.main', type: 'aws_vpc', id: 'vpc-1', path: PATH, changes: [] }],
    });
    expect(
      classifyPaths({
        paths: [{ path: PATH, change: 'M' }],
        report: changed,
        current,
        previous,
      }).get(PATH),
    ).toEqual({ class: 'drift' });
    const missing = report({
      missing: [{ address: 'aws_vpc.main', type: 'aws_vpc', id: 'vpc-1', state: STATE }],
    });
    expect(
      classifyPaths({
        paths: [{ path: PATH, change: 'D' }],
        report: missing,
        current,
        previous,
      }).get(PATH),
    ).toEqual({ class: 'drift' });
  });

  it('does not explain a resource of another account with the same id', () => {
    const other = { ...vpc('sha256:b'), accountId: '222222222222' };
    const classes = classifyPaths({
      paths: [{ path: PATH, change: 'M' }],
      report: report(),
      current: record(8, { 'aws_vpc.main': other }),
      previous: record(7, { 'aws_vpc.main': { ...other, fingerprint: 'sha256:a' } }),
    });
    expect(classes.get(PATH)).toEqual({ class: 'unverified' });
  });
});

describe('Function: classifyPaths (Kubernetes paths)', () => {
  const K8S_PATH = 'k8s/prod/shop/apps/Deployment/api.yaml';
  const deployment = (fingerprint: string, cluster?: string) => ({
    type: 'kubernetes_deployment_v1',
    id: 'shop/api',
    ...(cluster ? { cluster } : {}),
    object: 'apps/Deployment/shop/api',
    fingerprint,
  });
  const byHand = { class: 'drift' as const };
  const classify = (
    change: 'A' | 'M' | 'D',
    previous: TerraformRecord,
    current: TerraformRecord,
    partial: Partial<DriftReport> = {},
  ) =>
    classifyPaths({
      paths: [{ path: K8S_PATH, change }],
      report: report(partial),
      current,
      previous,
      kubeFallback: () => byHand,
    }).get(K8S_PATH);

  it('explains a change Terraform applied between serials, for the state of that cluster', () => {
    expect(
      classify(
        'M',
        record(7, { 'kubernetes_deployment_v1.api': deployment('sha256:a', 'prod') }),
        record(8, { 'kubernetes_deployment_v1.api': deployment('sha256:b', 'prod') }),
      ),
    ).toEqual({
      class: 'explained',
      state: STATE,
      serial: 8,
      address: 'kubernetes_deployment_v1.api',
    });
  });

  it('explains it from a state that names no cluster, but not from one of another cluster', () => {
    const before = record(7, { 'kubernetes_deployment_v1.api': deployment('sha256:a') });
    const after = record(8, { 'kubernetes_deployment_v1.api': deployment('sha256:b') });
    expect(classify('M', before, after)?.class).toBe('explained');
    const elsewhere = (f: string) =>
      record(f === 'a' ? 7 : 8, {
        'kubernetes_deployment_v1.api': deployment(`sha256:${f}`, 'staging'),
      });
    expect(classify('M', elsewhere('a'), elsewhere('b'))).toEqual(byHand);
  });

  it('is drift when the report says the object differs from state, whoever wrote it', () => {
    const same = record(8, { 'kubernetes_deployment_v1.api': deployment('sha256:a', 'prod') });
    const changed = [
      {
        address: 'kubernetes_deployment_v1.api',
        type: 'kubernetes_deployment_v1',
        id: 'shop/api',
        path: K8S_PATH,
        changes: [{ attribute: 'spec.replicas', state: 2, cloud: 4 }],
      },
    ];
    expect(
      classifyPaths({
        paths: [{ path: K8S_PATH, change: 'M' }],
        report: report({ changed }),
        current: same,
        previous: same,
        kubeFallback: () => ({ class: 'explained', address: 'Argo CD' }),
      }).get(K8S_PATH),
    ).toEqual({ class: 'drift' });
  });

  it('is drift when an object a state still holds is gone, explained when Terraform destroyed it', () => {
    const held = record(8, { 'kubernetes_deployment_v1.api': deployment('sha256:a', 'prod') });
    expect(classify('D', held, held)).toEqual({ class: 'drift' });
    expect(classify('D', held, record(9, {}))).toEqual({
      class: 'explained',
      state: STATE,
      serial: 9,
      address: 'kubernetes_deployment_v1.api',
    });
  });

  it('does not call a removal drift for a state that names no cluster (it may mean another)', () => {
    const held = record(8, { 'kubernetes_deployment_v1.api': deployment('sha256:a') });
    const removed = (current: TerraformRecord) =>
      classifyPaths({
        paths: [{ path: K8S_PATH, change: 'D' }],
        report: report(),
        current,
        previous: current,
      }).get(K8S_PATH);
    expect(removed(held)).toEqual({ class: 'unverified' });
    const inProd = record(8, { 'kubernetes_deployment_v1.api': deployment('sha256:a', 'prod') });
    expect(removed(inProd)).toEqual({ class: 'drift' });
  });

  it('asks the fallback (who wrote it last) when Terraform does not decide', () => {
    const same = record(8, { 'kubernetes_deployment_v1.api': deployment('sha256:a', 'prod') });
    expect(classify('M', same, same)).toEqual(byHand);
    expect(classify('A', record(8, {}), record(8, {}))).toEqual(byHand);
  });
});
