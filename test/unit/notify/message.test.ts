import { describe, expect, it } from 'vitest';
import { messageFromReport } from '../../../lib/notify/message.js';
import { sampleReport } from './fixtures.js';

describe('messageFromReport', () => {
  it('lists changed, then unmanaged, then missing entries with the report counts', () => {
    const message = messageFromReport(sampleReport(2, 1, 1), { scanId: 'scan-1', kind: 'new' });
    expect(message.counts).toEqual({
      changed: 2,
      unmanaged: 1,
      missing: 1,
      managed: 10,
      total: 14,
    });
    expect(message.entries.map((e) => `${e.drift}:${e.id}`)).toEqual([
      'changed:i-0',
      'changed:i-1',
      'unmanaged:sg-0',
      'missing:subnet-0',
    ]);
    expect(message.entries[0]).toMatchObject({
      address: 'aws_instance.web[0]',
      attributes: ['instance_type'],
    });
    expect(message.entries[2]?.type).toBe('ec2/security-group');
    expect(message.links).toEqual({ pullRequests: [] });
  });

  it('adds who changed an entry when attribution knows, and nothing when it does not', () => {
    const message = messageFromReport(sampleReport(2, 0, 0), {
      scanId: 'scan-1',
      kind: 'changed',
      changedBy: (entry) =>
        entry.id === 'i-1' ? 'arn:aws:iam::111111111111:user/alice' : undefined,
    });
    expect(message.entries[0]).not.toHaveProperty('changedBy');
    expect(message.entries[1]?.changedBy).toBe('arn:aws:iam::111111111111:user/alice');
  });
});
