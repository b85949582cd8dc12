import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codifyFindings } from '../../../lib/codify/findings.js';
import type { DriftReport } from '../../../lib/drift/schema.js';
import type { Resource } from '../../../lib/model/schema.js';
import { codeLookup } from '../../../lib/pipeline/review.js';
import { withBodyHash } from '../../../lib/review/body-hash.js';
import { type PlanReviewInput, planReview } from '../../../lib/review/plan-review.js';
import { BODY_LIMIT } from '../../../lib/review/render-pull.js';
import type { PullFacts } from '../../../lib/review/reviewer.js';
import type { ReviewState } from '../../../lib/review/state.js';

// Untyped on purpose: see test/unit/codify/codify.test.ts.
const { parse } = createRequire(import.meta.url)('@cdktf/hcl2json') as {
  parse: (file: string, text: string) => Promise<Record<string, unknown>>;
};

const A = 'aws/111111111111/eu-west-1';
const CANARY = 'ghp_C4NARYc4naryC4NARYc4naryC4NARYc4nary00';
const VPCS = (
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/codify/aws_vpc/input.json'), 'utf8'),
  ) as { resources: Resource[] }
).resources;

function vpc(n: number): Resource {
  const base = VPCS[0] as Resource;
  const id = `vpc-0d0d0d0d0d0d${String(n).padStart(5, '0')}`;
  return { ...base, resourceId: id, configuration: { ...base.configuration, VpcId: id } };
}

function report(vpcs: readonly Resource[], cloud = 't3.large'): DriftReport {
  return {
    version: 1,
    generatedAt: '2026-11-22T10:00:00Z',
    scopes: [{ scope: A, complete: true }],
    summary: {
      total: vpcs.length + 1,
      managed: 1,
      unmanaged: vpcs.length,
      missing: 0,
      changed: 1,
      managedElsewhere: 0,
      accepted: 0,
      coverage: 0.5,
    },
    unmanaged: vpcs.map((r) => ({
      type: 'aws_vpc',
      id: r.resourceId,
      resourceType: r.resourceType,
      path: `${A}/ec2/vpc/${r.resourceId}.yaml`,
    })),
    missing: [],
    changed: [
      {
        address: 'aws_instance.web',
        type: 'aws_instance',
        id: 'i-0abc',
        path: `${A}/ec2/instance/i-0abc.yaml`,
        changes: [{ attribute: 'instance_type', state: 't3.micro', cloud }],
      },
    ],
    managedElsewhere: [],
    accepted: [],
  };
}

function input(
  drift: DriftReport,
  vpcs: readonly Resource[],
  state: ReviewState,
  pulls: PullFacts[] = [],
): PlanReviewInput {
  const { findings } = codifyFindings({
    report: drift,
    resources: vpcs,
    kubeRecords: [],
    managed: new Map(),
  });
  return {
    report: drift,
    scanId: 'scan-2',
    commit: null,
    base: { sha: 'b'.repeat(40), url: 'https://github.example/acme/trail' },
    state,
    pulls: new Map(pulls.map((p) => [p.number, p])),
    accepted: new Map(),
    settings: { persistScans: 1, maxOpenPulls: 10 },
    now: new Date('2026-11-22T10:00:00Z'),
    codeOf: codeLookup(findings),
  };
}

const EMPTY: ReviewState = { version: 1, lastCommit: 'c'.repeat(40), scopes: {} };

function opened(vpcs: readonly Resource[]) {
  const plan = planReview(input(report(vpcs), vpcs, EMPTY));
  const open = plan.actions[0];
  if (open?.kind !== 'open') throw new Error('expected an open');
  return { plan, open };
}

describe('the drift PR carries the Terraform that resolves each finding', () => {
  it('puts a collapsible section per finding in the body, with accept and revert side by side', () => {
    const { open } = opened([vpc(1)]);
    expect(open.body.match(/<details>/g)).toHaveLength(2);
    expect(open.body).toContain('resource "aws_vpc" "web_app_1" {');
    expect(open.body).toContain('<th>Accept (write this at the address)</th>');
    expect(open.body).toContain('instance_type = "t3.large"');
    expect(open.body).toContain('instance_type = "t3.micro"');
    expect(open.body).toContain("terraform apply -target='aws_instance.web'");
    expect(open.body).not.toContain(CANARY);
  });

  it('writes the scope imports.tf on the PR branch, beside the accepted file, and it parses', async () => {
    const { open } = opened([vpc(1), vpc(2)]);
    const paths = open.commit.files.map((f) => f.path);
    expect(paths).toHaveLength(2);
    expect(paths[1]).toBe(`.statetrail/codify/${A}/imports.tf`);
    expect(paths[0]).toMatch(/^\.statetrail\/accepted\//);
    const imports = open.commit.files[1]?.content ?? '';
    expect(imports).not.toContain(CANARY);
    const parsed = (await parse('imports.tf', imports)) as { import: { to: string }[] };
    // Two VPCs named alike get distinct addresses in the one file.
    expect(parsed.import.map((entry) => entry.to)).toEqual([
      `\${aws_vpc.web_app_1}`,
      `\${aws_vpc.web_app_1_2}`,
    ]);
  });

  it('updates the PR only when its content changed', () => {
    const vpcs = [vpc(1)];
    const { plan, open } = opened(vpcs);
    const scope = plan.state.scopes[A];
    if (!scope) throw new Error('no scope');
    const state: ReviewState = {
      ...plan.state,
      scopes: {
        [A]: { ...scope, pull: { number: 7, keys: [...open.keys], base: 'b'.repeat(40) } },
      },
    };
    const facts: PullFacts = {
      number: 7,
      state: 'open',
      merged: false,
      approved: false,
      foreignCommits: false,
      head: 'h'.repeat(40),
      url: 'https://github.example/acme/trail/pull/7',
      title: open.title,
      body: withBodyHash(open.body),
    };
    expect(planReview(input(report(vpcs), vpcs, state, [facts])).actions).toEqual([]);
    // A new cloud value changes the finding: the body, the branch (accepted file) follow it.
    const moved = planReview(input(report(vpcs, 't3.xlarge'), vpcs, state, [facts]));
    const update = moved.actions[0];
    expect(update?.kind).toBe('update');
    expect(update?.kind === 'update' && update.body).toContain('instance_type = "t3.xlarge"');
    expect(update?.kind === 'update' && update.commit?.files.map((f) => f.path)).toContain(
      `.statetrail/codify/${A}/imports.tf`,
    );
  });

  it('keeps the body within the limit when the findings are many', () => {
    const many = Array.from({ length: 400 }, (_, n) => vpc(n));
    const { open } = opened(many);
    expect(open.body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(open.body).toContain('more findings are not shown');
    // The branch's imports.tf still holds every one.
    expect(open.commit.files[1]?.content.match(/^import \{/gm)).toHaveLength(400);
  });
});
