import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../lib/model/schema.js';
import { SnapshotPathError } from '../../../lib/snapshot/errors.js';
import {
  decodeId,
  decodeName,
  encodeId,
  parseResourcePath,
  resourcePath,
} from '../../../lib/snapshot/paths.js';

const ENCODED_NAME = /^[A-Za-z0-9_%-][A-Za-z0-9._%-]*(~[0-9a-f]{16})?$/;

const anyId = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string({ minLength: 1 }),
  fc.constantFrom('.', '..', '.git', '%', '%25', 'a/b', 'cluster:nodegroup', '~', ' ', 'é'),
);

function resource(overrides: Partial<Resource> = {}): Resource {
  return {
    schemaVersion: 1,
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: 'sg-0a1b2c3d4e5f67890',
    accountId: '123456789012',
    awsRegion: 'eu-west-1',
    tags: {},
    configuration: {},
    ...overrides,
  };
}

describe('Function: encodeId', () => {
  it.each([
    ['sg-0a1b2c3d4e5f67890', 'sg-0a1b2c3d4e5f67890'],
    ['my_bucket.logs', 'my_bucket.logs'],
    ['cluster:nodegroup', 'cluster%3Anodegroup'],
    ['a/b', 'a%2Fb'],
    ['100%', '100%25'],
    ['.', '%2E'],
    ['..', '%2E.'],
    ['.git', '%2Egit'],
    ['a.', 'a.'],
    ["!'()*~", '%21%27%28%29%2A%7E'],
    ['é', '%C3%A9'],
    ['😀', '%F0%9F%98%80'],
    [' x ', '%20x%20'],
  ])('encodes %j as %j', (id, name) => {
    expect(encodeId(id)).toBe(name);
  });

  it('refuses an empty id', () => {
    expect(() => encodeId('')).toThrow(SnapshotPathError);
  });

  it('refuses an id with a lone surrogate, which has no UTF-8 form', () => {
    expect(() => encodeId('a\ud800')).toThrow(SnapshotPathError);
  });

  it('gives names of safe characters that never start with a dot', () => {
    fc.assert(
      fc.property(anyId, (id) => {
        expect(encodeId(id)).toMatch(ENCODED_NAME);
        expect(encodeId(id).length).toBeLessThanOrEqual(250);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives distinct names to distinct ids', () => {
    fc.assert(
      fc.property(anyId, anyId, (a, b) => {
        fc.pre(a !== b);
        expect(encodeId(a)).not.toBe(encodeId(b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Function: decodeId', () => {
  it('gives back every id from its whole name, and says a digested name is one', () => {
    fc.assert(
      fc.property(anyId, (id) => {
        const name = encodeId(id);
        if (name.includes('~')) {
          expect(() => decodeId(name)).toThrow(SnapshotPathError);
          expect(decodeName(name)).toEqual({
            prefix: name.split('~')[0],
            digest: name.split('~')[1],
          });
        } else {
          expect(decodeId(name)).toBe(id);
          expect(decodeName(name)).toEqual({ id });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [''],
    ['.'],
    ['..'],
    ['.git'],
    ['a b'],
    ['a/b'],
    ['%'],
    ['%2'],
    ['%G1'],
    ['%2e'],
    ['%41'],
    ['a%2Eb'],
    ['%FF'],
    ['%C0%80'],
    ['%ED%A0%80'],
    ['~'],
  ])('rejects %j, which no id encodes to', (name) => {
    expect(() => decodeId(name)).toThrow(SnapshotPathError);
  });
});

describe('Function: resourcePath', () => {
  it('places a resource under its account, region and type directory', () => {
    expect(resourcePath(resource())).toBe(
      'aws/123456789012/eu-west-1/ec2/securitygroup/sg-0a1b2c3d4e5f67890.yaml',
    );
  });

  it('encodes the id in the file name', () => {
    const path = resourcePath(
      resource({ resourceType: 'AWS::EKS::Nodegroup', resourceId: 'c:ng' }),
    );
    expect(path).toBe('aws/123456789012/eu-west-1/eks/nodegroup/c%3Ang.yaml');
  });

  it.each([
    ['a region', { awsRegion: '../x' }],
    ['an account', { accountId: '../../etc' }],
  ])('refuses %s that would escape its directory', (_what, overrides) => {
    expect(() => resourcePath(resource(overrides))).toThrow(SnapshotPathError);
  });
});

describe('Function: parseResourcePath', () => {
  it('reads back what resourcePath wrote, for any id', () => {
    fc.assert(
      fc.property(anyId, (resourceId) => {
        expect(parseResourcePath(resourcePath(resource({ resourceId })))).toEqual({
          accountId: '123456789012',
          region: 'eu-west-1',
          typeDirectory: 'ec2/securitygroup',
          resourceId: encodeId(resourceId).includes('~') ? null : resourceId,
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the global region', () => {
    expect(parseResourcePath('aws/123456789012/global/iam/role/admin.yaml')).toEqual({
      accountId: '123456789012',
      region: 'global',
      typeDirectory: 'iam/role',
      resourceId: 'admin',
    });
  });

  it.each([
    ['.statetrail/scan.json'],
    ['k8s/prod/default/apps/Deployment/web.yaml'],
    ['aws/123456789012/eu-west-1/ec2/securitygroup/sg-1.json'],
    ['aws/123456789012/eu-west-1/ec2/securitygroup/.yaml'],
    ['aws/123456789012/eu-west-1/ec2/securitygroup/%2e.yaml'],
    ['aws/123456789012/eu-west-1/ec2/securitygroup/a%41.yaml'],
    ['aws/123456789012/eu-west-1/ec2/securitygroup/x/sg-1.yaml'],
    ['aws/123456789012/eu-west-1/ec2/sg-1.yaml'],
    ['aws/12345/eu-west-1/ec2/securitygroup/sg-1.yaml'],
    ['aws/123456789012/EU/ec2/securitygroup/sg-1.yaml'],
    ['aws/123456789012/eu-west-1/EC2/securitygroup/sg-1.yaml'],
    ['/aws/123456789012/eu-west-1/ec2/securitygroup/sg-1.yaml'],
  ])('returns null for %j, which is not a resource file', (path) => {
    expect(parseResourcePath(path)).toBeNull();
  });
});
