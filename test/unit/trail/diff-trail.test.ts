import { describe, expect, it } from 'vitest';
import { diffTrail } from '../../../lib/trail/diff-trail.js';

const file = (text: string, hash: string) => ({ bytes: new TextEncoder().encode(text), hash });

describe('Function: diffTrail', () => {
  const manifest = {
    head: 'abc',
    files: new Map([
      ['aws/1/r/ec2/vpc/vpc-1.yaml', 'h1'],
      ['aws/1/r/ec2/vpc/vpc-2.yaml', 'h2'],
      ['aws/1/r/ec2/subnet/subnet-1.yaml', 'h3'],
      ['aws/1/r/ec2/subnet/subnet-2.yaml', 'h4'],
    ]),
  };

  it('adds new paths, changes paths whose hash differs and leaves equal ones alone', () => {
    const diff = diffTrail(manifest, {
      files: new Map([
        ['aws/1/r/ec2/vpc/vpc-1.yaml', file('same', 'h1')],
        ['aws/1/r/ec2/vpc/vpc-2.yaml', file('new', 'h2b')],
        ['aws/1/r/ec2/vpc/vpc-3.yaml', file('added', 'h5')],
      ]),
      completeScopes: [],
    });
    expect(diff.added).toEqual(['aws/1/r/ec2/vpc/vpc-3.yaml']);
    expect(diff.changed).toEqual(['aws/1/r/ec2/vpc/vpc-2.yaml']);
    expect(diff.removed).toEqual([]);
    expect(diff.changes.map((c) => c.path)).toEqual([
      'aws/1/r/ec2/vpc/vpc-2.yaml',
      'aws/1/r/ec2/vpc/vpc-3.yaml',
    ]);
  });

  it('removes unseen files only in scopes that completed', () => {
    const diff = diffTrail(manifest, {
      files: new Map([['aws/1/r/ec2/vpc/vpc-1.yaml', file('same', 'h1')]]),
      completeScopes: ['aws/1/r/ec2/vpc'],
    });
    expect(diff.removed).toEqual(['aws/1/r/ec2/vpc/vpc-2.yaml']);
    expect(diff.changes).toEqual([{ path: 'aws/1/r/ec2/vpc/vpc-2.yaml', content: null }]);
  });

  it('does not treat a scope as the prefix of a longer sibling name', () => {
    const diff = diffTrail(
      { head: 'x', files: new Map([['aws/1/r/ec2/vpcendpoint/vpce-1.yaml', 'h']]) },
      { files: new Map(), completeScopes: ['aws/1/r/ec2/vpc'] },
    );
    expect(diff.removed).toEqual([]);
  });

  it('gives no change when the observation equals the trail', () => {
    const diff = diffTrail(
      { head: 'x', files: new Map([['a/b.yaml', 'h']]) },
      { files: new Map([['a/b.yaml', file('b', 'h')]]), completeScopes: ['a'] },
    );
    expect(diff.changes).toEqual([]);
  });
});
