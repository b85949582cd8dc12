import { SNSClient } from '@aws-sdk/client-sns';
import { afterEach, describe, expect, it } from 'vitest';
import { messageFromReport } from '../../lib/notify/message.js';
import { notifyAll } from '../../lib/notify/send.js';
import { verifyWebhook } from '../../lib/notify/signature.js';
import { slackNotifier } from '../../lib/notify/slack-notifier.js';
import { snsNotifier } from '../../lib/notify/sns-notifier.js';
import { webhookNotifier } from '../../lib/notify/webhook-notifier.js';
import { type Receiver, startReceiver } from '../sim/notify/receivers.js';
import { type SnsSim, startSnsSim } from '../sim/notify/sns.js';
import { sampleReport } from '../unit/notify/fixtures.js';

const NOW = Date.UTC(2026, 11, 7, 10, 0, 0);
const SECRET = 'webhook-signing-secret';
const SLACK_PATH = '/services/T000/B000/sim-webhook-path';
const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:statetrail-drift';
const message = messageFromReport(sampleReport(3, 1, 1), {
  scanId: 'scan-42',
  kind: 'new',
  links: {
    pullRequests: [{ title: 'Drift', url: 'https://github.com/o/r/pull/7' }],
    report: 'https://x/report',
  },
  changedBy: (e) => (e.id === 'i-0' ? 'alice' : undefined),
});

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function receiver(answer?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const r = await startReceiver(answer);
  open.push(r);
  return r;
}

async function sns(fail?: Parameters<typeof startSnsSim>[0]): Promise<SnsSim> {
  const s = await startSnsSim(fail);
  open.push(s);
  return s;
}

function snsClient(sim: SnsSim): SNSClient {
  // One SDK attempt: the retries under test are notifyAll's.
  return new SNSClient({
    endpoint: sim.url,
    region: 'eu-west-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim-secret' },
  });
}

describe('notifiers against loopback receivers', () => {
  it('Slack retries two 500s and is delivered on the third attempt, waiting only through the injected sleep', async () => {
    const slack = await receiver((n) => (n < 2 ? 500 : 200));
    const waits: number[] = [];
    const results = await notifyAll(
      message,
      [slackNotifier({ webhookUrl: `${slack.url}${SLACK_PATH}` })],
      {
        sleep: async (ms) => void waits.push(ms),
      },
    );
    expect(results).toEqual([{ kind: 'slack', ok: true, attempts: 3 }]);
    expect(waits).toEqual([500, 1000]);
    expect(slack.received).toHaveLength(3);
    const last = slack.received[2];
    expect(last?.path).toBe(SLACK_PATH);
    expect(last?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(last?.body ?? '{}');
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'statetrail: New drift' },
    });
    expect(JSON.stringify(body)).toContain('by alice');
  });

  it('the webhook receiver gets a signed JSON body it can verify', async () => {
    const hook = await receiver();
    const results = await notifyAll(
      message,
      [webhookNotifier({ url: `${hook.url}/hook`, secret: SECRET, now: () => NOW })],
      { sleep: async () => {} },
    );
    expect(results).toEqual([{ kind: 'webhook', ok: true, attempts: 1 }]);
    const got = hook.received[0];
    expect(got?.headers['x-statetrail-timestamp']).toBe(String(NOW / 1000));
    const verdict = verifyWebhook({
      secret: SECRET,
      body: got?.body ?? '',
      signature: got?.headers['x-statetrail-signature'] as string,
      timestamp: got?.headers['x-statetrail-timestamp'] as string,
      now: NOW / 1000 + 30,
    });
    expect(verdict).toEqual({ ok: true });
    const body = JSON.parse(got?.body ?? '{}');
    expect(body.scanId).toBe('scan-42');
    expect(body.changed).toHaveLength(3);
    expect(body.unmanaged).toHaveLength(1);
    expect(body.missing).toHaveLength(1);
  });

  it('SNS publishes a subject and body over the Query protocol, after a 500', async () => {
    const sim = await sns((n) => (n === 0 ? 500 : undefined));
    const results = await notifyAll(
      message,
      [snsNotifier({ client: snsClient(sim), topicArn: TOPIC })],
      {
        sleep: async () => {},
      },
    );
    expect(results).toEqual([{ kind: 'sns', ok: true, attempts: 2 }]);
    const form = new URLSearchParams(sim.requests[1]?.body);
    expect(form.get('Action')).toBe('Publish');
    expect(sim.published).toHaveLength(1);
    expect(sim.published[0]?.topicArn).toBe(TOPIC);
    expect(sim.published[0]?.subject).toBe(
      'statetrail: New drift: 3 changed, 1 unmanaged, 1 missing (10 managed of 15)',
    );
    expect(sim.published[0]?.message).toContain(
      'changed aws_instance.web[0] (i-0): instance_type by alice',
    );
  });

  it('a receiver that always 500s is reported as failed, without its URL, and the others are still sent', async () => {
    const broken = await receiver(() => 500);
    const hook = await receiver();
    const sim = await sns();
    const results = await notifyAll(
      message,
      [
        slackNotifier({ webhookUrl: `${broken.url}${SLACK_PATH}` }),
        webhookNotifier({ url: `${hook.url}/hook`, secret: SECRET, now: () => NOW }),
        snsNotifier({ client: snsClient(sim), topicArn: TOPIC }),
      ],
      { sleep: async () => {}, attempts: 3 },
    );
    expect(results).toEqual([
      { kind: 'slack', ok: false, attempts: 3, error: 'slack notifier answered 500' },
      { kind: 'webhook', ok: true, attempts: 1 },
      { kind: 'sns', ok: true, attempts: 1 },
    ]);
    expect(broken.received).toHaveLength(3);
    expect(hook.received).toHaveLength(1);
    expect(sim.published).toHaveLength(1);
  });

  it('a refused connection is retried, then reported by kind and error code only', async () => {
    const gone = await receiver();
    const url = `${gone.url}${SLACK_PATH}`;
    await gone.close();
    open.splice(open.indexOf(gone), 1);
    const [result] = await notifyAll(message, [slackNotifier({ webhookUrl: url })], {
      sleep: async () => {},
      attempts: 2,
    });
    expect(result).toEqual({
      kind: 'slack',
      ok: false,
      attempts: 2,
      error: 'slack notifier: ECONNREFUSED',
    });
  });

  it('a 4xx is not retried', async () => {
    const hook = await receiver(() => 404);
    const [result] = await notifyAll(
      message,
      [webhookNotifier({ url: `${hook.url}/hook`, secret: SECRET, now: () => NOW })],
      { sleep: async () => {} },
    );
    expect(result).toEqual({
      kind: 'webhook',
      ok: false,
      attempts: 1,
      error: 'webhook notifier answered 404',
    });
  });
});
