import { describe, expect, it } from 'vitest';
import { messageFromReport, type NotifyMessage } from '../../../lib/notify/message.js';
import { renderSlack, SLACK_LIMITS } from '../../../lib/notify/slack-render.js';
import { sampleReport } from './fixtures.js';

const links = {
  pullRequests: [{ title: 'Drift in prod', url: 'https://github.com/o/r/pull/7' }],
  dashboard: 'https://github.com/o/r/issues/1',
  report: 'https://example.com/report/scan-1',
};

function message(changed: number, extra: Partial<NotifyMessage> = {}): NotifyMessage {
  return {
    ...messageFromReport(sampleReport(changed, 1, 1), { scanId: 'scan-1', kind: 'new', links }),
    ...extra,
  };
}

function texts(payload: ReturnType<typeof renderSlack>): string[] {
  return payload.blocks.flatMap((block) => {
    if (block.type === 'context') return block.elements.map((e) => e.text);
    if (block.type === 'actions') return block.elements.map((e) => e.text.text);
    return [block.text.text];
  });
}

describe('renderSlack', () => {
  it('opens with a header and the counts, lists each entry with who changed it, then the buttons', () => {
    const base = message(1);
    const payload = renderSlack({
      ...base,
      entries: base.entries.map((e) => (e.id === 'i-0' ? { ...e, changedBy: 'alice' } : e)),
    });
    expect(payload.blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'actions',
    ]);
    expect(payload.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'statetrail: New drift' },
    });
    expect(texts(payload)[1]).toContain('1 changed, 1 unmanaged, 1 missing (10 managed of 13)');
    expect(texts(payload)[2]).toBe('changed aws_instance.web[0] (i-0): instance_type by alice');
    expect(texts(payload)[3]).toBe('unmanaged ec2/security-group (sg-0)');
    const actions = payload.blocks.at(-1);
    expect(
      actions?.type === 'actions' && actions.elements.map((e) => [e.text.text, e.url]),
    ).toEqual([
      ['PR: Drift in prod', links.pullRequests[0]?.url],
      ['Dashboard', links.dashboard],
      ['Full report', links.report],
    ]);
  });

  it('lists the top N and says how many more, linking to the full report', () => {
    const payload = renderSlack(message(30), 5);
    const sections = payload.blocks.filter((b) => b.type === 'section');
    expect(sections).toHaveLength(6); // summary + 5
    const more = payload.blocks.find((b) => b.type === 'context');
    expect(more?.type === 'context' && more.elements[0]?.text).toBe(
      `and 27 more: <${links.report}|full report>`,
    );
  });

  it('never passes 50 blocks, however many entries and however large N', () => {
    const payload = renderSlack(message(500), 1000);
    expect(payload.blocks).toHaveLength(SLACK_LIMITS.blocks);
    expect(texts(payload).join('\n')).toContain('and 456 more');
  });

  it('cuts every text field to 3,000 characters', () => {
    const base = message(1);
    const long = 'x'.repeat(5000);
    const payload = renderSlack({
      ...base,
      entries: [{ drift: 'changed', type: 't', id: long, address: long }],
    });
    for (const text of [...texts(payload), payload.text])
      expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    expect(texts(payload)[2]?.endsWith('…')).toBe(true);
  });

  it('escapes Slack markup so an id cannot make a link or a mention', () => {
    const base = message(0);
    const payload = renderSlack({
      ...base,
      entries: [{ drift: 'unmanaged', type: 't', id: '<!channel> <https://evil|click> a&b' }],
    });
    expect(texts(payload)[2]).toBe(
      'unmanaged t (&lt;!channel&gt; &lt;https://evil|click&gt; a&amp;b)',
    );
  });

  it('says "and N more" without a link when there is no full report', () => {
    const payload = renderSlack({ ...message(12), links: { pullRequests: [] } }, 10);
    expect(payload.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'and 4 more' }],
    });
  });
});
