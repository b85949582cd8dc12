import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PATHS, renderCommitMessage } from '../../../lib/trail/commit-message.js';
import { diffTrail } from '../../../lib/trail/diff-trail.js';

const f = (hash: string) => ({ bytes: new TextEncoder().encode(hash), hash });

describe('Function: renderCommitMessage', () => {
  it('summarizes the counts, a line per scope, then each path', () => {
    const diff = diffTrail(
      {
        head: 'h',
        files: new Map([
          ['aws/1/r/ec2/securitygroup/sg-1.yaml', 'old'],
          ['aws/1/r/ec2/instance/i-9.yaml', 'x'],
        ]),
      },
      {
        files: new Map([
          ['aws/1/r/ec2/securitygroup/sg-1.yaml', f('new')],
          ['aws/1/r/ec2/instance/i-1.yaml', f('a')],
          ['aws/1/r/ec2/instance/i-2.yaml', f('b')],
        ]),
        completeScopes: ['aws/1/r/ec2/instance', 'aws/1/r/ec2/securitygroup'],
      },
    );
    const message = renderCommitMessage({
      scanId: 'scan-1',
      diff,
      scopes: [
        { scope: 'aws/1/r/ec2/instance', complete: true },
        { scope: 'aws/1/r/ec2/securitygroup', complete: true },
        { scope: 'aws/1/r/ec2/vpc', complete: false },
      ],
    });
    expect(message).toBe(
      [
        'scan: 2 added, 1 changed, 1 removed',
        '',
        'aws/1/r/ec2/instance: 2 added, 0 changed, 1 removed',
        'aws/1/r/ec2/securitygroup: 0 added, 1 changed, 0 removed',
        'aws/1/r/ec2/vpc: 0 added, 0 changed, 0 removed (incomplete: previous files kept)',
        '',
        'A aws/1/r/ec2/instance/i-1.yaml',
        'A aws/1/r/ec2/instance/i-2.yaml',
        'D aws/1/r/ec2/instance/i-9.yaml',
        'M aws/1/r/ec2/securitygroup/sg-1.yaml',
        '',
        'Statetrail-Scan: scan-1',
        '',
      ].join('\n'),
    );
  });

  it('cuts the path list short on very large commits', () => {
    const files = new Map<string, ReturnType<typeof f>>();
    for (let i = 0; i < MAX_LISTED_PATHS + 5; i++)
      files.set(`s/${String(i).padStart(5, '0')}.yaml`, f(`${i}`));
    const diff = diffTrail({ head: null, files: new Map() }, { files, completeScopes: ['s'] });
    const message = renderCommitMessage({
      scanId: 'x',
      diff,
      scopes: [{ scope: 's', complete: true }],
    });
    expect(message).toContain('... and 5 more paths');
    expect(message.split('\n').filter((l) => l.startsWith('A ')).length).toBe(MAX_LISTED_PATHS);
  });
});
