import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { breakTransport, brokenJsonAnswer } from './broken-answers.js';
import {
  eksAccessDenied,
  eksErrorBody,
  eksInvalidParameter,
  eksServerError,
  eksThrottling,
  missingAuthenticationToken,
  unknownOperation,
  unrecognizedClient,
} from './eks-errors.js';
import { type EksInput, eksHandlers } from './eks-handlers.js';
import { matchEksRoute, NUMERIC_QUERY } from './eks-routes.js';
import { emptyEksRegion } from './eks-world.js';
import { SimApiError } from './errors.js';
import { type FaultBook, type FaultEffect, takeFault } from './faults.js';
import type { SimCall } from './server.js';
import { parseAuthorization } from './sigv4.js';
import { type AwsWorld, authenticate, type SimAccessKey } from './world.js';

/** What the EKS part of the sim shares with the server. */
export interface EksSimState {
  readonly world: AwsWorld;
  readonly faults: FaultBook;
  readonly calls: SimCall[];
}

interface Reply {
  status: number;
  body: string;
  contentType?: string;
  errorType?: string;
  fault?: FaultEffect['kind'];
}

/**
 * Answers one EKS request (restJson1): the operation from the method and path, its input from the
 * path labels, query and JSON body, its output as JSON with epoch-second timestamps, errors with
 * `x-amzn-errortype`. The fault book applies by SDK operation name (`DescribeCluster`...).
 */
export async function answerEks(
  req: IncomingMessage,
  res: ServerResponse,
  state: EksSimState,
): Promise<void> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://sim');
  const method = req.method ?? 'GET';
  const requestId = randomUUID();
  const scope = parseAuthorization(req.headers.authorization);
  const route = matchEksRoute(method, url.pathname);
  const call: SimCall = {
    service: 'eks',
    action: route?.operation ?? `${method} ${url.pathname}`,
    accountId: undefined,
    region: scope?.region,
    params: {},
    status: 0,
  };
  let reply: Reply;
  try {
    reply = await dispatch(req, state, { route, url, body, call, scope });
  } catch (error) {
    // A bug in the sim: a code no API has and a status the SDK does not retry.
    reply = errorReply(
      error instanceof SimApiError ? error : new SimApiError('AwsSimBug', 400, String(error)),
    );
  }
  call.status = reply.status;
  if (reply.fault) call.fault = reply.fault;
  state.calls.push(call);
  if (breakTransport(reply.fault, req)) return;
  res
    .writeHead(reply.status, {
      'content-type': reply.contentType ?? 'application/json',
      'x-amzn-requestid': requestId,
      ...(reply.errorType ? { 'x-amzn-errortype': reply.errorType } : {}),
    })
    .end(reply.body);
}

interface Request {
  route: ReturnType<typeof matchEksRoute>;
  url: URL;
  body: string;
  call: SimCall;
  scope: ReturnType<typeof parseAuthorization>;
}

async function dispatch(
  req: IncomingMessage,
  state: EksSimState,
  request: Request,
): Promise<Reply> {
  const { route, url, body, call, scope } = request;
  if (scope?.service !== 'eks') return errorReply(missingAuthenticationToken());
  const caller = authenticate(state.world, scope.accessKeyId, req.headers['x-amz-security-token']);
  if (!caller) return errorReply(unrecognizedClient());
  call.accountId = caller.accountId;
  if (!route) return errorReply(unknownOperation(req.method ?? 'GET', url.pathname));
  const handler = eksHandlers[route.operation];
  if (!handler) return errorReply(unknownOperation(req.method ?? 'GET', url.pathname));
  const input = readInput(route.labels, url.searchParams, body);
  call.params = input;
  if (route.operation.startsWith('List')) call.paginated = input['maxResults'] !== undefined;

  const effect = await takeFault(state.faults, {
    service: 'eks',
    action: route.operation,
    account: caller.accountId,
    region: scope.region,
  });
  if (effect)
    return faultReply(
      effect,
      caller.key,
      route.operation,
      resourceOf(input, caller.accountId, scope.region),
    );

  const eks = state.world.accounts[caller.accountId]?.eks?.[scope.region] ?? emptyEksRegion();
  const output = handler(input, { accountId: caller.accountId, region: scope.region, eks });
  return { status: 200, body: eksJson(output) };
}

function faultReply(
  effect: FaultEffect,
  key: SimAccessKey,
  action: string,
  resource: string,
): Reply {
  switch (effect.kind) {
    case 'throttle':
      return { ...errorReply(eksThrottling()), fault: 'throttle' };
    case 'deny':
      return { ...errorReply(eksAccessDenied(key.principalArn, action, resource)), fault: 'deny' };
    case 'fail':
      return { ...errorReply(eksServerError(effect.status)), fault: 'fail' };
    case 'malformed':
      return { status: 200, body: '{"cluster":{"name":"', fault: 'malformed' };
    case 'broken':
      return { status: 200, ...brokenJsonAnswer(effect.answer), fault: 'broken' };
    case 'reset':
    case 'hang':
      return { status: 200, body: '', fault: effect.kind };
  }
}

function errorReply(error: SimApiError): Reply {
  return { status: error.status, body: eksErrorBody(error), errorType: error.code };
}

// The ARN an AccessDenied message names: the cluster in the path, or every cluster for ListClusters.
function resourceOf(input: EksInput, accountId: string, region: string): string {
  const cluster = input['clusterName'] ?? input['name'];
  return `arn:aws:eks:${region}:${accountId}:cluster/${typeof cluster === 'string' ? cluster : '*'}`;
}

function readInput(labels: Record<string, string>, query: URLSearchParams, body: string): EksInput {
  const input: EksInput = {};
  if (body.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw eksInvalidParameter('The request body is not valid JSON');
    }
    if (typeof parsed === 'object' && parsed !== null) Object.assign(input, parsed);
  }
  for (const [name, value] of query) input[name] = NUMERIC_QUERY.has(name) ? Number(value) : value;
  Object.assign(input, labels);
  return input;
}

/** JSON as EKS writes it: timestamps as epoch seconds (the SDK's default for restJson1 bodies). */
export function eksJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, item: unknown) {
    // `item` has been through Date#toJSON already; the holder still has the Date.
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : item;
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
