import { describe, expect, it } from 'vitest';
import { parseScanArgs } from '../../../lib/cli/scan-args.js';
import { resolveScan } from '../../../lib/cli/scan-config.js';
import { parseConfig } from '../../../lib/config/load-config.js';

const config = parseConfig(
  'trail: ./estate\naws:\n  regions: [us-east-1]\n  services: [s3]\n  endpoints: { s3: "http://127.0.0.1:1" }\n',
  'c.yaml',
);

describe('Function: resolveScan', () => {
  it('takes the config file when no flags are given', () => {
    const resolved = resolveScan(parseScanArgs([]), config);
    expect(resolved.trail).toBe('./estate');
    expect(resolved.aws.regions).toEqual(['us-east-1']);
    expect(resolved.aws.services).toEqual(['s3']);
  });

  it('lets flags win and merges endpoints', () => {
    const resolved = resolveScan(
      parseScanArgs([
        '--region',
        'all',
        '--service',
        'ec2',
        '--trail',
        'other',
        '--endpoint',
        'ec2=http://127.0.0.1:2',
      ]),
      config,
    );
    expect(resolved).toMatchObject({
      trail: 'other',
      aws: {
        regions: 'all',
        services: ['ec2'],
        endpoints: { s3: 'http://127.0.0.1:1', ec2: 'http://127.0.0.1:2' },
      },
    });
  });

  it('defaults to every service and ./trail without a config file', () => {
    const resolved = resolveScan(parseScanArgs(['--region', 'eu-west-1']), undefined);
    expect(resolved.trail).toBe('trail');
    expect(resolved.aws.services).toEqual(['ec2', 's3', 'eks']);
  });

  it('refuses a scan with no region anywhere', () => {
    expect(() => resolveScan(parseScanArgs([]), undefined)).toThrow(/Nothing to scan/);
  });
});
