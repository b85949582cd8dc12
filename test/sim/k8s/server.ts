import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import {
  type BrokenAnswer,
  createKubeFaultBook,
  type KubeFaultBook,
  type KubeFaults,
} from './faults.js';
import { answerGet, type KubeReply } from './handlers.js';
import { kubeconfigText } from './kubeconfig.js';
import { encodeContinue } from './paging.js';
import { matchRoute } from './routes.js';
import { KubeStatusError, methodNotAllowed, unauthorized, unknownPath } from './status.js';
import type { KubeWorld } from './world.js';

/** One call the sim answered. */
export interface KubeCall {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** The Accept header, to check what a client negotiated. */
  accept?: string;
}

/** A running simulated API server. */
export interface KubeSim {
  /** `https://127.0.0.1:<port>`. */
  readonly url: string;
  /** The CA that signed the server certificate, PEM. */
  readonly caPem: string;
  /** A token the world accepts. */
  readonly token: string;
  readonly world: KubeWorld;
  readonly faults: KubeFaults;
  readonly calls: KubeCall[];
  resetCalls(): void;
  close(): Promise<void>;
  /** A kubeconfig (context `sim`) that trusts the CA and sends the token. */
  kubeconfig(): string;
}

/** Options of {@link startKubeSim}. */
export interface KubeSimOptions {
  /** The token the sim hands out; defaults to the world's first. */
  token?: string;
}

/** Starts the sim on 127.0.0.1 with a fresh CA and server certificate. */
export async function startKubeSim(
  world: KubeWorld,
  options: KubeSimOptions = {},
): Promise<KubeSim> {
  const token = options.token ?? [...world.tokens.keys()][0];
  if (token === undefined) throw new Error('The world has no token to hand out');
  const { caPem, key, cert } = await certificates();
  const faults = createKubeFaultBook();
  const calls: KubeCall[] = [];
  const server = createServer({ key, cert }, (req, res) => handle(req, res, world, faults, calls));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    caPem,
    token,
    world,
    faults,
    calls,
    resetCalls: () => {
      calls.length = 0;
    },
    close: () => closeServer(server),
    kubeconfig: () => kubeconfigText({ server: url, caPem, token }),
  };
}

function handle(
  req: IncomingMessage,
  res: ServerResponse,
  world: KubeWorld,
  faults: KubeFaultBook,
  calls: KubeCall[],
): void {
  const url = new URL(req.url ?? '/', 'https://sim');
  const method = req.method ?? 'GET';
  const accept = req.headers.accept;
  const fault = faults.brokenAnswer(url.pathname);
  if (fault === 'reset' || fault === 'hang') {
    calls.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
    });
    // A hung call keeps its socket open until the client gives up (or the sim closes).
    if (fault === 'reset') req.socket.destroy();
    return;
  }
  let reply: KubeReply;
  try {
    reply = answer(req, url, world, faults);
  } catch (error) {
    const status =
      error instanceof KubeStatusError
        ? error
        : new KubeStatusError(500, 'InternalError', `sim bug: ${String(error)}`);
    reply = { status: status.body.code, body: status.body, contentType: 'application/json' };
  }
  if (fault) reply = brokenReply(reply, fault);
  calls.push({
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    status: reply.status,
    ...(accept === undefined ? {} : { accept }),
  });
  const full = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  // A body cut in half by a proxy: the answer ends cleanly, its JSON does not.
  const text = fault === 'truncated' ? full.slice(0, Math.floor(full.length / 2)) : full;
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    'cache-control': 'no-cache, private',
    'x-kubernetes-pf-flowschema-uid': 'sim',
    // API Priority and Fairness answers a rejected request with 429 and a Retry-After.
    ...(reply.status === 429 ? { 'retry-after': '1' } : {}),
  });
  res.end(text);
  req.resume();
}

function answer(
  req: IncomingMessage,
  url: URL,
  world: KubeWorld,
  faults: KubeFaultBook,
): KubeReply {
  const user = authenticate(world, req.headers.authorization);
  const route = matchRoute(url.pathname);
  if (!route) throw unknownPath();
  if (req.method !== 'GET') throw methodNotAllowed();
  if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1')
    throw new KubeStatusError(400, 'BadRequest', 'the sim does not serve watches');
  return answerGet(world, faults, {
    route,
    user,
    query: url.searchParams,
    accept: req.headers.accept,
  });
}

function authenticate(world: KubeWorld, header: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  const token = match?.[1];
  const user = token === undefined ? undefined : (world.tokens.get(token) ?? eksUser(world, token));
  if (user === undefined) throw unauthorized();
  return user;
}

/**
 * The user of an EKS token: a presigned STS GetCallerIdentity URL whose signed headers include
 * x-k8s-aws-id. (The real webhook then calls STS with the cluster id header; the sim trusts the
 * shape, which is what the exporter produces.)
 */
function eksUser(world: KubeWorld, token: string): string | undefined {
  if (!world.eksCluster || !token.startsWith('k8s-aws-v1.')) return undefined;
  let url: URL;
  try {
    url = new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const signed = url.searchParams.get('X-Amz-SignedHeaders')?.split(';') ?? [];
  const sts = /^sts\.[a-z0-9-]+\.amazonaws\.com$/.test(url.hostname);
  if (!sts || url.searchParams.get('Action') !== 'GetCallerIdentity') return undefined;
  if (!signed.includes('x-k8s-aws-id') || !url.searchParams.get('X-Amz-Signature'))
    return undefined;
  const accessKey = url.searchParams.get('X-Amz-Credential')?.split('/')[0] ?? 'unknown';
  return `eks:${accessKey}`;
}

// A CA and a server certificate it signs, as kubeadm sets up: clients trust the CA, not the leaf.
async function certificates(): Promise<{ caPem: string; key: string; cert: string }> {
  const ca = await generate([{ name: 'commonName', value: 'statetrail-sim-ca' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: 'kube-apiserver' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: 'kubernetes.default.svc' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { caPem: ca.cert, key: leaf.private, cert: leaf.cert };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

const LIST_FIELDS = ['items', 'groups', 'resources', 'versions'] as const;

/** The answer a broken server, proxy or aggregator gives instead of `reply`. */
function brokenReply(reply: KubeReply, fault: BrokenAnswer): KubeReply {
  const json = 'application/json';
  const status = (code: number, reason: string, message: string) => ({
    status: code,
    contentType: json,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
    },
  });
  switch (fault) {
    case 'html':
      return { status: 200, contentType: 'text/html', body: '<html><body>Sign in</body></html>' };
    case 'empty':
      return { status: 200, contentType: json, body: '' };
    case 'status':
      return { ...status(500, 'InternalError', 'an error on the server'), status: 200 };
    case 'server-error':
      return status(500, 'InternalError', 'an error on the server');
    case 'throttle':
      return status(429, 'TooManyRequests', 'the server has received too many requests');
    case 'denied':
      return status(403, 'Forbidden', 'forbidden by the sim');
    case 'repeat-continue': {
      if (typeof reply.body !== 'object' || reply.body === null) return reply;
      const body = reply.body as Record<string, unknown>;
      const metadata = { ...(body['metadata'] as Record<string, unknown> | undefined) };
      metadata['continue'] = encodeContinue({ rv: 1, start: '\u0000' });
      return { ...reply, body: { ...body, metadata } };
    }
    case 'items-null':
    case 'items-not-list':
    case 'items-missing': {
      if (typeof reply.body !== 'object' || reply.body === null) return reply;
      const body = { ...(reply.body as Record<string, unknown>) };
      const field = LIST_FIELDS.find((f) => f in body) ?? 'items';
      if (fault === 'items-missing') delete body[field];
      else body[field] = fault === 'items-null' ? null : { unexpected: true };
      return { ...reply, body };
    }
    default:
      return reply;
  }
}
