import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsSim, startAwsSim } from '../sim/aws/server.js';
import { sampleWorld } from '../sim/aws/world.js';
import { type Receiver, startReceiver } from '../sim/notify/receivers.js';
import { type SnsSim, startSnsSim } from '../sim/notify/sns.js';
import { freshTrailDir, simArgs, statetrail } from './scan-helpers.js';

const HOOK_URL_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:hook-url';
const HOOK_KEY_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:hook-key';
const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:statetrail-drift';
const CANARY_KEY = 'canary-signing-key-77aa';

describe('statetrail scan and notifications', () => {
  let sim: AwsSim;
  let sns: SnsSim;
  let hook: Receiver;
  let dir: string;

  beforeAll(async () => {
    sim = await startAwsSim(sampleWorld());
    sns = await startSnsSim();
    hook = await startReceiver();
    dir = await mkdtemp(join(tmpdir(), 'scan-notify-'));
    // No resource in the state: every collected one is unmanaged drift.
    await writeFile(
      join(dir, 'empty.tfstate'),
      JSON.stringify({
        version: 4,
        terraform_version: '1.9.5',
        serial: 1,
        lineage: 'b9b7a3c2-0000-4000-8000-000000000002',
        outputs: {},
        resources: [],
      }),
    );
    await writeFile(
      join(dir, 'secrets.json'),
      JSON.stringify({ [HOOK_URL_ARN]: `${hook.url}/hook`, [HOOK_KEY_ARN]: CANARY_KEY }),
    );
    await writeFile(
      join(dir, 'statetrail.yaml'),
      [
        'notify:',
        '  sns:',
        `    - topicArn: ${TOPIC}`,
        '  webhook:',
        `    - urlSecretArn: ${HOOK_URL_ARN}`,
        `      signingSecretArn: ${HOOK_KEY_ARN}`,
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await Promise.all([sim.close(), sns.close(), hook.close()]);
  });

  function args(trail: string, ...extra: string[]) {
    return simArgs(
      sim.url,
      trail,
      '--config',
      join(dir, 'statetrail.yaml'),
      '--state',
      join(dir, 'empty.tfstate'),
      '--endpoint',
      `sns=${sns.url}`,
      '--format',
      'json',
      ...extra,
    );
  }
  const env = () => ({ STATETRAIL_SECRETS_FILE: join(dir, 'secrets.json') });

  it('prints what would be sent without --notify, and sends nothing', async () => {
    const run = await statetrail(args(await freshTrailDir()), { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Would notify (sns, webhook; send with --notify)');
    expect(run.stderr).toContain('statetrail: Baseline recorded');
    expect(JSON.parse(run.stdout).notify.sent).toEqual([
      { kind: 'baseline', results: [{ kind: 'preview', ok: true, attempts: 1 }] },
    ]);
    expect(sns.published).toHaveLength(0);
    expect(hook.received).toHaveLength(0);
  });

  it('sends the baseline summary to the configured notifiers with --notify, once', async () => {
    const trail = await freshTrailDir();
    const run = await statetrail(args(trail, '--notify'), { env: env() });
    expect(run.code).toBe(1);
    expect(sns.published).toEqual([
      expect.objectContaining({ topicArn: TOPIC, subject: expect.stringContaining('Baseline') }),
    ]);
    expect(hook.received).toHaveLength(1);
    expect(JSON.parse(hook.received[0]?.body ?? '{}')).toMatchObject({ kind: 'baseline' });
    expect(hook.received[0]?.body).not.toContain(CANARY_KEY);
    const again = await statetrail(args(trail, '--notify'), { env: env() });
    expect(again.code).toBe(1);
    expect(sns.published).toHaveLength(1);
    expect(hook.received).toHaveLength(1);
  });

  it('refuses a plain webhook URL in the config, naming the key path (exit 2)', async () => {
    const config = join(dir, 'plain.yaml');
    await writeFile(
      config,
      'notify:\n  slack:\n    - webhookUrlSecretArn: https://hooks.slack.com/services/T/B/x\n',
    );
    const run = await statetrail(
      simArgs(sim.url, await freshTrailDir(), '--config', config, '--notify'),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('notify.slack.0.webhookUrlSecretArn');
    expect(run.stderr).not.toContain('hooks.slack.com');
  });
});
