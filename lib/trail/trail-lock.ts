import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { z } from 'zod';
import { TrailUnavailableError } from './errors.js';

/** What statetrail writes into its lock: who holds it and, once known, the commit it moves to. */
export const TrailLockOwner = z.object({
  pid: z.number().int(),
  host: z.string(),
  /** The head the commit was built on (null: the first commit). */
  from: z.string().nullable().optional(),
  /** The commit the branch is being moved to; the work tree may be between the two. */
  to: z.string().optional(),
});
export type TrailLockOwner = z.infer<typeof TrailLockOwner>;

/** How the lock tells a live holder from a dead one (injected so tests can play a killed scan). */
export interface LockProbe {
  readonly pid: number;
  readonly host: string;
  isAlive(pid: number): boolean;
}

/** This process, and `kill(pid, 0)` to ask whether another one still runs. */
export const processProbe: LockProbe = {
  pid: process.pid,
  host: hostname(),
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it runs, as another user.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};

/** A held lock: rewrite its note, or release it. */
export interface HeldLock {
  note(owner: Pick<TrailLockOwner, 'from' | 'to'>): Promise<void>;
  release(): Promise<void>;
}

/**
 * Finishes and removes a lock left by a process of this host that is gone (what a killed scan
 * leaves); a live holder's lock, or none, is left as it is. Returns whether one was recovered.
 */
export async function recoverStaleLock(
  file: string,
  probe: LockProbe,
  recover: (stale: TrailLockOwner) => Promise<void>,
): Promise<boolean> {
  const holder = await readOwner(file);
  if (!holder || holder.host !== probe.host || probe.isAlive(holder.pid)) return false;
  await recover(holder);
  await unlink(file).catch(() => undefined);
  return true;
}

/**
 * Takes statetrail's own lock file (created exclusively). A lock left by a process of this host
 * that is gone is handed to `recover` (which finishes what it was doing) and taken over; a lock
 * of a live process, or of another host, is refused with the way out.
 */
export async function acquireTrailLock(
  file: string,
  probe: LockProbe,
  recover: (stale: TrailLockOwner) => Promise<void>,
): Promise<HeldLock> {
  const mine = { pid: probe.pid, host: probe.host };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      return {
        note: (owner) => writeFile(file, `${JSON.stringify({ ...mine, ...owner })}\n`),
        release: () => unlink(file).catch(() => undefined),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readOwner(file);
    if (holder && (holder.host !== probe.host || probe.isAlive(holder.pid))) {
      throw new TrailUnavailableError(
        `The trail is being written by another statetrail (pid ${holder.pid} on ${holder.host}; lock ${file}); wait for it to finish, or remove the lock if that process is gone`,
      );
    }
    if (holder) await recover(holder);
    await unlink(file).catch(() => undefined);
  }
  throw new TrailUnavailableError(`Cannot take the trail lock ${file}; remove it and scan again`);
}

async function readOwner(file: string): Promise<TrailLockOwner | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = TrailLockOwner.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through: an unreadable lock is not ours to judge.
  }
  throw new TrailUnavailableError(
    `Lock ${file} is not a statetrail lock; remove it if no statetrail runs on this trail`,
  );
}
