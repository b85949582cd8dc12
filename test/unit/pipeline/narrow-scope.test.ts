import { describe, expect, it } from 'vitest';
import type { AccountRef, KubeTarget } from '../../../lib/model/index.js';
import { ScopeMismatchError } from '../../../lib/pipeline/errors.js';
import {
  narrowAccountRegions,
  narrowAccounts,
  narrowClusters,
  narrowRegions,
} from '../../../lib/pipeline/narrow-scope.js';

const role = (id: string) => ({ roleArn: `arn:aws:iam::${id}:role/statetrail-reader` });
const A = '111111111111';
const B = '222222222222';
const CALLER = '999999999999';
const accounts = [
  { account: {}, regions: ['eu-west-1', 'us-east-1'] },
  { account: role(A), regions: ['eu-west-1'] },
  { account: role(B), regions: ['us-east-1'] },
];
const idOf = async (account: AccountRef) => account.roleArn?.split(':')[4] ?? CALLER;

describe('narrowRegions', () => {
  it('keeps the configured regions when the scope names none', () => {
    expect(narrowRegions(['eu-west-1', 'us-east-1'], undefined)).toEqual([
      'eu-west-1',
      'us-east-1',
    ]);
    expect(narrowRegions(['eu-west-1'], { accounts: [A] })).toEqual(['eu-west-1']);
  });

  it('intersects an explicit list and never adds a region the config does not name', () => {
    expect(
      narrowRegions(['eu-west-1', 'us-east-1'], { regions: ['us-east-1', 'ap-south-1'] }),
    ).toEqual(['us-east-1']);
  });

  it("leaves `all` for discovery, then intersects each account's enabled regions", () => {
    expect(narrowRegions('all', { regions: ['us-east-1'] })).toBe('all');
    expect(narrowAccountRegions(accounts, { regions: ['us-east-1'] })).toEqual([
      { account: {}, regions: ['us-east-1'] },
      { account: role(A), regions: [] },
      { account: role(B), regions: ['us-east-1'] },
    ]);
  });

  it('refuses a scope whose regions match none, naming them and what is covered', () => {
    expect(() => narrowRegions(['eu-west-1'], { regions: ['ap-south-1'] })).toThrow(
      ScopeMismatchError,
    );
    expect(() => narrowRegions(['eu-west-1'], { regions: ['ap-south-1'] })).toThrow(
      'scope.regions ap-south-1 match nothing the configured scan covers (regions eu-west-1)',
    );
    expect(() => narrowRegions([], { regions: ['ap-south-1'] })).toThrow('(no region)');
    expect(() => narrowAccountRegions(accounts, { regions: ['ap-south-1'] })).toThrow(
      /scope\.regions ap-south-1 .*enabled regions eu-west-1, us-east-1/,
    );
  });
});

describe('narrowAccounts', () => {
  it('keeps every discovered account when the scope names none', async () => {
    expect(await narrowAccounts(accounts, undefined, idOf)).toEqual({
      kept: accounts,
      unmatched: [],
    });
  });

  it('keeps the accounts by id, the caller included, and reports the ids it did not find', async () => {
    const narrowed = await narrowAccounts(
      accounts,
      { accounts: [CALLER, B, '333333333333'] },
      idOf,
    );
    expect(narrowed.kept.map((a) => a.account)).toEqual([{}, role(B)]);
    expect(narrowed.unmatched).toEqual(['333333333333']);
  });

  it('refuses a scope whose accounts match none of the discovered ones, naming them', async () => {
    await expect(narrowAccounts(accounts, { accounts: ['333333333333'] }, idOf)).rejects.toThrow(
      `scope.accounts 333333333333 match nothing the configured scan covers (accounts ${A}, ${B}, ${CALLER})`,
    );
    await expect(narrowAccounts([], { accounts: [A] }, idOf)).rejects.toThrow('(no account)');
  });
});

describe('narrowClusters', () => {
  const configured: KubeTarget = { kind: 'k8s', cluster: 'staging' };
  const eks: KubeTarget = {
    kind: 'k8s',
    cluster: `prod.eu-west-1.${A}`,
    eks: { account: role(A), region: 'eu-west-1', name: 'prod' },
  };

  it('keeps configured and EKS-found clusters by trail name or EKS name', () => {
    expect(narrowClusters([configured, eks], { clusters: ['prod'] }).kept).toEqual([eks]);
    expect(narrowClusters([configured, eks], { clusters: [`prod.eu-west-1.${A}`] }).kept).toEqual([
      eks,
    ]);
    expect(narrowClusters([configured, eks], { clusters: ['staging', 'gone'] })).toEqual({
      kept: [configured],
      unmatched: ['gone'],
    });
    expect(narrowClusters([configured, eks], undefined).kept).toEqual([configured, eks]);
  });

  it('refuses a scope whose clusters match none, naming them', () => {
    expect(() => narrowClusters([configured], { clusters: ['gone'] })).toThrow(
      'scope.clusters gone match nothing the configured scan covers (clusters staging)',
    );
    expect(() => narrowClusters([], { clusters: ['gone'] })).toThrow('(no cluster)');
  });
});
