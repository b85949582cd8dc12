import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../../lib/model/index.js';
import { DirStagingStore } from '../../../lib/pipeline/dir-staging-store.js';
import { S3StagingStore } from '../../../lib/pipeline/s3-staging-store.js';
import { LocalGitTrail } from '../../../lib/trail/local-git-trail.js';
import { KubeConfigError, WiringError } from '../../../lib/wiring/errors.js';
import { createStepClients } from '../../../lib/wiring/step-clients.js';

const base = { endpoints: {}, clock: systemClock, logger: silentLogger };

describe('createStepClients', () => {
  it('stages in a directory for the CLI and under an S3 prefix for the functions', () => {
    const dir = createStepClients({ ...base, staging: { kind: 'dir', root: '/tmp/x' } });
    expect(dir.staging).toBeInstanceOf(DirStagingStore);
    const s3 = createStepClients({
      ...base,
      staging: { kind: 's3', bucket: 'b', prefix: 'staging/' },
    });
    expect(s3.staging).toBeInstanceOf(S3StagingStore);
  });

  it('builds one state-bucket client, and none when no state is on S3', () => {
    const clients = createStepClients({ ...base, staging: { kind: 'dir', root: '/tmp/x' } });
    expect(clients.stateBucket(['./network.tfstate'])).toBeUndefined();
    const first = clients.stateBucket(['s3://states/network.tfstate']);
    expect(first).toBeDefined();
    expect(clients.stateBucket(['s3://other/app.tfstate'])).toBe(first);
  });

  it('opens the trail once, on first use, and names a step that was given none', async () => {
    const trailDir = join(await mkdtemp(join(tmpdir(), 'wiring-')), 'trail');
    const clients = createStepClients({
      ...base,
      staging: { kind: 'dir', root: '/tmp/x' },
      trail: { location: trailDir, cwd: '/', env: {} },
    });
    const trail = await clients.trail();
    expect(trail).toBeInstanceOf(LocalGitTrail);
    expect(await clients.trail()).toBe(trail);
    const none = createStepClients({ ...base, staging: { kind: 'dir', root: '/tmp/x' } });
    await expect(none.trail()).rejects.toBeInstanceOf(WiringError);
  });

  it('resolves a kubeconfig target from its file and names a context it lacks', async () => {
    const clients = createStepClients({ ...base, staging: { kind: 'dir', root: '/tmp/x' } });
    await expect(
      clients.kube({ kind: 'k8s', cluster: 'c', kubeconfig: '/nonexistent/kubeconfig' }),
    ).rejects.toBeInstanceOf(KubeConfigError);
  });
});
