import { describe, expect, it } from 'vitest';
import { parseDriftArgs } from '../../../lib/cli/drift-args.js';
import { UsageError } from '../../../lib/cli/errors.js';

describe('Function: parseDriftArgs', () => {
  it('takes states from the flags', () => {
    const args = parseDriftArgs(['--snapshot', 'co', '--state', 'a.tfstate', '--state', 'b/']);
    expect(args).toMatchObject({ snapshot: 'co', states: ['a.tfstate', 'b/'], format: 'console' });
    expect(args.config).toBeUndefined();
  });

  it('takes a config file instead of --state', () => {
    expect(parseDriftArgs(['--snapshot', 'co', '--config', 'statetrail.yaml'])).toMatchObject({
      config: 'statetrail.yaml',
      states: [],
    });
  });

  it('needs a snapshot, and states from the flags or a config file', () => {
    expect(() => parseDriftArgs(['--state', 'a.tfstate'])).toThrow(UsageError);
    expect(() => parseDriftArgs(['--snapshot', 'co'])).toThrow(/--state LOC \(or --config FILE/);
    expect(() => parseDriftArgs(['--snapshot', 'co', '--config', 'c', '--format', 'xml'])).toThrow(
      /--format xml/,
    );
  });
});
