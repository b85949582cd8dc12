import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerGit } from './git-routes.js';
import { GitStore } from './git-store.js';
import { answerReview } from './review-routes.js';
import { createReviewWorld, type ReviewWorld } from './review-world.js';

/** One call the sim answered. */
export interface GitHubCall {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Bytes of the request body. */
  readonly bytes: number;
  /** Bytes of the response body. */
  readonly responseBytes: number;
  readonly auth: string | undefined;
}

/** A fault: the next `times` matching requests get this answer instead (or run `before` first). */
export interface GitHubFault {
  readonly method?: string;
  /** Matched against the decoded path without the query. */
  readonly path: RegExp;
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Runs before the request is answered normally (a concurrent writer, say); no answer of its own. */
  readonly before?: () => void;
  /** Never answers: the connection stays open until the client gives up (a timeout). */
  readonly hang?: boolean;
  /** @default 1 */
  times?: number;
}

/** What a handler answers. */
export interface GitHubReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** The repository the sim serves, and its settings. */
export interface RepoState {
  readonly owner: string;
  readonly name: string;
  readonly store: GitStore;
  /** @default true */
  private: boolean;
  defaultBranch: string;
  /** Recursive tree listings larger than this come back `truncated: true`. */
  truncateTreesOver: number;
}

/** A running simulated GitHub REST API. */
export interface GitHubSim {
  /** `http://127.0.0.1:<port>`: the API base URL (as GitHub Enterprise Server's `/api/v3`). */
  readonly url: string;
  /** A token the sim accepts. */
  readonly token: string;
  readonly repo: RepoState;
  readonly review: ReviewWorld;
  readonly calls: GitHubCall[];
  /** Faults to inject, consumed in order. */
  readonly faults: GitHubFault[];
  /** Lets a GitHub App authenticate: its id and public key, and the installation it may use. */
  registerApp(app: { appId: number; publicKeyPem: string; installationId: number }): void;
  /** Installation tokens handed out, with their expiry. */
  readonly issuedTokens: { token: string; expiresAt: string }[];
  /** Seconds an installation token lives. @default 3600 */
  tokenLifetimeSeconds: number;
  /** Calls that wrote (POST, PATCH, PUT, DELETE). */
  writes(): GitHubCall[];
  resetCalls(): void;
  close(): Promise<void>;
}

/** Options of {@link startGitHubSim}. */
export interface GitHubSimOptions {
  readonly owner?: string;
  readonly repo?: string;
  readonly private?: boolean;
  /** The clock the sim stamps tokens and comments with. */
  readonly now?: () => Date;
}

/** Starts the sim on 127.0.0.1 over a new, empty bare repository. */
export async function startGitHubSim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const dir = mkdtempSync(join(tmpdir(), 'statetrail-github-sim-'));
  const repo: RepoState = {
    owner: options.owner ?? 'acme',
    name: options.repo ?? 'trail',
    store: new GitStore(join(dir, 'repo.git')),
    private: options.private ?? true,
    defaultBranch: 'main',
    truncateTreesOver: 100_000,
  };
  const now = options.now ?? (() => new Date());
  const token = 'ghs_simulatedtoken0000000000000000000000';
  const tokens = new Set([token]);
  const apps = new Map<number, { publicKeyPem: string; installationId: number }>();
  const calls: GitHubCall[] = [];
  const faults: GitHubFault[] = [];
  const review = createReviewWorld(repo, now);
  const sim: GitHubSim = {
    url: '',
    token,
    repo,
    review,
    calls,
    faults,
    issuedTokens: [],
    tokenLifetimeSeconds: 3600,
    registerApp: (app) => apps.set(app.appId, app),
    writes: () => calls.filter((call) => call.method !== 'GET' && call.method !== 'HEAD'),
    resetCalls: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).finally(() => rmSync(dir, { recursive: true, force: true })),
  };
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const reply = route(req, body, { sim, tokens, apps, now });
        const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
        calls.push({
          method: req.method ?? 'GET',
          path: decodeURIComponent(new URL(req.url ?? '/', 'http://sim').pathname),
          status: reply.status,
          bytes: body.length,
          responseBytes: Buffer.byteLength(text, 'utf8'),
          auth: req.headers.authorization,
        });
        if (reply !== HANG) send(res, reply, text);
      })
      .catch((error: unknown) => send(res, { status: 500, body: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(sim, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  return sim;
}

/** The reply of a hanging fault: nothing is sent. */
const HANG: GitHubReply = { status: 0 };

interface RouteContext {
  readonly sim: GitHubSim;
  readonly tokens: Set<string>;
  readonly apps: Map<number, { publicKeyPem: string; installationId: number }>;
  readonly now: () => Date;
}

function route(req: IncomingMessage, raw: Buffer, context: RouteContext): GitHubReply {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://sim');
  const path = decodeURIComponent(url.pathname);
  const faultIndex = context.sim.faults.findIndex(
    (fault) => (fault.method ?? method) === method && fault.path.test(path),
  );
  const fault = context.sim.faults[faultIndex];
  if (fault) {
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) context.sim.faults.splice(faultIndex, 1);
    if (fault.hang) return HANG;
    if (fault.before) fault.before();
    else return { status: fault.status ?? 500, body: fault.body, headers: fault.headers ?? {} };
  }
  const body = raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  const installation = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
  if (installation && method === 'POST') {
    return issueToken(req, Number(installation[1]), context);
  }
  const auth = req.headers.authorization ?? '';
  const presented = auth.replace(/^(token|bearer)\s+/i, '');
  if (!context.tokens.has(presented)) {
    return { status: 401, body: { message: 'Bad credentials' } };
  }
  const { repo } = context.sim;
  const prefix = `/repos/${repo.owner}/${repo.name}`;
  if (!path.startsWith(prefix)) return notFound();
  const rest = path.slice(prefix.length);
  if (rest === '' && method === 'GET') {
    return {
      status: 200,
      body: {
        name: repo.name,
        full_name: `${repo.owner}/${repo.name}`,
        private: repo.private,
        visibility: repo.private ? 'private' : 'public',
        default_branch: repo.defaultBranch,
        html_url: `https://github.example/${repo.owner}/${repo.name}`,
      },
    };
  }
  return (
    answerGit(repo, method, rest, body, url.searchParams) ??
    answerReview(context.sim.review, method, rest, body, url.searchParams) ??
    notFound()
  );
}

function issueToken(
  req: IncomingMessage,
  installationId: number,
  context: RouteContext,
): GitHubReply {
  const jwt = (req.headers.authorization ?? '').replace(/^bearer\s+/i, '');
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature)
    return { status: 401, body: { message: 'A JSON web token could not be decoded' } };
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    iss?: number | string;
    exp?: number;
  };
  const app = context.apps.get(Number(claims.iss));
  const valid =
    app !== undefined &&
    verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      createPublicKey(app.publicKeyPem),
      Buffer.from(signature, 'base64url'),
    );
  if (!valid || app === undefined)
    return { status: 401, body: { message: 'Integration not found' } };
  if (app.installationId !== installationId) return notFound();
  const token = `ghs_installation${String(context.sim.issuedTokens.length).padStart(24, '0')}`;
  const expiresAt = new Date(
    context.now().getTime() + context.sim.tokenLifetimeSeconds * 1000,
  ).toISOString();
  context.tokens.add(token);
  context.sim.issuedTokens.push({ token, expiresAt });
  return {
    status: 201,
    body: {
      token,
      expires_at: expiresAt,
      permissions: { contents: 'write', pull_requests: 'write', issues: 'write', metadata: 'read' },
      repository_selection: 'selected',
    },
  };
}

/** GitHub's 404 body. */
export function notFound(): GitHubReply {
  return {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  reply: GitHubReply,
  text = reply.body === undefined ? '' : JSON.stringify(reply.body),
): void {
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...reply.headers,
  });
  res.end(text);
}
