import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../lib/config/load-config.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:slack-url';

describe('the notify section of the config', () => {
  it('reads any number of slack, sns and webhook notifiers, secrets by ARN', () => {
    const config = parseConfig(
      [
        'notify:',
        `  slack: [{ webhookUrlSecretArn: "${ARN}" }, { webhookUrlSecretArn: "${ARN}", top: 5 }]`,
        '  sns: [{ topicArn: "arn:aws:sns:eu-west-1:111111111111:drift" }]',
        `  webhook: [{ urlSecretArn: "${ARN}", signingSecretArn: "${ARN}" }]`,
      ].join('\n'),
      'c.yaml',
    );
    expect(config.notify.slack).toHaveLength(2);
    expect(config.notify.sns).toHaveLength(1);
    expect(config.notify.webhook).toHaveLength(1);
  });

  it('has no notifiers by default', () => {
    expect(parseConfig('{}', 'c.yaml').notify).toEqual({ slack: [], sns: [], webhook: [] });
  });

  it('refuses a plain webhook URL or token, naming the key path and not the value', () => {
    const url = 'https://example.com/hook/canary-token-5e6f';
    expect(() =>
      parseConfig(
        `notify:\n  webhook: [{ urlSecretArn: "${url}", signingSecretArn: "s3cr3t-canary" }]\n`,
        'c.yaml',
      ),
    ).toThrow(/notify\.webhook\.0\.urlSecretArn: expected a Secrets Manager secret ARN/);
    let error: unknown;
    try {
      parseConfig(`notify:\n  webhook: [{ url: "${url}" }]\n`, 'c.yaml');
    } catch (e) {
      error = e;
    }
    expect(String(error)).toContain('notify.webhook.0');
    expect(String(error)).not.toContain('canary-token-5e6f');
  });
});
