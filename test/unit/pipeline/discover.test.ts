import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsConfig } from '../../../lib/config/schema.js';
import { silentLogger } from '../../../lib/model/index.js';
import { discover } from '../../../lib/pipeline/discover.js';
import { createAwsClientFactory } from '../../../lib/sources/aws/client-factory.js';
import {
  generatedAccessKeyId,
  generatedAccountId,
  generateWorld,
} from '../../sim/aws/generate-world.js';
import { type AwsSim, startAwsSim } from '../../sim/aws/server.js';

const roleOf = (index: number) =>
  `arn:aws:iam::${generatedAccountId(index)}:role/statetrail-reader`;

describe('Function: discover', () => {
  let sim: AwsSim;

  beforeAll(async () => {
    sim = await startAwsSim(generateWorld({ seed: 1, accounts: 3 }));
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.world.roles = generateWorld({ seed: 1, accounts: 3 }).roles;
    sim.faults.clear();
    sim.resetCalls();
  });

  function deps() {
    return {
      aws: createAwsClientFactory({
        endpoints: { ec2: sim.url, sts: sim.url, organizations: sim.url },
        credentials: { accessKeyId: generatedAccessKeyId(0), secretAccessKey: 'x' },
        retry: { maxAttempts: 2, backoffMs: () => 0 },
      }),
      logger: silentLogger,
    };
  }

  it('scans the caller alone by default, in the regions given', async () => {
    const found = await discover(AwsConfig.parse({ regions: ['eu-west-1'] }), deps());
    expect(found).toEqual({
      accounts: [{ account: {}, regions: ['eu-west-1'] }],
      warnings: [],
      calls: {},
    });
  });

  it('adds accounts reached by role, and the caller only when asked', async () => {
    const config = AwsConfig.parse({
      regions: ['eu-west-1'],
      includeCaller: true,
      accounts: [{ roleArn: roleOf(1) }, { roleArn: roleOf(2), externalId: 'ext-2' }],
    });
    const found = await discover(config, deps());
    expect(found.accounts.map((a) => a.account)).toEqual([
      {},
      { roleArn: roleOf(1) },
      { roleArn: roleOf(2), externalId: 'ext-2' },
    ]);
  });

  it("lists every enabled region of each account for regions 'all'", async () => {
    const config = AwsConfig.parse({ regions: 'all', accounts: [{ roleArn: roleOf(1) }] });
    const found = await discover(config, deps());
    const regions = found.accounts[0]?.regions ?? [];
    expect(regions.length).toBeGreaterThan(10);
    expect(regions).toEqual([...regions].sort());
    expect(regions).toContain('eu-west-1');
    expect(found.calls).toEqual({ ec2: 1 });
    const describe = sim.calls.find((c) => c.action === 'DescribeRegions');
    expect(describe?.accountId).toBe(generatedAccountId(1));
  });

  it("scans an organization's active accounts, the caller's own without a role", async () => {
    sim.world.organization = {
      managementAccountId: generatedAccountId(0),
      accounts: [0, 1, 2].map((i) => ({
        id: generatedAccountId(i),
        name: `account-${i}`,
        status: 'ACTIVE' as const,
      })),
    };
    sim.world.organization.accounts.push({
      id: '999999999999',
      name: 'closed',
      status: 'SUSPENDED',
    });
    const config = AwsConfig.parse({
      regions: ['eu-west-1'],
      organization: { roleName: 'statetrail-reader', exclude: [generatedAccountId(2)] },
    });
    const found = await discover(config, deps());
    expect(found.accounts.map((a) => a.account)).toEqual([{}, { roleArn: roleOf(1) }]);
    expect(found.warnings).toEqual([]);
    expect(found.calls).toEqual({ sts: 1, organizations: 1 });
  });

  it('reports an organization it may not list, and still scans the configured accounts', async () => {
    sim.world.organization = { managementAccountId: generatedAccountId(1), accounts: [] };
    const config = AwsConfig.parse({
      regions: ['eu-west-1'],
      accounts: [{ roleArn: roleOf(1) }],
      organization: { roleName: 'statetrail-reader' },
    });
    const found = await discover(config, deps());
    expect(found.accounts.map((a) => a.account)).toEqual([{ roleArn: roleOf(1) }]);
    expect(found.warnings).toEqual([
      expect.objectContaining({ code: 'denied', operation: 'organizations:ListAccounts' }),
    ]);
  });

  it('reports an account whose role cannot be assumed, and goes on with the others', async () => {
    const untrusted = sim.world.roles.find((r) => r.arn === roleOf(2));
    if (untrusted) untrusted.trustedPrincipals = [];
    const config = AwsConfig.parse({
      regions: 'all',
      accounts: [{ roleArn: roleOf(1) }, { roleArn: roleOf(2) }],
    });
    const found = await discover(config, deps());
    expect(
      found.accounts.find((a) => a.account.roleArn === roleOf(1))?.regions.length,
    ).toBeGreaterThan(10);
    expect(found.accounts.find((a) => a.account.roleArn === roleOf(2))?.regions).toEqual([]);
    expect(found.warnings).toEqual([
      expect.objectContaining({
        code: 'denied',
        target: generatedAccountId(2),
        operation: 'ec2:DescribeRegions',
      }),
    ]);
  });
});
