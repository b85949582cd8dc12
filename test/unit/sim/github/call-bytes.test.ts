import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubSim, startGitHubSim } from '../../../sim/github/server.js';

describe('the simulated GitHub records the bytes of each call', () => {
  let sim: GitHubSim;
  beforeEach(async () => {
    sim = await startGitHubSim();
  });
  afterEach(() => sim.close());

  it('counts the request body and the response body it sent', async () => {
    const request = JSON.stringify({ content: 'hello world', encoding: 'utf-8' });
    const response = await fetch(`${sim.url}/repos/acme/trail/git/blobs`, {
      method: 'POST',
      headers: { authorization: `token ${sim.token}`, 'content-type': 'application/json' },
      body: request,
    });
    const answer = await response.text();
    // An empty repository refuses the blob (as GitHub does); both bodies still count.
    expect(response.status).toBe(409);
    expect(sim.calls).toHaveLength(1);
    expect(sim.calls[0]?.bytes).toBe(Buffer.byteLength(request));
    expect(sim.calls[0]?.responseBytes).toBe(Buffer.byteLength(answer));
    expect(answer.length).toBeGreaterThan(0);
  });
});
