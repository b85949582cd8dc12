import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../lib/model/index.js';
import { loadStates } from '../../lib/terraform/sources/load-states.js';
import { tfeClients } from '../../lib/wiring/tfe-clients.js';
import { startTfeSim, type TfeSim } from '../sim/tfe/server.js';

const HOST = 'app.terraform.io';
const TOKEN = `canary-${'Tf3T0k3n'.repeat(3)}.atlasv1.${'x'.repeat(40)}`;

/** A state v4 holding one VPC, with the given serial. */
function stateText(serial: number, vpc: string): string {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.5',
    serial,
    lineage: 'a1b2c3d4-0000-4000-8000-000000000001',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'aws_vpc',
        name: 'main',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          {
            schema_version: 1,
            attributes: { id: vpc, arn: `arn:aws:ec2:eu-west-1:111111111111:vpc/${vpc}` },
          },
        ],
      },
    ],
  });
}

describe('tfe:// states against a simulated HCP Terraform', () => {
  let sim: TfeSim;
  const logs: string[] = [];
  const waits: number[] = [];
  let timeLeft = Number.POSITIVE_INFINITY;
  const logger: Logger = {
    debug: (m, d) => logs.push(JSON.stringify({ m, d })),
    info: (m, d) => logs.push(JSON.stringify({ m, d })),
    warn: (m, d) => logs.push(JSON.stringify({ m, d })),
    error: (m, d) => logs.push(JSON.stringify({ m, d })),
  };

  beforeAll(async () => {
    sim = await startTfeSim({
      organization: 'acme',
      token: TOKEN,
      maxPageSize: 4,
      workspaces: [
        { name: 'network', state: stateText(7, 'vpc-0000000000000aaaa') },
        { name: 'empty' },
        ...Array.from({ length: 9 }, (_, i) => ({
          name: `prod-${i}`,
          state: stateText(i + 1, `vpc-00000000000000${String(i).padStart(2, '0')}`),
        })),
      ],
    });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    sim.faults.length = 0;
    sim.requests.length = 0;
    waits.length = 0;
    timeLeft = Number.POSITIVE_INFINITY;
  });

  const load = (
    locations: string[],
    env: Record<string, string> = { TF_TOKEN_app_terraform_io: TOKEN },
  ) =>
    loadStates(locations, {
      tfe: tfeClients({
        hosts: { [HOST]: { address: sim.url } },
        env,
        timeLeft: () => timeLeft,
        sleep: async (ms) => {
          waits.push(ms);
        },
        clock: { now: () => new Date('2026-12-07T10:00:00Z') },
        logger,
      }),
    });

  /** Every error message, log line and the states' names, for the canary check. */
  const everything = (loaded: Awaited<ReturnType<typeof load>>) =>
    [...loaded.errors.map((e) => `${e.message} ${String(e.cause ?? '')}`), ...logs].join('\n');

  it("reads a workspace's current state through the download redirect, the token sent to the API only", async () => {
    const loaded = await load([`tfe://${HOST}/acme/network`]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.states.map((s) => [s.state, s.serial])).toEqual([
      [`tfe://${HOST}/acme/network`, 7],
    ]);
    expect(loaded.states[0]?.instances.map((i) => i.address)).toEqual(['aws_vpc.main']);
    expect(sim.requests.map((r) => r.route)).toEqual([
      'workspace',
      'state-version',
      'download',
      'archive',
    ]);
    for (const request of sim.requests) {
      expect(request.headers.authorization).toBe(
        request.server === 'api' ? `Bearer ${TOKEN}` : undefined,
      );
    }
    expect(sim.requests[0]?.headers.accept).toBe('application/vnd.api+json');
  });

  it('lists an organization across pages, skipping workspaces with no state, and filters a pattern', async () => {
    const all = await load([`tfe://${HOST}/acme/`]);
    expect(all.errors).toEqual([]);
    expect(all.states).toHaveLength(10);
    expect(sim.requests.filter((r) => r.route === 'list')).toHaveLength(3);
    expect(all.states.map((s) => s.state)).not.toContain(`tfe://${HOST}/acme/empty`);
    sim.requests.length = 0;
    const prod = await load([`tfe://${HOST}/acme/prod-*`]);
    expect(prod.states.map((s) => s.state)).toEqual(
      Array.from({ length: 9 }, (_, i) => `tfe://${HOST}/acme/prod-${i}`),
    );
    // The listing already gave each workspace's id: no lookup per workspace.
    expect(sim.requests.filter((r) => r.route === 'workspace')).toHaveLength(0);
  });

  it('says a workspace has no state yet', async () => {
    const loaded = await load([`tfe://${HOST}/acme/empty`]);
    expect(loaded.states).toEqual([]);
    expect(loaded.errors.map((e) => e.message)).toEqual([
      `workspace acme/empty (tfe://${HOST}/acme/empty) has no state yet: no run has written one`,
    ]);
  });

  it.each([
    [
      'a refused token (401)',
      'workspace',
      401,
      /refused the token for tfe:\/\/app\.terraform\.io\/acme\/network \(401/,
    ],
    ['a denied workspace (403)', 'state-version', 403, /read state versions/],
    ['a denied download (403)', 'download', 403, /read state versions/],
    [
      'an unknown workspace (404)',
      'workspace',
      404,
      /No workspace acme\/network on app\.terraform\.io .*404/,
    ],
    ['a malformed answer', 'workspace', 200, /malformed JSON/],
  ] as const)(
    'names the location on %s, and the token appears nowhere',
    async (_, route, status, message) => {
      sim.faults.push({
        route,
        status,
        times: 1,
        body:
          status === 200
            ? '<html>maintenance</html>'
            : `{"errors":[{"detail":"token Bearer ${TOKEN}"}]}`,
      });
      const loaded = await load([`tfe://${HOST}/acme/network`]);
      expect(loaded.states).toEqual([]);
      expect(loaded.errors).toHaveLength(1);
      expect(loaded.errors[0]?.message).toMatch(message);
      expect(everything(loaded)).not.toContain(TOKEN);
    },
  );

  it('names an answer of the wrong shape with its JSON path', async () => {
    sim.faults.push({
      route: 'state-version',
      status: 200,
      body: '{"data":{"id":"sv-1","type":"runs"}}',
    });
    const loaded = await load([`tfe://${HOST}/acme/network`]);
    expect(loaded.errors.map((e) => e.message)).toEqual([
      `HCP Terraform answered tfe://${HOST}/acme/network with an unexpected shape (at data.type)`,
    ]);
  });

  it('waits what Retry-After asks on 429, then reads the state', async () => {
    sim.faults.push({
      route: 'state-version',
      status: 429,
      times: 2,
      headers: { 'retry-after': '3' },
    });
    const loaded = await load([`tfe://${HOST}/acme/network`]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.states).toHaveLength(1);
    expect(waits).toEqual([3000, 3000]);
  });

  it('uses X-RateLimit-Reset when there is no Retry-After', async () => {
    sim.faults.push({ route: 'workspace', status: 429, headers: { 'x-ratelimit-reset': '0.25' } });
    const loaded = await load([`tfe://${HOST}/acme/network`]);
    expect(loaded.errors).toEqual([]);
    expect(waits).toEqual([250]);
  });

  it('gives up on 429 when the wait does not fit before the deadline, without waiting', async () => {
    timeLeft = 10_000;
    sim.faults.push({ route: 'workspace', status: 429, headers: { 'retry-after': '60' } });
    const loaded = await load([`tfe://${HOST}/acme/network`]);
    expect(waits).toEqual([]);
    expect(loaded.errors.map((e) => e.message)).toEqual([
      `HCP Terraform kept throttling tfe://${HOST}/acme/network (429): the next wait (60 s) does not fit before the deadline`,
    ]);
  });

  it('retries 5xx with a growing backoff, and names the location when it keeps failing', async () => {
    sim.faults.push({ route: 'archive', status: 502, times: 2 });
    const recovered = await load([`tfe://${HOST}/acme/network`]);
    expect(recovered.errors).toEqual([]);
    expect(waits).toEqual([1000, 2000]);
    waits.length = 0;
    sim.faults.push({ route: 'workspace', status: 503, times: 10 });
    const failed = await load([`tfe://${HOST}/acme/network`]);
    expect(failed.errors.map((e) => e.message)).toEqual([
      `HCP Terraform failed for tfe://${HOST}/acme/network (HTTP 503, 4 attempts)`,
    ]);
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('names the variable to set when there is no token, and asks nothing of the API', async () => {
    const loaded = await load([`tfe://${HOST}/acme/network`], {});
    expect(loaded.errors.map((e) => e.message)).toEqual([
      expect.stringContaining(
        'No token for HCP Terraform host app.terraform.io: set TF_TOKEN_app_terraform_io',
      ),
    ]);
    expect(sim.requests).toEqual([]);
  });

  it('refuses a malformed location, naming it', async () => {
    const loaded = await load(['tfe://app.terraform.io/acme/a/b']);
    expect(loaded.errors.map((e) => e.message)).toEqual([
      expect.stringContaining(
        'Not an HCP Terraform state location: tfe://app.terraform.io/acme/a/b',
      ),
    ]);
  });
});
