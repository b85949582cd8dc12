import { describe, expect, it } from 'vitest';
import { messageFromReport } from '../../../lib/notify/message.js';
import { renderWebhook } from '../../../lib/notify/webhook-render.js';
import { sampleReport } from './fixtures.js';

describe('renderWebhook', () => {
  it('sends the summary, the entries by kind, the scan id and the links as JSON', () => {
    const message = messageFromReport(sampleReport(1, 1, 1), {
      scanId: 'scan-1',
      kind: 'new',
      links: {
        pullRequests: [{ title: 'p', url: 'https://x/pull/1' }],
        dashboard: 'https://x/issues/1',
      },
      changedBy: (e) => (e.id === 'i-0' ? 'alice' : undefined),
    });
    expect(JSON.parse(renderWebhook(message))).toEqual({
      version: 1,
      scanId: 'scan-1',
      kind: 'new',
      generatedAt: '2026-12-07T10:00:00Z',
      counts: { changed: 1, unmanaged: 1, missing: 1, managed: 10, total: 13 },
      changed: [
        {
          drift: 'changed',
          type: 'aws_instance',
          id: 'i-0',
          address: 'aws_instance.web[0]',
          attributes: ['instance_type'],
          changedBy: 'alice',
        },
      ],
      unmanaged: [{ drift: 'unmanaged', type: 'ec2/security-group', id: 'sg-0' }],
      missing: [
        { drift: 'missing', type: 'aws_subnet', id: 'subnet-0', address: 'aws_subnet.gone[0]' },
      ],
      links: {
        pullRequests: [{ title: 'p', url: 'https://x/pull/1' }],
        dashboard: 'https://x/issues/1',
      },
    });
  });
});
