import type { KubeMetadata, KubeObject } from '../../../../lib/model/kube.js';

/** Fields merged over a test object; `metadata.namespace: undefined` makes it cluster-scoped. */
export interface ObjectExtras {
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

/** A minimal object of the given type (named `thing` in `shop`), with `extra` merged over it. */
export function kubeObject(apiVersion: string, kind: string, extra: ObjectExtras = {}): KubeObject {
  const { metadata, ...rest } = extra;
  const merged: Record<string, unknown> = { name: 'thing', namespace: 'shop', ...metadata };
  if (merged['namespace'] === undefined) delete merged['namespace'];
  return { apiVersion, kind, ...rest, metadata: merged as KubeMetadata };
}

/** A fixed HMAC key for tests. */
export const TEST_KEY = new TextEncoder().encode('statetrail-test-hmac-key');
