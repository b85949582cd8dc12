import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../lib/drift/schema.js';
import { messageFromReport } from '../../../lib/notify/message.js';
import { renderSlack } from '../../../lib/notify/slack-render.js';
import { renderSns } from '../../../lib/notify/sns-render.js';
import { renderWebhook } from '../../../lib/notify/webhook-render.js';
import { sampleReport } from './fixtures.js';

// Credential-shaped, built at run time so the source holds no literal token.
const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
const KEY = `AKIA${'ABCDEFGHIJKLMNOP'}`;

describe('no secret in any message', () => {
  it('masks a credential-shaped id, tag attribute, address and author in every renderer', () => {
    const report: DriftReport = sampleReport(1, 1, 1);
    const seeded: DriftReport = {
      ...report,
      unmanaged: report.unmanaged.map((u) => ({ ...u, id: TOKEN })),
      changed: report.changed.map((c) => ({
        ...c,
        changes: [{ attribute: `tags.deploy=${KEY}`, state: null, cloud: KEY }],
      })),
      missing: report.missing.map((m) => ({ ...m, address: `aws_subnet.x["${TOKEN}"]` })),
    };
    const message = messageFromReport(seeded, {
      scanId: `scan-${KEY}`,
      kind: 'new',
      changedBy: () => `user ${TOKEN}`,
      links: {
        pullRequests: [{ title: TOKEN, url: `https://x/${TOKEN}` }],
        report: `https://x/${KEY}`,
      },
    });
    const rendered = [
      JSON.stringify(renderSlack(message)),
      JSON.stringify(renderSns(message)),
      renderWebhook(message),
    ];
    for (const text of rendered) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(KEY);
      expect(text).toContain('(redacted: credential-shaped value)');
    }
  });
});
