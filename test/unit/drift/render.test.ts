import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../../lib/drift/render/console.js';
import { renderJson } from '../../../lib/drift/render/json.js';
import { renderMarkdown } from '../../../lib/drift/render/markdown.js';
import { DriftReport } from '../../../lib/drift/schema.js';

const ROOT = join(import.meta.dirname, '../../fixtures/drift-render');
const LIMIT = 3;

const unmanaged = Array.from({ length: LIMIT + 2 }, (_, i) => ({
  type: 'aws_subnet',
  id: `subnet-0${i}`,
  resourceType: 'AWS::EC2::Subnet',
  path: `aws/111111111111/eu-west-1/ec2/subnet/subnet-0${i}.yaml`,
}));

/**
 * One entry of each class; a value with a pipe, a backtick and a newline; one list past the limit;
 * accepted drift with and without an expiry and an approver.
 */
const REPORT: DriftReport = DriftReport.parse({
  version: 1,
  generatedAt: '2026-11-22T10:00:00Z',
  scopes: [
    { scope: 'aws/111111111111/eu-west-1', complete: true },
    { scope: 'aws/222222222222/us-east-1', complete: false },
  ],
  summary: {
    total: 8,
    managed: 2,
    unmanaged: unmanaged.length,
    missing: 1,
    changed: 1,
    managedElsewhere: 1,
    accepted: 2,
    coverage: 0.25,
  },
  unmanaged,
  missing: [
    {
      address: 'module.net.aws_subnet.gone["b"]',
      type: 'aws_subnet',
      id: 'subnet-0gone',
      state: 's3://states/net.tfstate',
    },
  ],
  changed: [
    {
      address: 'aws_security_group.web',
      type: 'aws_security_group',
      id: 'sg-0web',
      path: 'aws/111111111111/eu-west-1/ec2/securitygroup/sg-0web.yaml',
      changes: [
        { attribute: 'description', state: 'a | b `c`', cloud: 'line one\nline two' },
        {
          attribute: 'ingress',
          state: ['ingress tcp 443-443 cidr:0.0.0.0/0'],
          cloud: [],
        },
        { attribute: 'tags.Owner', state: 'platform', cloud: null },
      ],
    },
  ],
  managedElsewhere: [
    {
      id: 'i-0eks',
      resourceType: 'AWS::EC2::Instance',
      managedBy: 'eks-nodegroup:prod/default',
      path: 'aws/123456789012/eu-west-1/ec2/instance/i-0eks.yaml',
    },
  ],
  accepted: [
    {
      address: 'aws_instance.web[1]',
      attribute: 'instance_type',
      until: '2027-01-01',
      reason: 'Resized for the | sale\nuntil January',
      acceptedBy: 'octocat',
    },
    { address: 'aws_instance.web[1]', attribute: 'tags.Owner', reason: 'Set by billing' },
  ],
});

const RENDERS = {
  'report.md': () => renderMarkdown(REPORT, { limit: LIMIT }),
  'report.txt': () => renderConsole(REPORT, { isTTY: false }),
  'report.json': () => renderJson(REPORT),
} as const;

describe('drift renderers', () => {
  it.each(Object.keys(RENDERS) as (keyof typeof RENDERS)[])(
    'renders %s as its golden file',
    (file) => {
      const text = RENDERS[file]();
      const path = join(ROOT, file);
      if (process.env['UPDATE_GOLDEN'] === '1') {
        mkdirSync(ROOT, { recursive: true });
        writeFileSync(path, text);
      }
      expect(text).toBe(readFileSync(path, 'utf8'));
    },
  );

  it('escapes pipes and backticks in markdown cells and keeps each row on one line', () => {
    const markdown = renderMarkdown(REPORT, { limit: LIMIT });
    expect(markdown).toContain('| description | a \\| b \\`c\\` | line one<br>line two |');
  });

  it('caps a long markdown list with "... and N more"', () => {
    const markdown = renderMarkdown(REPORT, { limit: LIMIT });
    expect(markdown).toContain('| aws_subnet | subnet-02 |');
    expect(markdown).not.toContain('subnet-03');
    expect(markdown).toContain(`... and ${unmanaged.length - LIMIT} more`);
  });

  it('lists accepted drift with its reason and approver in markdown, escaped', () => {
    const markdown = renderMarkdown(REPORT, { limit: LIMIT });
    expect(markdown).toContain('| Address | Attribute | Until | Reason | Accepted by |');
    expect(markdown).toContain(
      '| aws_instance.web[1] | instance_type | 2027-01-01 | Resized for the \\| sale<br>until January | octocat |',
    );
    expect(markdown).toContain('| aws_instance.web[1] | tags.Owner | - | Set by billing | - |');
  });

  it('aligns the console columns', () => {
    const lines = renderConsole(REPORT, { isTTY: false }).split('\n');
    const header = lines.findIndex((line) => line.startsWith('KIND'));
    const table = lines.slice(header).filter((line) => line !== '');
    const starts = (line: string) => [...line.matchAll(/(?<=\s{2})\S/g)].map((m) => m.index);
    const [headerStarts] = table.map(starts);
    for (const row of table.slice(1)) {
      // Every cell starts at a column the header starts at (empty cells leave gaps).
      for (const start of starts(row)) expect(headerStarts).toContain(start);
    }
    expect(table).toHaveLength(1 + 3 + unmanaged.length + 1);
  });

  it('writes no escape codes when the output is not a terminal, and colour when it is', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape codes is the point.
    const ESCAPE = /\u001b\[/;
    expect(renderConsole(REPORT, { isTTY: false })).not.toMatch(ESCAPE);
    expect(renderConsole(REPORT, { isTTY: true })).toMatch(ESCAPE);
  });

  it('replaces control characters in console values', () => {
    const text = renderConsole(REPORT, { isTTY: false });
    expect(text).toContain('line one?line two');
  });

  it('keeps the JSON a valid report', () => {
    expect(DriftReport.parse(JSON.parse(renderJson(REPORT)))).toEqual(REPORT);
  });
});
