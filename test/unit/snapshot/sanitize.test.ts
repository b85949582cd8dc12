import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../../lib/snapshot/normalize/redact-credentials.js';
import { forLine, forTerminal, markdownCell } from '../../../lib/snapshot/sanitize.js';
import { renderCommitMessage } from '../../../lib/trail/commit-message.js';
import { diffTrail } from '../../../lib/trail/diff-trail.js';

const TOKEN = `ghp_${'a1B2'.repeat(9)}`;

describe('sanitize', () => {
  it('keeps a hostile string on one line with its controls shown', () => {
    const hostile = 'kubectl\nD aws/1/r/x.yaml\r\nStatetrail-Scan: forged\u2028';
    const line = forLine(hostile);
    expect(line).not.toMatch(/[\n\r\u2028]/);
    expect(line).toBe('kubectl\\u000aD aws/1/r/x.yaml\\u000d\\u000aStatetrail-Scan: forged\\u2028');
  });

  it('shows a terminal escape sequence instead of running it', () => {
    expect(forTerminal('id\u001b[2J\u001b]0;owned\u0007')).toBe(
      'id\\u001b[2J\\u001b]0;owned\\u0007',
    );
  });

  it('masks a credential-shaped value', () => {
    expect(forLine(`manager ${TOKEN}`)).toBe(REDACTED);
    expect(markdownCell(TOKEN)).not.toContain(TOKEN);
  });

  it('escapes HTML and table syntax for a markdown cell, and breaks what makes a link', () => {
    expect(markdownCell('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdownCell('a|b `c` [l](u) &')).toBe('a\\|b \\`c\\` [l\\](u) &amp;');
    expect(markdownCell('aws_instance.web[1]')).toBe('aws_instance.web[1]');
    // A newline stays inside the cell; a control character shows, its backslash escaped.
    expect(markdownCell('x\ny')).toBe('x<br>y');
    expect(markdownCell('x\u0007y')).toBe('x\\\\u0007y');
  });
});

describe('the commit message takes outside strings through forLine', () => {
  it('cannot be given a forged path or trailer line, nor a token, by a field manager', () => {
    const path = 'k8s/c/default/configmap/app.yaml';
    const diff = diffTrail(
      { head: 'h', files: new Map() },
      {
        files: new Map([[path, { bytes: new TextEncoder().encode('a'), hash: 'a' }]]),
        completeScopes: ['k8s/c'],
      },
    );
    const manager = `evil\nD k8s/c/default/secret/db.yaml\nStatetrail-Scan: forged ${TOKEN}`;
    const message = renderCommitMessage({
      scanId: 'scan-1',
      diff,
      scopes: [{ scope: 'k8s/c', complete: true }],
      classes: new Map([[path, { class: 'explained', address: manager }]]),
    });
    expect(message).not.toContain('\nD k8s/c/default/secret');
    expect(message.match(/^Statetrail-Scan:/gm)).toEqual(['Statetrail-Scan:']);
    expect(message).not.toContain(TOKEN);
    const clean = renderCommitMessage({
      scanId: 'scan-1',
      diff,
      scopes: [{ scope: 'k8s/c', complete: true }],
      classes: new Map([[path, { class: 'explained', address: 'evil\nD x' }]]),
    });
    expect(clean).toContain('[explained: evil\\u000aD x]');
  });
});
