import { describe, expect, it } from 'vitest';
import { messageFromReport, type NotifyMessage } from '../../../lib/notify/message.js';
import { renderSns, SNS_LIMITS } from '../../../lib/notify/sns-render.js';
import { sampleReport } from './fixtures.js';

const links = {
  pullRequests: [{ title: 'p', url: 'https://github.com/o/r/pull/7' }],
  report: 'https://example.com/r',
};

function message(changed: number): NotifyMessage {
  return messageFromReport(sampleReport(changed, 1, 1), { scanId: 'scan-1', kind: 'new', links });
}

describe('renderSns', () => {
  it('writes a one-line subject and a body with the counts, each entry and the links', () => {
    const { subject, body } = renderSns(message(1));
    expect(subject).toBe(
      'statetrail: New drift: 1 changed, 1 unmanaged, 1 missing (10 managed of 13)',
    );
    expect(body.split('\n')).toEqual([
      'statetrail: New drift',
      'Scan: scan-1',
      'Generated: 2026-12-07T10:00:00Z',
      '1 changed, 1 unmanaged, 1 missing (10 managed of 13)',
      '',
      'changed aws_instance.web[0] (i-0): instance_type',
      'unmanaged ec2/security-group (sg-0)',
      'missing aws_subnet.gone[0] (subnet-0)',
      '',
      'Pull request: https://github.com/o/r/pull/7',
      'Full report: https://example.com/r',
    ]);
  });

  it('keeps the subject under 100 ASCII characters with no line break', () => {
    const base = message(1);
    const { subject } = renderSns({
      ...base,
      counts: {
        changed: 2 ** 52,
        unmanaged: 2 ** 52,
        missing: 2 ** 52,
        managed: 2 ** 52,
        total: 2 ** 53,
      },
    });
    expect(subject.length).toBeLessThan(100);
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(subject.endsWith('...')).toBe(true);
  });

  it('truncates a body past 256 KB with a note of what it left out and the full report link', () => {
    const { body } = renderSns(message(20_000));
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(SNS_LIMITS.messageBytes);
    expect(body).toMatch(
      /\.\.\. and \d+ more entries \(message truncated at SNS's size limit; full report: https:\/\/example\.com\/r\)/,
    );
    const left = Number(/and (\d+) more/.exec(body)?.[1]);
    const listed = body.split('\n').filter((l) => /^(changed|unmanaged|missing) /.test(l)).length;
    expect(listed + left).toBe(20_002);
    expect(body.trimEnd().endsWith('Full report: https://example.com/r')).toBe(true);
  });

  it('counts bytes, not characters, against the limit', () => {
    const base = message(0);
    const entries = Array.from({ length: 100 }, (_, i) => ({
      drift: 'unmanaged' as const,
      type: 't',
      id: `é${'ü'.repeat(50)}${i}`,
    }));
    const { body } = renderSns({ ...base, entries }, 4000);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(4000);
    expect(body).toContain('more entries');
  });
});
