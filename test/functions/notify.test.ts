import { ParseError } from '@aws-lambda-powertools/parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SnsSim, startSnsSim } from '../sim/notify/sns.js';
import { lambdaContext, runUpTo, type StepWorld, startStepWorld } from './step-world.js';

const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:statetrail-drift';
const SLACK_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:slack-url';

let world: StepWorld;
let sns: SnsSim;
let handler: typeof import('../../functions/notify.js').handler;

beforeAll(async () => {
  world = await startStepWorld();
  sns = await startSnsSim();
  vi.stubEnv('STATETRAIL_ENDPOINTS', `${process.env['STATETRAIL_ENDPOINTS']},sns=${sns.url}`);
  vi.stubEnv(
    'STATETRAIL_NOTIFY',
    JSON.stringify({ slack: [{ webhookUrlSecretArn: SLACK_ARN }], sns: [{ topicArn: TOPIC }] }),
  );
  ({ handler } = await import('../../functions/notify.js'));
});
afterAll(async () => {
  await sns.close();
  await world.close();
});

describe('notify handler', () => {
  it('sends the baseline the commit step decided; a notifier without its secret reports, SNS still sends', async () => {
    await runUpTo(world, 'scan-notify-1', 'review');
    const output = await handler({ scanId: 'scan-notify-1' } as never, lambdaContext('notify'));
    expect(output.sent.map((s) => s.kind)).toEqual(['baseline']);
    expect(output.sent[0]?.results).toEqual([
      {
        kind: 'slack',
        ok: false,
        attempts: 1,
        error: 'slack notifier: its secret could not be read',
      },
      { kind: 'sns', ok: true, attempts: 1 },
    ]);
    expect(sns.published).toEqual([
      expect.objectContaining({ topicArn: TOPIC, subject: expect.stringContaining('Baseline') }),
    ]);
  });

  it('announces a failed scan once, with the error name and not its cause', async () => {
    const failed = { error: 'States.TaskFailed', cause: 'secret-ish cause canary-41c2' };
    const first = await handler({ scanId: 'f-1', failed } as never, lambdaContext('notify'));
    const second = await handler({ scanId: 'f-2', failed } as never, lambdaContext('notify'));
    expect(first.sent.map((s) => s.kind)).toEqual(['scan-failed']);
    expect(second.sent).toEqual([]);
    const last = sns.published.at(-1);
    expect(last?.message).toContain('States.TaskFailed');
    expect(last?.message).not.toContain('canary-41c2');
  });

  it('rejects an event without a scanId with a parse error', async () => {
    await expect(handler({} as never, lambdaContext('notify'))).rejects.toBeInstanceOf(ParseError);
  });
});
