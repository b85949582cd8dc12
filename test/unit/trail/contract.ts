import { beforeEach, describe, expect, it } from 'vitest';
import { gitBlobSha } from '../../../lib/snapshot/blob-hash.js';
import { TrailConflictError } from '../../../lib/trail/errors.js';
import type { TrailStore } from '../../../lib/trail/trail-store.js';

/** A fresh, empty trail for one contract test. */
export type TrailFactory = () => Promise<TrailStore>;

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | null) => (data === null ? null : new TextDecoder().decode(data));

/**
 * The behaviour every TrailStore adapter must have (local git now, GitHub later): run it from
 * the adapter's own test file with a factory that gives an empty trail.
 */
export function describeTrailStoreContract(adapter: string, fresh: TrailFactory): void {
  describe(`TrailStore contract: ${adapter}`, () => {
    let trail: TrailStore;
    beforeEach(async () => {
      trail = await fresh();
    });

    it('reads an empty trail as no head and no files', async () => {
      const manifest = await trail.readManifest();
      expect(manifest.head).toBeNull();
      expect(manifest.files.size).toBe(0);
      expect(await trail.readFile('a.yaml')).toBeNull();
    });

    it('writes a first commit whose manifest holds the git blob hash of each file', async () => {
      const head = await trail.writeCommit({
        expectedHead: null,
        message: 'scan: 2 added',
        changes: [
          { path: 'aws/1/r/ec2/vpc/vpc-1.yaml', content: bytes('a: 1\n') },
          { path: '.statetrail/scan.json', content: bytes('{}\n') },
        ],
      });
      const manifest = await trail.readManifest();
      expect(manifest.head).toBe(head);
      expect(Object.fromEntries(manifest.files)).toEqual({
        'aws/1/r/ec2/vpc/vpc-1.yaml': gitBlobSha(bytes('a: 1\n')),
        '.statetrail/scan.json': gitBlobSha(bytes('{}\n')),
      });
      expect(text(await trail.readFile('aws/1/r/ec2/vpc/vpc-1.yaml'))).toBe('a: 1\n');
    });

    it('changes and removes files on top of the previous commit and keeps the rest', async () => {
      const first = await trail.writeCommit({
        expectedHead: null,
        message: 'first',
        changes: [
          { path: 'a/one.yaml', content: bytes('1\n') },
          { path: 'a/two.yaml', content: bytes('2\n') },
          { path: 'b/three.yaml', content: bytes('3\n') },
        ],
      });
      const second = await trail.writeCommit({
        expectedHead: first,
        message: 'second',
        changes: [
          { path: 'a/one.yaml', content: bytes('1b\n') },
          { path: 'a/two.yaml', content: null },
        ],
      });
      const manifest = await trail.readManifest();
      expect(manifest.head).toBe(second);
      expect([...manifest.files.keys()].sort()).toEqual(['a/one.yaml', 'b/three.yaml']);
      expect(text(await trail.readFile('a/one.yaml'))).toBe('1b\n');
      expect(text(await trail.readFile('a/one.yaml', first))).toBe('1\n');
      expect(text(await trail.readFile('a/two.yaml', first))).toBe('2\n');
      expect(await trail.readFile('a/two.yaml')).toBeNull();
    });

    it('refuses a commit on a head that moved, and changes nothing', async () => {
      const first = await trail.writeCommit({
        expectedHead: null,
        message: 'first',
        changes: [{ path: 'x.yaml', content: bytes('1\n') }],
      });
      const second = await trail.writeCommit({
        expectedHead: first,
        message: 'second',
        changes: [{ path: 'x.yaml', content: bytes('2\n') }],
      });
      await expect(
        trail.writeCommit({
          expectedHead: first,
          message: 'stale',
          changes: [{ path: 'x.yaml', content: bytes('3\n') }],
        }),
      ).rejects.toBeInstanceOf(TrailConflictError);
      await expect(
        trail.writeCommit({
          expectedHead: null,
          message: 'stale root',
          changes: [{ path: 'y.yaml', content: bytes('3\n') }],
        }),
      ).rejects.toBeInstanceOf(TrailConflictError);
      const manifest = await trail.readManifest();
      expect(manifest.head).toBe(second);
      expect(text(await trail.readFile('x.yaml'))).toBe('2\n');
      expect(manifest.files.has('y.yaml')).toBe(false);
    });

    it('writes preceding commits first and moves the branch once, to the last', async () => {
      const first = await trail.writeCommit({
        expectedHead: null,
        message: 'first',
        changes: [{ path: 'a.yaml', content: bytes('1\n') }],
      });
      const head = await trail.writeCommit({
        expectedHead: first,
        preceding: [
          { message: 'format: 1 rewritten', changes: [{ path: 'a.yaml', content: bytes('1 \n') }] },
        ],
        message: 'scan: 1 added',
        changes: [{ path: 'b.yaml', content: bytes('2\n') }],
      });
      const manifest = await trail.readManifest();
      expect(manifest.head).toBe(head);
      expect(text(await trail.readFile('a.yaml'))).toBe('1 \n');
      expect(text(await trail.readFile('b.yaml'))).toBe('2\n');
      expect(text(await trail.readFile('a.yaml', first))).toBe('1\n');
    });

    it('answers a query with every expected and needed path, and every file under complete directories', async () => {
      const files = {
        'aws/1/r/ec2/vpc/vpc-1.yaml': bytes('a: 1\n'),
        'aws/1/r/ec2/vpc/vpc-2.yaml': bytes('a: 2\n'),
        'aws/1/r/ec2/subnet/subnet-1.yaml': bytes('s: 1\n'),
        'aws/2/r/ec2/vpc/vpc-9.yaml': bytes('a: 9\n'),
        '.statetrail/scan.json': bytes('{}\n'),
      };
      const head = await trail.writeCommit({
        expectedHead: null,
        message: 'first',
        changes: Object.entries(files).map(([path, content]) => ({ path, content })),
      });
      const manifest = await trail.readManifest({
        expected: new Map([
          ['aws/1/r/ec2/vpc/vpc-1.yaml', gitBlobSha(bytes('a: 1\n'))],
          ['aws/1/r/ec2/subnet/subnet-1.yaml', gitBlobSha(bytes('changed\n'))],
          ['aws/1/r/ec2/subnet/subnet-2.yaml', gitBlobSha(bytes('new\n'))],
        ]),
        complete: ['aws/1/r/ec2/vpc'],
        paths: ['.statetrail/scan.json', '.statetrail/terraform.json'],
      });
      expect(manifest.head).toBe(head);
      for (const path of [
        'aws/1/r/ec2/vpc/vpc-1.yaml',
        'aws/1/r/ec2/vpc/vpc-2.yaml',
        'aws/1/r/ec2/subnet/subnet-1.yaml',
        '.statetrail/scan.json',
      ]) {
        expect(manifest.files.get(path), path).toBe(gitBlobSha(files[path as keyof typeof files]));
      }
      expect(manifest.files.has('aws/1/r/ec2/subnet/subnet-2.yaml')).toBe(false);
      expect(manifest.files.has('.statetrail/terraform.json')).toBe(false);
    });

    it('keeps bytes exactly, unicode and binary included', async () => {
      const data = new Uint8Array([0, 1, 2, 255, 10, 13, 0xe2, 0x82, 0xac]);
      await trail.writeCommit({
        expectedHead: null,
        message: 'bytes',
        changes: [
          { path: 'bin.dat', content: data },
          { path: 'k8s/c/ns/core/ConfigMap/caf%C3%A9.yaml', content: bytes('name: café ☕\n') },
        ],
      });
      expect(await trail.readFile('bin.dat')).toEqual(data);
      expect(text(await trail.readFile('k8s/c/ns/core/ConfigMap/caf%C3%A9.yaml'))).toBe(
        'name: café ☕\n',
      );
      expect((await trail.readManifest()).files.get('bin.dat')).toBe(gitBlobSha(data));
    });
  });
}
