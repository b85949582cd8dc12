import { describe, expect, it } from 'vitest';
import type { DriftItem } from '../../../lib/review/drift-items.js';
import { codeSpan, MASKED, md } from '../../../lib/review/markdown-text.js';
import { renderDashboard } from '../../../lib/review/render-dashboard.js';
import { BODY_LIMIT, renderPullBody } from '../../../lib/review/render-pull.js';
import { parseStateComment, type ReviewState } from '../../../lib/review/state.js';

const CANARY = `ghp_${'Zq9'.repeat(12)}`;
const SCOPE = 'aws/111111111111/eu-west-1';

function item(n: number, cloud: unknown = 'x'): DriftItem {
  return {
    identity: `i${n}`,
    key: `k${n}`,
    scope: SCOPE,
    kind: 'changed',
    address: `aws_security_group.sg_${n}`,
    attribute: 'description',
    id: `sg-${n}`,
    type: 'aws_security_group',
    path: `${SCOPE}/ec2/securitygroup/sg-${n}.yaml`,
    state: 'from code',
    cloud,
    fingerprint: `sha256:${'0'.repeat(64)}`,
  };
}

describe('review markdown', () => {
  it('masks credential-shaped text and escapes HTML and table characters', () => {
    expect(md(`key ${CANARY}`)).toBe(MASKED);
    expect(md('<img src=x>|`a`&')).toBe('&lt;img src=x&gt;\\|\\`a\\`&amp;');
    expect(codeSpan(`a ${CANARY}`)).toBe(`\`${MASKED}\``);
    expect(codeSpan('instance_type`x')).toBe("`instance_type'x`");
  });

  it('keeps a canary secret out of a PR body, whatever field holds it', () => {
    const body = renderPullBody({
      scope: SCOPE,
      items: [{ ...item(1, CANARY), id: CANARY, state: { token: CANARY } }],
      repoUrl: 'https://github.example/acme/trail',
      commitOf: () => null,
    });
    expect(body).not.toContain(CANARY);
    expect(body).toContain(MASKED);
  });

  it('cuts a long body under the limit and says where the full list is', () => {
    const items = Array.from({ length: 2000 }, (_, n) => item(n, 'v'.repeat(100)));
    const body = renderPullBody({ scope: SCOPE, items, repoUrl: 'u', commitOf: () => null });
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(body).toContain('more findings are not shown');
    expect(body).toContain('.statetrail/accepted/aws%2F111111111111%2Feu-west-1.yaml');
  });

  it('says who changed each finding, when attribution knows, next to its observation', () => {
    const body = renderPullBody({
      scope: SCOPE,
      items: [item(1), item(2)],
      repoUrl: 'u',
      commitOf: () => null,
      changedBy: (finding) =>
        finding.id === 'sg-1'
          ? 'alice@example.com (console, AuthorizeSecurityGroupIngress, 2026-11-22T09:50:00.000Z)'
          : undefined,
    });
    expect(body).toContain(
      'Observed in not recorded; changed by alice@example.com (console, AuthorizeSecurityGroupIngress, 2026-11-22T09:50:00.000Z)',
    );
    expect(body.match(/changed by/g)).toHaveLength(1);
  });

  it('carries the review state in the dashboard, read back unchanged', () => {
    const state: ReviewState = {
      version: 1,
      lastCommit: 'c'.repeat(40),
      scopes: {
        [SCOPE]: {
          items: { i1: { key: 'k1', first: 'scan-1', seen: 2, commit: null } },
          pull: { number: 3, keys: ['k1'], base: 'b'.repeat(40) },
        },
      },
    };
    const body = renderDashboard({
      report: {
        version: 1,
        generatedAt: 'now',
        scopes: [{ scope: SCOPE, complete: false }],
        summary: {
          total: 3,
          managed: 2,
          unmanaged: 1,
          missing: 0,
          changed: 1,
          managedElsewhere: 0,
          accepted: 0,
          coverage: 2 / 3,
        },
        unmanaged: [],
        missing: [],
        changed: [],
        managedElsewhere: [],
        accepted: [{ address: CANARY, attribute: 'tags.Owner', until: '2027-01-01' }],
      },
      state,
      repoUrl: 'https://github.example/acme/trail',
      persistScans: 2,
      handsOff: [],
    });
    expect(parseStateComment(body)).toEqual(state);
    expect(body).toContain('pie title');
    expect(body).toContain('66.7%');
    expect(body).toContain('/pull/3)');
    expect(body).toContain('2027-01-01');
    expect(body).not.toContain(CANARY);
  });

  it('shows IaC coverage per scope in a table and a bar chart', () => {
    const scope = (name: string, managed: number, unmanaged: number, complete = true) => ({
      scope: name,
      complete,
      managed,
      unmanaged,
      missing: 0,
      coverage: managed / (managed + unmanaged),
    });
    const body = renderDashboard({
      report: {
        version: 1,
        generatedAt: 'now',
        scopes: [scope('aws/111111111111/eu-west-1', 3, 1), scope('k8s/prod"]`', 1, 1, false)],
        summary: {
          total: 6,
          managed: 4,
          unmanaged: 2,
          missing: 0,
          changed: 0,
          managedElsewhere: 0,
          accepted: 0,
          coverage: 4 / 6,
        },
        unmanaged: [],
        missing: [],
        changed: [],
        managedElsewhere: [],
        accepted: [],
      },
      state: { version: 1, lastCommit: null, scopes: {} },
      repoUrl: 'https://github.example/acme/trail',
      persistScans: 2,
      handsOff: [],
    });
    expect(body).toContain('| `aws/111111111111/eu-west-1` | 3 | 1 | 0 | 75.0% |');
    expect(body).toContain('| `k8s/prod"]\'` (incomplete) | 1 | 1 | 0 | 50.0% |');
    // The chart's labels lose what would end a label or the code block.
    expect(body).toContain('x-axis ["aws/111111111111/eu-west-1", "k8s/prod"]');
    expect(body).toContain('bar [75.0, 50.0]');
  });

  it('says why a scope is incomplete: the scan warnings, once each, values masked', () => {
    const warning = (message: string) => ({
      code: 'denied' as const,
      message,
      target: 'aws-caller-eu-west-1-ec2',
    });
    const denied =
      'ec2:DescribeSecurityGroups denied in 111111111111/eu-west-1 (AccessDenied); security groups left as they were';
    const body = renderDashboard({
      report: {
        version: 1,
        generatedAt: 'now',
        scopes: [{ scope: SCOPE, complete: false }],
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
      },
      state: { version: 1, lastCommit: null, scopes: {} },
      repoUrl: 'https://github.example/acme/trail',
      persistScans: 2,
      handsOff: [],
      warnings: [warning(denied), warning(denied), warning(`token ${CANARY} refused`)],
    });
    const section = body.slice(body.indexOf('### Incomplete scopes'));
    expect(section).toContain('What the scan could not read:');
    expect(section.split(denied.slice(0, 40)).length - 1).toBe(1);
    expect(body).not.toContain(CANARY);
  });

  it('lists a prune PR under stale accepted entries, not as open drift', () => {
    const body = renderDashboard({
      report: {
        version: 1,
        generatedAt: 'now',
        scopes: [{ scope: SCOPE, complete: true }],
        summary: {
          total: 0,
          managed: 0,
          unmanaged: 0,
          missing: 0,
          changed: 0,
          managedElsewhere: 0,
          accepted: 0,
          coverage: 1,
        },
        unmanaged: [],
        missing: [],
        changed: [],
        managedElsewhere: [],
        accepted: [],
      },
      state: {
        version: 1,
        lastCommit: null,
        scopes: { [SCOPE]: { items: {}, prune: { number: 5, keys: ['k1'], file: 'f' } } },
      },
      repoUrl: 'https://github.example/acme/trail',
      persistScans: 2,
      handsOff: [],
    });
    expect(body).toContain('No open drift.');
    expect(body).toMatch(
      /### Stale accepted entries\n\n- `.*`: \[#5\]\(.*\/pull\/5\) removes 1 stale accepted entry/,
    );
  });

  it('reads an edited, unreadable state as none', () => {
    expect(parseStateComment('<!-- statetrail-state: bm90IGpzb24= -->')).toBeNull();
  });
});
