import { describe, expect, it } from 'vitest';
import { attribute } from '../../../lib/attribution/attribute.js';
import type { Attribution } from '../../../lib/attribution/schema.js';
import { changedByTrailers } from '../../../lib/attribution/trailers.js';
import { fakePaceClock } from '../../sim/aws/pace-clock.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const noLookup = async () => {
  throw new Error('no CloudTrail here');
};

describe('attribute for Kubernetes objects', () => {
  it('names the managedFields manager and time of the latest updates, how it was made', async () => {
    const result = await attribute({
      aws: [],
      kube: [
        {
          path: 'k8s/prod/shop/apps/Deployment/web.yaml',
          updates: [
            { manager: 'kubectl-edit', operation: 'Update', time: '2026-11-22T09:00:00Z' },
            { manager: 'argocd-controller', operation: 'Apply', time: '2026-11-20T09:00:00Z' },
            { manager: 'kube-controller-manager', operation: 'Update' },
          ],
        },
      ],
      lookup: noLookup,
      clock: fakePaceClock(),
      scanner: [],
      logger: quiet,
    });
    expect(result.paths).toEqual([
      {
        path: 'k8s/prod/shop/apps/Deployment/web.yaml',
        source: 'managedFields',
        events: [
          {
            identity: { arn: 'kubectl-edit', type: 'FieldManager', display: 'kubectl-edit' },
            time: '2026-11-22T09:00:00Z',
            eventName: 'Update',
            via: 'kubectl',
          },
          {
            identity: {
              arn: 'argocd-controller',
              type: 'FieldManager',
              display: 'argocd-controller',
            },
            time: '2026-11-20T09:00:00Z',
            eventName: 'Apply',
            via: 'gitops',
          },
        ],
      },
    ]);
    expect(result.lookups).toBe(0);
  });

  it('says which AWS paths failed to be looked up, naming the error, not its content', async () => {
    const result = await attribute({
      aws: [
        {
          path: 'aws/1/eu-west-1/ec2/vpc/vpc-1.yaml',
          account: {},
          region: 'eu-west-1',
          resourceName: 'vpc-1',
        },
      ],
      kube: [],
      lookup: noLookup,
      clock: fakePaceClock(),
      scanner: [],
      logger: quiet,
    });
    expect(result.skipped).toEqual([
      {
        path: 'aws/1/eu-west-1/ec2/vpc/vpc-1.yaml',
        reason: 'failed',
        message: 'LookupEvents in eu-west-1 of the caller account: Error',
      },
    ]);
  });
});

describe('changedByTrailers', () => {
  const attribution: Attribution = {
    version: 1,
    window: { from: '2026-08-24T10:00:00.000Z', to: '2026-11-22T10:00:00.000Z' },
    paths: [
      {
        path: 'aws/1/eu-west-1/ec2/securitygroup/sg-1.yaml',
        source: 'cloudtrail',
        events: [
          {
            identity: {
              arn: 'arn:aws:sts::1:assumed-role/R/alice',
              type: 'AssumedRole',
              display: 'alice@example.com',
            },
            time: '2026-11-22T09:50:00.000Z',
            eventName: 'AuthorizeSecurityGroupIngress',
            via: 'console',
          },
        ],
      },
      { path: 'aws/1/eu-west-1/ec2/vpc/vpc-9.yaml', source: 'cloudtrail', events: [] },
    ],
    skipped: [
      { path: 'aws/1/eu-west-1/ec2/subnet/subnet-1.yaml', reason: 'budget', message: 'm' },
      { path: 'aws/1/eu-west-1/ec2/subnet/subnet-2.yaml', reason: 'budget', message: 'm' },
      { path: 'aws/1/eu-west-1/ec2/subnet/subnet-3.yaml', reason: 'budget', message: 'm' },
    ],
    lookups: 3,
  };

  it('gives the latest change of each committed path and counts what was not looked up', () => {
    const committed = new Set([
      'aws/1/eu-west-1/ec2/securitygroup/sg-1.yaml',
      'aws/1/eu-west-1/ec2/subnet/subnet-1.yaml',
      'aws/1/eu-west-1/ec2/subnet/subnet-2.yaml',
    ]);
    expect(changedByTrailers(attribution, committed)).toEqual([
      'Changed-By: alice@example.com (console, AuthorizeSecurityGroupIngress, 2026-11-22T09:50:00.000Z) aws/1/eu-west-1/ec2/securitygroup/sg-1.yaml',
      'Attribution-Incomplete: 2 paths (budget 2)',
    ]);
  });

  it('says nothing of paths the commit does not touch', () => {
    expect(changedByTrailers(attribution, new Set(['aws/1/other.yaml']))).toEqual([]);
  });
});
