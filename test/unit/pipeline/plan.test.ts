import { describe, expect, it } from 'vitest';
import { plan } from '../../../lib/pipeline/plan.js';

const DEFAULTS = { userData: 'skip', keepVolatile: false };

describe('Function: plan', () => {
  it('plans one target per region and service, deduplicated and sorted', () => {
    const result = plan({ scanId: 's1', regions: ['us-east-1', 'eu-west-1', 'us-east-1'] });
    expect(result).toEqual({
      version: 1,
      scanId: 's1',
      targets: [
        {
          key: 'aws-caller-eu-west-1-ec2',
          target: {
            kind: 'aws',
            account: {},
            region: 'eu-west-1',
            service: 'ec2',
            options: DEFAULTS,
          },
        },
        {
          key: 'aws-caller-us-east-1-ec2',
          target: {
            kind: 'aws',
            account: {},
            region: 'us-east-1',
            service: 'ec2',
            options: DEFAULTS,
          },
        },
      ],
    });
  });

  it('rejects a region that is not a region name', () => {
    expect(() => plan({ scanId: 's1', regions: ['moon-1'] })).toThrow(/not an AWS region name/);
  });
});
