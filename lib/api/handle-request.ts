import type { Logger } from '../model/index.js';
import { readLatestDrift, renderLatestDrift } from '../pipeline/latest-drift.js';
import type { StagingStore } from '../pipeline/staging-store.js';
import { ExecutionsUnavailableError } from './errors.js';
import type { ScanExecutions } from './executions.js';
import { type ScanRoutesDeps, scanStatus, startScan } from './scans.js';
import { type ApiRequest, type ApiResponse, ScanId, StartScanBody } from './schema.js';

/** What the API needs: the executions port, the staging store (summaries, the latest drift), a logger. */
export interface ApiDeps {
  readonly executions: ScanExecutions;
  readonly staging: StagingStore;
  readonly logger: Logger;
  readonly newId: () => string;
}

/**
 * Answers one API request: `POST /scans`, `GET /scans/{id}`, `GET /drift`; 404 for another path,
 * 405 (with `Allow`) for another method; 400 naming the field for a bad body; 503 when Step
 * Functions cannot be asked. The caller is authenticated before this (IAM, checked by the handler).
 */
export async function handleApiRequest(request: ApiRequest, deps: ApiDeps): Promise<ApiResponse> {
  const route = routeOf(request.path);
  if (route === undefined) return { status: 404, body: { message: 'no such route' } };
  if (request.method !== route.method) {
    return {
      status: 405,
      headers: { allow: route.method },
      body: { message: `${request.path} answers ${route.method} only` },
    };
  }
  try {
    switch (route.name) {
      case 'start':
        return await start(request, deps);
      case 'status':
        return await status(route.id, deps);
      case 'drift':
        return await latestDrift(deps.staging);
    }
  } catch (error) {
    if (error instanceof ExecutionsUnavailableError) {
      deps.logger.error('Step Functions unavailable', { error });
      return {
        status: 503,
        headers: { 'retry-after': '5' },
        body: { message: 'the scan state machine could not be reached; retry' },
      };
    }
    throw error;
  }
}

type Route =
  | { name: 'start'; method: 'POST' }
  | { name: 'status'; method: 'GET'; id: string }
  | { name: 'drift'; method: 'GET' };

function routeOf(path: string): Route | undefined {
  const parts = path.split('/').filter((part) => part !== '');
  if (parts.length === 1 && parts[0] === 'scans') return { name: 'start', method: 'POST' };
  if (parts.length === 2 && parts[0] === 'scans' && parts[1] !== undefined) {
    return { name: 'status', method: 'GET', id: decodeURIComponent(parts[1]) };
  }
  if (parts.length === 1 && parts[0] === 'drift') return { name: 'drift', method: 'GET' };
  return undefined;
}

async function start(request: ApiRequest, deps: ScanRoutesDeps): Promise<ApiResponse> {
  let json: unknown = {};
  if (request.body !== undefined && request.body.trim() !== '') {
    try {
      json = JSON.parse(request.body);
    } catch {
      return badRequest('(body): not JSON', '(body)');
    }
  }
  const parsed = StartScanBody.safeParse(json);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(body)';
    return badRequest(`${field}: ${issue?.message ?? 'invalid'}`, field);
  }
  return startScan(parsed.data, request.caller, deps);
}

async function status(id: string, deps: ScanRoutesDeps): Promise<ApiResponse> {
  const parsed = ScanId.safeParse(id);
  // Never echo the id back: it is whatever the caller put in the path.
  if (!parsed.success) return badRequest('id: not a scan id', 'id');
  return scanStatus(parsed.data, deps);
}

async function latestDrift(staging: StagingStore): Promise<ApiResponse> {
  const latest = await readLatestDrift(staging);
  if (latest === undefined) {
    return {
      status: 404,
      body: { message: 'no drift report yet: no scan has compared with Terraform state' },
    };
  }
  return { status: 200, body: renderLatestDrift(latest) };
}

function badRequest(message: string, field: string): ApiResponse {
  return { status: 400, body: { message, field } };
}
