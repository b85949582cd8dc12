import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../lib/cli/errors.js';
import { parseScanArgs } from '../../../lib/cli/scan-args.js';

describe('Function: parseScanArgs', () => {
  it('reads repeated regions and endpoints with defaults for the rest', () => {
    expect(
      parseScanArgs([
        '--region',
        'eu-west-1',
        '--region',
        'us-east-1',
        '--endpoint',
        'ec2=http://127.0.0.1:4566',
      ]),
    ).toEqual({
      config: undefined,
      trail: undefined,
      regions: ['eu-west-1', 'us-east-1'],
      services: [],
      endpoints: { ec2: 'http://127.0.0.1:4566' },
      states: [],
      kubeconfig: undefined,
      context: undefined,
      format: 'console',
      out: undefined,
      strict: false,
      attribute: false,
      notify: false,
    });
  });

  it.each([
    [['--region', 'all', '--region', 'eu-west-1'], /cannot be combined/],
    [['--service', 'lambda'], /--service lambda: expected one of ec2, s3, eks/],
    [['--region', 'eu-west'], /--region eu-west: not an AWS region name/],
    [['--region', 'eu-west-1', '--endpoint', 'ec2'], /expected SERVICE=URL/],
    [['--region', 'eu-west-1', '--endpoint', 'ecc=http://x'], /unknown service ecc/],
    [['--region', 'eu-west-1', '--endpoint', 'ec2=not a url'], /not a URL/],
    [['--region', 'eu-west-1', '--endpoint', 'ec2=ftp://x'], /http or https/],
    [
      ['--region', 'eu-west-1', '--format', 'xml'],
      /--format xml: expected console, json or markdown/,
    ],
    [['--region', 'eu-west-1', '--bogus'], /Unknown option '--bogus'/],
  ])('rejects %j with a message naming the flag', (argv, message) => {
    expect(() => parseScanArgs(argv)).toThrow(UsageError);
    expect(() => parseScanArgs(argv)).toThrow(message);
  });
});
