import { beforeEach, describe, expect, it } from 'vitest';
import { hmacFingerprint } from '../../../../../lib/snapshot/fingerprint.js';
import { renderResource } from '../../../../../lib/snapshot/render.js';
import { instanceCollector } from '../../../../../lib/sources/aws/ec2/instances.js';
import { launchTemplateCollector } from '../../../../../lib/sources/aws/ec2/launch-templates.js';
import type { CollectorOutput } from '../../../../../lib/sources/collector.js';
import type { AwsSim } from '../../../../sim/aws/server.js';
import { ec2Region } from '../../../../sim/aws/world.js';
import { useSampleSim } from '../sample-sim.js';
import { SAMPLE, simContext } from './context.js';

const SECRET = 'canary-Pa55w0rd-6f1e2d';
const SCRIPT = `#!/bin/bash\nexport DB_PASSWORD=${SECRET}\n`;
const CANARY = Buffer.from(SCRIPT).toString('base64');
const KEY = new TextEncoder().encode('test-hmac-key-0123456789abcdef');
const WEB = 'i-0a1b2c3d4e5f60101';
const DB = 'i-0a1b2c3d4e5f60102';

function everything(outputs: readonly CollectorOutput[], logs: readonly string[]): string {
  const files = outputs.flatMap((o) =>
    o.resources.map((r) => new TextDecoder().decode(renderResource(r).bytes)),
  );
  return [...files, JSON.stringify(outputs.map((o) => o.warnings)), ...logs].join('\n');
}

describe('user data (secrets) in instances and launch templates', () => {
  let sim: AwsSim;

  useSampleSim((started) => {
    sim = started;
  });
  beforeEach(() => {
    const region = ec2Region(sim.world, SAMPLE.accountId, SAMPLE.region);
    region.userData[WEB] = CANARY;
    for (const version of region.launchTemplateVersions) {
      if (version.LaunchTemplateData) version.LaunchTemplateData.UserData = CANARY;
    }
  });

  async function collectBoth(options: Parameters<typeof simContext>[1]) {
    const { context, logs } = simContext(sim, options);
    const outputs = [
      await instanceCollector.collect(context),
      await launchTemplateCollector.collect(context),
    ];
    return { outputs, logs, text: everything(outputs, logs) };
  }

  it('neither reads nor writes user data by default', async () => {
    const { outputs, text } = await collectBoth({});
    expect(sim.calls.some((c) => c.action === 'DescribeInstanceAttribute')).toBe(false);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('UserData');
    expect(outputs.flatMap((o) => o.warnings)).toEqual([]);
  });

  it('keeps only an HMAC fingerprint of the decoded bytes when asked, with a key', async () => {
    const { outputs, text } = await collectBoth({
      collect: { userData: 'fingerprint' },
      hmacKey: KEY,
    });
    const [instances, templates] = outputs;
    const fingerprint = hmacFingerprint(KEY, new TextEncoder().encode(SCRIPT));
    expect(
      instances?.resources.map((r) => [r.resourceId, r.supplementaryConfiguration?.['UserData']]),
    ).toEqual([
      [WEB, fingerprint],
      [DB, null],
    ]);
    const versions = templates?.resources[0]?.supplementaryConfiguration as Record<
      string,
      { LaunchTemplateData: { UserData?: string } }
    >;
    expect(versions['DefaultVersion']?.LaunchTemplateData.UserData).toBe(fingerprint);
    expect(versions['LatestVersion']?.LaunchTemplateData.UserData).toBe(fingerprint);
    const reads = sim.calls.filter((c) => c.action === 'DescribeInstanceAttribute');
    expect(reads.map((c) => [c.params['InstanceId'], c.params['Attribute']]).sort()).toEqual([
      [WEB, 'userData'],
      [DB, 'userData'],
    ]);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(SECRET);
  });

  it('reads nothing and says why, without the value, when asked for fingerprints without a key', async () => {
    const { outputs, text, logs } = await collectBoth({ collect: { userData: 'fingerprint' } });
    const [instances, templates] = outputs;
    expect(sim.calls.some((c) => c.action === 'DescribeInstanceAttribute')).toBe(false);
    expect(instances?.resources.map((r) => r.unreadable)).toEqual([['UserData'], ['UserData']]);
    expect(templates?.resources[0]?.unreadable).toEqual([
      'DefaultVersion.UserData',
      'LatestVersion.UserData',
    ]);
    expect(outputs.flatMap((o) => o.warnings).map((w) => [w.code, w.operation])).toEqual([
      ['failed', 'ec2:DescribeInstanceAttribute'],
      ['failed', 'ec2:DescribeLaunchTemplateVersions'],
    ]);
    expect(logs.some((line) => line.startsWith('User data skipped'))).toBe(true);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('UserData: ');
  });

  it('records user data it could not read as unreadable', async () => {
    sim.faults.deny({ action: 'DescribeInstanceAttribute' });
    const { outputs } = await collectBoth({ collect: { userData: 'fingerprint' }, hmacKey: KEY });
    sim.faults.clear();
    expect(outputs[0]?.complete).toBe(true);
    expect(outputs[0]?.resources.map((r) => r.unreadable)).toEqual([['UserData'], ['UserData']]);
    expect(outputs[0]?.warnings.map((w) => w.code)).toEqual(['denied']);
  });
});
