import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One workspace of the simulated organization; without `state` it has none yet. */
export interface SimWorkspace {
  readonly name: string;
  /** The raw state JSON its current state version downloads. */
  readonly state?: string;
}

/** What the simulated HCP Terraform holds. */
export interface TfeWorld {
  readonly organization: string;
  readonly workspaces: readonly SimWorkspace[];
  /** The one token the API accepts. */
  readonly token: string;
  /** Workspaces per listing page at most (the real API: 100). @default 100 */
  readonly maxPageSize?: number;
}

/** The routes a fault can hit. */
export type TfeRoute = 'workspace' | 'list' | 'state-version' | 'download' | 'archive';

/** A scripted answer for the next `times` requests of a route, instead of the real one. */
export interface TfeFault {
  readonly route: TfeRoute;
  readonly status: number;
  /** @default 1 */
  times?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One request the sim got. */
export interface TfeRequest {
  readonly route: TfeRoute | 'unknown';
  readonly server: 'api' | 'archive';
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** A running simulated HCP Terraform: the API origin and a separate archive origin. */
export interface TfeSim {
  /** The API's address (`terraform.hosts.<host>.address`). */
  readonly url: string;
  /** The pre-signed storage the state downloads redirect to: another origin. */
  readonly archiveUrl: string;
  readonly requests: TfeRequest[];
  /** Faults still to answer; push more at any time. */
  readonly faults: TfeFault[];
  close(): Promise<void>;
}

const JSON_API = 'application/vnd.api+json';

/**
 * HCP Terraform's API v2 on loopback, as its clients see it: workspace by name, paged workspace
 * listing, current state version, and the Terraform Enterprise download form
 * (`/api/state-versions/:id/hosted_state`, authenticated) that redirects to a pre-signed URL on
 * another origin, which must be fetched without the token. A bad token gets 401 with the token
 * it saw echoed in the body (so a client that shows answers would leak it).
 */
export async function startTfeSim(world: TfeWorld): Promise<TfeSim> {
  const requests: TfeRequest[] = [];
  const faults: TfeFault[] = [];
  const ids = new Map(world.workspaces.map((ws, i) => [`ws-sim${i}`, ws]));
  const byName = new Map([...ids].map(([id, ws]) => [ws.name, { id, ws }]));
  const signed = new Map<string, string>();
  let api = '';
  let archive = '';

  function fault(route: TfeRoute): TfeFault | undefined {
    const found = faults.find((f) => f.route === route && (f.times ?? 1) > 0);
    if (found) found.times = (found.times ?? 1) - 1;
    return found;
  }

  function workspaceJson(id: string, ws: SimWorkspace) {
    return {
      id,
      type: 'workspaces',
      attributes: { name: ws.name, 'resource-count': 0 },
      relationships: {
        organization: { data: { id: world.organization, type: 'organizations' } },
        'current-state-version': {
          data: ws.state === undefined ? null : { id: `sv-${id}`, type: 'state-versions' },
        },
      },
    };
  }

  function route(path: string, server: 'api' | 'archive'): TfeRoute | 'unknown' {
    if (server === 'archive') return 'archive';
    if (/^\/api\/v2\/organizations\/[^/]+\/workspaces\/[^/?]+$/.test(path)) return 'workspace';
    if (/^\/api\/v2\/organizations\/[^/]+\/workspaces(\?|$)/.test(path)) return 'list';
    if (/^\/api\/v2\/workspaces\/[^/]+\/current-state-version$/.test(path)) return 'state-version';
    if (/^\/api\/state-versions\/[^/]+\/hosted_state$/.test(path)) return 'download';
    return 'unknown';
  }

  function handle(server: 'api' | 'archive') {
    return (req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? '/';
      const at = route(path, server);
      requests.push({ route: at, server, path, headers: req.headers });
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res
          .writeHead(status, { 'content-type': JSON_API, ...headers })
          .end(typeof body === 'string' ? body : JSON.stringify(body));
      const errors = (status: number, title: string) =>
        send(status, { errors: [{ status: String(status), title }] });
      if (at === 'unknown') return errors(404, 'not found');
      const scripted = fault(at);
      if (scripted) {
        return send(
          scripted.status,
          scripted.body ?? { errors: [{ status: `${scripted.status}` }] },
          {
            ...scripted.headers,
          },
        );
      }
      if (at === 'archive') {
        const state = signed.get(path);
        if (state === undefined) return errors(404, 'not found');
        return send(200, state, { 'content-type': 'application/json' });
      }
      const presented = req.headers.authorization ?? '';
      if (presented !== `Bearer ${world.token}`) {
        return send(401, {
          errors: [{ status: '401', title: 'unauthorized', detail: `token ${presented} refused` }],
        });
      }
      const url = new URL(path, api);
      const segments = url.pathname.split('/');
      if (at === 'workspace') {
        const [org, name] = [segments[4], decodeURIComponent(segments[6] ?? '')];
        const found = org === world.organization ? byName.get(name) : undefined;
        if (!found) return errors(404, 'not found');
        return send(200, { data: workspaceJson(found.id, found.ws) });
      }
      if (at === 'list') {
        if (segments[4] !== world.organization) return errors(404, 'not found');
        const size = Math.min(
          Number(url.searchParams.get('page[size]') ?? 20),
          world.maxPageSize ?? 100,
        );
        const number = Number(url.searchParams.get('page[number]') ?? 1);
        const all = [...ids];
        const pages = Math.max(1, Math.ceil(all.length / size));
        const slice = all.slice((number - 1) * size, number * size);
        return send(200, {
          data: slice.map(([id, ws]) => workspaceJson(id, ws)),
          meta: {
            pagination: {
              'current-page': number,
              'next-page': number < pages ? number + 1 : null,
              'total-pages': pages,
              'total-count': all.length,
            },
          },
        });
      }
      if (at === 'state-version') {
        const id = segments[4] ?? '';
        const ws = ids.get(id);
        if (!ws) return errors(404, 'not found');
        if (ws.state === undefined) return errors(404, 'not found');
        return send(200, {
          data: {
            id: `sv-${id}`,
            type: 'state-versions',
            attributes: {
              serial: 1,
              status: 'finalized',
              'hosted-state-download-url': `${api}/api/state-versions/sv-${id}/hosted_state`,
            },
          },
        });
      }
      // download: the authenticated TFE URL redirects to a pre-signed one on the archive origin.
      const id = (segments[3] ?? '').replace(/^sv-/, '');
      const ws = ids.get(id);
      if (ws?.state === undefined) return errors(404, 'not found');
      const object = `/v1/object/${id}-signature-${signed.size}`;
      signed.set(object, ws.state);
      return send(302, '', { location: `${archive}${object}` });
    };
  }

  const servers: Server[] = [createServer(handle('api')), createServer(handle('archive'))];
  const urls: string[] = [];
  for (const server of servers) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  api = urls[0] ?? '';
  archive = urls[1] ?? '';
  return {
    url: api,
    archiveUrl: archive,
    requests,
    faults,
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
