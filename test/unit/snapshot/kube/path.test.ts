import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnapshotPathError } from '../../../../lib/snapshot/errors.js';
import {
  isKubePath,
  type KubePathParts,
  kubePath,
  parseKubePath,
} from '../../../../lib/snapshot/kube/path.js';

const anyName = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string({ minLength: 1 }),
  fc.constantFrom(
    'system:controller:job-controller',
    'system:masters',
    '.',
    '..',
    '.git',
    'é',
    '☸️',
  ),
);
const namespace = fc.option(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/), {
  nil: undefined,
});
const group = fc.constantFrom('', 'apps', 'rbac.authorization.k8s.io', 'cert-manager.io');
const kind = fc.constantFrom('ClusterRole', 'Deployment', 'Secret', 'Widget');

describe('Function: kubePath', () => {
  it.each<[KubePathParts, string]>([
    [
      { cluster: 'prod', namespace: 'shop', group: 'apps', kind: 'Deployment', name: 'web' },
      'k8s/prod/shop/apps/Deployment/web.yaml',
    ],
    [
      { cluster: 'prod', group: '', kind: 'Namespace', name: 'shop' },
      'k8s/prod/_cluster/core/Namespace/shop.yaml',
    ],
    [
      {
        cluster: 'prod',
        group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'system:node',
      },
      'k8s/prod/_cluster/rbac.authorization.k8s.io/ClusterRole/system%3Anode.yaml',
    ],
    [
      {
        cluster: 'arn:aws:eks:eu-west-1:123456789012:cluster/prod',
        group: '',
        kind: 'Node',
        name: 'n',
      },
      'k8s/arn%3Aaws%3Aeks%3Aeu-west-1%3A123456789012%3Acluster%2Fprod/_cluster/core/Node/n.yaml',
    ],
  ])('places %j at %s', (parts, path) => {
    expect(kubePath(parts)).toBe(path);
    expect(parseKubePath(path)).toEqual(parts);
  });

  it.each<[KubePathParts, string]>([
    [
      { cluster: 'c', namespace: '_cluster', group: '', kind: 'K', name: 'n' },
      'k8s/c/%5Fcluster/core/K/n.yaml',
    ],
    [{ cluster: 'c', group: 'core', kind: 'K', name: 'n' }, 'k8s/c/_cluster/%63ore/K/n.yaml'],
    [
      { cluster: 'c', namespace: 'core', group: '_cluster', kind: 'K', name: 'n' },
      'k8s/c/core/_cluster/K/n.yaml',
    ],
  ])('escapes a real namespace or group named as the layout reserves: %j', (parts, path) => {
    expect(kubePath(parts)).toBe(path);
    expect(parseKubePath(path)).toEqual(parts);
  });

  it('refuses an empty kind or name', () => {
    expect(() => kubePath({ cluster: 'c', group: '', kind: 'K', name: '' })).toThrow(
      SnapshotPathError,
    );
    expect(() => kubePath({ cluster: 'c', group: 'x.io', kind: '', name: 'n' })).toThrow(
      SnapshotPathError,
    );
  });

  it('gives back every record from its path', () => {
    fc.assert(
      fc.property(anyName, namespace, group, kind, anyName, (cluster, ns, g, k, name) => {
        const parts: KubePathParts = {
          cluster,
          ...(ns !== undefined && { namespace: ns }),
          group: g,
          kind: k,
          name,
        };
        const path = kubePath(parts);
        expect(path.split('/')).toHaveLength(6);
        expect(isKubePath(path)).toBe(true);
        // A digested segment (a long or upper-case name) is read back from the file instead.
        expect(parseKubePath(path)).toEqual(path.includes('~') ? null : parts);
      }),
    );
  });
});

describe('Function: parseKubePath', () => {
  it.each([
    'aws/123456789012/eu-west-1/ec2/vpc/vpc-1.yaml',
    'k8s/prod/shop/apps/Deployment.yaml',
    'k8s/prod/shop/apps/Deployment/web.yml',
    'k8s/prod/shop/apps/Deployment/sys%3anode.yaml',
    'k8s/prod/shop/apps/Deployment/a%41.yaml',
    'k8s/prod/shop/apps/Deployment/../web.yaml',
    'k8s/prod/shop/apps/Deployment/web~0123.yaml',
    'k8s/prod/shop/apps/%5Fcluster/web.yaml',
  ])('reads %s as no k8s path', (path) => {
    expect(parseKubePath(path)).toBeNull();
    expect(isKubePath(path)).toBe(false);
  });
});
