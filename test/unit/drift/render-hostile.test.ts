import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../../lib/drift/render/console.js';
import { renderMarkdown } from '../../../lib/drift/render/markdown.js';
import { DriftReport } from '../../../lib/drift/schema.js';

const HOSTILE_ID = 'subnet-1\u001b[2J\u001b]0;owned\u0007';

const REPORT: DriftReport = DriftReport.parse({
  version: 1,
  generatedAt: '2026-11-22T10:00:00Z',
  scopes: [{ scope: 'aws/111111111111/eu-west-1', complete: true }],
  summary: {
    total: 1,
    managed: 0,
    unmanaged: 1,
    missing: 0,
    changed: 0,
    managedElsewhere: 0,
    accepted: 0,
    coverage: 0,
  },
  unmanaged: [
    { type: 'aws_subnet', id: HOSTILE_ID, resourceType: 'AWS::EC2::Subnet', path: 'a.yaml' },
    {
      type: 'aws_subnet',
      id: '<img src=x onerror=alert(1)>',
      resourceType: 'AWS::EC2::Subnet',
      path: 'b.yaml',
    },
    {
      type: 'aws_subnet',
      id: '![x](https://tracker.example/p.png)',
      resourceType: 'AWS::EC2::Subnet',
      path: 'c.yaml',
    },
    {
      type: 'aws_subnet',
      id: 'ghp_0123456789abcdefghijABCDEFGHIJ012345',
      resourceType: 'AWS::EC2::Subnet',
      path: 'd.yaml',
    },
  ],
  missing: [],
  changed: [],
  managedElsewhere: [],
  accepted: [],
});

describe('reports of hostile ids', () => {
  it('prints an ESC sequence in an id visibly on the console, never raw', () => {
    const text = renderConsole(REPORT, { isTTY: false });
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('subnet-1\\u001b[2J\\u001b]0;owned\\u0007');
  });

  it('escapes raw HTML in a markdown cell', () => {
    const markdown = renderMarkdown(REPORT);
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('makes no link or image of an id in markdown, and masks a credential-shaped one', () => {
    const markdown = renderMarkdown(REPORT);
    expect(markdown).not.toMatch(/[^\\]\]\(/);
    expect(markdown).toContain('![x\\](https://tracker.example/p.png)');
    expect(markdown).not.toContain('ghp_0123456789');
    expect(markdown).toContain('(redacted: credential-shaped value)');
  });

  it('keeps a newline in an id from starting a new markdown line', () => {
    const report = DriftReport.parse({
      ...REPORT,
      unmanaged: [{ ...REPORT.unmanaged[0], id: 'a\n## forged heading' }],
    });
    expect(renderMarkdown(report)).not.toMatch(/^## forged heading/m);
  });
});
