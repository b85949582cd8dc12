import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNSClient } from '@aws-sdk/client-sns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../lib/drift/schema.js';
import type { Logger, Resource } from '../../lib/model/index.js';
import { LEDGER_PATH } from '../../lib/notify/ledger.js';
import { commit } from '../../lib/pipeline/commit.js';
import { DirStagingStore } from '../../lib/pipeline/dir-staging-store.js';
import { stagingKeys } from '../../lib/pipeline/keys.js';
import { buildNotifiers } from '../../lib/pipeline/notifiers.js';
import { type NotifyOutput, notify } from '../../lib/pipeline/notify.js';
import { plan } from '../../lib/pipeline/plan.js';
import { LocalGitTrail } from '../../lib/trail/local-git-trail.js';
import type { TrailStore } from '../../lib/trail/trail-store.js';
import { type Receiver, startReceiver } from '../sim/notify/receivers.js';
import { type SnsSim, startSnsSim } from '../sim/notify/sns.js';

const SCOPE = 'aws/111111111111/global/s3/bucket';
const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:statetrail-drift';
const SLACK_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:slack-url';
const HOOK_URL_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:hook-url';
const HOOK_KEY_ARN = 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:hook-key';
// Canaries: the secrets the notifiers hold, and a drifted value; none may reach any message.
const CANARY_SLACK_PATH = '/services/T000/B000/canary-slack-9f8e7d';
const CANARY_HOOK_PATH = '/hook/canary-hook-6c5b4a';
const CANARY_KEY = 'canary-signing-key-3a2b1c';
const CANARY_VALUE = 'canary-cloud-value-1d2e3f';
const CANARIES = [CANARY_SLACK_PATH, CANARY_HOOK_PATH, CANARY_KEY, CANARY_VALUE];

function bucket(name: string): Resource {
  return {
    schemaVersion: 1,
    resourceType: 'AWS::S3::Bucket',
    resourceId: name,
    accountId: '111111111111',
    awsRegion: 'global',
    tags: {},
    configuration: { Name: name },
  };
}

function report(drifted: Record<string, string>, complete = true): DriftReport {
  const changed = Object.entries(drifted).map(([name, value]) => ({
    address: `aws_s3_bucket.${name}`,
    type: 'aws_s3_bucket',
    id: name,
    path: `${SCOPE}/${name}.yaml`,
    changes: [{ attribute: 'tags.Owner', state: 'platform', cloud: value }],
  }));
  return {
    version: 1,
    generatedAt: '2026-12-07T10:00:00Z',
    scopes: [{ scope: SCOPE, complete }],
    summary: {
      total: 2,
      managed: 2,
      unmanaged: 0,
      missing: 0,
      changed: changed.length,
      managedElsewhere: 0,
      accepted: 0,
      coverage: 1,
    },
    unmanaged: [],
    missing: [],
    changed,
    managedElsewhere: [],
    accepted: [],
  };
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe('the notify step, after the commit step, against the simulated receivers', () => {
  let staging: DirStagingStore;
  let trail: LocalGitTrail;
  let slack: Receiver;
  let hook: Receiver;
  let sns: SnsSim;
  let slackAnswer: (n: number) => number;
  let logged: string[];
  let waits: number[];

  const logger: Logger = {
    debug: (m, d) => logged.push(m, JSON.stringify(d ?? {})),
    info: (m, d) => logged.push(m, JSON.stringify(d ?? {})),
    warn: (m, d) => logged.push(m, JSON.stringify(d ?? {})),
    error: (m, d) => logged.push(m, JSON.stringify(d ?? {})),
  };

  beforeEach(async () => {
    const root = await mkdtemp(join(tmpdir(), 'notify-step-'));
    staging = new DirStagingStore({ root: join(root, 'staging') });
    trail = new LocalGitTrail({ dir: join(root, 'trail') });
    slackAnswer = () => 200;
    slack = await startReceiver((n) => slackAnswer(n));
    hook = await startReceiver();
    sns = await startSnsSim();
    open.push(slack, hook, sns);
    logged = [];
    waits = [];
  });

  async function stage(scanId: string, drifted: Record<string, string>, complete = true) {
    const scanPlan = plan({ scanId, accounts: [{ account: {}, regions: [] }], services: ['s3'] });
    await staging.put(stagingKeys.plan(scanId), scanPlan);
    for (const planned of scanPlan.targets) {
      await staging.put(stagingKeys.collect(scanId, planned.key), {
        resources: [bucket('a'), bucket('b')],
        warnings: [],
        scopes: [{ scope: SCOPE, complete }],
        calls: { s3: 1 },
      });
    }
    await staging.put(stagingKeys.drift(scanId), {
      report: report(drifted, complete),
      errors: [],
      terraform: { version: 1, states: {} },
    });
  }

  async function notifiers() {
    const secrets: Record<string, string> = {
      [SLACK_ARN]: `${slack.url}${CANARY_SLACK_PATH}`,
      [HOOK_URL_ARN]: `${hook.url}${CANARY_HOOK_PATH}`,
      [HOOK_KEY_ARN]: CANARY_KEY,
    };
    return buildNotifiers(
      {
        slack: [{ webhookUrlSecretArn: SLACK_ARN }],
        sns: [{ topicArn: TOPIC }],
        webhook: [{ urlSecretArn: HOOK_URL_ARN, signingSecretArn: HOOK_KEY_ARN }],
      },
      {
        readSecret: async (arn) => secrets[arn] ?? Promise.reject(new Error('unknown secret')),
        sns: (region) =>
          new SNSClient({
            region,
            endpoint: sns.url,
            maxAttempts: 1,
            credentials: { accessKeyId: 'sim', secretAccessKey: 'sim-secret' },
          }),
        now: () => Date.UTC(2026, 11, 7, 10),
      },
    );
  }

  async function notifyDeps(trailStore: TrailStore = trail) {
    return {
      staging,
      trail: trailStore,
      logger,
      clock: { now: () => new Date(Date.UTC(2026, 11, 7, 10)) },
      notifiers: await notifiers(),
      retry: { sleep: async (ms: number) => void waits.push(ms) },
      links: { dashboard: 'https://github.com/o/trail/issues/1' },
    };
  }

  async function runScan(scanId: string, drifted: Record<string, string>, complete = true) {
    await stage(scanId, drifted, complete);
    await commit({ scanId }, { staging, trail, logger });
    return notify({ scanId }, await notifyDeps());
  }

  const kinds = (output: NotifyOutput) => output.sent.map((s) => s.kind);

  it('sends the baseline as one summary, then nothing for the same drift', async () => {
    const first = await runScan('s1', { a: 'x', b: 'y' });
    expect(kinds(first)).toEqual(['baseline']);
    expect(sns.published).toHaveLength(1);
    expect(slack.received).toHaveLength(1);
    expect(hook.received).toHaveLength(1);
    const second = await runScan('s2', { a: 'x', b: 'y' });
    expect(kinds(second)).toEqual([]);
    expect(sns.published).toHaveLength(1);
  });

  it('sends one message for drift that changed and one when it resolves, after the persistence rule', async () => {
    await runScan('s1', { a: 'x' });
    expect(kinds(await runScan('s2', { a: 'z' }))).toEqual([]);
    expect(kinds(await runScan('s3', { a: 'z' }))).toEqual(['changed']);
    expect(kinds(await runScan('s4', {}))).toEqual(['resolved']);
    expect(kinds(await runScan('s5', {}))).toEqual([]);
    expect(sns.published.map((p) => p.subject)).toEqual([
      expect.stringContaining('Baseline'),
      expect.stringContaining('Drift changed'),
      expect.stringContaining('Drift resolved'),
    ]);
  });

  it('sends one message when two overlapping scans see the same new drift', async () => {
    await runScan('s0', {});
    await runScan('s1', { a: 'x' });
    await stage('s2a', { a: 'x' });
    await stage('s2b', { a: 'x' });
    // s2a reads the trail, then s2b commits before s2a's write lands: s2a's compare-and-swap
    // fails and it decides again from s2b's ledger.
    let raced = false;
    const racing: TrailStore = {
      readManifest: () => trail.readManifest(),
      readFile: (p, r) => trail.readFile(p, r),
      async writeCommit(request) {
        if (!raced) {
          raced = true;
          await commit({ scanId: 's2b' }, { staging, trail, logger });
        }
        return trail.writeCommit(request);
      },
    };
    await commit({ scanId: 's2a' }, { staging, trail: racing, logger, sleep: async () => {} });
    const a = await notify({ scanId: 's2a' }, await notifyDeps());
    const b = await notify({ scanId: 's2b' }, await notifyDeps());
    expect(raced).toBe(true);
    expect([...kinds(a), ...kinds(b)]).toEqual(['new']);
    expect(sns.published.filter((p) => p.subject?.includes('New drift'))).toHaveLength(1);
  });

  it('retries a Slack 500 with backoff, then reports it without failing the scan; SNS and the webhook still get theirs', async () => {
    slackAnswer = () => 500;
    const output = await runScan('s1', { a: 'x' });
    expect(slack.received).toHaveLength(4);
    expect(waits).toEqual([500, 1000, 2000]);
    expect(output.failures).toBe(1);
    expect(output.sent[0]?.results).toEqual([
      { kind: 'slack', ok: false, attempts: 4, error: 'slack notifier answered 500' },
      { kind: 'sns', ok: true, attempts: 1 },
      { kind: 'webhook', ok: true, attempts: 1 },
    ]);
    expect(sns.published).toHaveLength(1);
    expect(hook.received).toHaveLength(1);
    expect(logged).toContain('Notifier failed');
  });

  it('announces a failed scan once, and its recovery once', async () => {
    await runScan('s1', { a: 'x' });
    const failed = { error: 'States.TaskFailed', cause: `boom ${CANARY_VALUE}` };
    const f1 = await notify({ scanId: 'f1', failed }, await notifyDeps());
    const f2 = await notify({ scanId: 'f2', failed }, await notifyDeps());
    expect(kinds(f1)).toEqual(['scan-failed']);
    expect(kinds(f2)).toEqual([]);
    expect(kinds(await runScan('s2', { a: 'x' }))).toEqual(['recovered']);
    expect(kinds(await runScan('s3', { a: 'x' }))).toEqual([]);
    expect(sns.published[1]?.message).toContain('States.TaskFailed');
  });

  it('announces a scope the scan could not complete once, and its recovery', async () => {
    await runScan('s1', { a: 'x' });
    expect(kinds(await runScan('s2', {}, false))).toEqual(['scan-failed']);
    expect(kinds(await runScan('s3', {}, false))).toEqual([]);
    expect(kinds(await runScan('s4', { a: 'x' }))).toEqual(['recovered']);
  });

  it('keeps the ledger in the trail and returns its staged output when retried', async () => {
    const first = await runScan('s1', { a: 'x' });
    expect(await trail.readFile(LEDGER_PATH)).not.toBeNull();
    expect(await notify({ scanId: 's1' }, await notifyDeps())).toEqual(first);
    expect(sns.published).toHaveLength(1);
  });

  it('puts no secret and no drifted value in any message, result or log line', async () => {
    await runScan('s1', { a: CANARY_VALUE });
    await runScan('s2', { a: `${CANARY_VALUE}-2` });
    await runScan('s3', { a: `${CANARY_VALUE}-2` });
    const failed = { error: 'Error', cause: CANARY_KEY };
    const outputs = [await notify({ scanId: 'f1', failed }, await notifyDeps())];
    const everything = [
      ...slack.received.map((r) => r.body),
      ...hook.received.map((r) => r.body),
      ...sns.published.map((p) => `${p.subject} ${p.message}`),
      ...outputs.map((o) => JSON.stringify(o)),
      ...logged,
      Buffer.from((await trail.readFile(LEDGER_PATH)) ?? new Uint8Array()).toString('utf8'),
    ].join('\n');
    expect(slack.received.length).toBeGreaterThan(1);
    for (const canary of CANARIES) expect(everything).not.toContain(canary);
  });
});
